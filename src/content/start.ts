/** Wires the shelf to the real page and worker, for the adapters of one content script. */
import { answerPagePapers, browserConnection } from '../messaging/client';
import { adapterAmong } from '../sites/select';
import type { SiteAdapter } from '../sites/types';
import { Shelf, type ShelfOptions } from './shelf';

export function startShelf(adapters: readonly SiteAdapter[], room?: ShelfOptions['room']): void {
  const shelf = new Shelf({
    document,
    adapterFor: (url) => adapterAmong(adapters, url),
    worker: browserConnection(),
    ...(room ? { room } : {}),
  });
  void shelf.start();
  answerPagePapers(() => shelf.pagePapers());
}
