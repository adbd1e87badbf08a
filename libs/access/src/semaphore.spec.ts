import { Semaphore } from './semaphore';

describe('Semaphore', () => {
  it('runs at most its slots at once and the rest in order, each as soon as a slot frees', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let mostAtOnce = 0;
    const finished: number[] = [];
    const task = (id: number) =>
      semaphore.run(async () => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((resolve) => setTimeout(resolve, 10));
        running--;
        finished.push(id);
        return id;
      });
    await expect(Promise.all([1, 2, 3, 4, 5].map(task))).resolves.toEqual([1, 2, 3, 4, 5]);
    expect(mostAtOnce).toBe(2);
    expect(finished).toEqual([1, 2, 3, 4, 5]);
    expect(semaphore.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot of a task that throws', async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(semaphore.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
