// ESLint (typescript-eslint) for the project's TypeScript. Run by `npm run lint`, part of `npm test`.
// Unused exports are found by knip (knip.json), which sees the whole module graph.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.astro/', 'data/', 'public/pagefind/', 'tests/fixtures/', '**/*.astro'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // Unused variables are errors, but a leading underscore marks a deliberately unused one.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  // Plain browser scripts served as they are, and the bundled browser code.
  { files: ['public/js/**/*.js', 'src/client/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
);
