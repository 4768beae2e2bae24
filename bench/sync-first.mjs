// The first sync of a 10,000-paper library, up from the device that has it and down to a new
// device, through a real Apache mod_dav folder on this machine (test/webdav/apache.ts; needs root,
// as the tests do). Both devices are fake-indexeddb databases in this Node process, so the times
// include fake-indexeddb's overhead, not a browser's IndexedDB. Every paper is one the user kept
// (read, saved, tagged or noted), so all of it syncs. Run: `nice node bench/sync-first.mjs`
// (SYNC_PAPERS=… for another size).
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { loadSource } from './load-source.mjs';
import { execFileSync } from 'node:child_process';
import { timedWithCpu } from './lib.mjs';

const PAPERS = Number(process.env.SYNC_PAPERS ?? 10_000);

const load = () =>
  loadSource(
    'sync-first',
    `export { openRecordingDatabase as openDatabase } from '../../src/db/recording';
export { putPapers, paperTables, hasOwnState } from '../../src/db/papers';
export { setRecording } from '../../src/db/sync-store';
export { runSync } from '../../src/background/sync/run';
export { WebDavClient } from '../../src/sync/webdav/client';
export { startApache } from '../../test/webdav/apache';`,
  );

const words = 'model attention transformer language graph learning neural training data sparse'.split(' ');
const text = (i, n) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');

function library() {
  const t0 = 1_767_000_000_000;
  return Array.from({ length: PAPERS }, (_, i) => {
    const p = {
      id: `${2301 + (Math.floor(i / 1000) % 12)}.${String(10000 + (i % 1000))}`,
      title: `On ${text(i, 8)} ${i}`,
      authors: [`Author ${i % 97}`, `Author ${i % 89}`, `Author ${i % 83}`],
      abstract: text(i, 150),
      categories: ['cs.CL', 'cs.LG'],
      firstSeenAt: t0 + i,
      firstSeenUrl: 'https://arxiv.org/list/cs.CL/new',
      lastSeenAt: t0 + i,
      updatedAt: t0 + i,
      savedAt: t0 + i,
    };
    if (i % 3 === 0) p.readAt = t0 + i + 1;
    if (i % 10 === 0) p.tags = [words[i % words.length], 'to-cite'];
    if (i % 20 === 0) p.note = `Note on paper ${i}: ${text(i, 20)}`;
    return p;
  });
}

const m = await load();
const server = await m.startApache();
const client = () =>
  new m.WebDavClient({
    url: `${server.origin}/dav/bench/`,
    user: server.user,
    password: server.password,
    timeoutMs: 120_000,
  });
try {
  const a = m.openDatabase('bench-a');
  const papers = library();
  for (let i = 0; i < papers.length; i += 1_000) {
    await a.transaction('rw', m.paperTables(a), () => m.putPapers(a, papers.slice(i, i + 1_000)));
  }
  await m.setRecording(a, true);
  await timedWithCpu(`up: first sync of ${PAPERS} papers from A`, () =>
    m.runSync({ db: a, client: client(), now: Date.now }),
  );
  const bytes = Number(
    execFileSync('du', ['-sb', join(server.root, 'dav', 'bench')])
      .toString()
      .split('\t')[0],
  );
  const files = execFileSync('find', [join(server.root, 'dav', 'bench'), '-type', 'f'])
    .toString()
    .trim()
    .split('\n');
  console.log(`on the server: ${files.length} file(s), ${(bytes / 1024).toFixed(0)} kB`);
  const b = m.openDatabase('bench-b');
  await m.setRecording(b, true);
  const result = await timedWithCpu('down: first sync of the new device B', () =>
    m.runSync({ db: b, client: client(), now: Date.now }),
  );
  const view = async (db) =>
    JSON.stringify(
      (await db.papers.orderBy(':id').toArray())
        .filter(m.hasOwnState)
        .map((p) => [p.id, p.title, p.authors, p.abstract, p.readAt, p.savedAt, p.tags, p.note]),
    );
  const [onA, onB] = [await view(a), await view(b)];
  console.log(
    `B received ${result.received} changes; B holds ${await b.papers.count()} papers; the same as A: ${onA === onB}`,
  );
} finally {
  await server.stop();
}
