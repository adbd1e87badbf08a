import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { actorOf } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import { BUILT_IN_WALL_LAYOUT } from '@watchfloor/contracts';
import type {
  KioskLayoutAssignment,
  ResolvedWallLayout,
  StoredWallLayout,
  WallLayoutInput,
  WallLayoutUpdate,
  WallLayoutView,
} from '@watchfloor/contracts';
import { AuditRepository, WallLayoutNameTakenError, WallLayoutRepository } from '@watchfloor/persistence';

/** The built-in layout never changes while the server runs: one fixed date, so screens see no change. */
const BUILT_IN: WallLayoutView = { ...BUILT_IN_WALL_LAYOUT, updatedAt: new Date(0).toISOString() };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stored wall layouts, the default, each screen's layout, and which one a caller should show. */
@Injectable()
export class WallLayoutsService {
  constructor(
    private readonly layouts: WallLayoutRepository,
    private readonly audit: AuditRepository,
  ) {}

  list(): Promise<StoredWallLayout[]> {
    return this.layouts.list();
  }

  create(input: WallLayoutInput, by: Principal): Promise<StoredWallLayout> {
    const actor = actorOf(by);
    return this.named(() =>
      this.audit.audited(async (db, audit) => {
        const created = await this.layouts.create(input, actor.label, db);
        if (input.isDefault === true) await this.layouts.setDefault(created.id, db);
        const after = (await this.layouts.get(created.id, db))!;
        await audit({ actor, action: 'wall-layout.created', target: wallLayout(after.id), before: null, after });
        return after;
      }),
    );
  }

  /** Replaces the layout if nobody changed it since `update.version` was read; 409 otherwise. */
  update(id: string, update: WallLayoutUpdate, by: Principal): Promise<StoredWallLayout> {
    const actor = actorOf(by);
    return this.named(() =>
      this.audit.audited(async (db, audit) => {
        const before = await this.layouts.get(id, db);
        if (before === null) throw new NotFoundException(`No wall layout ${id}`);
        const updated = await this.layouts.update(id, update, update.version, actor.label, db);
        if (updated === null) {
          throw new ConflictException(
            `Someone changed "${before.name}" since you opened it (version ${update.version}, now ${before.version}): reload it and make your change again`,
          );
        }
        if (update.isDefault === true && !before.isDefault) await this.layouts.setDefault(id, db);
        if (update.isDefault === false && before.isDefault) await this.layouts.setDefault(null, db);
        const after = (await this.layouts.get(id, db))!;
        await audit({ actor, action: 'wall-layout.updated', target: wallLayout(id), before, after });
        return after;
      }),
    );
  }

  /** Screens given it show the default again; deleting the default leaves the built-in layout. */
  async delete(id: string, by: Principal): Promise<void> {
    await this.audit.audited(async (db, audit) => {
      const deleted = await this.layouts.delete(id, db);
      if (deleted === null) throw new NotFoundException(`No wall layout ${id}`);
      await audit({
        actor: actorOf(by),
        action: 'wall-layout.deleted',
        target: wallLayout(id),
        before: deleted,
        after: null,
      });
    });
  }

  async assignToKiosk(
    kioskId: string,
    { layoutId }: KioskLayoutAssignment,
    by: Principal,
  ): Promise<KioskLayoutAssignment> {
    await this.audit.audited(async (db, audit) => {
      if (layoutId !== null && (await this.layouts.get(layoutId, db)) === null) {
        throw new NotFoundException(`No wall layout ${layoutId}`);
      }
      const kiosk = await this.layouts.assignToKiosk(kioskId, layoutId, db);
      if (kiosk === null) throw new NotFoundException(`No kiosk screen ${kioskId}`);
      await audit({
        actor: actorOf(by),
        action: 'kiosk.layout_set',
        target: { type: 'kiosk', id: kioskId },
        before: { layoutId: kiosk.previousLayoutId },
        after: { layoutId },
      });
    });
    return { layoutId };
  }

  /** `requested` if given (404 if there is no such layout), else the screen's own, else the default, else built in. */
  async layoutFor(principal: Principal, requested: string | undefined): Promise<ResolvedWallLayout> {
    if (requested !== undefined) {
      if (requested === BUILT_IN.id) return { ...BUILT_IN, source: 'requested' };
      const layout = UUID.test(requested) ? await this.layouts.get(requested) : null;
      if (layout === null) throw new NotFoundException(`No wall layout ${requested}`);
      return { ...viewOf(layout), source: 'requested' };
    }
    const found = await this.layouts.layoutFor(principal.kind === 'kiosk' ? principal.kioskId : null);
    if (found === null) return { ...BUILT_IN, source: 'built-in' };
    return { ...viewOf(found.layout), source: found.assigned ? 'screen' : 'default' };
  }

  private async named<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof WallLayoutNameTakenError) throw new ConflictException(error.message);
      throw error;
    }
  }
}

/** What a screen needs: not who edited it or at which version. */
function viewOf({ id, name, theme, scenes, isDefault, updatedAt }: StoredWallLayout): WallLayoutView {
  return { id, name, theme, scenes, isDefault, updatedAt };
}

function wallLayout(id: string) {
  return { type: 'wall-layout', id };
}
