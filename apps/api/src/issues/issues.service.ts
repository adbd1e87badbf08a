import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { Permission, ROLE_PERMISSIONS, actorOf } from '@watchfloor/access';
import type { UserPrincipal } from '@watchfloor/access';
import type {
  IssueCaseView,
  IssueDetailView,
  IssueListEntry,
  IssueNoteView,
  IssueTimelineView,
  IssueView,
  PersonRef,
  TriageItemView,
} from '@watchfloor/contracts';
import {
  AnalysisRepository,
  AuditRepository,
  IssueCaseRepository,
  StaleIssueCaseError,
  UserRepository,
} from '@watchfloor/persistence';
import type { IssueCaseRequest } from '@watchfloor/persistence';
import { incidentTimelineCsv, incidentTimelineFileName } from '@watchfloor/reports';

/**
 * The PR team's view of emerging issues: analysis owns the issues, people own their cases. Case
 * changes are made against a version (two people editing at once: the second is told) and audited.
 */
@Injectable()
export class IssuesService {
  constructor(
    private readonly results: AnalysisRepository,
    private readonly cases: IssueCaseRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(query: { status?: IssueView['status']; limit: number }): Promise<IssueListEntry[]> {
    const issues = await this.results.listIssues(query);
    const cases = await this.cases.cases(issues.map((issue) => issue.id));
    return issues.map((issue, position) => ({ ...issue, case: cases[position]! }));
  }

  async issue(issueId: string): Promise<IssueView> {
    const issue = await this.results.findIssue(issueId);
    if (issue === null) throw new NotFoundException(`No issue ${issueId}`);
    return issue;
  }

  async detail(issueId: string): Promise<IssueDetailView> {
    const issue = await this.issue(issueId);
    const [issueCase, notes, platforms, owners] = await Promise.all([
      this.cases.case(issueId),
      this.cases.notes(issueId),
      this.cases.platforms(issueId),
      this.owners(),
    ]);
    return { issue, case: issueCase, notes, platforms, owners };
  }

  async changeCase(
    issueId: string,
    change: IssueCaseRequest & { ownerId?: string | null; expectedVersion: number },
    by: UserPrincipal,
  ): Promise<IssueCaseView> {
    await this.issue(issueId);
    const request: IssueCaseRequest = {
      ...(change.status !== undefined && { status: change.status }),
      ...(change.priority !== undefined && { priority: change.priority }),
      ...(change.ownerId !== undefined && { owner: change.ownerId === null ? null : await this.owner(change.ownerId) }),
    };
    return this.audit.audited(async (db, audit) => {
      const { before, after } = await this.cases
        .update(issueId, request, { id: by.userId, name: by.displayName }, change.expectedVersion, db)
        .catch((error: unknown) => {
          if (!(error instanceof StaleIssueCaseError)) throw error;
          throw new ConflictException({ statusCode: 409, message: error.message, current: error.current });
        });
      if (after.version !== before.version) {
        await audit({
          actor: actorOf(by),
          action: 'issue.case_changed',
          target: { type: 'issue', id: issueId },
          before: auditedFields(before),
          after: auditedFields(after),
        });
      }
      return after;
    });
  }

  async acknowledge(issueId: string, by: UserPrincipal): Promise<IssueCaseView> {
    await this.issue(issueId);
    return this.audit.audited(async (db, audit) => {
      const outcome = await this.cases.acknowledge(issueId, by.userId, db);
      if (outcome === 'not_p1') throw new ConflictException('Only a P1 issue is acknowledged');
      if (outcome === 'acknowledged') {
        await audit({
          actor: actorOf(by),
          action: 'issue.acknowledged',
          target: { type: 'issue', id: issueId },
          before: null,
          after: { priority: 'P1' },
        });
      }
      return this.cases.case(issueId, db);
    });
  }

  async notes(issueId: string): Promise<IssueNoteView[]> {
    await this.issue(issueId);
    return this.cases.notes(issueId);
  }

  async addNote(issueId: string, text: string, by: UserPrincipal): Promise<IssueNoteView> {
    await this.issue(issueId);
    return this.cases.addNote(issueId, by.userId, text);
  }

  async linkedTriageItems(issueId: string): Promise<TriageItemView[]> {
    await this.issue(issueId);
    return this.cases.linkedTriageItems(issueId);
  }

  async timeline(issueId: string, bucketMinutes: number): Promise<IssueTimelineView> {
    await this.issue(issueId);
    return this.cases.timeline(issueId, bucketMinutes);
  }

  async postMortem(issueId: string): Promise<{ fileName: string; csv: string }> {
    await this.issue(issueId);
    const entries = await this.cases.incidentTimeline(issueId);
    return { fileName: incidentTimelineFileName(issueId), csv: incidentTimelineCsv(issueId, entries) };
  }

  /** Who may own an issue: active people whose role manages issues. */
  private async owners(): Promise<PersonRef[]> {
    const users = await this.users.list();
    return users
      .filter((user) => !user.disabled && ROLE_PERMISSIONS[user.role].includes(Permission.ManageIssues))
      .map((user) => ({ id: user.id, name: user.displayName }));
  }

  private async owner(userId: string): Promise<PersonRef> {
    const user = await this.users.findById(userId);
    if (user === null || user.disabled) throw new BadRequestException('The owner must be an active user');
    if (!ROLE_PERMISSIONS[user.role].includes(Permission.ManageIssues)) {
      throw new BadRequestException(`${user.displayName} (${user.role}) cannot own issues`);
    }
    return { id: user.id, name: user.displayName };
  }
}

function auditedFields(issueCase: IssueCaseView) {
  return { ownerId: issueCase.owner?.id ?? null, status: issueCase.status, priority: issueCase.priority };
}
