import type { TriageItemView } from '@watchfloor/contracts';
import { consoleStyles } from './console-styles';
import { canTransition } from './item-rules';
import type { Person } from './team-directory';
import type { TransitionAction } from './triage-client';
import { withShortcut } from './shortcuts';
import { ConsoleButton } from './ConsoleButton';

const TRANSITIONS: { action: TransitionAction; label: string; testId: string; title: string }[] = [
  {
    action: 'wait',
    label: 'Waiting on customer',
    testId: 'wait-button',
    title: withShortcut('Waiting on customer', 'wait'),
  },
  {
    action: 'customerReplied',
    label: 'Customer replied',
    testId: 'customer-replied-button',
    title: 'Customer replied',
  },
  { action: 'resolve', label: 'Resolve', testId: 'resolve-button', title: withShortcut('Resolve', 'resolve') },
  { action: 'reopen', label: 'Reopen', testId: 'reopen-button', title: 'Reopen' },
  { action: 'markSpam', label: 'Spam', testId: 'spam-button', title: 'Mark as spam' },
];

/** Claim, release, assign and move an item along; each button names its key in its title. */
export function ItemActions({
  item,
  selfId,
  heldBy,
  busy,
  members,
  onClaim,
  onRelease,
  onAssign,
  onTransition,
}: {
  item: TriageItemView;
  selfId: string;
  heldBy: string | null;
  busy: string | null;
  members: readonly Person[];
  onClaim: () => void;
  onRelease: () => void;
  onAssign: (userId: string) => void;
  onTransition: (action: TransitionAction) => void;
}) {
  const mine = item.assignee?.id === selfId;
  const waiting = busy !== null;
  return (
    <div data-testid="item-actions" style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
      <ConsoleButton
        variant="primary"
        data-testid="claim-button"
        title={heldBy === null ? withShortcut('Claim: assign it to me', 'claim') : `${heldBy} is on this`}
        disabled={waiting || mine || heldBy !== null}
        onClick={onClaim}
      >
        {busy === 'claim' ? 'Claiming…' : mine ? 'Claimed' : 'Claim'}
      </ConsoleButton>
      <ConsoleButton
        data-testid="release-button"
        title="Release: back to the team, unassigned"
        disabled={waiting || item.assignee === null}
        onClick={onRelease}
      >
        Release
      </ConsoleButton>
      <select
        data-testid="assign-select"
        aria-label="Assign to a team member"
        title="Assign to a team member"
        value=""
        disabled={waiting}
        onChange={(event) => event.target.value !== '' && onAssign(event.target.value)}
        style={consoleStyles.field}
      >
        <option value="">Assign…</option>
        {members.map((person) => (
          <option key={person.id} value={person.id} disabled={person.id === item.assignee?.id}>
            {person.id === selfId ? `Me (${person.name})` : person.name}
          </option>
        ))}
      </select>
      {TRANSITIONS.map((transition) => (
        <ConsoleButton
          key={transition.action}
          data-testid={transition.testId}
          title={transition.title}
          disabled={waiting || !canTransition(item.status, transition.action)}
          onClick={() => onTransition(transition.action)}
        >
          {busy === transition.action ? `${transition.label}…` : transition.label}
        </ConsoleButton>
      ))}
    </div>
  );
}
