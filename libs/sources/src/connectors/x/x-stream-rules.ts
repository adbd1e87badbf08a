import type { TwitterApi } from 'twitter-api-v2';
import { UntranslatableQueryError, X_SEARCH, toPlatformQuery } from '@watchfloor/listening';
import type { ConnectorQuery } from '../connector';
import { SourceHttpError } from '../source-http-error';
import { X_REQUEST_TIMEOUT_MS, toSourceError } from './x-client';

/** A filtered-stream rule as X lists it. */
export interface XStreamRule {
  id: string;
  value: string;
  tag?: string;
}

/** A rule the saved queries call for: its X syntax, tagged with the ids of the queries it serves. */
export interface WantedStreamRule {
  value: string;
  tag: string;
}

export interface StreamRuleChanges {
  add: WantedStreamRule[];
  deleteIds: string[];
}

/** Query ids in a rule tag; several when queries translate to the same rule. */
export const RULE_TAG_SEPARATOR = ' ';

const RULES_ENDPOINT = 'tweets/search/stream/rules';

/**
 * One rule per saved query, in X's syntax, tagged with the query id. X refuses two rules with the
 * same value, so queries that translate alike share one rule whose tag lists all their ids.
 */
export function wantedStreamRules(queries: readonly ConnectorQuery[]): WantedStreamRule[] {
  const idsByValue = new Map<string, string[]>();
  for (const query of queries) {
    let value: string;
    try {
      value = toPlatformQuery(query.node, X_SEARCH).query;
    } catch (error) {
      if (!(error instanceof UntranslatableQueryError)) throw error;
      throw new UntranslatableQueryError(
        `Query "${query.text}" (${query.id}) cannot be a stream rule: ${error.message}`,
      );
    }
    idsByValue.set(value, [...(idsByValue.get(value) ?? []), query.id]);
  }
  return [...idsByValue].map(([value, ids]) => ({ value, tag: ids.join(RULE_TAG_SEPARATOR) }));
}

/**
 * What to change so the stream's rules are exactly the wanted ones: rules already right are kept
 * (a re-added rule would briefly stop matching), the others deleted, the missing ones added.
 */
export function diffStreamRules(
  current: readonly XStreamRule[],
  wanted: readonly WantedStreamRule[],
): StreamRuleChanges {
  const keyOf = (rule: { value: string; tag?: string }) => JSON.stringify([rule.tag ?? '', rule.value]);
  const wantedKeys = new Set(wanted.map(keyOf));
  const kept = new Set<string>();
  const deleteIds: string[] = [];
  for (const rule of current) {
    const key = keyOf(rule);
    if (wantedKeys.has(key) && !kept.has(key)) kept.add(key);
    else deleteIds.push(rule.id);
  }
  return { add: wanted.filter((rule) => !kept.has(keyOf(rule))), deleteIds };
}

interface RulesPage {
  data?: XStreamRule[];
  meta?: { next_token?: string };
}

interface RulesUpdate {
  errors?: { value?: string; title?: string; details?: string[] }[];
  meta?: { summary?: { not_created?: number; invalid?: number; not_deleted?: number } };
}

/**
 * Makes the app's filtered-stream rules the wanted ones (see wantedStreamRules), in at most one
 * delete and one add. The app's rules belong to Watchfloor: any other rule is deleted. Deletes go first, so a
 * changed rule frees its place under X's rule cap before its new version is added.
 */
export async function syncStreamRules(
  client: TwitterApi,
  wanted: readonly WantedStreamRule[],
): Promise<StreamRuleChanges> {
  const changes = diffStreamRules(await listStreamRules(client), wanted);
  if (changes.deleteIds.length > 0) await updateRules(client, { delete: { ids: changes.deleteIds } });
  if (changes.add.length > 0) await updateRules(client, { add: changes.add });
  return changes;
}

async function listStreamRules(client: TwitterApi): Promise<XStreamRule[]> {
  const rules: XStreamRule[] = [];
  let page: string | undefined;
  do {
    const body = await client.v2
      .get<RulesPage>(
        RULES_ENDPOINT,
        { max_results: 1000, ...(page !== undefined && { pagination_token: page }) },
        { timeout: X_REQUEST_TIMEOUT_MS },
      )
      .catch((error: unknown) => Promise.reject(toSourceError(error, `GET /2/${RULES_ENDPOINT}`)));
    rules.push(...(body.data ?? []));
    page = body.meta?.next_token;
  } while (page !== undefined);
  return rules;
}

async function updateRules(
  client: TwitterApi,
  body: { add: WantedStreamRule[] } | { delete: { ids: string[] } },
): Promise<void> {
  const result = await client.v2
    .post<RulesUpdate>(RULES_ENDPOINT, body, { timeout: X_REQUEST_TIMEOUT_MS })
    .catch((error: unknown) => Promise.reject(toSourceError(error, `POST /2/${RULES_ENDPOINT}`)));
  const summary = result.meta?.summary;
  const refused = (summary?.not_created ?? 0) + (summary?.invalid ?? 0) + (summary?.not_deleted ?? 0);
  if (refused > 0 || (result.errors?.length ?? 0) > 0) {
    const reasons = (result.errors ?? [])
      .map((error) => `${error.title ?? 'refused'}${error.value === undefined ? '' : ` "${error.value}"`}`)
      .join('; ');
    // X answers a refused rule with a success status and the refusal in the body; it is a bad
    // request all the same, for a person to fix (rule cap, an operator the access level lacks).
    throw new SourceHttpError(400, undefined, `X refused the stream rule change: ${reasons || 'no reason given'}`);
  }
}
