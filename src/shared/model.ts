/** The records Papershelf keeps. Every record carries `updatedAt` so merges can be decided later. */

export interface Paper {
  /** Canonical arXiv id (see ids.ts): the primary key. */
  id: string;
  title: string;
  authors: string[];
  abstract?: string;
  /** Highest arXiv version seen, when a page named one. */
  version?: number;
  /** Hugging Face upvotes at the last sighting. */
  upvotes?: number;
  firstSeenAt: number;
  /** The page the paper was first detected on. */
  firstSeenUrl: string;
  lastSeenAt: number;
  /** Present while the paper is marked read. */
  readAt?: number;
  /** Present while the paper is saved for later. */
  savedAt?: number;
  /**
   * Derived: `savedAt` while saved and not read, absent otherwise. IndexedDB cannot index
   * booleans, and an index over an optional field holds only the records that have it, so this
   * field makes the To read queue one index range instead of a scan.
   */
  toReadSince?: number;
  updatedAt: number;
}

/** What a page knows about a paper when it detects it. */
export interface PaperSighting {
  id: string;
  title: string;
  authors: string[];
  abstract?: string;
  version?: number;
  upvotes?: number;
}

/** The part of a paper that pages display and toggle. */
export interface PaperState {
  id: string;
  read: boolean;
  saved: boolean;
}

export function stateOf(paper: Pick<Paper, 'id' | 'readAt' | 'savedAt'>): PaperState {
  return { id: paper.id, read: paper.readAt !== undefined, saved: paper.savedAt !== undefined };
}

export interface Settings {
  /** Read cards on feed pages are dimmed. */
  dimRead: boolean;
}

export const DEFAULT_SETTINGS: Settings = { dimRead: true };

export interface SettingRecord<K extends keyof Settings = keyof Settings> {
  key: K;
  value: Settings[K];
  updatedAt: number;
}
