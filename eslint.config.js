// Lint rules carry the architecture (docs/architecture.md): imports point one way only.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const PROVIDER_FOLDERS = ['openai', 'anthropic', 'google', 'xai', 'mistral'];
const FEATURES = ['vault', 'models', 'chat'];

const framework = [
  { name: 'react', message: 'src/byok is framework-free: no React.' },
  { name: 'react-dom', message: 'src/byok is framework-free: no React.' },
  { name: 'zustand', message: 'src/byok is framework-free: state stores live in features/.' },
  { name: '@tanstack/react-query', message: 'src/byok is framework-free.' },
];
const upperLayers = {
  regex: String.raw`(^|/)(features|app|components|lib)(/|$)`,
  message: 'src/byok must not import features/, app/, components/ or lib/.',
};
const idbOnlyInVaultOrLib = {
  name: 'idb-keyval',
  message: 'Only src/lib and src/byok/vault touch idb-keyval.',
};

/** Rules for one provider folder: it may not import a sibling provider. */
function providerFolderConfig(provider) {
  const siblings = PROVIDER_FOLDERS.filter((other) => other !== provider).join('|');
  return {
    files: [`src/byok/providers/${provider}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...framework, idbOnlyInVaultOrLib],
        patterns: [upperLayers, {
          regex: String.raw`^\.\./(${siblings})(/|$)|/providers/(${siblings})(/|$)`,
          message: 'A provider folder imports only provider-adapter.ts, shared/ and byok/types.ts, never another provider.',
        }],
      }],
    },
  };
}

/** Rules for one feature folder: features never import each other; app/ composes them. */
function featureFolderConfig(feature) {
  const others = FEATURES.filter((other) => other !== feature).join('|');
  return {
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [idbOnlyInVaultOrLib],
        patterns: [
          { regex: String.raw`(^|/)features/(${others})(/|$)|^\.\./(${others})(/|$)`, message: 'Features never import each other; app/ composes them.' },
          { regex: String.raw`(^|/)app(/|$)`, message: 'Features never import app/.' },
        ],
      }],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/features/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/byok/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...framework, idbOnlyInVaultOrLib], patterns: [upperLayers] }],
      // Provider traffic goes through providers/shared only (security.md R20, T30).
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Only src/byok/providers/shared calls fetch.' }],
      'no-restricted-properties': ['error',
        { object: 'globalThis', property: 'fetch', message: 'Only src/byok/providers/shared calls fetch.' },
        { object: 'window', property: 'fetch', message: 'Only src/byok/providers/shared calls fetch.' },
      ],
    },
  },
  {
    files: ['src/byok/vault/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: framework, patterns: [upperLayers] }],
    },
  },
  {
    files: ['src/byok/providers/shared/**/*.ts', 'src/byok/**/*.test.ts'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
  ...PROVIDER_FOLDERS.map(providerFolderConfig),
  ...FEATURES.map(featureFolderConfig),
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: String.raw`(^|/)(features|app|byok)(/|$)`, message: 'components/ui has no domain knowledge.' }] }],
    },
  },
  {
    // Tests may use `any`-free helpers but need Node globals and relaxed unused-expression rules.
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    // Playwright fixtures must destructure their (empty) dependencies: `async ({}, use) => …`.
    rules: { '@typescript-eslint/no-unused-expressions': 'off', 'no-empty-pattern': 'off' },
  },
);
