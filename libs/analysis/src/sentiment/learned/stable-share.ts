/**
 * Where a text falls in [0, 1), the same on every run and machine and whatever the order of the
 * texts around it: splits of labelled data into what is learned and what is held back use it.
 * FNV-1a, then Murmur3's finaliser (FNV alone leaves similar short texts bunched together).
 */
export function stableShare(text: string, salt = 0): number {
  let hash = 0x811c9dc5 ^ salt;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 4294967296;
}
