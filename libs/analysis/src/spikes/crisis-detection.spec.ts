import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sentiment } from '@watchfloor/domain';
// The one place analysis meets sources: this spec replays the sources' crisis feed (the library code
// never does). A file import, not '@watchfloor/sources', so the connectors are not loaded with it.
import { dataBreach, emergencyLanding, simulateDay } from '../../../sources/src/demo-feed-crisis';
import type { CrisisScript } from '../../../sources/src/demo-feed-crisis';
import { ListeningFloor } from '../floor/listening-floor';
import type { FloorMention } from '../floor/listening-floor';
import { classifyAmplification } from '../noise/amplification';
import { SentimentScorer } from '../sentiment/sentiment-scorer';
import type { IncidentEvent } from './incident-grouper';
import type { SpikeAlert } from './spike-detector';

const DAY = 86_400_000;
const MINUTE = 60_000;
const FIRST_DAY = Date.UTC(2031, 0, 5);
/** 0.5 a second on average: ~6 a minute at 04:00, ~45 at 13:00, 43,000 a day. */
const MEAN_PER_SECOND = 0.5;
/** Alerts within this long after an onset are the crisis's; any other alert is a false alarm. */
const CRISIS_WINDOW = 90 * MINUTE;

interface DayPlan {
  seed: number;
  crises: readonly { script: CrisisScript; hour: number }[];
}

/**
 * A warm-up day (the profile is learned), a normal day, then two days with two independent crises
 * each: at night and at the afternoon peak, on the morning ramp and in the evening. Crises hours
 * apart do not interact (an incident resolves 30 quiet minutes after its spikes close).
 */
const PLAN: readonly DayPlan[] = [
  { seed: 101, crises: [] },
  { seed: 202, crises: [] },
  {
    seed: 303,
    crises: [
      { script: emergencyLanding('SK417', 'Denver'), hour: 3.5 },
      { script: dataBreach('#SkylarkLeak'), hour: 13.25 },
    ],
  },
  {
    seed: 404,
    crises: [
      { script: dataBreach('#SkylarkHacked'), hour: 8 },
      { script: emergencyLanding('SK208', 'Lisbon'), hour: 19.5 },
    ],
  },
];

/** The production floor, recording every alert and incident event it produces. */
class RecordedFloor {
  readonly floor = new ListeningFloor({ brandTerms: ['Skylark Air', '@skylarkair', '#SkylarkAir'] });
  readonly alerts: SpikeAlert[] = [];
  readonly events: IncidentEvent[] = [];

  take(mention: FloorMention): void {
    const changes = this.floor.take([mention], mention.ingestedAt);
    this.alerts.push(...changes.alerts);
    this.events.push(...changes.incidents);
  }
}

interface Figures {
  days: { day: number; crises: string[]; falseAlarms: number; falseIncidents: number }[];
  crises: {
    script: string;
    onset: string;
    delaySeconds: number | undefined;
    firstSeries: string | undefined;
    alertEvents: number;
    incidents: number;
    notifications: number;
  }[];
  mentions: number;
  analysisMicrosecondsPerMention: number;
  wallSeconds: number;
}

function replayWeek(): Figures {
  const started = Date.now();
  const floor = new RecordedFloor();
  const scorer = new SentimentScorer();
  // The demo repeats its phrases: scoring each distinct text once keeps the week under a few seconds.
  const sentiments = new Map<string, Sentiment>();
  let mentions = 0;
  let analysisNanoseconds = 0n;
  const onsetOf = (day: number, hour: number) => FIRST_DAY + day * DAY + hour * 3_600_000;
  const onsets = PLAN.flatMap((plan, day) => plan.crises.map(({ hour }) => onsetOf(day, hour)));
  PLAN.forEach((plan, day) => {
    const startAt = FIRST_DAY + day * DAY;
    const crises = plan.crises.map(({ script, hour }) => ({ script, onsetAt: onsetOf(day, hour) }));
    for (const { at, mention } of simulateDay({ seed: plan.seed, startAt, meanPerSecond: MEAN_PER_SECOND, crises })) {
      let sentiment = sentiments.get(mention.text);
      if (sentiment === undefined) sentiments.set(mention.text, (sentiment = scorer.score(mention.text)));
      const { raw: _raw, ...fields } = mention;
      const stored: FloorMention = {
        ...fields,
        id: String(mentions),
        sentiment,
        queryIds: ['brand'],
        ingestedAt: at,
        amplification: classifyAmplification(mention),
      };
      const before = process.hrtime.bigint();
      floor.take(stored);
      analysisNanoseconds += process.hrtime.bigint() - before;
      mentions++;
    }
  });
  const inCrisis = (at: number) => onsets.some((onset) => at >= onset && at < onset + CRISIS_WINDOW);
  const opened = floor.alerts.filter((alert) => alert.kind === 'opened');
  const incidentsOpened = floor.events.filter((event) => event.kind === 'opened');
  const within = <T extends { at: number }>(items: T[], from: number, to: number) =>
    items.filter((item) => item.at >= from && item.at < to);
  return {
    days: PLAN.map((plan, day) => {
      const from = FIRST_DAY + day * DAY;
      return {
        day,
        crises: plan.crises.map(({ script }) => script.name),
        falseAlarms: within(opened, from, from + DAY).filter((alert) => !inCrisis(alert.at)).length,
        falseIncidents: within(incidentsOpened, from, from + DAY).filter((event) => !inCrisis(event.at)).length,
      };
    }),
    crises: PLAN.flatMap((plan, day) =>
      plan.crises.map(({ script, hour }) => {
        const onset = onsetOf(day, hour);
        const first = within(opened, onset, onset + CRISIS_WINDOW)[0];
        const events = within(floor.events, onset, onset + CRISIS_WINDOW + 60 * MINUTE);
        return {
          script: script.name,
          onset: new Date(onset).toISOString().slice(11, 16),
          delaySeconds: first === undefined ? undefined : (first.at - onset) / 1_000,
          firstSeries: first?.series.replace(/issue:.*/, 'issue'),
          alertEvents: within(floor.alerts, onset, onset + CRISIS_WINDOW).length,
          incidents: events.filter((event) => event.kind === 'opened').length,
          notifications: events.filter((event) => event.notify).length,
        };
      }),
    ),
    mentions,
    analysisMicrosecondsPerMention: Number(analysisNanoseconds / BigInt(mentions)) / 1_000,
    wallSeconds: (Date.now() - started) / 1_000,
  };
}

describe('crisis detection on a replayed week', () => {
  const figures = replayWeek();

  afterAll(() => {
    const directory = join(__dirname, '..', '..', '..', '..', 'test-artifacts');
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'crisis-detection.json'), `${JSON.stringify(figures, null, 2)}\n`);
    const lines = [
      ...figures.crises.map(
        (crisis) =>
          `${crisis.script} at ${crisis.onset}: detected after ${crisis.delaySeconds ?? '-'} s (${crisis.firstSeries}), ` +
          `${crisis.alertEvents} alert events, ${crisis.incidents} incident, ${crisis.notifications} notification`,
      ),
      `false alarms per day (day 0 is the warm-up): ${figures.days.map((day) => day.falseAlarms).join(', ')}`,
      `${figures.mentions} mentions in ${figures.wallSeconds} s; analysis ${figures.analysisMicrosecondsPerMention} µs a mention`,
    ];
    process.stdout.write(`crisis detection:\n  ${lines.join('\n  ')}\n`);
  });

  it('raises at most one false alarm on a normal day once the profile is learned', () => {
    for (const day of figures.days.slice(1)) expect(day.falseAlarms).toBeLessThanOrEqual(1);
  });

  it('detects every crisis within 60 s of its simulated onset, night or peak', () => {
    for (const crisis of figures.crises) {
      expect(crisis.delaySeconds).toBeDefined();
      expect(crisis.delaySeconds!).toBeLessThanOrEqual(60);
    }
  });

  it('makes each crisis one incident, paged at most twice, with a handful of alert events', () => {
    for (const crisis of figures.crises) {
      expect(crisis.incidents).toBe(1);
      // A second page only when the unacknowledged incident grew (a new issue joined it) 10+ minutes on.
      expect(crisis.notifications).toBeGreaterThanOrEqual(1);
      expect(crisis.notifications).toBeLessThanOrEqual(2);
      expect(crisis.alertEvents).toBeLessThanOrEqual(10);
    }
  });
});
