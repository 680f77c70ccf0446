import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      'data/**',
      'node_modules/**',
      '*.js',
      '*.mjs',
      'src/openapi.metadata.ts',
      'test/client/positions-api.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['domain/**/*.ts'],
    ignores: ['domain/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                '@kurrent/*',
                'pg',
                '@electric-sql/*',
                'class-validator',
                'class-transformer',
              ],
              message: 'domain/ is pure TypeScript.',
            },
            { group: ['**/src/**', 'src/*'], message: 'domain/ never imports src/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['bench/**/*.ts', 'src/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
