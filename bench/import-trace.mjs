// Where an import's write phase goes, per batch (bench:scale with SCALE_TRACE=1), and its floor:
// the same records written by a bare bulkPut in the same browser.
//
// Nothing in the extension is changed for it: the options page and the service worker get their
// IndexedDB transactions and messages timed by wrapping the browser's own functions, on a clock
// shared by both (performance.timeOrigin + performance.now(), in ms since the epoch).

/** Installed in a context (the options page by addInitScript, the worker by evaluate): logs transactions, messages. */
export function traceContext() {
  if (globalThis.__trace) return;
  const log = (globalThis.__trace = []);
  const now = () => performance.timeOrigin + performance.now();
  // Dexie binds IDBDatabase's transaction() when it opens the database (the worker's is open
  // before this runs): a transaction is logged at its first objectStore() call instead.
  const seen = new WeakSet();
  const objectStore = IDBTransaction.prototype.objectStore;
  IDBTransaction.prototype.objectStore = function (...args) {
    if (!seen.has(this)) {
      seen.add(this);
      const entry = {
        kind: 'tx',
        db: this.db.name,
        stores: [...this.objectStoreNames].join(','),
        mode: this.mode,
        created: now(),
      };
      log.push(entry);
      this.addEventListener('complete', () => (entry.done = now()));
      this.addEventListener('abort', () => ((entry.done = now()), (entry.aborted = true)));
    }
    return objectStore.apply(this, args);
  };
  const chrome = /** @type {any} */ (globalThis).chrome;
  const rt = chrome?.runtime;
  if (rt?.sendMessage) {
    const send = rt.sendMessage.bind(rt);
    rt.sendMessage = (message, ...rest) => {
      const entry = { kind: 'send', type: message?.type, sent: now() };
      log.push(entry);
      const p = send(message, ...rest);
      if (p?.then)
        p.then(
          () => (entry.answered = now()),
          () => (entry.answered = now()),
        );
      return p;
    };
  }
  const tabs = chrome?.tabs;
  if (tabs?.sendMessage) {
    const send = tabs.sendMessage.bind(tabs);
    tabs.sendMessage = (tab, message, ...rest) => {
      const entry = { kind: 'push', type: message?.type, n: message?.states?.length, sent: now() };
      log.push(entry);
      const p = send(tab, message, ...rest);
      if (p?.then)
        p.then(
          () => (entry.answered = now()),
          () => (entry.answered = now()),
        );
      return p;
    };
  }
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const overlap = (a0, a1, b0, b1) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/**
 * Per import batch, from the page's request to its answer: when the worker's write transaction
 * started and ended, what else held the database meanwhile (the page's live queries, the worker's
 * other transactions), and the pushes to tabs.
 */
export function summarise(page, worker) {
  const sends = page.filter((e) => e.kind === 'send' && e.type === 'import/apply' && e.answered);
  const writes = worker.filter(
    (e) =>
      e.kind === 'tx' && e.mode === 'readwrite' && e.stores.includes('toIndex') && e.stores.includes('listEntries'),
  );
  const rows = sends.map((s, i) => {
    const w = writes.find((t) => t.created >= s.sent && t.created <= s.answered);
    const during = (list, pred) =>
      list.filter(
        (t) => t.kind === 'tx' && t !== w && t.done && pred(t) && overlap(t.created, t.done, s.sent, s.answered) > 0,
      );
    const pageReads = during(page, (t) => t.db === 'papershelf');
    const workerOther = during(worker, () => true);
    const pushes = worker.filter((e) => e.kind === 'push' && e.sent >= s.sent && e.sent <= s.answered + 5_000);
    return {
      batch: i + 1,
      roundTrip: s.answered - s.sent,
      sinceLast: i ? s.sent - sends[i - 1].answered : 0,
      toTx: w ? w.created - s.sent : NaN,
      tx: w ? w.done - w.created : NaN,
      afterTx: w ? s.answered - w.done : NaN,
      pageReads: pageReads.length,
      pageReadMs: sum(pageReads.map((t) => overlap(t.created, t.done, s.sent, s.answered))),
      pageReadStores: [...new Set(pageReads.map((t) => t.stores))].join(' | '),
      pageReadEach: pageReads.map((t) => Math.round(t.done - t.created)).join('+'),
      workerOther: workerOther.length,
      workerOtherMs: sum(workerOther.map((t) => overlap(t.created, t.done, s.sent, s.answered))),
      workerOtherStores: [
        ...new Set(workerOther.map((t) => `${t.mode === 'readwrite' ? 'rw' : 'r'}:${t.stores}`)),
      ].join(' | '),
      workerOtherEach: workerOther
        .map((t) => `${t.mode === 'readwrite' ? 'rw' : 'r'}:${t.stores} ${Math.round(t.done - t.created)}`)
        .join('; '),
      pushMs: sum(pushes.map((p) => (p.answered ?? p.sent) - p.sent)),
    };
  });
  return rows;
}

export function printTrace(rows) {
  const f = (v) => (Number.isFinite(v) ? Math.round(v).toString() : '-');
  console.log('batch  round-trip  since-last  send→tx  tx  tx→answer  page-reads(ms)  worker-other-tx(ms)  pushes(ms)');
  for (const r of rows)
    console.log(
      `${String(r.batch).padStart(5)}  ${f(r.roundTrip).padStart(10)}  ${f(r.sinceLast).padStart(10)}  ${f(r.toTx).padStart(7)}  ${f(r.tx).padStart(6)}  ${f(r.afterTx).padStart(9)}  ${`${r.pageReads} (${f(r.pageReadMs)})`.padStart(14)}  ${`${r.workerOther} (${f(r.workerOtherMs)})`.padStart(19)}  ${f(r.pushMs).padStart(10)}  ${r.pageReadEach}`,
    );
  for (const r of rows)
    if (r.workerOtherEach) console.log(`  batch ${r.batch}, the worker's other transactions: ${r.workerOtherEach}`);
  const stores = new Set(
    rows
      .flatMap((r) => [
        r.pageReadStores && `page: ${r.pageReadStores}`,
        r.workerOtherStores && `worker: ${r.workerOtherStores}`,
      ])
      .filter(Boolean),
  );
  for (const s of stores) console.log(`  during batches: ${s}`);
  const total = (k) => sum(rows.map((r) => (Number.isFinite(r[k]) ? r[k] : 0)));
  console.log(
    `totals: round trips ${f(total('roundTrip'))} ms (send→tx ${f(total('toTx'))}, tx ${f(total('tx'))}, tx→answer ${f(total('afterTx'))}), between batches ${f(total('sinceLast'))} ms, page reads overlapping ${f(total('pageReadMs'))} ms`,
  );
}

/**
 * The floor, in the options page: `papers` (the backup's records, as the import stores them)
 * written by a bare IndexedDB put of each, with its toIndex row, into an empty database with the
 * same stores and indexes as the library, in one transaction and in transactions of `batch`.
 * Returns both times in ms.
 */
export function floorWrite({ batch, papers }) {
  const open = (name, version, upgrade) =>
    new Promise((resolve, reject) => {
      const r = indexedDB.open(name, version);
      r.onupgradeneeded = () => upgrade?.(r.result, r.transaction);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const done = (tx) =>
    new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
  return (async () => {
    const db = await open('papershelf');
    const shape = (store) => ({
      keyPath: store.keyPath,
      indexes: [...store.indexNames].map((n) => {
        const i = store.index(n);
        return { n, keyPath: i.keyPath, multiEntry: i.multiEntry, unique: i.unique };
      }),
    });
    const tx0 = db.transaction(['papers', 'toIndex']);
    const papersShape = shape(tx0.objectStore('papers'));
    const toIndexShape = shape(tx0.objectStore('toIndex'));
    db.close();
    const times = {};
    for (const [label, size] of [
      ['one', papers.length],
      ['batched', batch],
    ]) {
      const name = `floor-${label}-${Date.now()}`;
      const floor = await open(name, 1, (d) => {
        for (const [storeName, s] of /** @type {const} */ ([
          ['papers', papersShape],
          ['toIndex', toIndexShape],
        ])) {
          const store = d.createObjectStore(storeName, { keyPath: s.keyPath });
          for (const i of s.indexes) store.createIndex(i.n, i.keyPath, { multiEntry: i.multiEntry, unique: i.unique });
        }
      });
      const t = performance.now();
      for (let at = 0; at < papers.length; at += size) {
        const tx = floor.transaction(['papers', 'toIndex'], 'readwrite');
        const p = tx.objectStore('papers');
        const q = tx.objectStore('toIndex');
        for (const paper of papers.slice(at, at + size)) {
          p.put(paper);
          q.put({ id: paper.id });
        }
        await done(tx);
      }
      times[label] = performance.now() - t;
      floor.close();
      await new Promise((resolve) => (indexedDB.deleteDatabase(name).onsuccess = resolve));
    }
    return times;
  })();
}
