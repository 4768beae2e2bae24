/**
 * The one message protocol between pages (content scripts, popup, options) and the background
 * worker: requests (validated on receipt by requests.ts), the worker's answers, and the changes
 * it pushes to pages.
 */
import type { ListEntry, ListSummary, Paper, PaperState, Settings } from './model';
import type { RequestMessage } from './requests';
import type { SyncStatus } from './sync-status';

export type Request = RequestMessage;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** What the worker answers to each request. */
export interface ResponseMap {
  'listings/seen': { states: PaperState[]; settings: Settings };
  'paper/setRead': PaperState;
  'paper/setSaved': PaperState;
  'settings/get': Settings;
  'settings/set': Settings;
  'import/apply': { created: number; updated: number; unchanged: number; listed: number };
  'paper/setNote': PaperState;
  'paper/tag': PaperState;
  'tags/list': { name: string; count: number }[];
  'tags/rename': { papers: number };
  'tags/delete': { papers: number };
  'states/get': PaperState[];
  'papers/setReadMany': { changed: number };
  'papers/tagMany': { changed: number };
  'lists/addMany': { added: number };
  'papers/delete': DeletedPapers;
  'papers/restore': { restored: number };
  'paper/dismiss': PaperState;
  'lists/create': ListSummary;
  'lists/rename': ListSummary;
  'lists/delete': null;
  'lists/member': PaperLists;
  'lists/addNamed': PaperLists;
  'lists/ofPaper': PaperLists;
  'lists/reorder': null;
  'history/clearSeen': { cleared: number };
  'history/undoClear': { restored: number };
  'history/forgetCleared': null;
  'sync/status': SyncStatus;
  'sync/now': SyncStatus;
  'sync/confirm': SyncStatus;
  'sync/configure': SyncStatus;
  'sync/test': null;
}

/** What `papers/delete` took away; sent back as `papers/restore` to undo it. */
export interface DeletedPapers {
  papers: Paper[];
  entries: ListEntry[];
}

/** Every custom list, and which of them hold one paper: what a card's Lists menu shows. */
export interface PaperLists {
  lists: ListSummary[];
  member: string[];
}

/** The envelope every answer travels in, so a refusal is a value, not a lost exception. */
export type Reply<T extends RequestType> = { ok: true; value: ResponseMap[T] } | { ok: false; error: string };

/**
 * What the popup asks the content script of the active tab: the ids of the papers it lists, in
 * page order (the answer is checked with isCanonicalArxivId by the popup, and again by the worker).
 */
export const PAGE_PAPERS = 'page/papers';

/** Messages the worker pushes to pages after a change. */
export type Push =
  | { type: 'states/changed'; states: PaperState[] }
  | { type: 'settings/changed'; settings: Settings }
  | { type: 'suggestions/changed' }
  /** To the extension's own pages (options, popup), never to a tab. */
  | { type: 'sync/status'; status: SyncStatus };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Checks a push on receipt in a page: its kind, and that the parts a page reads are there. Pushes
 * come only from our own worker (the browser sets the sender; the page's listener checks it), built
 * from records the worker checked when it stored them, exactly as its answers to requests are,
 * which pages take as they come; so this does not check every field again. Tag colours are
 * checked, since they become style values. The content script has a 15 kB budget.
 */
export function parsePush(input: unknown): { ok: true; value: Push } | { ok: false; error: string } {
  const push = isObject(input) ? input : {};
  const st = push.settings;
  if (
    push.type === 'suggestions/changed' ||
    (push.type === 'sync/status' &&
      isObject(push.status) &&
      typeof push.status.state === 'string' &&
      Array.isArray(push.status.warnings)) ||
    (push.type === 'states/changed' &&
      Array.isArray(push.states) &&
      push.states.every((s) => isObject(s) && typeof s.id === 'string' && Array.isArray(s.tags))) ||
    (push.type === 'settings/changed' &&
      isObject(st) &&
      isObject(st.readDisplay) &&
      Array.isArray(st.rules) &&
      isObject(st.tagColors) &&
      Object.values(st.tagColors).every((c) => /^#[0-9a-f]{6}$/.test(c as string)))
  )
    return { ok: true, value: push as Push };
  return { ok: false, error: 'malformed push' };
}

export type { PaperState, Settings, SyncStatus };
