import type { IssueCaseView } from '@watchfloor/contracts';
import { consoleStyles } from '../console/console-styles';
import type { UserPrincipal } from '../layout/SignedInShell';
import { theme } from '../theme';
import { IssueCaseControls } from './IssueCaseControls';
import { IssueNotes } from './IssueNotes';
import { IssueSamples } from './IssueSamples';
import { IssueTimelineChart } from './IssueTimelineChart';
import { LinkedItems } from './LinkedItems';
import { RepresentativePost } from './RepresentativePost';
import { compactNumber, issueTitle, percent } from './issue-format';
import { issuesClient } from './issues-client';
import { useIssueDetail } from './use-issue-detail';

/** One issue: how it grew, where it is said, what the team decided and did about it. */
export function IssueDetail({
  issueId,
  principal,
  onCaseChanged,
}: {
  issueId: string;
  principal: UserPrincipal;
  onCaseChanged: (changed: IssueCaseView) => void;
}) {
  const canManage = principal.permissions.includes('issues:manage');
  const canReadReports = principal.permissions.includes('reports:read');
  const { detail, linkedItems, problem, setProblem, reload, setCase, addNote } = useIssueDetail(
    issueId,
    canReadReports,
  );
  if (detail === null) {
    return <p style={consoleStyles.muted}>{problem === null ? 'Loading…' : `Could not load the issue: ${problem}`}</p>;
  }
  const { issue } = detail;
  const caseChanged = (changed: IssueCaseView) => {
    setCase(changed);
    onCaseChanged(changed);
  };
  return (
    <section
      data-testid="issue-detail"
      style={{ background: theme.panel, border: `1px solid ${theme.panelBorder}`, borderRadius: 6, padding: 16 }}
    >
      <h2 style={{ margin: '0 0 4px', fontSize: 20 }}>{issueTitle(issue.title)}</h2>
      <p style={consoleStyles.muted}>
        {compactNumber(issue.volume)} mentions · {compactNumber(issue.voices)} voices · {percent(issue.negativeShare)}{' '}
        negative · reach {compactNumber(issue.reach)} · first seen {new Date(issue.firstSeen).toLocaleString()}
      </p>
      <RepresentativePost post={issue.representative} />
      {problem !== null && (
        <p role="alert" style={{ color: theme.warning, fontSize: 13 }}>
          {problem}
        </p>
      )}
      <IssueTimelineChart issueId={issue.id} />
      <IssueCaseControls
        issueCase={detail.case}
        owners={detail.owners}
        canManage={canManage}
        onChanged={caseChanged}
        onProblem={(message) => {
          setProblem(message);
          reload();
        }}
      />
      <section style={consoleStyles.section}>
        <h3 style={consoleStyles.sectionTitle}>Platforms</h3>
        <p style={{ margin: 0, fontSize: 13 }}>
          {detail.platforms
            .map((share) => `${share.platform}: ${share.volume} (${share.negative} negative)`)
            .join(' · ')}
        </p>
      </section>
      <IssueSamples samples={issue.samples} />
      <IssueNotes issueId={issue.id} notes={detail.notes} canAdd={canManage} onAdded={addNote} onProblem={setProblem} />
      {canReadReports && (
        <>
          <LinkedItems items={linkedItems} />
          <section style={consoleStyles.section}>
            <a
              data-testid="post-mortem-download"
              href={issuesClient.postMortemUrl(issue.id)}
              download
              style={{ color: theme.accent, fontSize: 13 }}
            >
              Post-mortem (CSV)
            </a>
          </section>
        </>
      )}
    </section>
  );
}
