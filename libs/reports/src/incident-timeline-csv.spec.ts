import type { IncidentTimelineEntry } from '@watchfloor/contracts';
import { incidentTimelineCsv, incidentTimelineFileName } from './incident-timeline-csv';

const anEntry = (overrides: Partial<IncidentTimelineEntry>): IncidentTimelineEntry => ({
  at: '2025-06-01T10:00:00.000Z',
  kind: 'note',
  actor: 'Pat',
  ref: null,
  change: null,
  text: null,
  ...overrides,
});

describe('incidentTimelineCsv', () => {
  it('writes one row per entry in time order, keeping the given order at the same instant', () => {
    const csv = incidentTimelineCsv('iss-1', [
      anEntry({ at: '2025-06-01T10:05:00.000Z', kind: 'reply', actor: 'Dana', ref: 'item 7', text: 'Sorry, on it' }),
      anEntry({ at: '2025-06-01T09:00:00.000Z', kind: 'first_seen', actor: 'analysis', text: 'delay sk417' }),
      anEntry({ at: '2025-06-01T10:00:00.000Z', kind: 'case_priority', actor: 'spike incident', change: 'none → P1' }),
      anEntry({ at: '2025-06-01T10:00:00.000Z', kind: 'case_acknowledged', actor: 'Pat' }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'at,issue,event,who,ref,change,text',
      '2025-06-01T09:00:00.000Z,iss-1,Issue first seen,analysis,,,delay sk417',
      '2025-06-01T10:00:00.000Z,iss-1,Priority changed,spike incident,,none → P1,',
      '2025-06-01T10:00:00.000Z,iss-1,P1 acknowledged,Pat,,,',
      '2025-06-01T10:05:00.000Z,iss-1,Reply,Dana,item 7,,"Sorry, on it"',
      '',
    ]);
  });

  it('neutralises a note that a spreadsheet would run as a formula', () => {
    const csv = incidentTimelineCsv('iss-1', [anEntry({ text: '=HYPERLINK("http://evil")' })]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe('incidentTimelineFileName', () => {
  it('keeps only characters safe in a header', () => {
    expect(incidentTimelineFileName('a/b"c')).toBe('post-mortem-a_b_c.csv');
  });
});
