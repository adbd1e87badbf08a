import { useState } from 'react';
import { apiFetch } from '../api/http';
import { Cell } from '../admin/AdminTable';
import { theme } from '../theme';
import type { NotificationChannel } from './channel-types';

/** What POST /notification-channels/:id/test answers; the contract leaves the body open, so read it loosely. */
interface TestAnswer {
  ok?: boolean;
  delivered?: boolean;
  message?: string;
  error?: string;
  status?: number;
}

type Outcome = { state: 'sending' } | { state: 'sent'; detail: string } | { state: 'failed'; detail: string };

function outcomeOf(answer: TestAnswer | undefined): Outcome {
  const failed = answer?.ok === false || answer?.delivered === false;
  const detail = answer?.error ?? answer?.message ?? (answer?.status === undefined ? '' : `HTTP ${answer.status}`);
  return failed ? { state: 'failed', detail } : { state: 'sent', detail };
}

/** One channel, with "Send test" and what came of it. */
export function ChannelRow({ channel, onDelete }: { channel: NotificationChannel; onDelete: () => void }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const sendTest = async () => {
    setOutcome({ state: 'sending' });
    try {
      setOutcome(
        outcomeOf(
          await apiFetch<TestAnswer | undefined>(`/notification-channels/${channel.id}/test`, { method: 'POST' }),
        ),
      );
    } catch (caught) {
      setOutcome({ state: 'failed', detail: (caught as Error).message });
    }
  };

  return (
    <tr data-testid="channel-row" data-channel-id={channel.id} data-channel-name={channel.name}>
      <Cell>{channel.name}</Cell>
      <Cell>{channel.kind}</Cell>
      <Cell>
        <code style={{ wordBreak: 'break-all' }}>{channel.target}</code>
      </Cell>
      <Cell>
        {outcome !== null && (
          <span
            data-testid="channel-test-outcome"
            data-state={outcome.state}
            style={{
              color:
                outcome.state === 'sent'
                  ? theme.sentiment.positive
                  : outcome.state === 'failed'
                    ? theme.sentiment.negative
                    : theme.mutedText,
            }}
          >
            {outcome.state === 'sending' ? 'Sending…' : outcome.state === 'sent' ? 'Test sent' : 'Test failed'}
            {outcome.state !== 'sending' && outcome.detail !== '' ? `: ${outcome.detail}` : ''}
          </span>
        )}
      </Cell>
      <Cell>
        <span style={{ display: 'flex', gap: 8 }}>
          <button
            type="button"
            data-testid="test-channel"
            disabled={outcome?.state === 'sending'}
            onClick={() => void sendTest()}
          >
            Send test
          </button>
          <button type="button" data-testid="delete-channel" onClick={onDelete}>
            Delete
          </button>
        </span>
      </Cell>
    </tr>
  );
}
