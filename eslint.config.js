// ESLint with typescript-eslint's recommended rules (syntax only: type-aware rules would double the time of a run).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['generated/', 'releases/', '**/dist/', 'reports/', 'coverage/', 'contract-tests/generated/', '.tmp/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
      // `_name` drops a field on purpose (`const { auth: _auth, ...rest } = headers`)
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // `cond && act()` and `cond ? a() : b()` as statements are the code's style, not a forgotten result
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // an interface that only extends a generated type names it in editors' hovers
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // a failed parse or read is rethrown as one plain line naming the file; a `cause` would print the stack again
      'preserve-caught-error': 'off',
      // control characters are matched on purpose: stripped from XML reports, refused in header values
      'no-control-regex': 'off',
      // regexes over YAML text keep its indentation as written
      'no-regex-spaces': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  // tests may build long tables and scenarios inline
  { files: ['test/**', '**/*.test.ts'], rules: { 'max-lines-per-function': 'off' } },
  // CommonJS files: require() is their import, and a top-level const is module-scoped, not a redeclared global
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
);
