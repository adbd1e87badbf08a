/**
 * What people say about the demo brand, Skylark Air. Slots in braces are filled at random.
 * The mix (weights) is roughly what care teams report for an airline: mostly neutral chatter
 * and questions, a steady stream of complaints, some praise, and noise that must be ignored.
 */
export const DEMO_BRAND = { name: 'Skylark Air', handle: 'skylarkair', hashtag: '#SkylarkAir' };

export type DemoTone = 'praise' | 'question' | 'complaint' | 'neutral' | 'noise';

export const TONE_WEIGHTS: readonly (readonly [DemoTone, number])[] = [
  ['neutral', 30],
  ['complaint', 25],
  ['praise', 20],
  ['question', 15],
  ['noise', 10],
];

export const PHRASES: Record<DemoTone, readonly string[]> = {
  praise: [
    'Huge thanks to the crew on {flight} to {city}, they were amazing with my kids {brand}',
    'Best landing ever, smooth as butter. Love flying {brand} 😍',
    'Upgraded to the window seat for free, {brand} you made my day!',
    'The new app check-in is so easy, great job @{handle}',
    '{brand} customer care sorted my rebooking in 5 minutes. Impressed, honestly',
    'Wonderful service on the red-eye to {city}. Friendly staff, good coffee {tag}',
    'Shoutout to gate agent Maria at {city} airport, she is the best',
  ],
  question: [
    '@{handle} can I bring a guitar as cabin baggage on {flight}?',
    'Does anyone know if {brand} flights to {city} have wifi?',
    '@{handle} how do I add my loyalty number to an existing booking?',
    'Is the {city} lounge open for {brand} economy plus passengers?',
    '@{handle} what is the pet policy for flights to {city}?',
  ],
  complaint: [
    '@{handle} flight {flight} delayed 4 hours and nobody tells us anything. Terrible',
    'Still waiting for my refund from {brand}, it has been 6 weeks. Awful service',
    '{brand} lost my bag on the way to {city}. Again. Worst airline ever {fail}',
    'On hold for 2 hours with @{handle} customer service. This is a joke',
    '{flight} cancelled last minute, no hotel, no help. Disgusted with {brand}',
    'The seats on {brand} are so cramped, my knees hate you @{handle}',
    'Charged twice for the same ticket @{handle}, fix this now. Angry customer',
    'Rude staff at the {city} check-in desk. Not flying {brand} again {fail}',
  ],
  neutral: [
    'Boarding {flight} to {city} now {tag}',
    'Reading about the new {brand} routes to {city} starting in spring',
    '{brand} announces a new codeshare partnership, details at the link',
    'At {city} airport waiting for my {brand} connection',
    'Booked {brand} for the conference trip to {city} next month',
    'The {brand} quarterly traffic report is out',
  ],
  noise: [
    'WIN a free trip!!! follow and RT {tag} {tag2} {tag3}',
    'skylark sighting in the park this morning, lovely bird song',
    'Cheap followers here, dm me {tag}',
    'My playlist "skylark air" is up, check it out',
  ],
};

export const CITIES = [
  'Lisbon',
  'Denver',
  'Osaka',
  'Nairobi',
  'Toronto',
  'Berlin',
  'Austin',
  'Madrid',
  'Seoul',
  'Dublin',
];
/** Where demo posts say they were made, for the wall's map: a few, like real geotags. */
export const DEMO_PLACES = [
  { name: 'Lisbon, Portugal', lat: 38.72, lon: -9.14 },
  { name: 'Denver, CO', lat: 39.74, lon: -104.99 },
  { name: 'Osaka, Japan', lat: 34.69, lon: 135.5 },
  { name: 'Nairobi, Kenya', lat: -1.29, lon: 36.82 },
  { name: 'Toronto, ON', lat: 43.65, lon: -79.38 },
  { name: 'Berlin, Germany', lat: 52.52, lon: 13.4 },
  { name: 'Austin, TX', lat: 30.27, lon: -97.74 },
  { name: 'Madrid, Spain', lat: 40.42, lon: -3.7 },
  { name: 'Seoul, South Korea', lat: 37.57, lon: 126.98 },
  { name: 'Dublin, Ireland', lat: 53.35, lon: -6.26 },
  { name: 'São Paulo, Brazil', lat: -23.55, lon: -46.63 },
  { name: 'Sydney, Australia', lat: -33.87, lon: 151.21 },
] as const;
export const EXTRA_TAGS = ['#travel', '#avgeek', '#giveaway', '#fail', '#neveragain', '#delayed', '#vacation'];

/** First and last names for demo authors; handles are derived from them. */
export const FIRST_NAMES = [
  'Dana',
  'Sam',
  'Priya',
  'Luis',
  'Mei',
  'Tom',
  'Aisha',
  'Jonas',
  'Keiko',
  'Omar',
  'Zoe',
  'Ravi',
];
export const LAST_NAMES = ['Park', 'Okafor', 'Silva', 'Novak', 'Chen', 'Murphy', 'Haddad', 'Larsen', 'Ito', 'Reyes'];
