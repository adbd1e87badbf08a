import type { RefObject } from 'react';
import type { PresenceEntry, TriageItemView } from '@watchfloor/contracts';
import { theme } from '../theme';
import type { ItemDetailState } from './console-state';
import { consoleStyles } from './console-styles';
import { CorrectionControls } from './CorrectionControls';
import { ItemActions } from './ItemActions';
import { statusLabel } from './inbox-filter';
import { heldByOther } from './item-rules';
import { NoteBox } from './NoteBox';
import { PostView } from './PostView';
import { PresenceBadge } from './PresenceBadge';
import { PriorityBadge } from './PriorityBadge';
import { ReplyComposer } from './ReplyComposer';
import { ReplyList } from './ReplyList';
import { SlaCountdown } from './SlaCountdown';
import { TagsEditor } from './TagsEditor';
import type { Person } from './team-directory';
import { templateContext } from './template-preview';
import { Timeline } from './Timeline';
import type { Correction, ResponseTemplate, TransitionAction } from './triage-client';
import { WhyFlagged } from './WhyFlagged';
import { ConsoleButton } from './ConsoleButton';

/** What the open item's controls do; each names the item, so one set serves every item. */
export interface ItemHandlers {
  claim: (itemId: string) => void;
  release: (itemId: string) => void;
  assign: (itemId: string, userId: string) => void;
  transition: (itemId: string, action: TransitionAction) => void;
  setTags: (itemId: string, tags: string[]) => void;
  correct: (itemId: string, correction: Correction) => void;
  addNote: (itemId: string, text: string) => Promise<boolean>;
  editDraft: (itemId: string, text: string) => void;
  typing: () => void;
  sendReply: (itemId: string) => void;
  close: () => void;
}

export interface ItemDetailProps {
  item: TriageItemView;
  detail: ItemDetailState | null;
  self: { id: string; name: string };
  canWork: boolean;
  canCorrect: boolean;
  /** Others at the item now. */
  others: readonly PresenceEntry[];
  members: readonly Person[];
  nameOf: (userId: string) => string | undefined;
  templates: readonly ResponseTemplate[];
  draft: string;
  busy: string | null;
  actionError: string | null;
  replyRef: RefObject<HTMLTextAreaElement | null>;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  on: ItemHandlers;
}

/** The open item: the post, why it was flagged, what can be done, and what has been. */
export function ItemDetail(props: ItemDetailProps) {
  const { item, detail, self, canWork, canCorrect, others, members, nameOf, templates, draft, busy, actionError, on } =
    props;
  const heldBy = heldByOther(item, self.id);
  const teamTemplates = templates.filter((template) => template.teamId === null || template.teamId === item.teamId);
  return (
    <section
      data-testid="item-detail"
      data-item-id={item.id}
      data-status={item.status}
      style={{ padding: '12px 16px', overflowY: 'auto', minHeight: 0 }}
    >
      <header style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 10, marginBottom: 8 }}>
        <PriorityBadge priority={item.priority} />
        <strong data-testid="item-status" style={{ textTransform: 'capitalize' }}>
          {statusLabel(item.status)}
        </strong>
        <SlaCountdown item={item} />
        <span style={consoleStyles.muted}>{item.teamName}</span>
        <span data-testid="item-assignee" style={{ fontSize: 13 }}>
          {item.assignee === null
            ? 'Unassigned'
            : `Assigned to ${item.assignee.id === self.id ? 'me' : item.assignee.name}`}
        </span>
        <PresenceBadge people={others} />
        <ConsoleButton
          aria-label="Close the item"
          title="Close (Esc)"
          onClick={on.close}
          style={{ marginLeft: 'auto' }}
        >
          ×
        </ConsoleButton>
      </header>
      {heldBy !== null && (
        <div
          data-testid="held-by"
          role="status"
          style={{
            background: '#3a2a10',
            border: `1px solid ${theme.warning}`,
            color: theme.warning,
            borderRadius: 4,
            padding: '6px 10px',
            marginBottom: 8,
            fontSize: 13,
          }}
        >
          {heldBy} is on this
        </div>
      )}
      {actionError !== null && (
        <p
          data-testid="action-error"
          role="alert"
          style={{ color: theme.sentiment.negative, margin: '0 0 8px', fontSize: 13 }}
        >
          {actionError}
        </p>
      )}
      <PostView item={item} />
      <div style={{ display: 'grid', gap: 8, marginTop: 10 }}>
        {canWork && (
          <ItemActions
            item={item}
            selfId={self.id}
            heldBy={heldBy}
            busy={busy}
            members={members}
            onClaim={() => on.claim(item.id)}
            onRelease={() => on.release(item.id)}
            onAssign={(userId) => on.assign(item.id, userId)}
            onTransition={(action) => on.transition(item.id, action)}
          />
        )}
        {canCorrect && (
          <CorrectionControls
            correction={item.correction}
            busy={busy !== null}
            onCorrect={(correction) => on.correct(item.id, correction)}
          />
        )}
        <TagsEditor
          key={item.id}
          tags={item.tags}
          editable={canWork}
          busy={busy !== null}
          onChange={(tags) => on.setTags(item.id, tags)}
        />
      </div>
      <WhyFlagged rule={item.rule} explanation={item.mention.explanation} />
      {canWork && (
        <ReplyComposer
          inputRef={props.replyRef}
          text={draft}
          templates={teamTemplates}
          context={templateContext(item, self.name)}
          blockedBy={heldBy}
          busy={busy !== null}
          sending={busy === 'reply'}
          onChange={(text) => on.editDraft(item.id, text)}
          onTyping={on.typing}
          onSend={() => on.sendReply(item.id)}
        />
      )}
      {detail !== null && <ReplyList replies={detail.replies} />}
      {canWork && (
        <NoteBox
          key={item.id}
          inputRef={props.noteRef}
          busy={busy !== null}
          onAdd={(text) => on.addNote(item.id, text)}
        />
      )}
      {detail?.status === 'error' && (
        <p role="alert" style={{ color: theme.sentiment.negative, fontSize: 13 }}>
          Could not read the item&apos;s history: {detail.error}
        </p>
      )}
      {detail?.status === 'loading' ? (
        <p style={consoleStyles.muted}>Loading history…</p>
      ) : (
        <Timeline events={detail?.events ?? []} nameOf={nameOf} />
      )}
    </section>
  );
}
