/** Wires the shelf to the real page and worker, for the adapters of one content script. */
import { browserConnection } from '../messaging/client';
import { adapterAmong } from '../sites/select';
import type { SiteAdapter } from '../sites/types';
import { Shelf } from './shelf';

export function startShelf(adapters: readonly SiteAdapter[]): void {
  const shelf = new Shelf({ document, adapterFor: (url) => adapterAmong(adapters, url), worker: browserConnection() });
  void shelf.start();
}
