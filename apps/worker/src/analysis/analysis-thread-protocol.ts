/** What the analysis thread tells the worker that started it; the worker logs it. */
export type AnalysisThreadMessage = { level: 'log' | 'warn'; message: string };

/** The worker asks the thread to finish its round and stop with this message. */
export const STOP_ANALYSIS = 'stop';
