import type { DataSource } from 'typeorm';
import type { TriageStats } from '@watchfloor/contracts';
import { OPEN_STATUSES } from '@watchfloor/rules';

const MEDIAN = (from: string, to: string) =>
  `percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${to} - ${from}) / 60)`;

/** First-response and resolution times per team and agent, and measured accuracy of analysis. */
export class TriageStatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async stats(since: Date, teamIds: readonly string[] | null): Promise<TriageStats> {
    // Null: every team (admins).
    const scope = '($2::uuid[] IS NULL OR i.team_id = ANY($2::uuid[]))';
    const parameters: unknown[] = [since, teamIds];
    const teams = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT t.id, t.name, count(i.id)::int AS items,
              count(i.id) FILTER (WHERE i.status = ANY($3::text[]))::int AS open,
              count(i.first_response_at)::int AS responded,
              ${MEDIAN('i.created_at', 'i.first_response_at')} AS first_response,
              ${MEDIAN('i.created_at', 'i.resolved_at')} AS resolution
       FROM triage_item i JOIN team t ON t.id = i.team_id
       WHERE i.created_at >= $1 AND ${scope} GROUP BY t.id, t.name ORDER BY t.name`,
      [...parameters, OPEN_STATUSES],
    );
    const agents = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT u.id, u.display_name, count(*)::int AS items, ${MEDIAN('i.created_at', 'i.first_response_at')} AS first_response
       FROM triage_item i JOIN app_user u ON u.id = i.first_responder_id
       WHERE i.created_at >= $1 AND ${scope} GROUP BY u.id, u.display_name ORDER BY u.display_name`,
      parameters,
    );
    const accuracy = await this.dataSource.query<Record<string, unknown>[]>(
      `WITH reviewed AS (
         SELECT coalesce(m.lang, 'und') AS language, m.query_ids,
                (i.not_relevant OR (i.corrected_sentiment IS NOT NULL AND i.corrected_sentiment <> m.sentiment_label)) AS corrected
         FROM triage_item i JOIN mention m ON m.id = i.mention_id
         WHERE i.created_at >= $1 AND ${scope}
           AND (i.not_relevant OR i.corrected_sentiment IS NOT NULL OR i.first_response_at IS NOT NULL OR i.resolved_at IS NOT NULL))
       SELECT language, NULL::text AS query_id, count(*)::int AS reviewed, count(*) FILTER (WHERE corrected)::int AS corrected
       FROM reviewed GROUP BY language
       UNION ALL
       SELECT language, q::text, count(*)::int, count(*) FILTER (WHERE corrected)::int
       FROM reviewed, unnest(query_ids) AS q GROUP BY language, q
       ORDER BY 1, 2 NULLS FIRST`,
      parameters,
    );
    const minutes = (value: unknown) => (value === null ? null : Math.round(Number(value) * 10) / 10);
    return {
      teams: teams.map((row) => ({
        teamId: row['id'] as string,
        name: row['name'] as string,
        items: row['items'] as number,
        open: row['open'] as number,
        responded: row['responded'] as number,
        medianFirstResponseMinutes: minutes(row['first_response']),
        medianResolutionMinutes: minutes(row['resolution']),
      })),
      agents: agents.map((row) => ({
        userId: row['id'] as string,
        name: row['display_name'] as string,
        items: row['items'] as number,
        medianFirstResponseMinutes: minutes(row['first_response']),
      })),
      accuracy: accuracy.map((row) => {
        const reviewed = row['reviewed'] as number;
        const corrected = row['corrected'] as number;
        return {
          language: row['language'] as string,
          queryId: row['query_id'] as string | null,
          reviewed,
          corrected,
          accuracy: reviewed === 0 ? null : Math.round((1 - corrected / reviewed) * 1000) / 1000,
        };
      }),
    };
  }
}
