/**
 * Several gauges fed by one read. prom-client starts every metric's collect of a scrape in the same
 * tick, so sharing the read in flight makes it run once per scrape; the next scrape reads afresh.
 */
export function oncePerScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () => {
    inFlight ??= read().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}
