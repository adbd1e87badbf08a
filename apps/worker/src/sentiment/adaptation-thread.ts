import { join } from 'node:path';
import { Worker as Thread } from 'node:worker_threads';
import type { LabelledText } from '@watchfloor/analysis';
import type { AdaptationThreadResult } from './adaptation-thread-protocol';

/** Trains an adaptation on `texts` in a thread of its own (see `adaptation.thread.ts`), off the worker's event loop. */
export function trainInThread(texts: LabelledText[]): Promise<AdaptationThreadResult> {
  const thread = new Thread(join(__dirname, 'adaptation.thread.js'), { workerData: { texts } });
  return new Promise((resolve, reject) => {
    // Whichever comes first settles it: the answer, the training's own exception, or an exit without either.
    thread.once('message', resolve);
    thread.once('error', reject);
    thread.once('exit', (code: number) =>
      reject(new Error(`the sentiment training thread exited with code ${code} before answering`)),
    );
  });
}
