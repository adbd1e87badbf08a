import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from '../api/http';
import { AdminTable } from '../admin/AdminTable';
import { Problem } from '../layout/Problem';
import { theme } from '../theme';
import { ChannelForm } from './ChannelForm';
import { ChannelRow } from './ChannelRow';
import type { NotificationChannel } from './channel-types';

/** Where rule alerts go: Slack, Teams, a webhook or e-mail. Rules pick channels by id. */
export function ChannelsPage() {
  const [channels, setChannels] = useState<NotificationChannel[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(() => {
    apiFetch<NotificationChannel[]>('/notification-channels').then(setChannels, (caught: Error) =>
      setProblem(caught.message),
    );
  }, []);
  useEffect(reload, [reload]);

  const remove = async (channel: NotificationChannel) => {
    if (!window.confirm(`Delete the channel "${channel.name}"? Rules that notify it will no longer alert there.`)) {
      return;
    }
    setProblem(null);
    try {
      await apiFetch(`/notification-channels/${channel.id}`, { method: 'DELETE' });
    } catch (caught) {
      setProblem((caught as Error).message);
    }
    reload();
  };

  return (
    <main data-testid="channels" style={{ padding: 24 }}>
      <h1 style={{ marginTop: 0 }}>Notification channels</h1>
      <ChannelForm onSaved={reload} onProblem={setProblem} />
      <Problem message={problem} testId="channels-error" />
      {channels.length === 0 ? (
        <p data-testid="channels-empty" style={{ color: theme.mutedText }}>
          No channels yet: rules can flag items into inboxes, but alert nobody.
        </p>
      ) : (
        <AdminTable headings={['Name', 'Kind', 'Target', 'Last test', '']}>
          {channels.map((channel) => (
            <ChannelRow key={channel.id} channel={channel} onDelete={() => void remove(channel)} />
          ))}
        </AdminTable>
      )}
    </main>
  );
}
