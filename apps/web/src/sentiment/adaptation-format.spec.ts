import type { SentimentAdaptationVersion } from '@watchfloor/contracts';
import { activationLabel, change, percent, versionStatus } from './adaptation-format';

const aVersion = (overrides: Partial<SentimentAdaptationVersion> = {}): SentimentAdaptationVersion => ({
  id: 2,
  createdAt: '2026-12-01T10:00:00.000Z',
  baseModelId: 'bundled-1',
  status: 'trained',
  error: null,
  requestedBy: null,
  trainedOn: 40,
  heldOut: 10,
  before: { accuracy: 0.5, macroF1: 0.4 },
  after: { accuracy: 0.9, macroF1: 0.85 },
  active: false,
  activatedAt: null,
  activatedBy: null,
  usable: true,
  ...overrides,
});

describe('how the sentiment page describes a version', () => {
  it('shows accuracy before and after on the held-back corrections to one decimal', () => {
    expect(percent(0.9167)).toBe('91.7%');
    expect(change(aVersion().before, aVersion().after, 'accuracy')).toBe('50.0% → 90.0%');
    expect(change(aVersion().before, aVersion().after, 'macroF1')).toBe('40.0% → 85.0%');
    expect(change(null, null, 'accuracy')).toBe('—');
  });

  it('names the active version, a worse one kept off, a failed one with its error, and one for another model', () => {
    expect(versionStatus(aVersion({ active: true }))).toEqual({ text: 'Active', tone: 'active' });
    expect(versionStatus(aVersion({ after: { accuracy: 0.4, macroF1: 0.3 } })).tone).toBe('worse');
    expect(versionStatus(aVersion({ status: 'failed', error: 'too few', before: null, after: null }))).toEqual({
      text: 'Failed: too few',
      tone: 'failed',
    });
    expect(versionStatus(aVersion({ usable: false, baseModelId: 'bundled-0' })).text).toBe(
      'Trained on another model (bundled-0)',
    );
    expect(versionStatus(aVersion()).text).toBe('Inactive');
  });

  it('offers a rollback to versions older than the active one, activation to newer ones, and nothing to the rest', () => {
    expect(activationLabel(aVersion({ id: 1 }), 2)).toBe('Roll back');
    expect(activationLabel(aVersion({ id: 3 }), 2)).toBe('Activate');
    expect(activationLabel(aVersion({ id: 1 }), null)).toBe('Activate');
    expect(activationLabel(aVersion({ id: 2, active: true }), 2)).toBeNull();
    expect(activationLabel(aVersion({ usable: false }), 2)).toBeNull();
  });
});
