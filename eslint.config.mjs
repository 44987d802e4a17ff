// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// The common / browser / node boundary (as Theia enforces it): src/protocol and src/remark are
// common, the rest of src/ runs in the browser, server/ runs in Node.
const browserMayNotImport = {
  patterns: [
    {
      group: ['**/server/**', '../server/*', '../../server/*'],
      message: 'Browser code must not import the terminal server.',
    },
    {
      group: ['node-pty', 'ws', 'node:*', 'fs', 'child_process'],
      message: 'Node-only module in browser code.',
    },
  ],
};
const serverMayNotImport = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react/*', '@docusaurus/*', '@theme/*', '@theme-original/*'],
      message: 'The server never imports React or Docusaurus.',
    },
    {
      group: [
        '**/src/components/**',
        '**/src/theme/**',
        '@xterm/xterm',
        '@xterm/addon-fit',
        '@xterm/addon-web-links',
      ],
      message: 'The server never imports browser code.',
    },
  ],
};
const pluginMayNotImport = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*'], message: 'A build plugin renders nothing.' },
    serverMayNotImport.patterns[1],
  ],
};
// The terminal core (sessions, steps, replay, flow) runs no shell itself: what touches this
// machine (node-pty, files, child processes, /proc) is the ShellHost's, in server/terminals/local.
const CORE_BOUNDARY =
  'The terminal core must not touch the machine: node-pty, the file system, child processes and /proc belong to a ShellHost (server/terminals/local).';
const coreMayNotImport = {
  patterns: [
    ...serverMayNotImport.patterns,
    {
      group: [
        'node-pty',
        'fs',
        'fs/*',
        'node:fs',
        'node:fs/*',
        'child_process',
        'node:child_process',
        '**/local',
        '**/local/*',
      ],
      message: CORE_BOUNDARY,
    },
  ],
};
const coreMayNotUse = [
  { selector: 'Literal[value=/^\\/proc(\\/|$)/]', message: CORE_BOUNDARY },
  { selector: 'TemplateElement[value.raw=/^\\/proc(\\/|$)/]', message: CORE_BOUNDARY },
  { selector: "CallExpression[callee.name='require']", message: CORE_BOUNDARY },
  { selector: 'ImportExpression', message: CORE_BOUNDARY },
];
const commonMayNotImport = {
  patterns: [...browserMayNotImport.patterns, ...serverMayNotImport.patterns],
};

export default tseslint.config(
  { ignores: ['build/', '.docusaurus/', 'node_modules/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', browserMayNotImport],
    },
  },
  {
    files: ['src/protocol/**/*.ts', 'src/remark/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', commonMayNotImport] },
  },
  {
    // Docusaurus plugins run in Node at build time and are read by the server: node rules apply.
    files: ['src/plugins/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', pluginMayNotImport] },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', serverMayNotImport] },
  },
  {
    files: ['server/terminals/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', coreMayNotImport],
      'no-restricted-syntax': ['error', ...coreMayNotUse],
    },
  },
);
