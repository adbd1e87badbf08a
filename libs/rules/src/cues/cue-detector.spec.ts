import { CUES } from '../rule-definition';
import { CueDetector, cueBit, cuesOfMask } from './cue-detector';
import { CUE_PATTERNS } from './cue-phrases';
import { expandPhrasePattern } from '../text/phrase-pattern';

const detector = new CueDetector();
const detectCues = (text: string) => detector.detect(text);

describe('CueDetector', () => {
  it.each([
    ['complaint', 'Still waiting for an answer from @skylarkair', 'still waiting'],
    ['complaint', 'On hold for 2 hours with customer service', 'on hold for'],
    ['complaint', 'Three emails and no response', 'no response'],
    ['complaint', 'They cancelled my flight without telling me', 'cancelled my flight'],
    ['complaint', 'Skylark Air lost my luggage. Again.', 'lost my luggage'],
    ['complaint', 'Worst service I have ever had', 'worst service'],
    ['complaint', 'I call and nobody answers', 'nobody answers'],
    ['refund', 'I want my money back', 'money back'],
    ['refund', 'Filing a chargeback with my bank', 'chargeback'],
    ['refund', 'Will you reimburse the hotel?', 'reimburse'],
    ['refund', 'Still no #refund', 'refund'],
    ['cancel', 'Cancelling my subscription today', 'cancelling'],
    ['cancel', 'I cancelled my membership', 'cancelled my membership'],
    ['cancel', 'How do I unsubscribe?', 'unsubscribe'],
    ['cancel', 'Switching to another airline', 'switching to'],
    ['lawsuit', 'My lawyer will hear about this', 'lawyer'],
    ['lawsuit', 'We are suing Skylark', 'suing'],
    ['lawsuit', 'Time for a class action', 'class action'],
    ['lawsuit', 'See you in small claims court', 'small claims'],
    ['injury', 'My son was injured by the trolley', 'injured'],
    ['injury', 'Spent the night in the ER', 'the er'],
    ['injury', 'He burned his hand on the coffee', 'burned'],
    ['injury', 'Taken to hospital after the landing', 'hospital'],
    ['safety', 'That plane is unsafe', 'unsafe'],
    ['safety', 'Smoke in the cabin on SK417', 'smoke'],
    ['safety', 'The battery exploded at the gate', 'exploded'],
    ['safety', 'Emergency landing in Denver', 'emergency landing'],
    ['data-breach', 'Skylark Air data breach: passport numbers out', 'data breach'],
    ['data-breach', 'My account was hacked', 'hacked'],
    ['data-breach', 'Got a phishing email with my booking', 'phishing'],
    ['data-breach', 'Victim of identity theft after the leak', 'identity theft'],
  ] as const)('finds %s in "%s" (by "%s")', (cue, text, phrase) => {
    const detection = detectCues(text);
    expect(detection.cues).toContain(cue);
    expect(detection.phrases[cue]).toBe(phrase);
  });

  it.each([
    'Boarding SK417 to Lisbon now',
    'Best landing ever, smooth as butter',
    'I cancelled nothing and I recall nothing', // "recall" alone is memory, not a product recall
    'Waiting for my coffee, lost in a good book',
    'Er, which gate is it?', // "er" alone is a filler word
    'Got fired up about the new routes', // "fire" as a whole word only
    'The refundable fare is worth it',
    'Your leaky app is a breachy mess', // whole words only
  ])('finds no cue in "%s"', (text) => {
    expect(detectCues(text).cues).toEqual([]);
  });

  it('finds every cue in one text, in the order of CUES', () => {
    const text =
      'Still waiting for my refund, so I am cancelling and calling a lawyer: I was burned, the seat is unsafe and my data was leaked';
    expect(detectCues(text).cues).toEqual(CUES);
  });

  it('drops an injury or safety phrase negated just before it', () => {
    expect(detectCues('I was not hurt, thankfully').cues).toEqual([]);
    expect(detectCues('Nobody was injured in the landing').cues).toEqual([]);
    expect(detectCues("Luckily it wasn't dangerous").cues).toEqual([]);
    expect(detectCues('There was no fire on board').cues).toEqual([]);
  });

  it('keeps a phrase whose negation is in another clause or too far back', () => {
    expect(detectCues('Not sure what happened, but people were hurt').cues).toEqual(['injury']);
    expect(detectCues('No one knows how many were hurt').cues).toEqual(['injury']);
  });

  it('looks three words back only: crude on purpose, and wrong both ways at times', () => {
    expect(detectCues('I was not the one hurt').cues).toEqual([]);
    expect(detectCues('Nobody on board was hurt').cues).toEqual(['injury']);
    expect(detectCues('Not only was I hurt, nobody helped').cues).toEqual(['complaint', 'injury']);
  });

  it('does not negate complaint phrases that start with a negation themselves', () => {
    expect(detectCues('No response, no help, nothing').cues).toEqual(['complaint']);
  });

  it('counts a later, plain mention of a cue after a negated one', () => {
    expect(detectCues('I was not hurt but my wife was hurt badly').phrases.injury).toBe('hurt');
  });
});

describe('cue masks', () => {
  it('give each cue its own bit and read back in the order of CUES', () => {
    const mask = cueBit('refund') | cueBit('complaint');
    expect(cuesOfMask(mask)).toEqual(['complaint', 'refund']);
    expect(new Set(CUES.map(cueBit)).size).toBe(CUES.length);
  });

  it('are what maskOf returns for lower-cased text', () => {
    expect(new CueDetector().maskOf('still waiting for my money back')).toBe(cueBit('complaint') | cueBit('refund'));
  });
});

describe('CUE_PATTERNS', () => {
  it('expand without errors into distinct phrases per cue', () => {
    for (const cue of CUES) {
      const phrases = CUE_PATTERNS[cue].flatMap(expandPhrasePattern);
      expect(phrases.length).toBeGreaterThan(0);
      expect(phrases.every((phrase) => phrase === phrase.toLowerCase())).toBe(true);
    }
  });
});
