import type { PresenceUpdate } from '@watchfloor/contracts';
import { PresenceReporter, REPLYING_IDLE_MS, REPLYING_THROTTLE_MS } from './presence-reporter';

describe('the presence reporter', () => {
  let now = 0;
  let said: PresenceUpdate[];
  let reporter: PresenceReporter;

  beforeEach(() => {
    jest.useFakeTimers();
    now = 0;
    said = [];
    reporter = new PresenceReporter(() => now);
    reporter.connect((update) => said.push(update));
  });

  afterEach(() => {
    reporter.dispose();
    jest.useRealTimers();
  });

  it('says which item is open, and none when it is closed', () => {
    reporter.open('7');
    reporter.open('7');
    reporter.open(null);
    expect(said).toEqual([
      { itemId: '7', activity: 'viewing' },
      { itemId: null, activity: 'viewing' },
    ]);
  });

  it('says "replying" while typing, at most once per throttle, and "viewing" again after a pause', () => {
    reporter.open('7');
    reporter.typing();
    now += 100;
    reporter.typing();
    now += REPLYING_THROTTLE_MS;
    reporter.typing();
    expect(said.map((update) => update.activity)).toEqual(['viewing', 'replying', 'replying']);
    jest.advanceTimersByTime(REPLYING_IDLE_MS);
    expect(said[said.length - 1]).toEqual({ itemId: '7', activity: 'viewing' });
  });

  it('says nothing while disconnected, and everything again on reconnect', () => {
    reporter.connect(null);
    reporter.open('9');
    expect(said).toEqual([]);
    reporter.connect((update) => said.push(update));
    reporter.resend();
    expect(said).toEqual([{ itemId: '9', activity: 'viewing' }]);
  });
});
