import { useState } from 'react';
import { CalendarTab } from '../calendar/CalendarTab';
import { consoleStyles } from '../console/console-styles';
import type { UserPrincipal } from '../layout/SignedInShell';
import { ReportsTab } from '../reports/ReportsTab';
import { theme } from '../theme';
import { IssuesTab } from './IssuesTab';

type Tab = 'issues' | 'calendar' | 'reports';

/** The tab named in the address (#calendar), so a reload or a shared link opens it again. */
function tabInAddress(): Tab {
  const hash = window.location.hash.slice(1);
  return hash === 'calendar' || hash === 'reports' ? hash : 'issues';
}

/** The PR team's page: emerging issues, the marketing calendar, and period reports. */
export function IssuesPage({ principal }: { principal: UserPrincipal }) {
  const [tab, setTab] = useState<Tab>(tabInAddress);
  const tabs: { id: Tab; label: string }[] = [
    { id: 'issues', label: 'Issues' },
    { id: 'calendar', label: 'Calendar' },
    ...(principal.permissions.includes('reports:read') ? [{ id: 'reports' as const, label: 'Reports' }] : []),
  ];
  const open = (next: Tab) => {
    setTab(next);
    window.history.replaceState(null, '', next === 'issues' ? window.location.pathname : `#${next}`);
  };
  return (
    <main style={{ padding: '12px 24px' }}>
      <nav role="tablist" style={{ display: 'flex', gap: 4, borderBottom: `1px solid ${theme.panelBorder}` }}>
        {tabs.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            data-testid={`tab-${id}`}
            onClick={() => open(id)}
            style={{
              ...consoleStyles.button,
              borderRadius: '4px 4px 0 0',
              borderBottom: 'none',
              background: tab === id ? theme.panel : 'transparent',
              color: tab === id ? theme.accent : theme.text,
              fontSize: 14,
              padding: '6px 14px',
            }}
          >
            {label}
          </button>
        ))}
      </nav>
      <div style={{ paddingTop: 12 }}>
        {tab === 'issues' && <IssuesTab principal={principal} />}
        {tab === 'calendar' && <CalendarTab />}
        {tab === 'reports' && <ReportsTab />}
      </div>
    </main>
  );
}
