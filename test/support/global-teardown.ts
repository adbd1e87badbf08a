/** Stops the services global setup started itself, if any. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { stopTestServices?: () => Promise<void> }).stopTestServices?.();
}
