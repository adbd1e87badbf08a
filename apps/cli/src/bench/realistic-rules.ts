import type { Priority, RuleInput, RuleSetInput } from '@watchfloor/rules';
import { TOPICS } from './realistic-topics';
import type { Topic } from './realistic-topics';

/**
 * The rule set an airline's care, PR and security teams would run, 100 rules long, for
 * `bench-rules`. Shaped on what such sets hold: a few urgent rules first (crisis cues during a
 * spike, legal threats, verified authors), then topic routing by keywords (3 to 15 phrases each)
 * with sentiment, reach and platform filters, city desks, language and competitor-query rules
 * that the demo feed never triggers, a catch-all for negative mentions near the end, and a disabled
 * leftover. Most rules match few mentions, as in real sets; the order decides, so the engine has to
 * walk far down the list for most mentions.
 */
export function realisticRules(): RuleSetInput {
  const rules: RuleInput[] = [
    ...urgentRules(),
    ...TOPICS.flatMap(topicRules),
    ...CITIES.map(cityDeskRule),
    ...REGIONAL_LANGUAGES.map(regionalRule),
    ...COMPETITOR_QUERIES.map(competitorRule),
    ...closingRules(),
  ];
  if (rules.length !== 100) throw new Error(`the realistic rule set has ${rules.length} rules, not 100`);
  return { rules };
}

/** Three rules per topic: the loud complaints, the ordinary ones, and questions on social platforms. */
function topicRules(topic: Topic, index: number): RuleInput[] {
  const platforms = topic.platforms && { platforms: [...topic.platforms] };
  return [
    rule(`${topic.id}-loud-complaint`, `${title(topic.id)}: loud complaint`, 'P2', topic.team, {
      when: { keywords: [...topic.keywords], sentiment: ['negative'], reachAtLeast: 45 + (index % 4) * 5 },
      slaMinutes: 30,
      notify: [`slack-${topic.team}`],
    }),
    rule(`${topic.id}-complaint`, `${title(topic.id)}: complaint`, 'P3', topic.team, {
      when: {
        keywords: [...topic.keywords],
        scoreAtMost: -0.55,
        ...platforms,
        ...(index % 3 === 0 && { excludeKeywords: ['giveaway', 'follow and rt'] }),
      },
      slaMinutes: 240,
    }),
    rule(`${topic.id}-question`, `${title(topic.id)}: question`, 'P4', topic.team, {
      when: {
        keywords: [...topic.keywords],
        sentiment: ['neutral'],
        platforms: index % 2 === 0 ? ['mastodon', 'bluesky'] : ['reddit'],
        confidenceBelow: 0.5,
      },
    }),
  ];
}

const CITIES = ['Lisbon', 'Denver', 'Osaka', 'Nairobi', 'Toronto', 'Berlin', 'Austin', 'Madrid', 'Seoul', 'Dublin'];

/** Each station's desk hears about very negative posts from its airport. */
function cityDeskRule(city: string): RuleInput {
  const id = city.toLowerCase();
  return rule(`desk-${id}`, `${city} station desk`, 'P3', `station-${id}`, {
    when: {
      keywords: [city, `${city} airport`, `${city} lounge`, `flights to ${city}`],
      scoreAtMost: -0.7,
      excludeKeywords: ['giveaway', 'playlist'],
    },
    slaMinutes: 120,
  });
}

const REGIONAL_LANGUAGES = ['de', 'es', 'fr', 'pt', 'ja', 'ko', 'it'];

function regionalRule(language: string): RuleInput {
  return rule(`regional-${language}`, `Regional care (${language})`, 'P3', `care-${language}`, {
    when: { languages: [language], sentiment: ['negative', 'neutral'] },
  });
}

const COMPETITOR_QUERIES = ['q-rival-skyways', 'q-rival-bluejet', 'q-rival-aerolux', 'q-industry-strikes'];

function competitorRule(query: string): RuleInput {
  return rule(`watch-${query.slice(2)}`, `Competitive watch: ${query.slice(2)}`, 'P4', 'marketing', {
    when: { queries: [query], reachAtLeast: 35 },
  });
}

function urgentRules(): RuleInput[] {
  return [
    rule('crisis-safety-spike', 'Safety or injury during a spike', 'P1', 'crisis', {
      when: { cues: ['safety', 'injury'], duringSpike: true },
      notify: ['pager-crisis', 'slack-crisis'],
      slaMinutes: 10,
      escalateToTeamId: 'exec',
    }),
    rule('crisis-safety-loud', 'Safety or injury with reach', 'P1', 'crisis', {
      when: { cues: ['safety', 'injury'], reachAtLeast: 50, sentiment: ['negative'] },
      notify: ['slack-crisis'],
      slaMinutes: 15,
    }),
    rule('security-breach', 'Data breach reports', 'P1', 'security', {
      when: { cues: ['data-breach'], scoreAtMost: -0.2 },
      notify: ['pager-security'],
      slaMinutes: 20,
    }),
    rule('legal-threat', 'Legal threats', 'P2', 'legal', {
      when: { cues: ['lawsuit'], sentiment: ['negative', 'neutral'] },
      notify: ['mail-legal'],
      slaMinutes: 60,
    }),
    rule('vip-negative', 'Verified authors, negative', 'P1', 'pr', {
      when: { verified: true, sentiment: ['negative'] },
      notify: ['slack-pr'],
      slaMinutes: 15,
    }),
    rule('vip-any-high-reach', 'Verified authors with big reach', 'P2', 'pr', {
      when: { verified: true, reachAtLeast: 70 },
    }),
    rule('issue-negative-spike', 'Emerging issue, spiking, negative', 'P1', 'crisis', {
      when: { inIssue: true, duringSpike: true, scoreAtMost: -0.4 },
      notify: ['slack-crisis'],
    }),
    rule('churn-risk', 'Customers leaving', 'P2', 'retention', {
      when: { cues: ['cancel'], sentiment: ['negative'], reachAtLeast: 30 },
      slaMinutes: 60,
    }),
    rule('refund-complaint', 'Refund complaints', 'P2', 'billing', {
      when: { cues: ['refund'], sentiment: ['negative'] },
      slaMinutes: 120,
    }),
    rule('complaint-loud', 'Care complaints with reach', 'P2', 'care-escalations', {
      when: { cues: ['complaint'], reachAtLeast: 55 },
      slaMinutes: 60,
    }),
    rule('news-negative', 'Negative news coverage', 'P2', 'pr', {
      when: { platforms: ['rss'], sentiment: ['negative'] },
      notify: ['slack-pr'],
    }),
  ];
}

function closingRules(): RuleInput[] {
  return [
    rule('spike-negative-loud', 'Negative with reach during a spike', 'P2', 'crisis', {
      when: { duringSpike: true, sentiment: ['negative'], reachAtLeast: 40 },
    }),
    rule('reddit-thread-negative', 'Very negative Reddit threads', 'P3', 'community', {
      when: { platforms: ['reddit'], scoreAtMost: -0.6, reachAtLeast: 25 },
    }),
    rule('fediverse-safety', 'Safety talk on Mastodon and Bluesky', 'P2', 'crisis', {
      when: { platforms: ['mastodon', 'bluesky'], cues: ['safety'] },
    }),
    rule('unsure-reading', 'Low-confidence negative readings', 'P4', 'quality', {
      when: { sentiment: ['negative'], confidenceBelow: 0.25, reachAtLeast: 20 },
    }),
    rule('issue-followers', 'Negative mentions of an emerging issue', 'P3', 'issues', {
      when: { inIssue: true, sentiment: ['negative'] },
    }),
    rule('negative-catch-all', 'Every other negative mention', 'P4', 'care', {
      when: { sentiment: ['negative'], excludeKeywords: ['giveaway', 'cheap followers', 'playlist'] },
      slaMinutes: 1_440,
    }),
    rule('praise-with-reach', 'Praise worth amplifying', 'P4', 'social', {
      when: { sentiment: ['positive'], scoreAtLeast: 0.6, reachAtLeast: 45 },
    }),
    rule('old-holiday-rule', 'Holiday season (off)', 'P3', 'care', {
      enabled: false,
      when: { keywords: ['christmas', 'holiday', 'new year'] },
    }),
  ];
}

function rule(
  id: string,
  name: string,
  priority: Priority,
  teamId: string,
  options: {
    when: RuleInput['when'];
    enabled?: boolean;
    notify?: string[];
    slaMinutes?: number;
    escalateToTeamId?: string;
  },
): RuleInput {
  const { when, enabled, ...actions } = options;
  return { id, name, ...(enabled !== undefined && { enabled }), when, then: { priority, teamId, ...actions } };
}

function title(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
