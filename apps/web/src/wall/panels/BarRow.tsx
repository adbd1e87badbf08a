import { useWallPalette } from '../wall-palette';

interface BarRowProps {
  testId: string;
  label: string;
  /** The bar's length, 0 to 1 of the row. */
  fraction: number;
  figure: string;
  colour: string;
  data?: Record<`data-${string}`, string | number>;
}

/** A labelled horizontal bar: large enough to read across a room, unlike chart ticks. */
export function BarRow({ testId, label, fraction, figure, colour, data }: BarRowProps) {
  const palette = useWallPalette();
  return (
    <div
      data-testid={testId}
      {...data}
      style={{
        display: 'grid',
        gridTemplateColumns: '28% 1fr auto',
        alignItems: 'center',
        gap: '0.8vw',
        marginBottom: '1.2vh',
        fontSize: palette.type.body,
      }}
    >
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{label}</span>
      <span style={{ height: '2.4vh', background: palette.quietFill, borderRadius: 4, overflow: 'hidden' }}>
        <span
          style={{
            display: 'block',
            height: '100%',
            width: `${Math.max(0, Math.min(1, fraction)) * 100}%`,
            background: colour,
          }}
        />
      </span>
      <strong style={{ minWidth: '4vw', textAlign: 'right' }}>{figure}</strong>
    </div>
  );
}
