import { useState } from 'react';
import { ISSUE_CASE_STATUSES } from '@watchfloor/contracts';
import type { IssueCaseStatus, IssueCaseView, PersonRef, TriagePriority } from '@watchfloor/contracts';
import { ConsoleButton } from '../console/ConsoleButton';
import { consoleStyles } from '../console/console-styles';
import { theme } from '../theme';
import { STATUS_LABELS } from './issue-format';
import { issuesClient } from './issues-client';
import type { CaseChange } from './issues-client';

const PRIORITIES: TriagePriority[] = ['P1', 'P2', 'P3', 'P4'];

/** Owner, status and priority of the case, and the acknowledgement a new P1 waits for. */
export function IssueCaseControls({
  issueCase,
  owners,
  canManage,
  onChanged,
  onProblem,
}: {
  issueCase: IssueCaseView;
  owners: PersonRef[];
  canManage: boolean;
  onChanged: (changed: IssueCaseView) => void;
  onProblem: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<IssueCaseView>) => {
    setBusy(true);
    try {
      onChanged(await work());
    } catch (error) {
      onProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const change = (fields: Omit<CaseChange, 'expectedVersion'>) =>
    run(() => issuesClient.changeCase(issueCase.issueId, { ...fields, expectedVersion: issueCase.version }));
  const choices =
    issueCase.owner === null || owners.some((owner) => owner.id === issueCase.owner?.id)
      ? owners
      : [issueCase.owner, ...owners];
  const disabled = !canManage || busy;
  const label = { ...consoleStyles.muted, display: 'flex', flexDirection: 'column', gap: 2 } as const;
  return (
    <section style={{ ...consoleStyles.section, display: 'flex', gap: 16, alignItems: 'flex-end', flexWrap: 'wrap' }}>
      <label style={label}>
        Owner
        <select
          data-testid="issue-owner"
          disabled={disabled}
          value={issueCase.owner?.id ?? ''}
          onChange={(event) => void change({ ownerId: event.target.value === '' ? null : event.target.value })}
          style={consoleStyles.field}
        >
          <option value="">Nobody</option>
          {choices.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.name}
            </option>
          ))}
        </select>
      </label>
      <label style={label}>
        Status
        <select
          data-testid="issue-status"
          disabled={disabled}
          value={issueCase.status}
          onChange={(event) => void change({ status: event.target.value as IssueCaseStatus })}
          style={consoleStyles.field}
        >
          {ISSUE_CASE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label style={label}>
        Priority
        <select
          data-testid="issue-priority"
          disabled={disabled}
          value={issueCase.priority ?? ''}
          onChange={(event) =>
            void change({ priority: event.target.value === '' ? null : (event.target.value as TriagePriority) })
          }
          style={consoleStyles.field}
        >
          <option value="">None</option>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {priority}
            </option>
          ))}
        </select>
      </label>
      {issueCase.prioritySetBy !== null && (
        <span style={consoleStyles.muted}>
          {issueCase.priority} set by {issueCase.prioritySetBy}
          {issueCase.prioritySetAt !== null && ` at ${new Date(issueCase.prioritySetAt).toLocaleString()}`}
        </span>
      )}
      {issueCase.awaitingAcknowledgement ? (
        <ConsoleButton
          data-testid="issue-acknowledge"
          variant="primary"
          disabled={disabled}
          onClick={() => void run(() => issuesClient.acknowledge(issueCase.issueId))}
          style={{ background: theme.priority.P1, borderColor: theme.priority.P1 }}
        >
          Acknowledge P1
        </ConsoleButton>
      ) : (
        issueCase.acknowledgedBy !== null && (
          <span style={consoleStyles.muted}>Acknowledged by {issueCase.acknowledgedBy.name}</span>
        )
      )}
    </section>
  );
}
