import { MentionCard } from '../MentionCard';
import { STALE_AFTER_MS } from '../panel-freshness';
import { Panel } from './Panel';
import type { PanelInputs } from './panel-inputs';
import { streamDataAt } from './panel-inputs';

/** The newest mentions, newest first; what does not fit is clipped. */
export function StreamPanel(inputs: PanelInputs) {
  return (
    <Panel
      testId="panel-stream"
      title="Live mentions"
      dataAt={streamDataAt(inputs)}
      staleAfterMs={STALE_AFTER_MS.stream}
      live={inputs.live}
    >
      {inputs.wall.newest.map((mention) => (
        <MentionCard key={mention.id} mention={mention} />
      ))}
    </Panel>
  );
}
