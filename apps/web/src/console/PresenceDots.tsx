import type { PresenceEntry } from '@watchfloor/contracts';
import { theme } from '../theme';

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  return words
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}

/** Who else has an item open, as small dots: filled while they write a reply. */
export function PresenceDots({ people }: { people: readonly PresenceEntry[] }) {
  if (people.length === 0) return null;
  return (
    <span data-testid="presence-dots" style={{ display: 'inline-flex', gap: 2 }}>
      {people.map((person) => (
        <span
          key={person.userId}
          title={`${person.name} is ${person.activity}`}
          data-activity={person.activity}
          style={{
            width: 18,
            height: 18,
            borderRadius: '50%',
            fontSize: 9,
            fontWeight: 700,
            display: 'inline-grid',
            placeItems: 'center',
            border: `1px solid ${theme.accent}`,
            background: person.activity === 'replying' ? theme.accent : 'transparent',
            color: person.activity === 'replying' ? theme.background : theme.accent,
          }}
        >
          {initials(person.name)}
        </span>
      ))}
    </span>
  );
}
