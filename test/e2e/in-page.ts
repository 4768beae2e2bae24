/**
 * Functions the Chromium and Firefox harnesses run inside a page. Each is passed to the browser
 * as source text, so it must not use anything from outside its own body.
 */

/** Reads a paper record straight from the extension's IndexedDB (in one of its pages). */
export function readStoredPaper(key: string): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('papershelf');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('papers').objectStore('papers').get(key);
      get.onsuccess = () => {
        resolve(get.result as Record<string, unknown> | undefined);
        db.close();
      };
      get.onerror = () => reject(get.error);
    };
  });
}

/** Ids of all cards that carry controls, in page order. */
export function listedIds(): string[] {
  return [...document.querySelectorAll('[data-papershelf-id]')].map((e) => e.getAttribute('data-papershelf-id')!);
}
