import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { actorOf } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import { AuditRepository, TeamRepository } from '@watchfloor/persistence';
import type { TeamRecord, TeamSettings } from '@watchfloor/persistence';
import { LiveGateway } from '../live/live.gateway';

@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamRepository,
    private readonly audit: AuditRepository,
    private readonly live: LiveGateway,
  ) {}

  list(): Promise<TeamRecord[]> {
    return this.teams.list();
  }

  create(name: string, by: Principal): Promise<TeamRecord> {
    return this.audit.audited(async (db, audit) => {
      const team = await this.teams.create(name, db);
      await audit({
        actor: actorOf(by),
        action: 'team.created',
        target: { type: 'team', id: team.id },
        before: null,
        after: team,
      });
      return team;
    });
  }

  /**
   * Admins set any team's members; managers only those of teams they belong to. Whoever joined or
   * left has their live sockets re-checked at once: a leaver stops hearing the team's inbox.
   */
  async setMembers(teamId: string, userIds: string[], by: Principal): Promise<TeamRecord> {
    const { before, after } = await this.audit.audited(async (db, audit) => {
      const before = await this.teams.findById(teamId, db);
      if (before === null) throw new NotFoundException(`No team ${teamId}`);
      const mayManage = by.kind === 'user' && (by.role === 'admin' || by.teamIds.includes(teamId));
      if (!mayManage) throw new ForbiddenException('Managers change only the members of their own teams');
      await this.teams.setMembers(teamId, [...new Set(userIds)], db);
      const after = (await this.teams.findById(teamId, db))!;
      await audit({
        actor: actorOf(by),
        action: 'team.members_set',
        target: { type: 'team', id: teamId },
        before,
        after,
      });
      return { before, after };
    });
    const stayed = new Set(before.memberIds.filter((id) => after.memberIds.includes(id)));
    await this.live.recheckUsers([...before.memberIds, ...after.memberIds].filter((id) => !stayed.has(id)));
    return after;
  }

  setSettings(
    teamId: string,
    settings: Pick<TeamSettings, 'businessHours' | 'capacityPerAgent'>,
    by: Principal,
  ): Promise<TeamSettings> {
    return this.audit.audited(async (db, audit) => {
      const before = await this.teams.settingsOf(teamId, db);
      if (before === null) throw new NotFoundException(`No team ${teamId}`);
      const mayManage = by.kind === 'user' && (by.role === 'admin' || by.teamIds.includes(teamId));
      if (!mayManage) throw new ForbiddenException('Managers change only the settings of their own teams');
      await this.teams.setSettings(teamId, settings, db);
      const after = { ...before, ...settings };
      await audit({
        actor: actorOf(by),
        action: 'team.settings_set',
        target: { type: 'team', id: teamId },
        before,
        after,
      });
      return after;
    });
  }
}
