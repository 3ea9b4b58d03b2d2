import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default tseslint.config(
  { ignores: ['**/dist/', 'node_modules/', 'test-results/', 'public/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Randomness must come from the seeded generator in src/lib/core/random.ts.
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use a seeded generator from src/lib/core/random.ts.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Spread arguments put every element on the stack: Chromium throws past about 120,000 (issue 15).
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(min|max)$/] > SpreadElement",
          message: 'Spreading values into Math.min/Math.max overflows the stack on large arrays: use minOf, maxOf or finiteExtent from src/lib/core/extent.ts.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement',
          message: 'Spreading items into push/unshift overflows the stack on large arrays: use appendAll from src/lib/core/extent.ts or a loop.',
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
);
