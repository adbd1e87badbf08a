export * from './period';
export * from './period-summary';
export * from './summary-csv';
export * from './pdf/summary-pdf';
export * from './incident-timeline-csv';
