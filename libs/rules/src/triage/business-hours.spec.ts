import { addBusinessMinutes, businessHoursSchema, businessMsBetween } from './business-hours';
import type { BusinessHours, BusinessHoursInput } from './business-hours';

const nineToSix: [string, string][] = [['09:00', '18:00']];

function businessHours(overrides: Partial<BusinessHoursInput> = {}): BusinessHours {
  return businessHoursSchema.parse({
    timeZone: 'Europe/Amsterdam',
    days: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
    ...overrides,
  });
}

function openMinutesBetween(from: Date, to: Date, hours: BusinessHours): number {
  return businessMsBetween(from.getTime(), to.getTime(), hours) / 60_000;
}

function schemaErrors(input: unknown): string[] {
  const result = businessHoursSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('addBusinessMinutes', () => {
  it('carries an hour asked for on Friday at 17:30 over the weekend to Monday 09:30 in Amsterdam', () => {
    const due = addBusinessMinutes(new Date('2026-03-20T17:30:00+01:00'), 60, businessHours());

    expect(due.toISOString()).toBe(new Date('2026-03-23T09:30:00+01:00').toISOString());
  });

  it('lands on Monday 09:30 local after the weekend Amsterdam moves to summer time', () => {
    // Clocks go from 02:00 CET to 03:00 CEST on Sunday 2026-03-29.
    const due = addBusinessMinutes(new Date('2026-03-27T17:30:00+01:00'), 60, businessHours());

    expect(due.toISOString()).toBe('2026-03-30T07:30:00.000Z');
  });

  it('lands on Monday 09:30 local after the weekend New York moves back to standard time', () => {
    // Clocks go from 02:00 EDT back to 01:00 EST on Sunday 2026-11-01.
    const hours = businessHours({ timeZone: 'America/New_York' });

    const due = addBusinessMinutes(new Date('2026-10-30T17:30:00-04:00'), 60, hours);

    expect(due.toISOString()).toBe('2026-11-02T14:30:00.000Z');
  });

  it('counts real elapsed minutes through the hour New York repeats', () => {
    const hours = businessHours({ timeZone: 'America/New_York', days: { sun: [['00:00', '24:00']] } });

    const due = addBusinessMinutes(new Date('2026-11-01T00:30:00-04:00'), 120, hours);

    // 00:30 EDT plus two hours is 01:30 the second time round, in EST.
    expect(due.toISOString()).toBe(new Date('2026-11-01T01:30:00-05:00').toISOString());
  });

  it('skips a lunch break', () => {
    const split: [string, string][] = [
      ['09:00', '12:00'],
      ['13:00', '18:00'],
    ];
    const hours = businessHours({ days: { mon: split } });

    const due = addBusinessMinutes(new Date('2026-03-23T11:30:00+01:00'), 60, hours);

    expect(due.toISOString()).toBe(new Date('2026-03-23T13:30:00+01:00').toISOString());
  });

  it('is due at closing, not at the next opening, when the budget runs out exactly at closing', () => {
    const due = addBusinessMinutes(new Date('2026-03-20T17:00:00+01:00'), 60, businessHours());

    expect(due.toISOString()).toBe(new Date('2026-03-20T18:00:00+01:00').toISOString());
  });

  it('starts counting at opening time when started before it', () => {
    const due = addBusinessMinutes(new Date('2026-03-23T06:00:00+01:00'), 15, businessHours());

    expect(due.toISOString()).toBe(new Date('2026-03-23T09:15:00+01:00').toISOString());
  });

  it('adds plain elapsed time when always open, across a clock change', () => {
    const hours = businessHours({ alwaysOpen: true });

    const due = addBusinessMinutes(new Date('2026-03-28T23:00:00+01:00'), 24 * 60, hours);

    // 24 real hours later the wall clock shows 00:00 on Monday: Sunday had only 23 hours.
    expect(due.toISOString()).toBe(new Date('2026-03-30T00:00:00+02:00').toISOString());
  });

  it('rejects a negative budget', () => {
    expect(() => addBusinessMinutes(new Date(), -5, businessHours())).toThrow('at least 0, got -5');
  });
});

describe('businessMsBetween', () => {
  it('counts only the open minutes over a weekend', () => {
    const minutes = openMinutesBetween(
      new Date('2026-03-20T17:30:00+01:00'),
      new Date('2026-03-23T09:30:00+01:00'),
      businessHours(),
    );

    expect(minutes).toBe(60);
  });

  it('is negative when the instants are given the other way round', () => {
    const minutes = openMinutesBetween(
      new Date('2026-03-23T09:30:00+01:00'),
      new Date('2026-03-20T17:30:00+01:00'),
      businessHours(),
    );

    expect(minutes).toBe(-60);
  });

  it('counts 23 hours on the Sunday Amsterdam springs forward and 25 on the Sunday New York falls back', () => {
    const allDaySunday = { sun: [['00:00', '24:00']] as [string, string][] };
    const amsterdam = businessHours({ days: allDaySunday });
    const newYork = businessHours({ timeZone: 'America/New_York', days: allDaySunday });

    const spring = openMinutesBetween(
      new Date('2026-03-28T00:00:00+01:00'),
      new Date('2026-03-31T00:00:00+02:00'),
      amsterdam,
    );
    const autumn = openMinutesBetween(
      new Date('2026-10-31T00:00:00-04:00'),
      new Date('2026-11-03T00:00:00-05:00'),
      newYork,
    );

    expect(spring).toBe(23 * 60);
    expect(autumn).toBe(25 * 60);
  });

  it('opens an interval that starts in the skipped hour at the end of the gap', () => {
    const hours = businessHours({ days: { sun: [['02:00', '04:00']] } });

    const minutes = openMinutesBetween(
      new Date('2026-03-29T00:00:00+01:00'),
      new Date('2026-03-30T00:00:00+02:00'),
      hours,
    );

    // 02:00 never happens that night: open from 03:00 CEST to 04:00 CEST.
    expect(minutes).toBe(60);
  });
});

describe('businessHoursSchema', () => {
  it('accepts 24/7 with no days', () => {
    expect(businessHoursSchema.parse({ timeZone: 'UTC', alwaysOpen: true })).toEqual({
      timeZone: 'UTC',
      alwaysOpen: true,
      days: {},
    });
  });

  it('names a time zone it does not know', () => {
    expect(schemaErrors({ timeZone: 'Mars/Olympus_Mons', alwaysOpen: true })).toEqual([
      '"Mars/Olympus_Mons" is not a time zone this server knows: use an IANA name such as "Europe/Amsterdam"',
    ]);
  });

  it('rejects a time that is not HH:MM on a 24-hour clock', () => {
    expect(schemaErrors({ timeZone: 'UTC', days: { mon: [['9:00', '25:00']] } })).toEqual([
      'a time is "HH:MM" on a 24-hour clock, such as "09:00" or "17:30"',
      'a time is "HH:MM" on a 24-hour clock, such as "09:00" or "17:30"',
    ]);
  });

  it('rejects an interval that ends before it starts', () => {
    expect(schemaErrors({ timeZone: 'UTC', days: { fri: [['22:00', '06:00']] } })).toEqual([
      'the interval 22:00–06:00 must end after it starts (split a night shift over two days)',
    ]);
  });

  it('rejects overlapping intervals, and accepts touching ones', () => {
    const overlapping = [
      ['13:00', '18:00'],
      ['09:00', '13:30'],
    ];
    const touching = [
      ['09:00', '13:00'],
      ['13:00', '18:00'],
    ];

    expect(schemaErrors({ timeZone: 'UTC', days: { mon: overlapping } })).toEqual([
      'the intervals 09:00–13:30 and 13:00–18:00 overlap',
    ]);
    expect(schemaErrors({ timeZone: 'UTC', days: { mon: touching } })).toEqual([]);
  });

  it('allows at most four intervals a day', () => {
    const five = ['08', '10', '12', '14', '16'].map((hour) => [`${hour}:00`, `${hour}:30`]);

    expect(schemaErrors({ timeZone: 'UTC', days: { tue: five } })).toEqual(['at most 4 open intervals a day']);
  });

  it('rejects hours with no open time at all, saying how to get 24/7', () => {
    expect(schemaErrors({ timeZone: 'UTC', days: { mon: [] } })).toEqual([
      'no open hours: add an interval to at least one day, or set alwaysOpen: true for 24/7',
    ]);
  });

  it('rejects a misspelt day', () => {
    expect(schemaErrors({ timeZone: 'UTC', days: { monday: nineToSix, tue: nineToSix } })).toEqual([
      'days are mon, tue, wed, thu, fri, sat, sun: not "monday"',
    ]);
  });
});
