// Sync's pure core (src/sync, docs/sync.md) at library scale, in Node: its size gzipped as the
// extension would carry it, and the time and memory to merge the changes of a 100,000-paper
// library, write it as a snapshot file and read that back. Run: `nice node --expose-gc bench/sync-merge.mjs`
// (SYNC_PAPERS=… for another size).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { timedWithCpu } from './lib.mjs';

const PAPERS = Number(process.env.SYNC_PAPERS ?? 100_000);
const ROOT = new URL('..', import.meta.url).pathname;

/** src/sync/index.ts and what it imports (valibot, fractional-indexing, src/shared), minified. */
async function bundle() {
  const out = await build({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: join(ROOT, 'src/sync/index.ts'), formats: ['es'], fileName: 'sync' },
    },
  });
  // write: false without watch gives the outputs, never a watcher.
  const outputs = /** @type {import('rolldown').RolldownOutput[]} */ (Array.isArray(out) ? out : [out]).flatMap(
    (o) => o.output,
  );
  const code = outputs.filter((o) => o.type === 'chunk').map((o) => o.code);
  if (code.length !== 1) throw new Error(`expected one chunk, got ${code.length}`);
  return code[0];
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const gc = () => globalThis.gc?.();
const heap = () => (gc(), process.memoryUsage().heapUsed);

/** What two devices wrote about a library of `n` papers: a few changes per paper, some on both. */
function changesOf(sync, n) {
  const devices = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'];
  const clocks = devices.map((d, i) => {
    let t = 1_767_000_000_000 + i;
    return new sync.HybridClock(d, undefined, () => (t += 1));
  });
  const positions = sync.positionsFor(Math.ceil(n / 10));
  const out = [[], []];
  for (let l = 0; l < 20; l++)
    out[l % 2].push({ kind: 'list', hlc: clocks[l % 2].tick(), list: `list-${l}`, name: `List ${l}` });
  for (let i = 0; i < n; i++) {
    const paper = `${2400 + Math.floor(i / 99_999) + 1}.${String((i % 99_999) + 1).padStart(5, '0')}`;
    const d = i % 2;
    const c = clocks[d];
    const log = out[d];
    log.push({
      kind: 'meta',
      hlc: c.tick(),
      paper,
      value: { title: `A study of topic ${i} in large models`, authors: ['A. Author', 'B. Author', 'C. Author'] },
    });
    log.push({ kind: 'saved', hlc: c.tick(), paper, value: 1_767_000_000_000 + i });
    if (i % 2 === 0) log.push({ kind: 'read', hlc: c.tick(), paper, value: 1_767_000_000_000 + i });
    log.push({ kind: 'tag', hlc: c.tick(), paper, tag: `topic-${i % 50}`, present: true });
    if (i % 5 === 0)
      log.push({ kind: 'note', hlc: c.tick(), paper, value: `Compare with the baseline in section ${i % 7}.` });
    if (i % 10 === 0) {
      const list = `list-${i % 20}`;
      log.push({ kind: 'member', hlc: c.tick(), paper, list, present: true });
      log.push({ kind: 'position', hlc: c.tick(), paper, list, position: positions[i / 10] });
    }
    // The other device changed the same paper while apart, on one paper in ten.
    if (i % 10 === 3) {
      out[1 - d].push({ kind: 'read', hlc: clocks[1 - d].tick(), paper, value: null });
      out[1 - d].push({ kind: 'tag', hlc: clocks[1 - d].tick(), paper, tag: `topic-${i % 50}`, present: false });
    }
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'papershelf-sync-bench-'));
try {
  const code = await bundle();
  console.log(
    `src/sync bundle (minified, with valibot, fractional-indexing and src/shared it uses): ${code.length.toLocaleString('en')} B, ${gzipSync(code, { level: 9 }).length.toLocaleString('en')} B gzipped`,
  );
  const file = join(dir, 'sync.mjs');
  writeFileSync(file, code);
  const sync = await import(pathToFileURL(file).href);

  const [logA, logB] = changesOf(sync, PAPERS);
  const all = [...logA, ...logB];
  console.log(`${PAPERS.toLocaleString('en')} papers: ${all.length.toLocaleString('en')} changes from two devices`);

  const before = heap();
  const state = await timedWithCpu('apply every change to an empty state', () =>
    sync.applyChanges(sync.emptyState(), all),
  );
  console.log(`state in memory: ${mb(heap() - before)} (heap after GC)`);
  const view = await timedWithCpu('library view of the state', () => sync.libraryView(state));
  console.log(`papers shown: ${view.papers.length.toLocaleString('en')}, lists: ${view.lists.length}`);

  const a = sync.applyChanges(sync.emptyState(), logA);
  const b = sync.applyChanges(sync.emptyState(), logB);
  await timedWithCpu("merge device B's state into device A's", () => sync.mergeState(a, b));

  const changes = [...sync.stateToChanges(state)];
  const id = { device: 'aaaaaaaaaaaaaaaa', kind: 'snapshot', number: 1 };
  const bytes = await timedWithCpu('encode the snapshot file (JSON, SHA-256, gzip)', () =>
    sync.encodeFile(id, changes),
  );
  console.log(`snapshot: ${changes.length.toLocaleString('en')} changes, ${mb(bytes.length)} on the server`);
  const decoded = await timedWithCpu('decode and check the snapshot file', () => sync.decodeFile(bytes, id));
  if (!decoded.ok) throw new Error(`snapshot did not decode: ${decoded.reason}`);
  console.log(`load average (1 min) at the end: ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
  console.log(`peak resident set: ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
