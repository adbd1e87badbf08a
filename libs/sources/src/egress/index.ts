export * from './egress-errors';
export { isNetworkEntry } from './address-policy';
export * from './egress-guard';
export * from './egress-fetch';
export * from './egress-agents';
export * from './bounded-body';
export * from './redirect-plan';
