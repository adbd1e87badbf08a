import fc from 'fast-check';

/**
 * Arbitraries for fuzzing code that reads outside input: what a broken or malicious platform,
 * file or client can send. Shared by the fuzz specs of every library that parses such input.
 */

/** Any UTF-16 code unit, lone surrogates included: what a bad decoder or a truncated string leaves. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Printable text, any Unicode, raw code units (lone surrogates, control characters), and bytes decoded as UTF-8 badly. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: anyCodeUnit }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from([...bytes, 0xff, 0xfe]).toString('utf8')),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'null', 'NaN'),
);

/** The keys that pollute prototypes when code copies them with plain assignment. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * A value of the wrong kind for any field: numbers where strings belong, null, arrays, objects
 * with polluting keys or a `toString` that is not a function (string interpolation then throws).
 */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, 0, -1, 1e300, -1e300, Number.MAX_SAFE_INTEGER, 2 ** 31),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.constantFrom<unknown>(
    { toString: 'not a function' },
    { valueOf: 1, toString: [] },
    JSON.parse('{"__proto__":{"polluted":"yes"}}'),
    JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
    {},
    [],
    [[]],
  ),
);

/** A field that is usually of the right kind, sometimes hostile: reaches deep into the code paths. */
export function mostly<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: hostileValue, weight: 1 });
}

/** `depth` levels of nested arrays or objects around a value, built without recursion. */
export function deeplyNested(depth: number, kind: 'array' | 'object' = 'array'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Adds `"__proto__":{"polluted":"yes"}` and `"constructor":{...}` to every object of a JSON text. */
export function withPollutingKeys(json: string): string {
  const keys = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},';
  return json.replaceAll('{}', '{"_":0}').replaceAll('{', `{${keys}`);
}

/** True if some code managed to write onto Object.prototype. */
export function prototypeIsPolluted(): boolean {
  return 'polluted' in {} || 'polluted' in Object.prototype;
}

/**
 * The errors that mean "a bug deep inside", not "this input is invalid": code that meets them
 * on outside input has not checked the input first.
 */
export const INTERNAL_ERROR_MESSAGE =
  /Cannot read|Cannot convert|is not a function|is not iterable|Invalid time value|Maximum call stack|Invalid URL|Invalid array length|\[object Object\]/;

/** Runs `action` and says how long it took, in milliseconds. */
export function timed<T>(action: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = action();
  return { result, ms: performance.now() - start };
}
