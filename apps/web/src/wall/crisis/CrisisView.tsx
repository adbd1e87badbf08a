import type { Timed, WallCrisis } from '@watchfloor/contracts';
import type { PanelInputs } from '../panels/panel-inputs';
import { StreamPanel } from '../panels/StreamPanel';
import { VolumePanel } from '../panels/VolumePanel';
import { CrisisBanner } from './CrisisBanner';
import { CrisisPostsPanel } from './CrisisPostsPanel';
import { CrisisTimelinePanel } from './CrisisTimelinePanel';

/**
 * Crisis mode: the first unacknowledged P1 takes the wall until someone acknowledges it. The
 * issue's timeline and top posts lead; the live stream and overall volume stay below, smaller,
 * because in a crisis the room watches what comes in next more than ever.
 */
export function CrisisView({ crises, inputs }: { crises: Timed<WallCrisis[]>; inputs: PanelInputs }) {
  const [crisis] = crises.value;
  if (crisis === undefined) return null;
  return (
    <div style={{ display: 'grid', gridTemplateRows: 'auto minmax(0, 1fr)', gap: '1.2vh', minHeight: 0 }}>
      <CrisisBanner crisis={crisis} others={crises.value.length - 1} />
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: '3fr 2fr',
          gridTemplateRows: 'minmax(0, 3fr) minmax(0, 2fr)',
          gap: '1.2vh 1vw',
          minHeight: 0,
        }}
      >
        <CrisisTimelinePanel crisis={crisis} asOf={crises.asOf} live={inputs.live} calendar={inputs.calendar} />
        <CrisisPostsPanel crisis={crisis} asOf={crises.asOf} live={inputs.live} />
        <VolumePanel {...inputs} />
        <StreamPanel {...inputs} />
      </div>
    </div>
  );
}
