import { useEffect, useMemo, useState } from 'react';
import { buildDirectory } from './team-directory';
import type { Directory } from './team-directory';
import type { TeamRoster, TriageClient, UserResponse } from './triage-client';

/**
 * Teams and names for the team picker and the assignee list, read once when the console opens:
 * the rosters of one's teams for everyone, and the user list for those who may read it (users:read).
 */
export function useTeamDirectory(
  client: TriageClient,
  self: { id: string; name: string; canReadUsers: boolean },
): Directory {
  const [rosters, setRosters] = useState<TeamRoster[]>([]);
  const [users, setUsers] = useState<UserResponse[] | null>(null);
  const { id, name, canReadUsers } = self;
  useEffect(() => {
    let cancelled = false;
    // Without them the pickers stay empty and the inbox still works: a refusal here is not an error to show.
    client.rosters().then(
      (answer) => !cancelled && setRosters(answer),
      () => undefined,
    );
    if (canReadUsers) {
      client.users().then(
        (answer) => !cancelled && setUsers(answer),
        () => undefined,
      );
    }
    return () => {
      cancelled = true;
    };
  }, [client, canReadUsers]);
  return useMemo(() => buildDirectory({ rosters, users, self: { id, name } }), [rosters, users, id, name]);
}
