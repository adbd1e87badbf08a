// pdf-parse's index runs a self-test when it has no parent module: require the parser itself.
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import { aPeriodSummary } from '../period-summary.factory';
import { periodSummaryPdf } from './summary-pdf';

describe('periodSummaryPdf', () => {
  it('produces a PDF whose text carries the headline figures, the charts and the tables', async () => {
    const pdf = await periodSummaryPdf(aPeriodSummary());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const parsed = await pdfParse(pdf);
    expect(parsed.numpages).toBeGreaterThanOrEqual(1);
    const text = parsed.text.replace(/\s+/g, ' ');
    expect(text).toContain('Watchfloor period report');
    expect(text).toContain('2025-11-01 00:00 UTC to 2025-11-04 00:00 UTC');
    expect(text).toMatch(/MENTIONS ?37/);
    expect(text).toContain('-0.10');
    expect(text).toContain('Spring launch');
    expect(text).toContain('Acme (brand)');
    expect(text).toContain('Care, EMEA');
    expect(text).toContain('battery recall');
    expect(text).toContain('12.5 min');
  });

  it('continues long tables on further pages', async () => {
    const teams = Array.from({ length: 120 }, (_, index) => ({
      teamId: `t${index}`,
      teamName: `Team ${index}`,
      items: index,
      responded: 0,
      medianFirstResponseMinutes: null,
      p90FirstResponseMinutes: null,
      resolved: 0,
      slaBreaches: 0,
    }));
    const parsed = await pdfParse(await periodSummaryPdf(aPeriodSummary({ responseTimes: teams })));
    expect(parsed.numpages).toBeGreaterThanOrEqual(3);
    expect(parsed.text).toContain('Team 119');
    expect(parsed.text).toContain(`Page ${parsed.numpages} of ${parsed.numpages}`);
  });

  it('prints characters the standard fonts cannot encode as question marks instead of failing', async () => {
    const parsed = await pdfParse(
      await periodSummaryPdf(
        aPeriodSummary({}, [
          {
            id: 'e2',
            title: 'Launch 🚀 café',
            kind: 'ad_flight',
            startsAt: '2025-11-01T12:00:00.000Z',
            endsAt: '2025-11-02T12:00:00.000Z',
            notes: '',
            createdBy: null,
            updatedAt: '2025-11-01T00:00:00.000Z',
          },
        ]),
      ),
    );
    expect(parsed.text).toContain('Launch ? café');
  });
});
