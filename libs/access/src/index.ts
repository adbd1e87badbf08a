export * from './roles';
export * from './principal';
export * from './credentials';
export * from './audit-chain';
export * from './audit-csv';
export * from './secret-box';
