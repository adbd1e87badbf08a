import { parseArgs } from 'node:util';
import { migrateCommand } from './commands/migrate.command';
import { replayCommand } from './commands/replay.command';
import { scoreCommand } from './commands/score.command';
import { startCommand } from './commands/start.command';
import { benchCommand } from './bench/bench.command';

const USAGE = `Usage: pnpm watchfloor <command>

  start                       run the whole system (API, worker, web) with the demo feed
  migrate                     apply pending database migrations
  replay FILE [--rate N]      push an NDJSON file of mentions into ingestion (N mentions/s)
  score                       NDJSON {"id","text"} on stdin -> {"id","label","score"} on stdout
  bench [--seconds N] [--rate N]
                              drive the running pipeline flat out (or at N/s) and measure it
`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return startCommand(process.stdout);
    case 'migrate':
      return migrateCommand(process.stdout);
    case 'score':
      return scoreCommand(process.stdin, process.stdout);
    case 'replay': {
      const { positionals, values } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { rate: { type: 'string' } },
      });
      if (positionals.length !== 1) throw new UsageError('replay takes one FILE');
      return replayCommand(
        { file: positionals[0]!, ...(values.rate !== undefined && { rate: positiveNumber('--rate', values.rate) }) },
        process.stdout,
      );
    }
    case 'bench': {
      const { values } = parseArgs({ args: rest, options: { seconds: { type: 'string' }, rate: { type: 'string' } } });
      return benchCommand(
        {
          seconds: values.seconds === undefined ? 60 : positiveNumber('--seconds', values.seconds),
          ...(values.rate !== undefined && { rate: positiveNumber('--rate', values.rate) }),
        },
        process.stdout,
      );
    }
    case undefined:
    case 'help':
    case '--help':
      process.stderr.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

function positiveNumber(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new UsageError(`${name} must be a positive number, not "${value}"`);
  return number;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`watchfloor: ${error.message}\n${error instanceof UsageError ? USAGE : ''}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
