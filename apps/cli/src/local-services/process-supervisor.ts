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
 *
 * Each child runs in a process group of its own: Ctrl-C in a terminal signals the whole foreground
 * group at once, and a worker stopping at the same moment as the Redis it drains retries that Redis
 * for ever. Only this process hears the signal, and stops the children in order. Each child also
 * holds an IPC channel to us and exits when it closes, so none outlives a supervisor that was
 * killed outright.
 */
export class ProcessSupervisor {
  private readonly children = new Map<string, ChildProcess>();
  private readonly pendingRestarts = new Set<NodeJS.Timeout>();
  private stopping = false;

  constructor(private readonly log: (line: string) => void) {}

  start(process_: SupervisedProcess, restarts = 0): void {
    if (this.stopping) return;
    const child = spawn(process.execPath, [process_.script], {
      env: process_.env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      detached: true,
    });
    this.children.set(process_.name, child);
    const startedAt = Date.now();
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      // A process that ran a while before dying starts its backoff afresh.
      const attempt = Date.now() - startedAt > 60_000 ? 0 : restarts + 1;
      const delay = Math.min(30_000, 500 * 2 ** attempt);
      this.log(`${process_.name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
      const timer = setTimeout(() => {
        this.pendingRestarts.delete(timer);
        this.start(process_, attempt);
      }, delay);
      timer.unref();
      this.pendingRestarts.add(timer);
    });
  }

  /** The process ids of the children running now. */
  pids(): number[] {
    return [...this.children.values()]
      .filter((child) => isRunning(child) && child.pid !== undefined)
      .map((child) => child.pid!);
  }

  /**
   * SIGTERM to all, so each finishes its in-flight work; SIGKILL after the grace period. Resolves
   * once every child has exited, and none is restarted after.
   */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    for (const timer of this.pendingRestarts) clearTimeout(timer);
    this.pendingRestarts.clear();
    await Promise.all(
      [...this.children.entries()].map(async ([name, child]) => {
        if (!isRunning(child)) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => {
          this.log(`${name} did not stop within ${graceMs / 1000} s; killing it`);
          child.kill('SIGKILL');
        }, graceMs);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}
