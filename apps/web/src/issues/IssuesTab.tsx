import { useCallback, useEffect, useState } from 'react';
import type { IssueCaseView, IssueListEntry } from '@watchfloor/contracts';
import { consoleStyles } from '../console/console-styles';
import type { UserPrincipal } from '../layout/SignedInShell';
import { IssueDetail } from './IssueDetail';
import { IssueList } from './IssueList';
import { issuesClient } from './issues-client';

/** Emerging issues on the left, the chosen one's case on the right. */
export function IssuesTab({ principal }: { principal: UserPrincipal }) {
  const [issues, setIssues] = useState<IssueListEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('issue'),
  );

  const reload = useCallback(() => {
    issuesClient.list().then(setIssues, (error: Error) => setProblem(error.message));
  }, []);
  useEffect(reload, [reload]);

  const select = (issueId: string) => {
    setSelected(issueId);
    const url = new URL(window.location.href);
    url.searchParams.set('issue', issueId);
    window.history.replaceState(null, '', url);
  };
  // A case changed in the detail shows in the list at once.
  const onCaseChanged = useCallback((changed: IssueCaseView) => {
    setIssues(
      (current) =>
        current?.map((issue) => (issue.id === changed.issueId ? { ...issue, case: changed } : issue)) ?? null,
    );
  }, []);

  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(420px, 2fr) 3fr', gap: 16, alignItems: 'start' }}>
      <section>
        {problem !== null && <p style={consoleStyles.muted}>Could not load issues: {problem}</p>}
        {issues === null ? (
          <p style={consoleStyles.muted}>Loading…</p>
        ) : (
          <IssueList issues={issues} selected={selected} onSelect={select} />
        )}
      </section>
      {selected === null ? (
        <p style={consoleStyles.muted}>Choose an issue to see its timeline and case.</p>
      ) : (
        <IssueDetail key={selected} issueId={selected} principal={principal} onCaseChanged={onCaseChanged} />
      )}
    </div>
  );
}
