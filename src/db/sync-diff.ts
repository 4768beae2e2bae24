/**
 * What a write to the database means for sync: the change records (src/sync/changes.ts) that take
 * a stored record from its old value to its new one. Pure, so the capture middleware
 * (sync-capture.ts) and the first snapshot of a library (sync-bootstrap.ts) say the same thing.
 *
 * Only what the user does syncs: read/saved/opened, note, tags, deletion of a paper the user had
 * done something with, lists, their members and order, keyword rules and synced settings. Paper
 * metadata syncs for papers the user did something with (hasOwnState, or put in a list): a paper
 * only seen stays on the machine that saw it, as do sightings, upvotes and dismissed suggestions.
 */
import type { ListEntry, Paper, PaperList, SettingRecord, TagRule } from '../shared/model';
import { checkChange, METADATA_FIELDS, type Change, type Metadata } from '../sync/changes';
import { tagKey } from '../sync/state';
import { hasOwnState } from './papers';

type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A change before it is stamped. */
export type Draft = Without<Change, 'hlc'>;

/** The metadata of a paper as one change per field, those a record can hold under the schema. */
export function metaDrafts(p: Paper, old?: Paper): Draft[] {
  const out: Draft[] = [];
  for (const field of METADATA_FIELDS) {
    const value = p[field as keyof Paper] as Metadata[typeof field];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (old && JSON.stringify(old[field as keyof Paper]) === JSON.stringify(value)) continue;
    out.push({ kind: 'meta', paper: p.id, value: { [field]: value } });
  }
  return out;
}

const tagMap = (tags: readonly string[] | undefined) => new Map((tags ?? []).map((t) => [tagKey(t), t]));

/** The changes between two versions of a paper record (undefined: no record). */
export function paperDrafts(old: Paper | undefined, next: Paper | undefined): Draft[] {
  if (!next) return old && hasOwnState(old) ? [{ kind: 'paper-deleted', paper: old.id, deleted: true }] : [];
  const id = next.id;
  const out: Draft[] = [];
  for (const [kind, field] of [
    ['read', 'readAt'],
    ['saved', 'savedAt'],
    ['opened', 'openedAt'],
  ] as const) {
    if (old?.[field] !== next[field]) out.push({ kind, paper: id, value: next[field] ?? null });
  }
  if ((old?.note ?? '') !== (next.note ?? '')) out.push({ kind: 'note', paper: id, value: next.note ?? '' });
  const before = tagMap(old?.tags);
  const after = tagMap(next.tags);
  for (const [key, name] of after)
    if (before.get(key) !== name) out.push({ kind: 'tag', paper: id, tag: name, present: true });
  for (const [key, name] of before)
    if (!after.has(key)) out.push({ kind: 'tag', paper: id, tag: name, present: false });
  if (hasOwnState(next)) {
    // A paper the user just started doing something with brings all its metadata; a kept one, what changed.
    out.push(...metaDrafts(next, old && hasOwnState(old) ? old : undefined));
  }
  return out;
}

/**
 * A list position as a fractional index (src/sync/order.ts) that sorts as the local integer does:
 * fractional-indexing's integer keys, a head letter for the number of base-62 digits, then them.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export function positionKey(n: number): string {
  let rest = Math.max(0, Math.floor(n));
  let digits = '';
  do {
    digits = DIGITS[rest % 62]! + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return String.fromCharCode('a'.charCodeAt(0) + digits.length - 1) + digits;
}

export function listDrafts(old: PaperList | undefined, next: PaperList | undefined): Draft[] {
  if (!next) return old ? [{ kind: 'list-deleted', list: old.id, deleted: true }] : [];
  return old?.name === next.name ? [] : [{ kind: 'list', list: next.id, name: next.name }];
}

export function entryDrafts(old: ListEntry | undefined, next: ListEntry | undefined): Draft[] {
  const e = (next ?? old)!;
  const member = { list: e.listId, paper: e.paperId };
  if (!next) return [{ kind: 'member', ...member, present: false }];
  const out: Draft[] = [];
  if (!old) out.push({ kind: 'member', ...member, present: true });
  if (old?.position !== next.position) out.push({ kind: 'position', ...member, position: positionKey(next.position) });
  return out;
}

const SYNCED_SETTINGS = new Set(['readDisplay', 'keyboard', 'tagColors', 'keepSeen']);

export function settingDrafts(old: SettingRecord | undefined, next: SettingRecord | undefined): Draft[] {
  const rec = next ?? old!;
  if (rec.key === 'rules') {
    const before = new Map(((old?.value ?? []) as TagRule[]).map((r) => [tagKey(r.tag), r]));
    const after = new Map(((next?.value ?? []) as TagRule[]).map((r) => [tagKey(r.tag), r]));
    const out: Draft[] = [];
    for (const [key, rule] of after) {
      if (JSON.stringify(before.get(key)) !== JSON.stringify(rule))
        out.push({ kind: 'rule', tag: rule.tag, phrases: rule.phrases });
    }
    for (const [key, rule] of before) if (!after.has(key)) out.push({ kind: 'rule', tag: rule.tag, phrases: null });
    return out;
  }
  if (!next || !SYNCED_SETTINGS.has(rec.key)) return [];
  if (old && JSON.stringify(old.value) === JSON.stringify(next.value)) return [];
  return [{ kind: 'setting', key: next.key, value: next.value } as Draft];
}

/**
 * The draft stamped, if it is a record every device accepts. One that is not (a field past the
 * schema's limits) is left out: a file holding it would be refused whole by the others.
 */
export function stamped(draft: Draft, hlc: string): Change | undefined {
  const checked = checkChange({ ...draft, hlc });
  return checked.ok ? checked.change : undefined;
}
