// What sync's change capture (src/db/sync-capture.ts) costs a click: setPaperState on a library
// of 1,000 papers in fake-indexeddb, with sync off and with sync on (the write plus its change
// records in the same transaction). fake-indexeddb is slower than a browser's IndexedDB, so the
// figures are for comparing the two, not absolute. Run: `nice node bench/sync-click.mjs`.
import 'fake-indexeddb/auto';
import { loadSource } from './load-source.mjs';

const CLICKS = Number(process.env.CLICKS ?? 400);

const load = () =>
  loadSource(
    'sync-click',
    `export { openRecordingDatabase as openDatabase } from '../../src/db/recording';
export { recordSightings, setPaperState } from '../../src/db/papers';
export { setRecording } from '../../src/db/sync-store';`,
  );

const m = await load();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ids = Array.from({ length: 1_000 }, (_, i) => `2401.${String(10000 + i)}`);

let dbs = 0;
async function clicks(recording) {
  const db = m.openDatabase(`click-${++dbs}`);
  await m.recordSightings(
    db,
    ids.map((id) => ({ id, title: `A title for ${id}`, authors: ['Ada Lovelace', 'Alan Turing'] })),
    'https://arxiv.org/list/cs.CL/new',
    1,
  );
  await m.setRecording(db, recording);
  // Each paper read, then unread: every click changes something.
  const times = [];
  for (let i = 0; i < CLICKS; i++) {
    const start = performance.now();
    await m.setPaperState(db, ids[Math.floor(i / 2) % ids.length], { read: i % 2 === 0 }, 10 + i);
    times.push(performance.now() - start);
  }
  const pending = await db.syncPending.count();
  db.close();
  return { median: median(times.slice(20)), pending };
}

// Alternated twice, so neither goes first on a warm process only.
const runs = { off: [], on: [] };
for (const round of [0, 1]) {
  for (const recording of round === 0 ? [false, true] : [true, false]) {
    runs[recording ? 'on' : 'off'].push(await clicks(recording));
  }
}
for (const [label, rs] of Object.entries(runs)) {
  console.log(
    `sync ${label}: median per click ${rs.map((r) => r.median.toFixed(2)).join(' / ')} ms; pending after ${CLICKS} clicks: ${rs.map((r) => r.pending).join(' / ')}`,
  );
}
