// Lint: correctness rules that need types (floating promises, exhaustive switches), type-only
// imports, and the layering of libs/ and apps/ (who may import whom).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const ourLibs = [
  'access',
  'listening',
  'analysis',
  'config',
  'contracts',
  'domain',
  'messaging',
  'nest-runtime',
  'persistence',
  'pipeline',
  'reports',
  'rules',
  'sources',
  'wall',
];
const libsExcept = (...allowed) => ourLibs.filter((lib) => !allowed.includes(lib)).map((lib) => `@watchfloor/${lib}`);
const noAppImports = {
  group: ['**/apps/**', '@watchfloor/api', '@watchfloor/worker', '@watchfloor/web', '@watchfloor/cli'],
  message: 'libs never import apps',
};
const frameworks = ['@nestjs/*', 'typeorm', 'bullmq', 'ioredis', 'socket.io', 'socket.io-client', 'pg'];
const layer = (files, allowedLibs, { plain = true } = {}) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: libsExcept(...allowedLibs).map((name) => ({ name, message: 'this layer may not depend on that lib' })),
        patterns: [
          noAppImports,
          ...(plain
            ? [{ group: frameworks, message: 'domain logic is plain TypeScript: no framework or I/O here' }]
            : []),
        ],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'test-artifacts/**',
      '.data/**',
      'bin/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Spec files are outside the build configs; tsconfig.spec.json holds them.
      parserOptions: {
        project: ['./tsconfig.spec.json', './libs/*/tsconfig.json', './apps/*/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  layer(['libs/domain/src/**'], []),
  layer(['libs/access/src/**'], ['domain']),
  layer(['libs/listening/src/**'], []),
  layer(['libs/contracts/src/**'], ['domain']),
  layer(['libs/rules/src/**'], ['domain']),
  layer(['libs/wall/src/**'], ['domain', 'contracts']),
  layer(['libs/reports/src/**'], ['domain', 'contracts']),
  layer(['libs/config/src/**'], []),
  layer(['libs/analysis/src/**'], ['domain', 'contracts']),
  layer(['libs/pipeline/src/**'], ['domain', 'contracts', 'analysis', 'listening']),
  layer(['libs/sources/src/**'], ['domain', 'contracts', 'listening']),
  layer(['libs/persistence/src/**'], ['domain', 'access', 'contracts', 'sources', 'rules'], { plain: false }),
  layer(['libs/messaging/src/**'], ['domain', 'contracts', 'sources', 'rules'], { plain: false }),
  layer(['libs/nest-runtime/src/**'], ['access', 'analysis', 'config', 'persistence', 'messaging'], { plain: false }),
  {
    // Tests and tools may be loose where it helps readability.
    files: ['**/*.spec.ts', '**/*.spec.tsx', 'test/**', '**/test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
);
