import { STALE_AFTER_MS, waitingText } from '../panel-freshness';
import { useNow } from '../../use-now';
import { useWallPalette } from '../wall-palette';
import { Panel } from './Panel';
import type { PanelInputs } from './panel-inputs';

/** Each team's open flagged items, how many have run past their first-response SLA, and the longest wait. */
export function SlaPanel({ wall, live }: PanelInputs) {
  const palette = useWallPalette();
  const now = useNow();
  const teams = wall.sla?.value ?? [];
  const cell = { padding: '0.8vh 0.6vw', textAlign: 'right' as const };
  return (
    <Panel
      testId="panel-sla"
      title="Team SLAs"
      dataAt={wall.sla?.asOf ?? null}
      staleAfterMs={STALE_AFTER_MS.sla}
      live={live}
    >
      {teams.length === 0 ? (
        <p style={{ color: palette.mutedText, fontSize: palette.type.body, margin: 0 }}>No teams yet.</p>
      ) : (
        <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: palette.type.body }}>
          <thead style={{ color: palette.mutedText, fontSize: palette.type.small }}>
            <tr>
              <th style={{ ...cell, textAlign: 'left' }}>Team</th>
              <th style={cell}>Open</th>
              <th style={cell}>Breached</th>
              <th style={cell}>Oldest waiting</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((team) => {
              const breached = team.breached > 0;
              return (
                <tr
                  key={team.teamId}
                  data-testid="sla-team"
                  data-team={team.teamName}
                  data-open={team.open}
                  data-breached={team.breached}
                  style={{
                    color: breached ? palette.sentiment.negative : palette.text,
                    borderTop: `1px solid ${palette.panelBorder}`,
                  }}
                >
                  <td style={{ ...cell, textAlign: 'left', fontWeight: 700 }}>{team.teamName}</td>
                  <td style={cell}>{team.open}</td>
                  <td style={{ ...cell, fontWeight: breached ? 800 : 400 }}>{team.breached}</td>
                  <td data-testid="sla-oldest" style={cell}>
                    {team.oldestWaitingSince === null ? '—' : waitingText(Date.parse(team.oldestWaitingSince), now)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
