import { parseArgs } from 'node:util';
import { migrateCommand } from './commands/migrate.command';
import { replayCommand } from './commands/replay.command';
import { scoreCommand } from './commands/score.command';
import { startCommand } from './commands/start.command';
import { benchCommand } from './bench/bench.command';
import { sentimentBenchCommand } from './bench/sentiment-bench.command';
import { rulesBenchCommand } from './bench/rules-bench.command';
import { wallBenchCommand } from './bench/wall-bench.command';
import {
  DEFAULT_MODEL_TRAINING,
  DEFAULT_TRAINING_OUT,
  trainSentimentCommand,
} from './training/train-sentiment.command';
import { SCORER_NAMES, isScorerName } from './bench/sentiment-libraries';
import type { ScorerName } from './bench/sentiment-libraries';
import { auditExportCommand, auditVerifyCommand } from './commands/audit.command';
import { dlqListCommand, dlqReplayCommand } from './commands/dlq.command';
import { kioskCreateCommand, kioskRotateCommand } from './commands/kiosk.command';
import { normalizeCommand } from './commands/normalize.command';
import { userAddCommand } from './commands/user.command';

const USAGE = `Usage: pnpm watchfloor <command>

  start                       run the whole system (API, worker, web) with the demo feed
  migrate                     apply pending database migrations
  replay FILE [--rate N]      push an NDJSON file of mentions into ingestion (N mentions/s)
  score [--train FILE]        NDJSON {"id","text"} on stdin -> {"id","label","score"} on stdout;
                              --train: first adapt to labelled NDJSON {"id","text","label"}
  bench [--seconds N] [--rate N]
                              drive the running pipeline flat out (or at N/s) and measure it
  bench-sentiment [--set FILE]... [--only NAME[,NAME]...]
                              ours against natural (afinn, senticon, pattern), sentiment,
                              vader-sentiment and wink-sentiment: macro-F1, negative F1, texts/s
                              on the VADER sets in ../shared/data, or on each --set FILE instead
                              ("id<TAB>mean<TAB>text" or "label<TAB>text"); --only ours to time ours
  train-sentiment [--hash-bits N] [--epochs N] [--learning-rate X] [--l2 X]
                  [--class-balance X] [--out FILE] [--dry-run]
                              train the bundled sentiment model on the labelled sets in
                              ../shared/data and report it on their held-out parts
  bench-rules                 100 realistic escalation rules over a simulated demo day:
                              mentions per second through the rules, on one core
  bench-wall [--minutes N] [--rate N]
                              the wall in Chromium while the system takes N mentions/s
                              (default 10,000): frame times and JS heap over N minutes (default 2)
  user add --email E --role R [--name N]
                              create an account; the password is read from stdin
                              (roles: admin, manager, agent, analyst, viewer)
  kiosk create NAME           create a kiosk screen and print its wall URL (good for KIOSK_TTL_DAYS)
  kiosk rotate ID|NAME        give a screen a new token and print its new wall URL; the old one dies
  normalize --platform twitter|mastodon|bluesky|reddit|rss
                              a raw API response on stdin -> normalized mentions (NDJSON)
  audit verify                check the audit log's hash chain
  audit export [--format json|csv]
                              the whole audit log on stdout
  dlq list [--limit N] [--reason TEXT]
                              dead letters, oldest first (default 100), with their reasons
  dlq replay (--id ID ... | --all) [--dry-run]
                              send dead letters back through ingestion: --all takes every one
                              not replayed yet; those still invalid stay, with today's reason
`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return startCommand(process.stdout);
    case 'migrate':
      return migrateCommand(process.stdout);
    case 'score': {
      const { values } = parseArgs({ args: rest, options: { train: { type: 'string' } } });
      return scoreCommand(
        { ...(values.train !== undefined && { train: values.train }) },
        process.stdin,
        process.stdout,
      );
    }
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
    case 'bench-sentiment': {
      const { values } = parseArgs({
        args: rest,
        options: { set: { type: 'string', multiple: true }, only: { type: 'string' } },
      });
      return sentimentBenchCommand(
        { sets: values.set ?? [], ...(values.only !== undefined && { only: scorerNames(values.only) }) },
        process.stdout,
      );
    }
    case 'train-sentiment': {
      const { values } = parseArgs({
        args: rest,
        options: {
          'hash-bits': { type: 'string' },
          epochs: { type: 'string' },
          'learning-rate': { type: 'string' },
          l2: { type: 'string' },
          'class-balance': { type: 'string' },
          out: { type: 'string' },
          'dry-run': { type: 'boolean' },
        },
      });
      const defaults = DEFAULT_MODEL_TRAINING;
      return trainSentimentCommand(
        {
          options: {
            ...defaults,
            ...(values['hash-bits'] !== undefined && { hashBits: wholeNumber('--hash-bits', values['hash-bits'], 22) }),
            ...(values.epochs !== undefined && { epochs: wholeNumber('--epochs', values.epochs, 100) }),
            ...(values['learning-rate'] !== undefined && {
              learningRate: positiveNumber('--learning-rate', values['learning-rate']),
            }),
            ...(values.l2 !== undefined && { l2: positiveNumber('--l2', values.l2) }),
            ...(values['class-balance'] !== undefined && {
              classBalance: fraction('--class-balance', values['class-balance']),
            }),
          },
          out: values.out ?? DEFAULT_TRAINING_OUT,
          dryRun: values['dry-run'] === true,
        },
        process.stdout,
      );
    }
    case 'bench-rules':
      if (rest.length > 0) throw new UsageError('bench-rules takes no arguments');
      return rulesBenchCommand(process.stdout);
    case 'bench-wall': {
      const { values } = parseArgs({ args: rest, options: { minutes: { type: 'string' }, rate: { type: 'string' } } });
      return wallBenchCommand(
        {
          minutes: values.minutes === undefined ? 2 : positiveNumber('--minutes', values.minutes),
          rate: values.rate === undefined ? 10_000 : positiveNumber('--rate', values.rate),
        },
        process.stdout,
      );
    }
    case 'user': {
      const { positionals, values } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
      });
      if (positionals[0] !== 'add' || positionals.length !== 1) throw new UsageError('user takes one subcommand: add');
      return userAddCommand(values, process.stdin, process.stdout);
    }
    case 'kiosk': {
      const [subcommand, name, ...extra] = rest;
      if (extra.length > 0 || (subcommand !== 'create' && subcommand !== 'rotate')) {
        throw new UsageError('kiosk takes: create NAME, or rotate ID|NAME');
      }
      return subcommand === 'create'
        ? kioskCreateCommand(name, process.stdout)
        : kioskRotateCommand(name, process.stdout);
    }
    case 'normalize': {
      const { values } = parseArgs({ args: rest, options: { platform: { type: 'string' } } });
      return normalizeCommand(values.platform, process.stdin, process.stdout);
    }
    case 'audit': {
      const { positionals, values } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { format: { type: 'string' } },
      });
      if (positionals[0] === 'verify' && positionals.length === 1) return auditVerifyCommand(process.stdout);
      if (positionals[0] === 'export' && positionals.length === 1)
        return auditExportCommand(values.format ?? 'json', process.stdout);
      throw new UsageError('audit takes: verify, or export [--format json|csv]');
    }
    case 'dlq':
      return dlq(rest);
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

function dlq(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      limit: { type: 'string' },
      reason: { type: 'string' },
      id: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    },
  });
  const [subcommand, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`dlq ${subcommand} takes no ${extra.join(' ')}`);
  if (subcommand === 'list') {
    if (values.id !== undefined || values.all !== undefined || values['dry-run'] !== undefined)
      throw new UsageError('dlq list takes --limit and --reason only');
    if (values.reason !== undefined && values.reason.trim() === '') throw new UsageError('--reason must not be empty');
    return dlqListCommand(
      {
        limit: values.limit === undefined ? 100 : wholeNumber('--limit', values.limit, 10_000),
        ...(values.reason !== undefined && { reason: values.reason }),
      },
      process.stdout,
    );
  }
  if (subcommand === 'replay') {
    if (values.limit !== undefined || values.reason !== undefined)
      throw new UsageError('dlq replay takes --id, --all and --dry-run only');
    if ((values.id === undefined) === (values.all === undefined))
      throw new UsageError('dlq replay takes either --id ID (once or more) or --all');
    const dryRun = values['dry-run'] === true;
    if (values.id === undefined) return dlqReplayCommand({ all: true, dryRun }, process.stdout);
    const ids = [...new Set(values.id)];
    for (const id of ids) {
      if (!/^[1-9]\d{0,17}$/.test(id)) throw new UsageError(`--id takes a dead letter's id (a number), not "${id}"`);
    }
    return dlqReplayCommand({ ids, dryRun }, process.stdout);
  }
  throw new UsageError('dlq takes: list [--limit N] [--reason TEXT], or replay (--id ID ... | --all) [--dry-run]');
}

function wholeNumber(name: string, value: string, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max)
    throw new UsageError(`${name} must be a whole number from 1 to ${max}, not "${value}"`);
  return number;
}

function positiveNumber(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new UsageError(`${name} must be a positive number, not "${value}"`);
  return number;
}

function fraction(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 1)
    throw new UsageError(`${name} must be a number from 0 to 1, not "${value}"`);
  return number;
}

function scorerNames(list: string): ScorerName[] {
  return [...new Set(list.split(','))].map((name) => {
    if (!isScorerName(name)) throw new UsageError(`--only takes ${SCORER_NAMES.join(', ')}; not "${name}"`);
    return name;
  });
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    // parseArgs throws on an unknown or malformed option: bad usage too.
    const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`watchfloor: ${error.message}\n${isUsage ? USAGE : ''}`);
    process.exitCode = isUsage ? 2 : 1;
  },
);
