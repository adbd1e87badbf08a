import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export interface SupervisedProcess {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Runs the api and worker as child processes, their logs on our stdout, and restarts one that
 * dies (with a growing pause, so a process that cannot start does not spin the CPU).
 */
export class ProcessSupervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(private readonly log: (line: string) => void) {}

  start(process_: SupervisedProcess, restarts = 0): void {
    const child = spawn(process.execPath, [process_.script], {
      env: process_.env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.children.set(process_.name, child);
    const startedAt = Date.now();
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      // A process that ran a while before dying starts its backoff afresh.
      const attempt = Date.now() - startedAt > 60_000 ? 0 : restarts + 1;
      const delay = Math.min(30_000, 500 * 2 ** attempt);
      this.log(`${process_.name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
      setTimeout(() => this.start(process_, attempt), delay).unref();
    });
  }

  /** SIGTERM to all, so each finishes its in-flight work; SIGKILL after the grace period. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.children.values()].map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}
