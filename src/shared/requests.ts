/**
 * Run-time validation of requests, on receipt in the worker. The Request union the rest of the
 * code uses (protocol.ts) is inferred from these schemas, so type and check cannot drift apart.
 * Only the worker imports this module, which keeps valibot out of the content script.
 */
import * as v from 'valibot';
import { KEEP_SEEN } from './model';
import {
  describeIssue,
  ListEntrySchema,
  ListId,
  ListName,
  ListRecordSchema,
  PaperId,
  TagColors,
  PaperRecordSchema,
  PartialPaperSchema,
  ReadDisplayRecord,
  Rules,
  SettingRecordSchema,
  TagName,
  Text,
} from './records';
import { SIGHTING_LIMITS } from './model';

const MAX_BATCH = 5_000;

/**
 * A WebDAV folder: an http(s) address without a user part (it would end up in histories and
 * reports), a user, a password and a folder path of plain segments (no `..`, no empty segment).
 */
const SyncConfigSchema = v.strictObject({
  url: v.pipe(
    v.string(),
    v.maxLength(2_000),
    v.url('the server address is not an address'),
    v.check((u) => /^https?:\/\//i.test(u), 'the server address must start with https:// or http://'),
    v.check((u) => {
      try {
        const url = new URL(u);
        return url.username === '' && url.password === '';
      } catch {
        return false;
      }
    }, 'put the user name and password in their own fields, not in the address'),
  ),
  user: v.pipe(v.string(), v.minLength(1, 'a user name is needed'), v.maxLength(200)),
  password: v.pipe(v.string(), v.minLength(1, 'a password is needed'), v.maxLength(1_000)),
  folder: v.pipe(
    v.string(),
    v.maxLength(300),
    v.regex(/^(?!.*(?:^|\/)\.\.?(?:\/|$))[^\\]*$/, 'the folder may not contain “.” or “..” segments or backslashes'),
  ),
});
const MAX_IMPORT = 200_000;

/** A string cut to `max` characters, so one odd entry does not get a whole page's batch refused. */
const clipped = (max: number) =>
  v.pipe(
    v.string(),
    v.transform((s) => s.slice(0, max)),
  );

/**
 * What a page says about a paper, cut to the limits (SIGHTING_LIMITS) on receipt: a collaboration
 * paper with thousands of authors, or a padded title or abstract, is stored cut, and the rest of the
 * page's papers still get their states. The content script sends what it read, as it is.
 */
const Sighting = v.strictObject({
  id: PaperId,
  title: clipped(SIGHTING_LIMITS.title),
  authors: v.pipe(
    v.array(clipped(SIGHTING_LIMITS.author)),
    v.transform((a) => a.slice(0, SIGHTING_LIMITS.authors)),
  ),
  abstract: v.optional(clipped(SIGHTING_LIMITS.abstract)),
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000))),
  upvotes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  categories: v.optional(
    v.pipe(
      v.array(clipped(40)),
      v.transform((c) => c.slice(0, SIGHTING_LIMITS.categories)),
    ),
  ),
  doi: v.optional(v.pipe(v.string(), v.maxLength(300))),
  journalRef: v.optional(v.pipe(v.string(), v.maxLength(1_000))),
  published: v.optional(v.pipe(v.string(), v.isoDate())),
  opened: v.optional(v.literal(true)),
});

/**
 * When the user made a change (shared/stamp.ts): the worker applies a write to a paper's field
 * only if no newer one was applied. Optional: a write without one counts as made on arrival.
 */
const Stamp = v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)));

/** The papers a many-paper request names (library-table actions, a list's new order). */
const PaperIds = v.pipe(v.array(PaperId), v.maxLength(MAX_IMPORT));

const SettingsPatch = v.strictObject({
  readDisplay: v.optional(ReadDisplayRecord),
  keyboard: v.optional(v.boolean()),
  rules: v.optional(Rules),
  tagColors: v.optional(TagColors),
  keepSeen: v.optional(v.picklist(KEEP_SEEN)),
});

export const RequestSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('listings/seen'),
    pageUrl: v.pipe(v.string(), v.url(), v.maxLength(4_000)),
    papers: v.pipe(v.array(Sighting), v.maxLength(MAX_BATCH)),
  }),
  v.strictObject({ type: v.literal('paper/setRead'), id: PaperId, read: v.boolean(), at: Stamp }),
  v.strictObject({ type: v.literal('paper/setSaved'), id: PaperId, saved: v.boolean(), at: Stamp }),
  v.strictObject({ type: v.literal('paper/setNote'), id: PaperId, note: Text, at: Stamp }),
  v.strictObject({ type: v.literal('paper/tag'), id: PaperId, tag: TagName, on: v.boolean(), at: Stamp }),
  v.strictObject({ type: v.literal('tags/list') }),
  v.strictObject({ type: v.literal('tags/rename'), from: TagName, to: TagName }),
  v.strictObject({ type: v.literal('tags/delete'), tag: TagName }),
  v.strictObject({ type: v.literal('states/get'), ids: v.pipe(v.array(PaperId), v.maxLength(MAX_BATCH)) }),
  v.strictObject({ type: v.literal('paper/dismiss'), id: PaperId, tag: TagName, at: Stamp }),
  v.strictObject({ type: v.literal('lists/create'), name: ListName }),
  v.strictObject({ type: v.literal('lists/addNamed'), name: ListName, paperId: PaperId }),
  v.strictObject({ type: v.literal('lists/rename'), listId: ListId, name: ListName }),
  v.strictObject({ type: v.literal('lists/delete'), listId: ListId }),
  v.strictObject({
    type: v.literal('lists/member'),
    listId: ListId,
    paperId: PaperId,
    on: v.boolean(),
    at: Stamp,
  }),
  v.strictObject({ type: v.literal('lists/ofPaper'), paperId: PaperId }),
  v.strictObject({ type: v.literal('lists/reorder'), listId: ListId, paperIds: PaperIds }),
  // The options page's library table (extension pages only): bulk changes and an undoable delete.
  v.strictObject({ type: v.literal('papers/setReadMany'), ids: PaperIds, read: v.boolean() }),
  v.strictObject({ type: v.literal('papers/tagMany'), ids: PaperIds, tag: TagName }),
  v.strictObject({ type: v.literal('lists/addMany'), listId: ListId, ids: PaperIds }),
  v.strictObject({ type: v.literal('papers/delete'), ids: PaperIds }),
  v.strictObject({
    type: v.literal('papers/restore'),
    papers: v.pipe(v.array(PaperRecordSchema), v.maxLength(MAX_IMPORT)),
    entries: v.pipe(v.array(ListEntrySchema), v.maxLength(MAX_IMPORT)),
  }),
  // Settings: "Clear seen history", its undo, and the page that cleared saying it no longer offers the undo.
  v.strictObject({ type: v.literal('history/clearSeen') }),
  v.strictObject({ type: v.literal('history/undoClear') }),
  v.strictObject({ type: v.literal('history/forgetCleared') }),
  // Sync (extension pages only: sender.ts). The password goes to the worker, which keeps it.
  v.strictObject({ type: v.literal('sync/status') }),
  v.strictObject({ type: v.literal('sync/now') }),
  v.strictObject({ type: v.literal('sync/confirm') }),
  v.strictObject({ type: v.literal('sync/configure'), config: v.nullable(SyncConfigSchema) }),
  // The options page's "Test connection": the same test as configure's, saving nothing.
  v.strictObject({ type: v.literal('sync/test'), config: SyncConfigSchema }),
  v.strictObject({ type: v.literal('settings/get') }),
  v.strictObject({ type: v.literal('settings/set'), patch: SettingsPatch }),
  v.strictObject({
    type: v.literal('import/apply'),
    /** Records from a Papershelf backup: the later updatedAt wins, field by field. */
    complete: v.pipe(v.array(PaperRecordSchema), v.maxLength(MAX_IMPORT)),
    /** What other tools know: fills gaps and adds to lists, never erases. */
    partial: v.pipe(v.array(PartialPaperSchema), v.maxLength(MAX_IMPORT)),
    settings: v.pipe(v.array(SettingRecordSchema), v.maxLength(100)),
    /** Lists from a backup, and their entries: united with the library's. */
    lists: v.pipe(v.array(ListRecordSchema), v.maxLength(10_000)),
    entries: v.pipe(v.array(ListEntrySchema), v.maxLength(MAX_IMPORT)),
    /** Papers to append to a list (pasted ids). */
    listAdds: v.pipe(v.array(v.strictObject({ listId: ListId, paperId: PaperId })), v.maxLength(MAX_IMPORT)),
    /** Where the partial records came from, kept as their first-seen page. */
    source: v.pipe(v.string(), v.maxLength(200)),
  }),
]);

export type RequestMessage = v.InferOutput<typeof RequestSchema>;

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

/** Accepts exactly the protocol's requests; anything else gets a message naming what is wrong. */
export function parseRequest(input: unknown): Validation<RequestMessage> {
  const result = v.safeParse(RequestSchema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, error: `malformed message at ${describeIssue(result.issues)}` };
}
