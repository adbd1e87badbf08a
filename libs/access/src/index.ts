export * from './roles';
export * from './principal';
export * from './credentials';
export * from './audit-chain';
export * from './audit-csv';
export * from './audit-signer';
export * from './secret-box';
export * from './semaphore';
