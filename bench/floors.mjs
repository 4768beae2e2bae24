// Bare IndexedDB reads run in an extension page (page.evaluate), with none of Papershelf's code:
// the floors, measured in the same profile and run as the figure they are set against, and the
// count of papers waiting for their search words. Each function is self-contained, as
// page.evaluate needs.

/** Open the database and read one paper by key: what any click must at least do. */
export function floorRead() {
  return new Promise((resolve) => {
    const t = performance.now();
    const open = indexedDB.open('papershelf');
    open.onsuccess = () => {
      const get = open.result.transaction('papers').objectStore('papers').get('2401.10001');
      get.onsuccess = () => (resolve(performance.now() - t), open.result.close());
    };
  });
}

/** Read every paper in one getAll: what sending the whole library must at least do. */
export function floorReadAll() {
  return new Promise((resolve) => {
    const t = performance.now();
    const open = indexedDB.open('papershelf');
    open.onsuccess = () => {
      const all = open.result.transaction('papers').objectStore('papers').getAll();
      all.onsuccess = () => (resolve(performance.now() - t), open.result.close());
    };
  });
}

/** Papers waiting for their search words. */
export function toIndexCount() {
  return new Promise((resolve) => {
    const open = indexedDB.open('papershelf');
    open.onsuccess = () => {
      const db = open.result;
      // Schema 11 lists them in toIndex; an older build (BENCH_DIST) marks them unindexed.
      const count = db.objectStoreNames.contains('toIndex')
        ? db.transaction('toIndex').objectStore('toIndex').count()
        : db.transaction('papers').objectStore('papers').index('unindexed').count();
      count.onsuccess = () => (resolve(count.result), db.close());
    };
  });
}
