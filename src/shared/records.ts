/**
 * Run-time shapes of stored records, for data that comes from outside the database: backups
 * being imported, and import requests reaching the worker. One schema serves both, so a backup
 * the options page accepts is exactly what the worker accepts.
 */
import * as v from 'valibot';
import { isCanonicalArxivId } from './ids';
import { KEEP_SEEN, READ_DISPLAYS, SITE_IDS } from './model';

export const MAX_TEXT = 20_000;

export const PaperId = v.pipe(
  v.string('the id must be text'),
  v.check(isCanonicalArxivId, (issue) => `${JSON.stringify(issue.input)} is not a valid arXiv id`),
);
export const Text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const Timestamp = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const Authors = v.pipe(v.array(v.pipe(v.string(), v.maxLength(500))), v.maxLength(5_000));
const Categories = v.pipe(v.array(v.pipe(v.string(), v.maxLength(40))), v.maxLength(50));
/** A tag as normaliseTag leaves it: no line breaks or commas, 1 to 60 characters. */
export const TagName = v.pipe(
  v.string(),
  v.minLength(1, 'a tag cannot be empty'),
  v.maxLength(60),
  v.regex(/^[^\s,](?:[^\n\r\t,]*[^\s,])?$/, 'a tag is one line without commas or surrounding spaces'),
);
const Tags = v.pipe(v.array(TagName), v.maxLength(200));

/** A custom list's id, as lists.ts makes them ("list-" and a UUID); kept as is through backups. */
export const ListId = v.pipe(v.string(), v.regex(/^list-[A-Za-z0-9-]{1,64}$/, 'not a list id'));
export const ListName = v.pipe(v.string(), v.minLength(1, 'a list needs a name'), v.maxLength(80));

/** Bibliographic fields any source may know. */
const metadata = {
  abstract: v.optional(Text),
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000))),
  upvotes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  categories: v.optional(Categories),
  doi: v.optional(v.pipe(v.string(), v.maxLength(300))),
  journalRef: v.optional(v.pipe(v.string(), v.maxLength(1_000))),
  published: v.optional(v.pipe(v.string(), v.isoDate())),
  tags: v.optional(Tags),
  note: v.optional(Text),
};

/** A complete paper record, as the database and a Papershelf backup hold it. */
export const PaperRecordSchema = v.strictObject({
  id: PaperId,
  title: Text,
  authors: Authors,
  ...metadata,
  firstSeenAt: Timestamp,
  firstSeenUrl: v.pipe(v.string(), v.maxLength(4_000)),
  lastSeenAt: Timestamp,
  openedAt: v.optional(Timestamp),
  readAt: v.optional(Timestamp),
  savedAt: v.optional(Timestamp),
  toReadSince: v.optional(Timestamp),
  /** Suggested tags the user dismissed for this paper. */
  dismissed: v.optional(Tags),
  updatedAt: Timestamp,
});

/** What another tool's export tells about a paper: metadata, and maybe when it was added. */
export const PartialPaperSchema = v.strictObject({
  id: PaperId,
  title: v.optional(Text),
  authors: v.optional(Authors),
  ...metadata,
  firstSeenAt: v.optional(Timestamp),
  openedAt: v.optional(Timestamp),
  readAt: v.optional(Timestamp),
  savedAt: v.optional(Timestamp),
});

export type PartialPaper = v.InferOutput<typeof PartialPaperSchema>;

export const ListRecordSchema = v.strictObject({
  id: ListId,
  name: ListName,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ListEntrySchema = v.strictObject({
  listId: ListId,
  paperId: PaperId,
  position: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9)),
  addedAt: Timestamp,
  updatedAt: Timestamp,
});

const ReadDisplayRecord = v.strictObject(
  Object.fromEntries(SITE_IDS.map((site) => [site, v.optional(v.picklist(READ_DISPLAYS))])) as Record<
    (typeof SITE_IDS)[number],
    v.OptionalSchema<v.PicklistSchema<typeof READ_DISPLAYS, undefined>, undefined>
  >,
);

export const SettingRecordSchema = v.variant('key', [
  v.strictObject({ key: v.literal('readDisplay'), value: ReadDisplayRecord, updatedAt: Timestamp }),
  v.strictObject({ key: v.literal('keyboard'), value: v.boolean(), updatedAt: Timestamp }),
  v.strictObject({ key: v.literal('rules'), value: v.lazy(() => Rules), updatedAt: Timestamp }),
  v.strictObject({ key: v.literal('tagColors'), value: v.lazy(() => TagColors), updatedAt: Timestamp }),
  v.strictObject({ key: v.literal('keepSeen'), value: v.picklist(KEEP_SEEN), updatedAt: Timestamp }),
]);

/** Tag colours: lower-case tag name → `#rrggbb`. */
export const TagColors = v.pipe(
  v.record(
    v.pipe(v.string(), v.minLength(1), v.maxLength(60)),
    v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/, 'a colour is #rrggbb')),
  ),
  v.check((r) => Object.keys(r).length <= 500, 'at most 500 tag colours'),
);

export { ReadDisplayRecord };

/** Keyword rules: a tag and the words or phrases that suggest it. */
export const Rules = v.pipe(
  v.array(
    v.strictObject({
      tag: TagName,
      phrases: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(100))), v.minLength(1), v.maxLength(50)),
    }),
  ),
  v.maxLength(200),
);

/** The first problem valibot found, as "at <path>: <message>". */
export function describeIssue(issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): string {
  const issue = issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return `${path ? `${path}: ` : ''}${issue.message}`;
}
