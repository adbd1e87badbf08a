import { useEffect, useMemo, useState } from 'react';
import type { ConsoleState } from './console-state';
import { buildDirectory } from './team-directory';
import type { Directory } from './team-directory';
import type { TeamResponse, TriageClient, UserResponse } from './triage-client';

/**
 * Teams and names for the team picker and the assignee list. The team and user lists need
 * users:read (managers, admins); for others the console makes do with what the items say.
 */
export function useTeamDirectory(
  client: TriageClient,
  state: Pick<ConsoleState, 'items' | 'presence' | 'seenTeams'>,
  self: { id: string; name: string; seesAllTeams: boolean; canReadUsers: boolean },
): Directory {
  const [teams, setTeams] = useState<TeamResponse[] | null>(null);
  const [users, setUsers] = useState<UserResponse[] | null>(null);
  const { canReadUsers } = self;
  useEffect(() => {
    let cancelled = false;
    if (canReadUsers) {
      // Without the lists the picker still works from the items: a refusal here is not an error to show.
      client.teams().then(
        (answer) => !cancelled && setTeams(answer),
        () => undefined,
      );
      client.users().then(
        (answer) => !cancelled && setUsers(answer),
        () => undefined,
      );
    }
    return () => {
      cancelled = true;
    };
  }, [client, canReadUsers]);
  const { items, presence, seenTeams } = state;
  const { id, name, seesAllTeams } = self;
  return useMemo(
    () =>
      buildDirectory({
        teams,
        users,
        items: Object.values(items),
        seenTeams,
        presence,
        self: { id, name, seesAllTeams },
      }),
    [teams, users, items, seenTeams, presence, id, name, seesAllTeams],
  );
}
