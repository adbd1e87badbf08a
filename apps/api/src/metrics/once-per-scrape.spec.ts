import { oncePerScrape } from './once-per-scrape';

describe('oncePerScrape', () => {
  it('shares one read among the gauges of a scrape, and reads afresh for the next scrape', async () => {
    let reads = 0;
    const read = oncePerScrape(() => Promise.resolve(++reads));
    expect(await Promise.all([read(), read(), read()])).toEqual([1, 1, 1]);
    expect(await read()).toBe(2);
  });

  it('reads afresh after a failed read', async () => {
    let reads = 0;
    const read = oncePerScrape(() => (++reads === 1 ? Promise.reject(new Error('down')) : Promise.resolve(reads)));
    await expect(read()).rejects.toThrow('down');
    expect(await read()).toBe(2);
  });
});
