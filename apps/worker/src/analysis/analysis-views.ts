import type {
  FloorChanges,
  Incident,
  IssueSample,
  IssueSnapshot,
  SpikeAlert,
  SpikeEvidence,
} from '@watchfloor/analysis';
import type {
  AnalysisEvent,
  EchoView,
  IncidentView,
  IssueSampleView,
  IssueView,
  SpikeAlertView,
  SpikeEvidenceView,
} from '@watchfloor/contracts';

const iso = (at: number) => new Date(at).toISOString();
const isoOrNull = (at: number | undefined) => (at === undefined ? null : iso(at));

/** What the floor concluded, as it is stored and pushed: dates as ISO 8601, only what a screen shows. */
export function toAnalysisEvent(changes: FloorChanges): AnalysisEvent {
  const echoes: EchoView[] = [];
  for (const { mentionId, verdict } of changes.mentions) {
    if (verdict.isNewVoice && verdict.kind === 'original') continue;
    echoes.push({
      mentionId,
      kind: verdict.kind,
      ...(verdict.echoOf !== undefined && { echoOf: verdict.echoOf }),
      ...(verdict.duplicateGroup !== undefined && { group: verdict.duplicateGroup }),
    });
  }
  return {
    echoes,
    // A round may update an issue more than once; its last snapshot is the one to store.
    issues: [...new Map(changes.issues.updated.map((issue) => [issue.id, issue])).values()].map(toIssueView),
    closedIssues: changes.issues.closed.map((issue) => issue.id),
    incidents: changes.incidents.map((event) => ({
      kind: event.kind,
      notify: event.notify,
      incident: toIncidentView(event.incident),
    })),
  };
}

export function toIssueView(issue: IssueSnapshot): IssueView {
  return {
    id: issue.id,
    status: issue.status,
    title: issue.title,
    firstSeen: iso(issue.firstSeen),
    lastSeen: iso(issue.lastSeen),
    volume: issue.volume,
    voices: issue.voices,
    negativeShare: issue.negativeShare,
    reach: issue.reach,
    velocity: issue.velocity,
    samples: issue.samples.map(toSampleView),
    representative: toSampleView(issue.representative),
    queryIds: issue.queryIds,
  };
}

function toSampleView(sample: IssueSample): IssueSampleView {
  return { ...sample, at: iso(sample.at) };
}

export function toIncidentView(incident: Incident): IncidentView {
  return {
    id: incident.id,
    status: incident.resolvedAt === undefined ? 'open' : 'resolved',
    openedAt: iso(incident.openedAt),
    updatedAt: iso(incident.updatedAt),
    resolvedAt: isoOrNull(incident.resolvedAt),
    series: [...incident.series],
    related: [...incident.related],
    alertCount: incident.alertCount,
    peak: toEvidenceView(incident.peak),
    alerts: incident.alerts.map(toAlertView),
    acknowledgedAt: isoOrNull(incident.acknowledgedAt),
    acknowledgedBy: incident.acknowledgedBy ?? null,
    snoozedUntil: isoOrNull(incident.snoozedUntil),
    notifications: incident.notifications,
  };
}

function toAlertView(alert: SpikeAlert): SpikeAlertView {
  return {
    kind: alert.kind,
    id: alert.id,
    series: alert.series,
    at: iso(alert.at),
    openedAt: iso(alert.openedAt),
    reasons: [...alert.reasons],
    evidence: toEvidenceView(alert.evidence),
  };
}

function toEvidenceView(evidence: SpikeEvidence): SpikeEvidenceView {
  return { ...evidence };
}
