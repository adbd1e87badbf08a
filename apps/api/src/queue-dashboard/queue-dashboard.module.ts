import { Module } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Express } from 'express';
import { Permission } from '@watchfloor/access';
import { QueueInspectorClient } from '@watchfloor/messaging';
import { AuthenticationService } from '../auth/authentication.service';
import { onlyWithPermission } from './permission.middleware';

/** Where the dashboard lives: outside `/api`, and kept out of the web app's routes (see `api.module.ts`). */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * The BullMQ dashboard (bull-board) for admins: every queue of ours, its jobs, their payloads and
 * errors, with retry and clean. Mounted straight on Express, since bull-board brings its own router;
 * its UI runs inline scripts, so a Content-Security-Policy must allow them on this path only.
 */
@Module({})
export class QueueDashboardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: QueueInspectorClient,
    private readonly authentication: AuthenticationService,
  ) {}

  onModuleInit(): void {
    const board = new ExpressAdapter();
    board.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: this.queues.queues.map((queue) => new BullMQAdapter(queue)),
      serverAdapter: board,
      options: {
        uiConfig: {
          boardTitle: 'Watchfloor queues',
          miscLinks: [{ text: 'Back to Watchfloor', url: '/console' }],
        },
      },
    });
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    app.use(
      QUEUE_DASHBOARD_PATH,
      onlyWithPermission(this.authentication, Permission.ManageQueues, QUEUE_DASHBOARD_PATH),
      board.getRouter() as Express,
    );
  }
}
