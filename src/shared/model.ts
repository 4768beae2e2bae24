import { suggestByRules } from './rules';

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
  /** arXiv categories, primary first (`cs.CL`). */
  categories?: string[];
  doi?: string;
  journalRef?: string;
  /** First submission date on arXiv, `YYYY-MM-DD`. */
  published?: string;
  firstSeenAt: number;
  /** The page the paper was first detected on. */
  firstSeenUrl: string;
  lastSeenAt: number;
  /** Topic tags the user gave the paper. */
  tags?: string[];
  /** The user's own plain-text note. */
  note?: string;
  /** Suggested tags the user dismissed for this paper; they are not suggested again. */
  dismissed?: string[];
  /** Last time the paper's own page (arXiv abstract, Hugging Face paper page) was opened. */
  openedAt?: number;
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
  /**
   * Derived: 1 while the search words wait to be computed (after an import, which writes first and
   * indexes after, in the background). An index over it finds the papers still to do.
   */
  unindexed?: 1;
  updatedAt: number;
}

/**
 * Fields the worker keeps on a paper record for its own indexing, never data of the user's: the
 * `unindexed` mark, and the search words records carried before schema 7. Every write drops them;
 * backups, import comparisons and undo snapshots leave them out.
 */
export const INDEXING_FIELDS: readonly string[] = ['unindexed', 'words'];

/** A copy of the paper without its indexing fields. */
export function withoutIndexing(paper: Paper): Paper {
  const out: Record<string, unknown> = { ...paper };
  for (const k of INDEXING_FIELDS) delete out[k];
  return out as unknown as Paper;
}

/** A list the user made (a project, a reading group). Its papers are ListEntry records. */
export interface PaperList {
  /** Random, so lists made on two machines never collide when a backup is merged. */
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

/** A paper's place in a custom list. A paper can be in several lists. */
export interface ListEntry {
  listId: string;
  paperId: string;
  /** Order within the list, ascending; the user sets it by dragging or with the keyboard. */
  position: number;
  addedAt: number;
  updatedAt: number;
}

/** A list as pages show it. */
export interface ListSummary {
  id: string;
  name: string;
  count: number;
}

/** What a page knows about a paper when it detects it. */
export interface PaperSighting {
  id: string;
  title: string;
  authors: string[];
  abstract?: string;
  version?: number;
  upvotes?: number;
  categories?: string[];
  doi?: string;
  journalRef?: string;
  published?: string;
  /** The page is the paper's own page, not a listing: it counts as opened. */
  opened?: true;
}

/**
 * The most a page may say of one paper: room for the longest real values (arXiv caps an abstract
 * at 1,920 characters; collaboration papers list ~3,000 authors), none for a page padding a
 * record. The content script trims a sighting to these (within-limits.ts); the worker refuses more.
 */
export const SIGHTING_LIMITS = { title: 1_000, abstract: 5_000, authors: 5_000, author: 500, categories: 50 } as const;

/** The part of a paper that pages display and toggle. */
export interface PaperState {
  id: string;
  read: boolean;
  saved: boolean;
  tags: string[];
  /** The note's text; empty when there is none. */
  note: string;
  /** Tags the user's keyword rules suggest, with the words that matched. */
  suggestions: { tag: string; why: string[] }[];
  /**
   * When the worker read this state (a stamp, shared/stamp.ts), taken before the transaction it
   * was read in began, so a later `asOf` has seen every earlier write. Pages get a paper's state
   * by answers and by pushes, which can cross; they keep the one with the latest `asOf`. Set by the
   * worker on every state it sends; absent on states that never leave the database code.
   */
  asOf?: number;
}

export function stateOf(
  paper: Pick<Paper, 'id'> &
    Partial<Pick<Paper, 'readAt' | 'savedAt' | 'tags' | 'note' | 'title' | 'abstract' | 'dismissed'>>,
  rules: readonly TagRule[] = [],
): PaperState {
  return {
    id: paper.id,
    read: paper.readAt !== undefined,
    saved: paper.savedAt !== undefined,
    tags: paper.tags ?? [],
    note: paper.note ?? '',
    suggestions: suggestByRules(rules, {
      title: paper.title ?? '',
      abstract: paper.abstract,
      tags: paper.tags,
      dismissed: paper.dismissed,
    }),
  };
}

/** A tag as the user means it: trimmed, inner spaces folded; "" when nothing is left. */
export function normaliseTag(tag: string): string {
  return tag
    .replace(/[\s,]+/g, ' ')
    .trim()
    .slice(0, 60);
}

/** One tag whatever its case: "LLM" and "llm" on two papers are the same tag. */
export const sameTag = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The sites Papershelf works on; each has one adapter under src/sites/. */
export const SITE_IDS = ['huggingface', 'arxiv'] as const;
export type SiteId = (typeof SITE_IDS)[number];

/** How listings of read papers look: faded, removed from view, or unchanged. */
export const READ_DISPLAYS = ['dim', 'hide', 'show'] as const;
export type ReadDisplay = (typeof READ_DISPLAYS)[number];

/** A keyword rule: suggest `tag` for papers whose title or abstract has one of `phrases`. */
export interface TagRule {
  tag: string;
  phrases: string[];
}

/** How long papers only seen (nothing done with them) are kept after their last sighting. */
export const KEEP_SEEN = ['forever', 'month', 'quarter', 'year'] as const;
export type KeepSeen = (typeof KEEP_SEEN)[number];

export interface Settings {
  /** Per site: how read papers are shown on its listing pages. */
  readDisplay: Record<SiteId, ReadDisplay>;
  /** Keyboard triage (TRIAGE_KEYS in keys.ts) on listing pages. */
  keyboard: boolean;
  /** Keyword rules for suggested tags. */
  rules: TagRule[];
  /** A colour per tag (lower-case name → `#rrggbb`), shown on its chips. */
  tagColors: Record<string, string>;
  /** Papers only seen are pruned this long after their last sighting; `forever` keeps them. */
  keepSeen: KeepSeen;
}

export const DEFAULT_SETTINGS: Settings = {
  readDisplay: { huggingface: 'dim', arxiv: 'dim' },
  keyboard: true,
  rules: [],
  tagColors: {},
  keepSeen: 'forever',
};

/** One stored setting; `key` names a field of Settings. */
export type SettingRecord = {
  [K in keyof Settings]: { key: K; value: Settings[K]; updatedAt: number };
}[keyof Settings];
