// The linter's plugins, resolved from this workspace: typescript-eslint needs TypeScript 6.0's
// JavaScript API, and the project's own `typescript` (7, the native compiler) has none.
export { default as tseslint } from 'typescript-eslint';
export { default as importX } from 'eslint-plugin-import-x';
export { default as stylistic } from '@stylistic/eslint-plugin';
export { default as globals } from 'globals';
export { default as js } from '@eslint/js';
