// A generated library for the end-to-end tests at scale: a year of skimming, some papers read,
// saved, tagged or noted, one list, written straight into IndexedDB. Runs in one of the
// extension's pages (page.evaluate), so it is self-contained.
/** `allKept`: every paper has something the user did to it (only such papers sync). */
export function seedLibrary({ count, allKept = false }: { count: number; allKept?: boolean }): Promise<void> {
  const words =
    'spectral graph attention diffusion sparse mixture experts retrieval token scaling law reasoning benchmark alignment preference'.split(
      ' ',
    );
  const t0 = Date.parse('2026-10-01T00:00:00Z');
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('papershelf');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['papers', 'lists', 'listEntries', 'settings'], 'readwrite');
      const papers = tx.objectStore('papers');
      for (let i = 0; i < count; i++) {
        const t = t0 - i * 60_000;
        const p: Record<string, unknown> = {
          id: `${2401 + Math.floor(i / 90_000)}.${10_000 + (i % 90_000)}`,
          title: `A study of ${words[i % words.length]} number ${i}`,
          authors: ['Ada Lovelace', `Author ${i}`, `Coauthor ${i % 97}`],
          abstract: Array.from({ length: 190 }, (_, w) => words[(i * 7 + w * 3) % words.length]).join(' '),
          categories: ['cs.LG'],
          firstSeenAt: t,
          firstSeenUrl: 'https://arxiv.org/list/cs.LG/new',
          lastSeenAt: t,
          updatedAt: t,
        };
        if (i % 5 === 0) p.readAt = t;
        if (i % 9 === 0) {
          p.savedAt = t;
          if (p.readAt === undefined) p.toReadSince = t;
        }
        if (i % 7 === 0) p.tags = ['graph'];
        if (i % 11 === 0) p.note = `Note ${i}`;
        if (
          allKept &&
          p.readAt === undefined &&
          p.savedAt === undefined &&
          p.tags === undefined &&
          p.note === undefined
        )
          p.savedAt = p.toReadSince = t;
        papers.put(p);
      }
      tx.objectStore('lists').put({ id: 'list-reading', name: 'Reading group', createdAt: t0, updatedAt: t0 });
      for (let k = 0; k < 50; k++)
        tx.objectStore('listEntries').put({
          listId: 'list-reading',
          paperId: `2401.${10_000 + k * 13}`,
          position: k,
          addedAt: t0,
          updatedAt: t0,
        });
      tx.objectStore('settings').put({ key: 'keyboard', value: false, updatedAt: t0 });
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}
