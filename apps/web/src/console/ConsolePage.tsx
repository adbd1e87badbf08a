import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { PresenceEntry } from '@watchfloor/contracts';
import { goToLogin } from '../auth/use-principal';
import type { UserPrincipal } from '../layout/SignedInShell';
import { theme } from '../theme';
import { MentionStreamStore } from './mention-stream-store';
import { BulkBar } from './BulkBar';
import { ConsoleActions } from './console-actions';
import { othersAt } from './console-state';
import { ConsoleStore } from './console-store';
import { InboxFilters } from './InboxFilters';
import { InboxList } from './InboxList';
import { ItemDetail } from './ItemDetail';
import type { ItemHandlers } from './ItemDetail';
import { LiveStreamPanel } from './LiveStreamPanel';
import { PresenceReporter } from './presence-reporter';
import { ShortcutsHelp } from './ShortcutsHelp';
import { summarizeStats } from './stats-summary';
import { StatsStrip } from './StatsStrip';
import { httpTriageClient } from './triage-client';
import { useConsoleLive } from './use-console-live';
import { useDetailSync } from './use-detail-sync';
import { useFillViewport } from './use-fill-viewport';
import { useReplyTemplates } from './use-reply-templates';
import { useConsoleShortcuts } from './use-console-shortcuts';
import { useTeamDirectory } from './use-team-directory';
import { useTriageStats } from './use-triage-stats';

/** The item named in the address (?item=42), so a reload or a shared link opens it again. */
function itemInAddress(): string | null {
  return new URLSearchParams(window.location.search).get('item');
}

function showInAddress(itemId: string | null): void {
  const url = new URL(window.location.href);
  if (itemId === null) url.searchParams.delete('item');
  else url.searchParams.set('item', itemId);
  if (url.href !== window.location.href) window.history.replaceState(null, '', url);
}

/**
 * The care team's console: the inbox on the left, the open item on the right, the team's pulse
 * on top. Those who may not work items (analysts) see it read-only, with corrections if allowed.
 */
export function ConsolePage({ principal }: { principal: UserPrincipal }) {
  const self = { id: principal.userId, name: principal.displayName };
  const canWork = principal.permissions.includes('triage:work');
  const canCorrect = principal.permissions.includes('analysis:correct');
  const client = httpTriageClient;
  const [store] = useState(() => new ConsoleStore(principal.userId));
  const [actions] = useState(() => new ConsoleActions(store, client, goToLogin));
  const [presence] = useState(() => new PresenceReporter());
  const [stream] = useState(() => new MentionStreamStore());
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);

  useConsoleLive({ store, actions, presence, stream, client, onSignedOut: goToLogin });
  useDetailSync(state, actions);
  useEffect(() => {
    const requested = itemInAddress();
    if (requested !== null) void actions.open(requested);
  }, [actions]);
  useEffect(() => {
    presence.open(state.selectedId);
    showInAddress(state.selectedId);
  }, [presence, state.selectedId]);

  const directory = useTeamDirectory(client, {
    ...self,
    canReadUsers: principal.permissions.includes('users:read'),
  });
  const stats = useTriageStats(client);
  const summary = useMemo(
    () =>
      stats === null
        ? null
        : summarizeStats(
            stats,
            state.filter.teamId,
            directory.teams.map((team) => team.id),
            principal.userId,
          ),
    [stats, state.filter.teamId, directory.teams, principal.userId],
  );
  const templates = useReplyTemplates(client, canWork);

  const others = useMemo(() => {
    const byItem: Record<string, readonly PresenceEntry[]> = {};
    for (const itemId of Object.keys(state.presence)) {
      const people = othersAt({ presence: state.presence, selfId: principal.userId }, itemId);
      if (people.length > 0) byItem[itemId] = people;
    }
    return byItem;
  }, [state.presence, principal.userId]);

  const [helpOpen, setHelpOpen] = useState(false);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const height = useFillViewport(mainRef);

  const handlers = useMemo<ItemHandlers>(
    () => ({
      claim: (itemId) => void actions.claim(itemId),
      release: (itemId) => void actions.release(itemId),
      assign: (itemId, userId) => void actions.assign(itemId, userId),
      transition: (itemId, action) => void actions.transition(itemId, action),
      setTags: (itemId, tags) => void actions.setTags(itemId, tags),
      correct: (itemId, correction) => void actions.correct(itemId, correction),
      addNote: (itemId, text) => actions.addNote(itemId, text),
      editDraft: (itemId, text) => actions.editDraft(itemId, text),
      typing: () => presence.typing(),
      sendReply: (itemId) => void actions.sendReply(itemId),
      close: () => void actions.open(null),
    }),
    [actions, presence],
  );
  const openItem = useCallback((itemId: string) => void actions.open(itemId), [actions]);
  const toggle = useCallback((itemId: string) => store.toggleChecked(itemId), [store]);
  const toggleAll = useCallback((all: boolean) => store.checkAll(all), [store]);

  const item = state.selectedId === null ? undefined : state.items[state.selectedId];

  useConsoleShortcuts({
    item,
    selfId: self.id,
    canWork,
    canCorrect,
    actions,
    store,
    handlers,
    fields: { reply: replyRef, note: noteRef },
    help: { open: helpOpen, set: setHelpOpen },
  });

  const selectedTeam = directory.teams.find((team) => team.id === state.filter.teamId);
  const listItems = state.listIds.flatMap((id) => (state.items[id] === undefined ? [] : [state.items[id]]));
  return (
    <main
      ref={mainRef}
      data-testid="console"
      style={{
        height,
        display: 'grid',
        gridTemplateRows: 'auto minmax(0, 1fr)',
        fontFamily: theme.font,
        color: theme.text,
        background: theme.background,
      }}
    >
      <StatsStrip
        summary={summary}
        liveOpen={
          state.filter.status === 'open' &&
          state.filter.priority === null &&
          state.filter.assignee === 'anyone' &&
          state.list.status === 'ready'
            ? { count: state.listIds.length, atLimit: state.list.truncated }
            : null
        }
        teamName={selectedTeam?.name ?? 'my teams'}
        connection={state.connection}
        onHelp={() => setHelpOpen(true)}
      />
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(340px, 420px) minmax(0, 1fr)', minHeight: 0 }}>
        <aside
          style={{
            display: 'grid',
            gridTemplateRows: 'auto auto minmax(0, 1fr)',
            minHeight: 0,
            borderRight: `1px solid ${theme.panelBorder}`,
            background: theme.panel,
          }}
        >
          <InboxFilters
            filter={state.filter}
            teams={directory.teams}
            onChange={(filter) => void actions.setFilter(filter)}
          />
          <div>
            {canWork && (
              <BulkBar
                count={state.checked.length}
                busy={state.busy !== null}
                notice={state.notice}
                onResolve={() => void actions.bulk('resolve')}
                onSpam={() => void actions.bulk('markSpam')}
                onClear={() => store.checkAll(false)}
              />
            )}
            {item === undefined && state.actionError !== null && (
              <p
                data-testid="action-error"
                role="alert"
                style={{ color: theme.sentiment.negative, padding: '0 10px', fontSize: 13 }}
              >
                {state.actionError}
              </p>
            )}
          </div>
          <InboxList
            items={listItems}
            openId={state.selectedId}
            checked={state.checked}
            selectable={canWork}
            others={others}
            status={state.list.status}
            error={state.list.error}
            truncated={state.list.truncated}
            onOpen={openItem}
            onToggle={toggle}
            onToggleAll={toggleAll}
          />
        </aside>
        {item !== undefined ? (
          <ItemDetail
            item={item}
            detail={state.detail?.itemId === item.id ? state.detail : null}
            self={self}
            canWork={canWork}
            canCorrect={canCorrect}
            others={others[item.id] ?? []}
            members={directory.membersOf(item.teamId)}
            nameOf={directory.nameOf}
            templates={templates}
            draft={state.drafts[item.id]?.text ?? ''}
            busy={state.busy}
            actionError={state.actionError}
            replyRef={replyRef}
            noteRef={noteRef}
            on={handlers}
          />
        ) : state.selectedId !== null ? (
          <section style={{ padding: 16 }}>
            {state.detail?.status === 'error' ? (
              <p role="alert" style={{ color: theme.sentiment.negative }}>
                Could not open item {state.selectedId}: {state.detail.error}
              </p>
            ) : (
              <p style={{ color: theme.mutedText }}>Opening item {state.selectedId}…</p>
            )}
          </section>
        ) : (
          <LiveStreamPanel stream={stream} />
        )}
      </div>
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
    </main>
  );
}
