// ESLint (flat config): typescript-eslint's recommended rules, the project's import boundaries
// (docs/architecture.md#boundaries) and the 120-character line. Formatting itself is Prettier's.
import { globals, js, importX, stylistic, tseslint } from './tools/lint/plugins.mjs';

/**
 * The database functions that write, by module. Only the worker (src/background) and src/db call
 * them; every other folder, the pages first, reads. When src/db is split into readers and writers
 * this list becomes one `no-restricted-paths` zone (see docs/development.md#lint-and-format).
 */
const DB_WRITERS = {
  annotations: ['setNote', 'dismissSuggestion', 'setTag', 'renameTag', 'deleteTag'],
  history: ['pruneSeen', 'clearSeen', 'undoClear', 'forgetCleared', 'forgetStaleCleared'],
  import: ['applyImport'],
  library: ['setReadMany', 'tagMany', 'deletePapers', 'restorePapers'],
  lists: [
    'createList',
    'addToNamedList',
    'renameList',
    'deleteList',
    'setListMembership',
    'addManyToList',
    'reorderList',
  ],
  papers: ['putPapers', 'indexPending', 'recordSightings', 'setPaperState'],
  // The database that records sync changes: the worker's, the one writer.
  recording: ['openRecordingDatabase'],
  settings: ['writeSettings'],
  'tag-models': ['updateTagModels'],
};

const boundaries = [
  {
    target: './src/content',
    from: './src/db',
    message: 'The content script never touches the database: ask the worker.',
  },
  {
    target: './src/sites',
    from: './src',
    except: ['./shared', './sites'],
    message: 'A site adapter imports only src/shared.',
  },
  { target: './src/shared', from: './src', except: ['./shared'], message: 'src/shared imports nothing of ours.' },
  {
    // Sync's core is pure (no database, no browser API, no network): src/sync/webdav and the
    // worker build on it, never the other way round.
    target: './src/sync',
    from: './src',
    except: ['./shared', './sync'],
    message: 'src/sync imports only src/shared and src/sync.',
  },
  ...['popup', 'options', 'welcome', 'editor'].map((page) => ({
    target: `./src/${page}`,
    from: './src/background',
    message: 'A page never imports the worker: send it a message.',
  })),
];

export default tseslint.config(
  {
    ignores: ['dist/', 'test/fixtures/', '.papershelf-profile/', '**/node_modules/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      // The code runs in browsers (pages, content scripts, the worker) and in Node (tests, tools);
      // TypeScript checks which globals each file may use.
      globals: { ...globals.browser, ...globals.webextensions, ...globals.node },
    },
    plugins: { 'import-x': importX, '@stylistic': stylistic },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.d.ts'] })],
    },
    rules: {
      // One string, template or regular expression may run past 120: Prettier cannot break it, and
      // messages and test names stay whole for grep.
      '@stylistic/max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      // An unresolved relative import would slip past the boundaries above.
      'import-x/no-unresolved': ['error', { ignore: ['^[^.]', '\\?'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: Object.entries(DB_WRITERS).map(([module, names]) => ({
            regex: `(^|/)db/${module}$`,
            importNames: names,
            message: 'Only the worker writes the database: send it a message.',
          })),
        },
      ],
    },
  },
  {
    // The worker is the only writer; src/db is where writes live.
    files: ['src/background/**', 'src/db/**', 'test/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
