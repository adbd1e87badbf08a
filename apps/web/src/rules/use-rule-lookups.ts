import { useEffect, useMemo, useState } from 'react';
import { apiFetch } from '../api/http';
import type { NotificationChannel } from './channel-types';
import type { RuleNames } from './rule-summary';
import type { PersonView, QueryOption, RuleLookups, TeamView } from './rule-types';

/**
 * What the rule editor's pickers list: teams, people, queries, channels. Each list loads on its
 * own, so one the person may not read (channels are admin-only) leaves its picker empty and says
 * why, instead of failing the page.
 */
export function useRuleLookups(): { lookups: RuleLookups; names: RuleNames; problems: string[] } {
  const [teams, setTeams] = useState<TeamView[]>([]);
  const [people, setPeople] = useState<PersonView[]>([]);
  const [queries, setQueries] = useState<QueryOption[]>([]);
  const [channels, setChannels] = useState<NotificationChannel[]>([]);
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => {
    // Answers that arrive after unmounting (or after StrictMode's trial mount) are dropped.
    let live = true;
    const load = <T>(path: string, what: string, set: (value: T) => void) =>
      apiFetch<T>(path).then(
        (value) => live && set(value),
        (caught: Error) => live && setProblems((current) => [...current, `Could not list ${what}: ${caught.message}`]),
      );
    void load('/teams', 'teams', setTeams);
    void load('/users', 'people', setPeople);
    void load('/queries', 'queries', setQueries);
    void load('/notification-channels', 'notification channels', setChannels);
    return () => {
      live = false;
    };
  }, []);

  const lookups = useMemo(() => ({ teams, people, queries, channels }), [teams, people, queries, channels]);
  const names = useMemo(
    () => ({
      teams: new Map(teams.map((team) => [team.id, team.name])),
      people: new Map(people.map((person) => [person.id, person.displayName])),
      queries: new Map(queries.map((query) => [query.id, query.name])),
      channels: new Map(channels.map((channel) => [channel.id, channel.name])),
    }),
    [teams, people, queries, channels],
  );
  return { lookups, names, problems };
}
