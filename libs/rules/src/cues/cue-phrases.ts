import type { Cue } from '../rule-definition';

/**
 * The phrasings of each cue, as phrase patterns (`(a|b|)` is one of a, b or nothing; see
 * `expandPhrasePattern`). Matched case-insensitively on whole words, so inflections are spelled
 * out here rather than guessed by a stemmer: "refund(|s|ed|ing)" but not "refundable".
 *
 * Chosen from what care teams escalate, with an eye on false alarms:
 * - `complaint` wants a phrase, not a word: "waiting" or "lost" alone are everyday words.
 *   "cancelled my" is a complaint when the brand did it ("cancelled my flight"); a customer
 *   leaving ("cancelled my subscription") is `cancel`.
 * - `injury` has no bare "er" (a filler word once lower-cased): "the er" and "emergency room".
 * - `safety` has no bare "recall" ("I don't recall"): "recalled", "recalls", "a/the recall".
 * - `lawsuit` includes "sue", which is also a first name: a known false alarm, kept because
 *   "I will sue" is the phrasing that matters most.
 * Negated mentions of injury and safety ("nobody was hurt") are dropped by the detector.
 */
export const CUE_PATTERNS: Readonly<Record<Cue, readonly string[]>> = {
  complaint: [
    'still waiting',
    'still no (refund|response|reply|answer|update|word|news)',
    '(on|been on) hold for',
    'no (response|reply|answer|help)',
    '(nobody|no one) (answers|answered|is answering|responds|responded|replies|replied|helps|helped|tells us|told us|cares)',
    'cancel(l|)ed my (flight|booking|reservation|trip|ticket)',
    '(flight|was|got|been) cancel(l|)ed',
    'lost (my|our) (bag|bags|luggage|suitcase|suitcases)',
    'lost (luggage|baggage)',
    'worst (service|customer service|airline|company|experience|support)',
    '(awful|terrible|horrible|appalling|shocking) (service|customer service|support)',
    '(charged|billed) twice',
    'double (charged|billed)',
    "(doesn't|doesnt|does not|don't|dont|didn't|didnt) work",
    'not working',
    '(this|that) is a joke',
    'rude (staff|agent|agents|crew|employee|employees)',
  ],
  refund: ['refund(|s|ed|ing)', 'money back', 'charge(|-| )back(|s)', 'reimburs(e|es|ed|ing|ement|ements)'],
  cancel: [
    'cancel(|s|ling|ing)',
    'cancel(l|)ed my (subscription|account|order|membership|plan)',
    'unsubscrib(e|ed|ing)',
    '(switching|switched) to',
    '(close|closing|closed|delete|deleting|deleted) my account',
  ],
  lawsuit: [
    'lawsuit(|s)',
    '(sue|sues|sued|suing)',
    'lawyer(|s)',
    'attorney(|s)',
    'legal action',
    'class(| |-)action',
    'small claims',
    '(see you|see them) in court',
    'take (you|them|it) to court',
  ],
  injury: [
    'injur(y|ies|ed|ing)',
    'hurt(|s|ing)',
    'burn(ed|t|s)',
    'hospital(|s|ised|ized)',
    'emergency room',
    '(the|an) er',
    '(bleeding|bled)',
    'broken (arm|leg|wrist|ankle|nose|finger|toe)',
  ],
  safety: [
    'unsafe',
    'danger(|ous|ously)',
    'safety',
    'recall(ed|s)',
    '(a|the|product|safety) recall',
    'fire(|s)',
    'caught fire',
    'smok(e|ey|y)',
    'explo(ded|des|ding|sion|sions)',
    'hazard(|s|ous)',
    'emergency landing',
    'evacuat(ed|ion)',
  ],
  'data-breach': [
    'data breach(|es)',
    'breach(|ed|es)',
    'hack(ed|s)',
    'hacker(|s)',
    'leak(|ed|s)',
    'password(|s) (leak|leaked)',
    'my (data|personal data|personal information|details)',
    'identity theft',
    'phishing',
    'stolen (data|passwords|card details|identity)',
    'security incident',
  ],
};

/** Cues whose phrase reverses when negated just before it ("nobody was hurt", "no fire"). */
export const NEGATABLE_CUES: ReadonlySet<Cue> = new Set<Cue>(['injury', 'safety']);

/** Words that negate a cue phrase among the three words before it, within its clause. */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nobody',
  'none',
  'without',
  'nothing',
  'wasnt',
  'werent',
  'isnt',
  'arent',
  'didnt',
  'hasnt',
  'havent',
  'hadnt',
  'aint',
]);
