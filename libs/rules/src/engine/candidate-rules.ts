import type { RuleSubject } from '../rule-subject';
import { LABEL_SLOTS, PLATFORM_SLOTS, labelSlot, platformSlot } from './compiled-rule';
import type { CompiledRule } from './compiled-rule';

/**
 * The rules a subject can match at all, looked up by its label, platform, verified, in-issue and
 * spiking facts (120 combinations), each list in rule order. Built once per rule set, it spares
 * the engine those five checks per rule and skips, say, every negative-only rule for praise.
 */
export class CandidateRules {
  private readonly lists: (readonly CompiledRule[])[] = [];

  constructor(rules: readonly CompiledRule[]) {
    for (let label = 0; label < LABEL_SLOTS; label++) {
      for (let platform = 0; platform < PLATFORM_SLOTS; platform++) {
        for (let flags = 0; flags < 8; flags++) {
          const [verified, inIssue, spiking] = [(flags >> 2) & 1, (flags >> 1) & 1, flags & 1];
          this.lists[slotOf(label, platform, flags)] = rules.filter((rule) =>
            rule.acceptsFacts(label, platform, verified, inIssue, spiking),
          );
        }
      }
    }
  }

  for(subject: RuleSubject): readonly CompiledRule[] {
    const flags =
      (subject.author.verified === true ? 4 : 0) | (subject.issueId !== undefined ? 2 : 0) | (subject.spiking ? 1 : 0);
    return this.lists[slotOf(labelSlot(subject.sentiment.label), platformSlot(subject.platform), flags)]!;
  }
}

function slotOf(label: number, platform: number, flags: number): number {
  return (label * PLATFORM_SLOTS + platform) * 8 + flags;
}
