/** Stored as text: never rename a value. */
export const ROLES = ['admin', 'manager', 'agent', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export enum Permission {
  /** Read mentions, their statistics, emerging issues with their cases, notes and incidents. */
  ReadMentions = 'mentions:read',
  /**
   * The wall and only what it shows: its frames, layout, query names and calendar. All a kiosk
   * screen holds: never notes, case details, triage items or people's accounts.
   */
  ViewWall = 'wall:view',
  /** Change one's own password and sign out everywhere: every person, no screen. */
  ManageOwnAccount = 'account:manage',
  /** Open the triage console (read-only for analysts until triage actions exist). */
  UseConsole = 'console:use',
  /** List users, to pick team members. */
  ReadUsers = 'users:read',
  /** Create users, change roles, disable accounts. */
  ManageUsers = 'users:manage',
  /** Create teams; managers change the members of their own teams. */
  ManageTeams = 'teams:manage',
  /** Create, list and revoke kiosk screens. */
  ManageKiosks = 'kiosks:manage',
  /** Read, export and verify the audit log. */
  ReadAudit = 'audit:read',
  /** See listening queries and try queries against stored mentions. */
  ReadQueries = 'queries:read',
  /** Create and change listening queries. */
  ManageQueries = 'queries:manage',
  /** See the sources and their health. */
  ReadSources = 'sources:read',
  /** Add, change and remove sources and their credentials. */
  ManageSources = 'sources:manage',
  /** Acknowledge and snooze incidents (the PR team and managers). */
  ManageIncidents = 'incidents:manage',
  /** Work flagged items: claim, assign, change status, notes, tags, replies, bulk actions. */
  WorkTriage = 'triage:work',
  /** Correct an item's sentiment or mark it not relevant. */
  CorrectAnalysis = 'analysis:correct',
  /** Edit escalation rules and response templates. */
  ManageRules = 'rules:manage',
  /** Set up notification channels (their URLs are secrets). */
  ManageChannels = 'channels:manage',
  /** Own, prioritise, acknowledge and annotate emerging issues (the PR view). */
  ManageIssues = 'issues:manage',
  /** Enter campaigns and events on the marketing calendar. */
  ManageCalendar = 'calendar:manage',
  /** Period reports and incident timelines for post-mortems: they name people and show replies. */
  ReadReports = 'reports:read',
  /** Store wall layouts and scenes, and give screens theirs. */
  ManageWalls = 'walls:manage',
  /** See, retry and remove background jobs on the queue dashboard: it shows every job's payload. */
  ManageQueues = 'queues:manage',
  /**
   * See the sentiment adaptations learned from corrections, retrain, activate and roll back: it
   * changes how every mention is scored from then on.
   */
  ManageSentimentModel = 'sentiment:manage',
}

const EVERYONE = [Permission.ReadMentions, Permission.ViewWall, Permission.ManageOwnAccount];

/** What each role may do. Team scoping (which teams' items) is applied on top, where it applies. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: Object.values(Permission),
  manager: [
    ...EVERYONE,
    Permission.UseConsole,
    Permission.ReadUsers,
    Permission.ManageTeams,
    Permission.ReadQueries,
    Permission.ManageQueries,
    Permission.ReadSources,
    Permission.ManageIncidents,
    Permission.WorkTriage,
    Permission.CorrectAnalysis,
    Permission.ManageRules,
    Permission.ManageIssues,
    Permission.ManageCalendar,
    Permission.ReadReports,
  ],
  agent: [
    ...EVERYONE,
    Permission.UseConsole,
    Permission.ReadQueries,
    Permission.WorkTriage,
    Permission.CorrectAnalysis,
  ],
  analyst: [
    ...EVERYONE,
    Permission.UseConsole,
    Permission.ReadQueries,
    Permission.ManageIncidents,
    Permission.CorrectAnalysis,
    Permission.ManageIssues,
    Permission.ManageCalendar,
    Permission.ReadReports,
  ],
  viewer: EVERYONE,
};

/**
 * A wall screen's credential: it may watch the wall, and nothing else. A screen hangs where
 * passers-by read it and its token sits in a URL: it gets the wall's data, not the issues' cases.
 */
export const KIOSK_PERMISSIONS: readonly Permission[] = [Permission.ViewWall];

/** The roles that hold a permission: for queries such as "who may be assigned an item". */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}
