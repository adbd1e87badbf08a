/** Injection tokens for values that are not classes. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** The shared Redis connection for plain commands and publishing (never for blocking reads). */
export const REDIS = Symbol('REDIS');
/** The TypeORM DataSource, initialized. */
export const DATA_SOURCE = Symbol('DATA_SOURCE');
/** The SecretBox that seals platform credentials, or null when WATCHFLOOR_SECRET_KEY is not set. */
export const SECRET_BOX = Symbol('SECRET_BOX');
/** The process' Prometheus registry: every metric of the process is registered on it. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
/** The AuditSigner that signs audit entries and checkpoints, or null when AUDIT_SIGNING_KEY is not set. */
export const AUDIT_SIGNER = Symbol('AUDIT_SIGNER');
