import { MentionStream } from '../wall/MentionStream';
import { useLiveWall } from '../wall/use-live-wall';

/**
 * The triage console's frame. For now it follows the live stream; team inboxes, claiming and
 * replies arrive with routing and triage.
 */
export function ConsolePage() {
  const { wall, connection } = useLiveWall({});
  return (
    <main data-testid="console" style={{ padding: 24 }}>
      <h1 style={{ marginTop: 0 }}>Console</h1>
      <p data-testid="console-connection" data-state={connection}>
        Live stream: {connection}
      </p>
      <MentionStream mentions={wall.mentions} />
    </main>
  );
}
