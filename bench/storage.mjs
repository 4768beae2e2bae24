// `node bench/storage.mjs`: where a library's bytes go, store by store. The bench library
// (bench/library.mjs, SCALE papers, default 10,000) is turned into the rows Papershelf stores
// (paper records, search words, search cards) by the project's own code, loaded through Vite
// (STORAGE_SRC names another checkout's root, for a before/after in one run). Each store is then
// written alone, with its indexes, into a fresh profile of the real extension (its origin, as the
// library is), in transactions of 1,000, and measured as the issue measures the library:
// navigator.storage.estimate() after minus before, per paper. `all` writes every store together.
// STORAGE_LAYOUTS=paperWords,searchCards measures only those. SKIM=1 keeps the user's marks (read,
// saved, tags, notes) on one paper in 20 only, as in a year of skimming feeds; by default the
// library is the other benchmarks' (four papers in five carry one).
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'vite';
import { extensionWorker, launchWithExtension } from '../scripts/browser.mjs';
import { library } from './library.mjs';

const N = Number(process.env.SCALE ?? 10_000);
const ROOT = resolve(process.env.STORAGE_SRC ?? resolve(import.meta.dirname, '..'));
const ONLY = process.env.STORAGE_LAYOUTS?.split(',');

/** The project's row makers, from ROOT's sources. */
async function rowMakers() {
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true },
  });
  try {
    return await server.ssrLoadModule('/src/db/papers.ts');
  } finally {
    await server.close();
  }
}

/** Dexie's schema string → IndexedDB indexes ('id, *words' → key path id, multi-entry words). */
function store(name, schema, rows) {
  const [key, ...indexes] = schema.split(',').map((s) => s.trim());
  return {
    name,
    keyPath: key,
    indexes: indexes.map((i) => ({ name: i.replace(/^\*/, ''), multiEntry: i.startsWith('*') })),
    rows,
  };
}

/** Sizes of the files under a directory (the profile's IndexedDB folder), in bytes. */
function du(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? du(p) : statSync(p).size;
  }
  return total;
}

/** In the extension's options page: writes the stores into a database of their own, measures. */
async function writeStores(stores) {
  const open = indexedDB.open('bench-storage');
  open.onupgradeneeded = () => {
    for (const s of stores) {
      const os = open.result.createObjectStore(s.name, { keyPath: s.keyPath });
      for (const i of s.indexes) os.createIndex(i.name, i.name, { multiEntry: i.multiEntry });
    }
  };
  const db = await new Promise((r) => (open.onsuccess = () => r(open.result)));
  const before = (await navigator.storage.estimate()).usage;
  for (const s of stores)
    for (let i = 0; i < s.rows.length; i += 1_000) {
      const tx = db.transaction(s.name, 'readwrite');
      for (const row of s.rows.slice(i, i + 1_000)) tx.objectStore(s.name).put(row);
      await new Promise((r, e) => ((tx.oncomplete = r), (tx.onerror = e)));
    }
  db.close();
  return (await navigator.storage.estimate()).usage - before;
}

const m = await rowMakers();
const SKIM = Boolean(process.env.SKIM);
const skimmed = (p, i) => {
  if (!SKIM || i % 20 === 0) return p;
  const { readAt: _r, savedAt: _s, toReadSince: _t, tags: _g, note: _n, ...seen } = p;
  return seen;
};
const papers = library(N)
  .map(skimmed)
  .map((p) => m.withDerived(p));
const V12 = {
  papers: 'id, firstSeenAt, readAt, toReadSince, openedAt, *tags, unindexed',
  paperWords: 'id, *words',
  searchCards: 'id, *keyWords',
};
const words = papers.map(m.wordsRow).filter((r) => r.words.length > 0);
const cards = papers.map(m.searchCard);
const stores = {
  papers: [store('papers', V12.papers, papers)],
  paperWords: [store('paperWords', V12.paperWords, words)],
  searchCards: [store('searchCards', V12.searchCards, cards)],
};
stores.all = Object.values(stores).flat();
const count = (rows, f) => rows.reduce((n, r) => n + (r[f]?.length ?? 0), 0);
console.log(
  `${N.toLocaleString('en')} papers${SKIM ? ', skimmed' : ''} (${ROOT}); ${words.length.toLocaleString('en')} word rows, ` +
    `${(count(words, 'words') / N).toFixed(1)} word index entries and ${(count(cards, 'keyWords') / N).toFixed(1)} ` +
    `card index entries a paper; load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ` +
    new Date().toISOString(),
);
for (const [name, layout] of Object.entries(stores)) {
  if (ONLY && !ONLY.includes(name)) continue;
  const profile = mkdtempSync(join(tmpdir(), 'papershelf-storage-'));
  const context = await launchWithExtension(profile);
  try {
    const worker = await extensionWorker(context);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/src/options/index.html#settings`);
    const grew = await page.evaluate(writeStores, layout);
    await context.close();
    const disk = du(join(profile, 'Default', 'IndexedDB'));
    console.log(
      `${name.padEnd(12)} storage.estimate ${(grew / N).toFixed(0).padStart(6)} B/paper` +
        `   IndexedDB folder after close ${(disk / N).toFixed(0).padStart(6)} B/paper`,
    );
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}
