/**
 * The one message protocol between pages (content scripts, popup, options) and the background
 * worker: requests (validated on receipt by requests.ts), the worker's answers, and the changes
 * it pushes to pages.
 */
import { isCanonicalArxivId } from './ids';
import {
  KEEP_SEEN,
  READ_DISPLAYS,
  SITE_IDS,
  type ListSummary,
  type PaperState,
  type KeepSeen,
  type ReadDisplay,
  type Settings,
} from './model';
import type { ListEntry, Paper } from './model';
import type { RequestMessage } from './requests';

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
  | { type: 'suggestions/changed' };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const isState = (x: unknown): x is PaperState =>
  isObject(x) &&
  typeof x.id === 'string' &&
  isCanonicalArxivId(x.id) &&
  typeof x.read === 'boolean' &&
  typeof x.saved === 'boolean' &&
  Array.isArray(x.tags) &&
  x.tags.every((t) => typeof t === 'string') &&
  typeof x.note === 'string' &&
  Array.isArray(x.suggestions) &&
  x.suggestions.every(
    (s) =>
      isObject(s) && typeof s.tag === 'string' && Array.isArray(s.why) && s.why.every((w) => typeof w === 'string'),
  );

const isRules = (x: unknown): x is Settings['rules'] =>
  Array.isArray(x) &&
  x.every(
    (r) =>
      isObject(r) &&
      typeof r.tag === 'string' &&
      Array.isArray(r.phrases) &&
      r.phrases.every((p) => typeof p === 'string'),
  );

const isColors = (x: unknown): x is Settings['tagColors'] =>
  isObject(x) && Object.values(x).every((c) => typeof c === 'string' && /^#[0-9a-f]{6}$/.test(c));

const isReadDisplay = (x: unknown): x is Settings['readDisplay'] =>
  isObject(x) && SITE_IDS.every((site) => READ_DISPLAYS.includes(x[site] as ReadDisplay));

/**
 * Checks a push on receipt in a page. Pushes only ever come from our own worker (the sender is
 * checked too); this keeps a malformed one from half-applying. Hand-written, because the content
 * script has a size budget and pushes are two small shapes.
 */
export function parsePush(input: unknown): { ok: true; value: Push } | { ok: false; error: string } {
  if (isObject(input)) {
    if (input.type === 'states/changed' && Array.isArray(input.states) && input.states.every(isState)) {
      return { ok: true, value: { type: 'states/changed', states: input.states } };
    }
    if (input.type === 'suggestions/changed') return { ok: true, value: { type: 'suggestions/changed' } };
    const st = input.settings;
    if (
      input.type === 'settings/changed' &&
      isObject(st) &&
      isReadDisplay(st.readDisplay) &&
      typeof st.keyboard === 'boolean' &&
      isRules(st.rules) &&
      isColors(st.tagColors) &&
      KEEP_SEEN.includes(st.keepSeen as KeepSeen)
    ) {
      return {
        ok: true,
        value: {
          type: 'settings/changed',
          settings: {
            readDisplay: st.readDisplay,
            keyboard: st.keyboard,
            rules: st.rules,
            tagColors: st.tagColors,
            keepSeen: st.keepSeen as KeepSeen,
          },
        },
      };
    }
  }
  return { ok: false, error: 'malformed push' };
}

export type { PaperState, Settings };
