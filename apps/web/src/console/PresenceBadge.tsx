import type { PresenceEntry } from '@watchfloor/contracts';
import { theme } from '../theme';

/** "Dana Agent is viewing · Sam is replying": who else is at the open item, oneself left out. */
export function presenceText(people: readonly PresenceEntry[]): string {
  return people.map((person) => `${person.name} is ${person.activity}`).join(' · ');
}

export function PresenceBadge({ people }: { people: readonly PresenceEntry[] }) {
  if (people.length === 0) return null;
  const replying = people.some((person) => person.activity === 'replying');
  return (
    <span
      data-testid="presence"
      role="status"
      style={{
        fontSize: 12,
        padding: '2px 8px',
        borderRadius: 10,
        border: `1px solid ${replying ? theme.warning : theme.accent}`,
        color: replying ? theme.warning : theme.accent,
      }}
    >
      {presenceText(people)}
    </span>
  );
}
