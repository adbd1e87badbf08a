export * from './rule-factories';
export * from './alert-factories';
