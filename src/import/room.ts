/**
 * Whether an import fits the storage the browser leaves Papershelf, said in words before anything
 * is written. With `unlimitedStorage` the quota is most of the free disk; an import that would
 * exhaust it is refused, any other is allowed.
 */

/** Bytes one paper takes in IndexedDB with its search rows, for a library too small to measure. */
export const BYTES_PER_PAPER_GUESS = 9_000;

export interface Room {
  /** Bytes the import is expected to add. */
  need: number;
  /** Bytes left under the quota; undefined when the browser does not say. */
  free?: number;
  /** Set when the import would not fit: the sentence the page shows. */
  refusal?: string;
}

const size = (bytes: number) =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1e6))} MB`;

/**
 * `estimate` is navigator.storage.estimate()'s answer, `papers` how many papers the library holds
 * now: the bytes each takes are measured from the library once it has 1,000.
 */
export function roomFor(newPapers: number, estimate: StorageEstimate | undefined, papers: number): Room {
  const usage = estimate?.usage;
  const perPaper = usage !== undefined && papers >= 1_000 ? usage / papers : BYTES_PER_PAPER_GUESS;
  const need = Math.ceil(newPapers * perPaper);
  if (usage === undefined || estimate?.quota === undefined) return { need };
  const free = Math.max(0, estimate.quota - usage);
  if (need <= free) return { need, free };
  return {
    need,
    free,
    refusal: `This import needs about ${size(need)} of storage, and the browser leaves Papershelf ${size(free)}. Free some disk space, then import again; nothing was written.`,
  };
}

/** "about 120 MB of 3.2 GB free". */
export const roomText = (room: Room) =>
  `about ${size(room.need)} of storage${room.free === undefined ? '' : ` (${size(room.free)} free)`}`;
