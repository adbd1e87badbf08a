import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuditPage } from './admin/AuditPage';
import { ScreensPage } from './admin/ScreensPage';
import { UsersPage } from './admin/UsersPage';
import { LoginPage } from './auth/LoginPage';
import { ConsolePage } from './console/ConsolePage';
import { IssuesPage } from './issues/IssuesPage';
import { QueriesPage } from './queries/QueriesPage';
import { ChannelsPage } from './rules/ChannelsPage';
import { RulesPage } from './rules/RulesPage';
import { SentimentAdaptationsPage } from './sentiment/SentimentAdaptationsPage';
import { SourcesPage } from './sources/SourcesPage';
import { SignedInShell } from './layout/SignedInShell';
import { theme } from './theme';
import { WallPage } from './wall/WallPage';
import { WallsPage } from './walls/WallsPage';

document.body.style.margin = '0';
document.body.style.background = theme.background;
document.body.style.color = theme.text;

function page(pathname: string): ReactNode {
  switch (pathname) {
    case '/login':
      return <LoginPage />;
    case '/wall':
      return <WallPage />;
    case '/admin/screens':
      return (
        <SignedInShell permission="kiosks:manage">
          {(principal) => <ScreensPage canAssignLayouts={principal.permissions.includes('walls:manage')} />}
        </SignedInShell>
      );
    case '/admin/walls':
      return <SignedInShell permission="walls:manage">{() => <WallsPage />}</SignedInShell>;
    case '/queries':
      return (
        <SignedInShell permission="queries:read">
          {(principal) => <QueriesPage canManage={principal.permissions.includes('queries:manage')} />}
        </SignedInShell>
      );
    case '/admin/sources':
      return (
        <SignedInShell permission="sources:read">
          {(principal) => <SourcesPage canManage={principal.permissions.includes('sources:manage')} />}
        </SignedInShell>
      );
    case '/admin/rules':
      return <SignedInShell permission="rules:manage">{() => <RulesPage />}</SignedInShell>;
    case '/admin/channels':
      return <SignedInShell permission="channels:manage">{() => <ChannelsPage />}</SignedInShell>;
    case '/admin/sentiment':
      return <SignedInShell permission="sentiment:manage">{() => <SentimentAdaptationsPage />}</SignedInShell>;
    case '/admin/users':
      return <SignedInShell permission="users:manage">{() => <UsersPage />}</SignedInShell>;
    case '/admin/audit':
      return <SignedInShell permission="audit:read">{() => <AuditPage />}</SignedInShell>;
    case '/issues':
      return (
        <SignedInShell permission="mentions:read">{(principal) => <IssuesPage principal={principal} />}</SignedInShell>
      );
    case '/console':
      return (
        <SignedInShell permission="console:use">{(principal) => <ConsolePage principal={principal} />}</SignedInShell>
      );
    default:
      window.history.replaceState(null, '', '/console');
      return page('/console');
  }
}

createRoot(document.getElementById('root')!).render(<StrictMode>{page(window.location.pathname)}</StrictMode>);
