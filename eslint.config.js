import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';


/** Packages no pure folder may use: UI, TF.js, storage and DOM-only drawing. */
const uiAndRuntimePackages = [
  { group: ['svelte', 'svelte/*'], message: 'Pure folders (core, datasets, gp, search, analysis, models) run in plain Node: no Svelte.' },
  { group: ['@tensorflow/*'], message: 'Pure folders run in plain Node: no TF.js; training belongs in src/lib/training.' },
  { group: ['idb'], message: 'Pure folders hold no storage code; it belongs in src/lib/storage.' },
  { group: ['d3-selection', 'd3-transition', 'd3'], message: 'Pure folders draw nothing: d3 selections belong in charts (d3-scale/d3-array style helpers are fine).' },
];

/** A pattern for imports of the folder `name` from anywhere in src/lib. */
const folder = (name, message) => ({ group: [`**/${name}/*`, `**/${name}`, `!**/${name}/*.d.ts`], message });

const pureMessage = 'Pure folders import only pure folders (core, datasets, gp, search, analysis, models).';
/** Imports of the stateful layers, refused in pure folders. */
const statefulFolders = ['state', 'storage', 'worker', 'training', 'study', 'charts', 'panels', 'lessons', 'export', 'offline'].map((name) => folder(name, pureMessage));

const chartMessage = 'Charts take plain props and emit events: no training, worker, storage, state or study-loop imports.';

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
    // Layers: pure folders run in plain Node and know nothing above them.
    files: ['src/lib/core/**', 'src/lib/datasets/**', 'src/lib/gp/**', 'src/lib/search/**', 'src/lib/analysis/**', 'src/lib/models/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...uiAndRuntimePackages, ...statefulFolders] }] },
  },
  {
    // Layers: charts draw what they are given.
    files: ['src/lib/charts/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...['training', 'worker', 'storage', 'state', 'study'].map((name) => folder(name, chartMessage)),
          { group: ['@tensorflow/*', 'idb'], message: chartMessage },
        ],
      }],
    },
  },
  {
    // Layers: the study loop is pure too, and knows no state class, trainer or worker.
    files: ['src/lib/study/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...uiAndRuntimePackages, ...['state', 'worker', 'training', 'charts', 'panels'].map((name) => folder(name, 'The study loop trains through a TrialExecutor; it imports no state, worker or training code.'))] }] },
  },
  {
    // Layers: the workers import no reactive state.
    files: ['src/lib/worker/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [folder('state', 'Workers import no reactive state classes.'), { group: ['svelte', 'svelte/*'], message: 'Workers import no Svelte.' }] }] },
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
