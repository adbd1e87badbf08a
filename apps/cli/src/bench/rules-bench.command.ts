import { SentimentScorer, mentionReach } from '@watchfloor/analysis';
import { mentionKey } from '@watchfloor/domain';
import { compileRuleSet, ruleSetSchema } from '@watchfloor/rules';
import type { CompiledRuleSet, RuleSubject } from '@watchfloor/rules';
import { DATA_BREACH, DEMO_BRAND, SK417_EMERGENCY_LANDING, simulateDay } from '@watchfloor/sources';
import { realisticRules } from './realistic-rules';

/** The issue's bar: 100 realistic rules over the demo feed, on one core. */
const TARGET_MENTIONS_PER_SEC = 50_000;
const MENTIONS = 200_000;
/** What the ingest worker hands the engine at a time. */
const BATCH = 200;
/** Enough for the JIT to settle on the engine's hot path before the clock starts. */
const WARM_UP_NS = 500_000_000n;
/** Timed batches run until at least this long has passed, so one GC pause is noise. */
const MEASURE_NS = 2_000_000_000n;
/** A day from midnight UTC: the crises land at 13:00 and 19:00, in busy hours. */
const DAY_START = Date.UTC(2026, 10, 23);
const HOUR = 3_600_000;
/** How long after a crisis's onset its mentions count as spiking (the floor flags one within a minute; it lasts ~45). */
const SPIKE_WINDOW_MS = 45 * 60_000;

/**
 * `pnpm bench:rules`: 100 realistic rules (`realisticRules`), validated like an API request, over
 * a simulated day of the demo feed with two crises. Mentions are scored with our sentiment
 * scorer once, before timing; then `evaluateBatch` runs on batches of 200 for at least 2 s after
 * a warm-up. Progress and statistics go to stderr; stdout's last line is one JSON object.
 */
export function rulesBenchCommand(output: NodeJS.WritableStream): number {
  const log = (line: string) => process.stderr.write(`[bench-rules] ${line}\n`);
  const parsed = ruleSetSchema.safeParse(realisticRules());
  if (!parsed.success) {
    throw new Error(
      `the realistic rule set is invalid: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
    );
  }
  const engine = compileRuleSet(parsed.data, 1);
  log(`${parsed.data.rules.length} rules (${engine.rules.length} enabled); scoring ${grouped(MENTIONS)} demo mentions`);
  const subjects = demoSubjects(MENTIONS);

  const perRule = new Map<string, number>();
  for (const match of engine.evaluateBatch(subjects)) perRule.set(match.ruleId, (perRule.get(match.ruleId) ?? 0) + 1);
  const matched = [...perRule.values()].reduce((sum, count) => sum + count, 0);
  log(`matched ${grouped(matched)} of ${grouped(subjects.length)} (${percent(matched / subjects.length)})`);
  log(`rules that matched anything: ${perRule.size} of ${engine.rules.length}; top 5:`);
  for (const [ruleId, count] of [...perRule].sort((a, b) => b[1] - a[1]).slice(0, 5)) {
    log(`  ${ruleId.padEnd(28)} ${grouped(count).padStart(8)}  ${percent(count / subjects.length)}`);
  }

  timeBatches(engine, subjects, WARM_UP_NS);
  const timed = timeBatches(engine, subjects, MEASURE_NS);
  const mentionsPerSec = Math.round(timed.evaluated / timed.seconds);
  // Other work on the machine stretches wall time; CPU time says what one core would do alone.
  const cpuMentionsPerSec = Math.round(timed.evaluated / timed.cpuSeconds);
  log(
    `${grouped(timed.evaluated)} evaluations in ${timed.seconds.toFixed(2)} s (${timed.cpuSeconds.toFixed(2)} s of CPU): ` +
      `${grouped(mentionsPerSec)} mentions/s (${grouped(cpuMentionsPerSec)} per CPU second), ` +
      `${mentionsPerSec >= TARGET_MENTIONS_PER_SEC ? 'reaches' : 'BELOW'} ${grouped(TARGET_MENTIONS_PER_SEC)}`,
  );
  output.write(
    `${JSON.stringify({
      mentionsPerSec,
      rules: parsed.data.rules.length,
      mentions: subjects.length,
      matched: Math.round((matched / subjects.length) * 10_000) / 10_000,
      cpuMentionsPerSec,
      meetsTarget: mentionsPerSec >= TARGET_MENTIONS_PER_SEC,
    })}\n`,
  );
  return 0;
}

/**
 * Batches of 200 in feed order, wrapping around, until `minimumNs` has passed. Counting matches
 * keeps every result used, so no batch can be optimised away.
 */
function timeBatches(engine: CompiledRuleSet, subjects: readonly RuleSubject[], minimumNs: bigint) {
  const batches: RuleSubject[][] = [];
  for (let start = 0; start + BATCH <= subjects.length; start += BATCH)
    batches.push(subjects.slice(start, start + BATCH));
  let evaluated = 0;
  let matchCount = 0;
  const cpuBefore = process.cpuUsage();
  const begin = process.hrtime.bigint();
  for (let index = 0; ; index = (index + 1) % batches.length) {
    const batch = batches[index]!;
    matchCount += engine.evaluateBatch(batch).length;
    evaluated += batch.length;
    const elapsedNs = process.hrtime.bigint() - begin;
    if (elapsedNs >= minimumNs) {
      const cpu = process.cpuUsage(cpuBefore);
      return { evaluated, matchCount, seconds: Number(elapsedNs) / 1e9, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
    }
  }
}

/**
 * A simulated day of the demo feed (normal traffic with reposts, an emergency landing and a data
 * breach), scored and shaped as the pipeline hands mentions to rules. Queries and issues follow
 * what the listening floor would say: every mention matches the brand query, those addressing the
 * brand's handle the care query; crisis mentions are filed under their crisis's issue, and every
 * mention in a crisis's first 45 minutes is spiking (the brand query spikes with it).
 */
function demoSubjects(count: number): RuleSubject[] {
  const scorer = new SentimentScorer();
  const onsets = new Map([
    [SK417_EMERGENCY_LANDING.name, DAY_START + 13 * HOUR],
    [DATA_BREACH.name, DAY_START + 19 * HOUR],
  ]);
  const day = simulateDay({
    seed: 20_261_123,
    startAt: DAY_START,
    meanPerSecond: (count / 86_400) * 1.05,
    crises: [
      { script: SK417_EMERGENCY_LANDING, onsetAt: onsets.get(SK417_EMERGENCY_LANDING.name)! },
      { script: DATA_BREACH, onsetAt: onsets.get(DATA_BREACH.name)! },
    ],
  });
  const handle = `@${DEMO_BRAND.handle}`;
  const subjects: RuleSubject[] = [];
  for (const { at, mention, crisis } of day) {
    if (subjects.length === count) break;
    const reading = scorer.score(mention.text, mention.lang);
    subjects.push({
      mentionId: mentionKey(mention),
      platform: mention.platform,
      text: mention.text,
      lang: reading.lang,
      author: mention.author,
      sentiment: { label: reading.label, score: reading.score, confidence: reading.confidence },
      queryIds: mention.text.toLowerCase().includes(handle) ? ['q-brand', 'q-care'] : ['q-brand'],
      reach: mentionReach(mention),
      ...(crisis !== undefined && { issueId: `issue-${crisis}` }),
      spiking: [...onsets.values()].some((onset) => at >= onset && at - onset < SPIKE_WINDOW_MS),
    });
  }
  return subjects;
}

function grouped(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
