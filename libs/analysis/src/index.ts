export * from './sentiment-scorer';
