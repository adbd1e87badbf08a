import { businessHoursSchema } from './business-hours';
import { pauseSla, resumeSla, slaDueAt, startSla } from './sla-clock';

const nineToSix: [string, string][] = [['09:00', '18:00']];
const amsterdamOffice = businessHoursSchema.parse({
  timeZone: 'Europe/Amsterdam',
  days: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
});

/** Wall-clock time in Amsterdam in March 2026, before the change to summer time. */
function amsterdam(dayAndTime: string): Date {
  return new Date(`2026-03-${dayAndTime}:00+01:00`);
}

describe('SLA clock', () => {
  it('is due after the budget of open time', () => {
    const clock = startSla(amsterdam('23T09:00'), 60);

    expect(slaDueAt(clock, amsterdamOffice)).toEqual(amsterdam('23T10:00'));
  });

  it('extends the due time by the open time spent paused', () => {
    const started = startSla(amsterdam('23T09:00'), 60);

    const paused = pauseSla(started, amsterdam('23T09:20'));
    const resumed = resumeSla(paused, amsterdam('23T09:50'), amsterdamOffice);

    expect(resumed.pausedBusinessMinutes).toBe(30);
    expect(slaDueAt(resumed, amsterdamOffice)).toEqual(amsterdam('23T10:30'));
  });

  it('hands back only the open time a pause covered, not the weekend', () => {
    const started = startSla(amsterdam('20T17:30'), 60);

    const paused = pauseSla(started, amsterdam('20T17:50'));
    const resumed = resumeSla(paused, amsterdam('23T09:30'), amsterdamOffice);

    // 10 minutes on Friday and 30 on Monday were paused; 20 were used before the pause.
    expect(resumed.pausedBusinessMinutes).toBe(40);
    expect(slaDueAt(resumed, amsterdamOffice)).toEqual(amsterdam('23T10:10'));
  });

  it('has no due time and does not run down while paused', () => {
    const paused = pauseSla(startSla(amsterdam('23T09:00'), 60), amsterdam('23T09:40'));

    expect(slaDueAt(paused, amsterdamOffice)).toBeNull();
    // Paused with 20 minutes left, resumed a day and a half later: those 20 minutes are still left.
    const resumed = resumeSla(paused, amsterdam('24T17:00'), amsterdamOffice);
    expect(slaDueAt(resumed, amsterdamOffice)).toEqual(amsterdam('24T17:20'));
  });

  it('is due at Friday closing, not Monday opening, when the budget runs out at closing', () => {
    const clock = startSla(amsterdam('20T17:00'), 60);

    expect(slaDueAt(clock, amsterdamOffice)).toEqual(amsterdam('20T18:00'));
  });

  it('ignores a second pause and a resume of a running clock, so replayed events are harmless', () => {
    const started = startSla(amsterdam('23T09:00'), 60);
    const paused = pauseSla(started, amsterdam('23T09:10'));

    expect(pauseSla(paused, amsterdam('23T09:30'))).toBe(paused);
    expect(resumeSla(started, amsterdam('23T09:30'), amsterdamOffice)).toBe(started);
  });

  it('is plain data that survives a JSON round trip', () => {
    const paused = pauseSla(startSla(amsterdam('23T09:00'), 60), amsterdam('23T09:10'));

    expect(JSON.parse(JSON.stringify(paused))).toEqual({
      startedAt: '2026-03-23T08:00:00.000Z',
      budgetMinutes: 60,
      pausedAt: '2026-03-23T08:10:00.000Z',
      pausedBusinessMinutes: 0,
    });
  });

  it('refuses a budget that is not a positive number of minutes', () => {
    expect(() => startSla(amsterdam('23T09:00'), 0)).toThrow('positive number of minutes, got 0');
  });
});
