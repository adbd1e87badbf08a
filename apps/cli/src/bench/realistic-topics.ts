import type { Platform } from '@watchfloor/domain';

/** A subject a care team routes on, by the phrases customers use for it. */
export interface Topic {
  id: string;
  team: string;
  keywords: readonly string[];
  platforms?: readonly Platform[];
}

/** Twenty topics an airline's teams route on, each worth three rules in `realisticRules`. */
export const TOPICS: readonly Topic[] = [
  {
    id: 'baggage',
    team: 'baggage',
    keywords: [
      'lost bag',
      'lost luggage',
      'baggage claim',
      'suitcase',
      'my bag',
      'luggage',
      'checked bag',
      'bag fee',
      'damaged bag',
      'missing bag',
      'delayed bag',
      'baggage allowance',
    ],
  },
  {
    id: 'delays',
    team: 'operations',
    keywords: [
      'delayed',
      'delay',
      'late departure',
      'stuck at the gate',
      'missed my connection',
      'hours late',
      'tarmac',
    ],
  },
  {
    id: 'cancellations',
    team: 'operations',
    keywords: ['cancelled', 'canceled', 'flight cancelled', 'no rebooking', 'rebooked', 'stranded', 'no hotel'],
  },
  {
    id: 'refunds',
    team: 'billing',
    keywords: [
      'refund',
      'money back',
      'voucher',
      'compensation',
      'eu261',
      'reimbursement',
      'charged twice',
      'double charged',
      'chargeback',
    ],
  },
  {
    id: 'booking',
    team: 'reservations',
    keywords: [
      'booking',
      'reservation',
      'seat selection',
      'check-in',
      'boarding pass',
      'manage booking',
      'name change',
    ],
  },
  {
    id: 'loyalty',
    team: 'loyalty',
    keywords: ['loyalty number', 'miles', 'points', 'frequent flyer', 'status match', 'gold status', 'elite'],
  },
  {
    id: 'digital',
    team: 'digital',
    keywords: ['app', 'website', 'crash', 'login', 'error message', 'payment failed', 'down again', 'bug'],
    platforms: ['twitter', 'reddit', 'mastodon'],
  },
  {
    id: 'inflight-wifi',
    team: 'inflight',
    keywords: ['wifi', 'wi-fi', 'internet on board', 'streaming', 'entertainment', 'screen'],
  },
  {
    id: 'catering',
    team: 'inflight',
    keywords: ['food', 'meal', 'coffee', 'snack', 'vegetarian', 'gluten', 'drinks', 'special meal'],
  },
  {
    id: 'seating',
    team: 'inflight',
    keywords: ['seat', 'seats', 'legroom', 'cramped', 'recline', 'knees', 'middle seat', 'exit row'],
  },
  {
    id: 'staff-conduct',
    team: 'service-quality',
    keywords: [
      'rude',
      'staff',
      'crew',
      'gate agent',
      'flight attendant',
      'attitude',
      'unprofessional',
      'check-in desk',
    ],
  },
  {
    id: 'pets',
    team: 'special-services',
    keywords: ['pet', 'dog', 'cat', 'emotional support', 'pet policy', 'crate'],
  },
  {
    id: 'accessibility',
    team: 'special-services',
    keywords: [
      'wheelchair',
      'assistance',
      'disabled',
      'mobility',
      'blind',
      'deaf',
      'special assistance',
      'reduced mobility',
    ],
  },
  {
    id: 'premium',
    team: 'premium',
    keywords: ['lounge', 'priority boarding', 'fast track', 'business class', 'first class', 'upgrade', 'upgraded'],
  },
  {
    id: 'press',
    team: 'pr',
    keywords: ['journalist', 'reporter', 'press inquiry', 'for comment', 'newsroom', 'statement', 'announces'],
  },
  {
    id: 'executives',
    team: 'pr',
    keywords: ['ceo', 'chief executive', 'board of directors', 'shareholders', 'quarterly', 'traffic report'],
  },
  {
    id: 'partnerships',
    team: 'marketing',
    keywords: ['codeshare', 'partnership', 'alliance', 'new routes', 'new route', 'launch'],
  },
  {
    id: 'promotions',
    team: 'marketing',
    keywords: ['giveaway', 'win a free', 'follow and rt', 'sweepstakes', 'promo code', 'discount code'],
    platforms: ['twitter', 'bluesky'],
  },
  {
    id: 'spam',
    team: 'moderation',
    keywords: ['cheap followers', 'dm me', 'crypto', 'investment opportunity', 'onlyfans', 'click here'],
  },
  {
    id: 'competitors',
    team: 'marketing',
    keywords: [
      'ryanair',
      'easyjet',
      'lufthansa',
      'united',
      'delta',
      'emirates',
      'never flying',
      'other airline',
      'switching to',
    ],
  },
];
