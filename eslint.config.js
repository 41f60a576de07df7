import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', '.tmp', 'drizzle', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', crypto: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Shared contracts are imported by the browser: they may not reach into server code.
    files: ['src/shared/**/*.ts', 'src/modules/*/contract.ts', 'src/modules/**/endpoints.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/platform/**', '**/repository', '**/schema', 'drizzle-orm*', 'fastify*', 'node:*'] },
      ],
    },
  },
);
