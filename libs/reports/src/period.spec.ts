import { reportBucketFor, reportFileName } from './period';

const at = (iso: string) => new Date(iso);

describe('report periods', () => {
  it('uses hours up to two days and days beyond', () => {
    expect(reportBucketFor(at('2025-11-01T00:00Z'), at('2025-11-03T00:00Z'))).toBe('hour');
    expect(reportBucketFor(at('2025-11-01T00:00Z'), at('2025-11-03T00:01Z'))).toBe('day');
  });

  it('names the file after its dates', () => {
    expect(reportFileName(at('2025-11-01T00:00Z'), at('2025-11-08T12:30Z'), 'pdf')).toBe(
      'watchfloor-report-2025-11-01T0000Z-2025-11-08T1230Z.pdf',
    );
  });
});
