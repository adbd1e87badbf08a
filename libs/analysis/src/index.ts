export * from './sentiment/sentiment-scorer';
export * from './evaluation/classification-metrics';
