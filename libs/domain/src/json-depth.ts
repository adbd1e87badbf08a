/**
 * How deep outside JSON may nest. Real payloads nest a dozen levels; JSON.stringify recurses and
 * overflows the stack a few thousand levels down, so a deeper value would crash whoever next
 * serializes it (the queue, the database, a log line) far from where it came in.
 */
export const MAX_JSON_DEPTH = 128;

/** True if objects and arrays nest more than `limit` levels in `value`. Walks without recursion. */
export function nestsDeeperThan(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next.value !== 'object' || next.value === null) continue;
    // A reference cycle also ends here: it counts as nesting without end.
    if (next.depth === limit) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}
