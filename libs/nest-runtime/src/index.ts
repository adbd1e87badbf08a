export * from './tokens';
export * from './runtime.module';
export * from './repository.providers';
export * from './metrics/metrics-registry';
export * from './exit-with-parent';
export * from './metrics/metrics-endpoint';
export * from './sentiment/active-sentiment-model.service';
