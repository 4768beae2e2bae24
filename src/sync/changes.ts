/**
 * The change records devices exchange: one user action on one field, stamped with the HLC of the
 * device that made it. Every record names the field it sets (a paper's read state, one tag of one
 * paper, one paper's place in one list…) so merge.ts can keep, per field, the latest change.
 * Records come from other devices' files, so each is checked at run time (valibot) before it is
 * applied; a record that fails is refused with the reason, never half-applied.
 */
import * as v from 'valibot';
import { KEEP_SEEN } from '../shared/model';
import {
  ListId,
  ListName,
  PaperId,
  ReadDisplayRecord,
  TagColors,
  TagName,
  Text,
  describeIssue,
} from '../shared/records';
import { isHlc } from './hlc';
import { isPosition } from './order';

const HlcSchema = v.pipe(v.string(), v.maxLength(100), v.check(isHlc, 'not a hybrid logical clock stamp'));
const Timestamp = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const Position = v.pipe(v.string(), v.check(isPosition, 'not a list position'));

const paper = { hlc: HlcSchema, paper: PaperId };

/** Bibliographic fields: facts about the paper, which any device may learn from a page. */
export const MetadataSchema = v.pipe(
  v.strictObject({
    title: v.optional(Text),
    authors: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(500))), v.maxLength(5_000))),
    abstract: v.optional(Text),
    version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000))),
    categories: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(40))), v.maxLength(50))),
    doi: v.optional(v.pipe(v.string(), v.maxLength(300))),
    journalRef: v.optional(v.pipe(v.string(), v.maxLength(1_000))),
    published: v.optional(v.pipe(v.string(), v.isoDate())),
  }),
  v.check((m) => Object.values(m).some((x) => x !== undefined), 'a metadata change names at least one field'),
);
export type Metadata = v.InferOutput<typeof MetadataSchema>;
export const METADATA_FIELDS = Object.keys(MetadataSchema.entries) as (keyof Metadata)[];

/** The settings that sync whole, by key (keyword rules sync one rule at a time instead). */
const SettingSchema = v.variant('key', [
  v.strictObject({
    kind: v.literal('setting'),
    hlc: HlcSchema,
    key: v.literal('readDisplay'),
    value: ReadDisplayRecord,
  }),
  v.strictObject({ kind: v.literal('setting'), hlc: HlcSchema, key: v.literal('keyboard'), value: v.boolean() }),
  v.strictObject({ kind: v.literal('setting'), hlc: HlcSchema, key: v.literal('tagColors'), value: TagColors }),
  v.strictObject({
    kind: v.literal('setting'),
    hlc: HlcSchema,
    key: v.literal('keepSeen'),
    value: v.picklist(KEEP_SEEN),
  }),
]);

export const ChangeSchema = v.variant('kind', [
  /** Read, saved, opened: the time it happened, or null when undone (unread, unsaved). */
  v.strictObject({ kind: v.literal('read'), ...paper, value: v.nullable(Timestamp) }),
  v.strictObject({ kind: v.literal('saved'), ...paper, value: v.nullable(Timestamp) }),
  v.strictObject({ kind: v.literal('opened'), ...paper, value: v.nullable(Timestamp) }),
  /** The whole note; "" when cleared. */
  v.strictObject({ kind: v.literal('note'), ...paper, value: Text }),
  v.strictObject({ kind: v.literal('meta'), ...paper, value: MetadataSchema }),
  /** One tag of one paper added (present) or removed; the tag is matched whatever its case. */
  v.strictObject({ kind: v.literal('tag'), ...paper, tag: TagName, present: v.boolean() }),
  /** A tombstone (deleted) or the undo of one. */
  v.strictObject({ kind: v.literal('paper-deleted'), ...paper, deleted: v.boolean() }),
  /** A list created or renamed. */
  v.strictObject({ kind: v.literal('list'), hlc: HlcSchema, list: ListId, name: ListName }),
  v.strictObject({ kind: v.literal('list-deleted'), hlc: HlcSchema, list: ListId, deleted: v.boolean() }),
  /** A paper put in a list (present) or taken out. */
  v.strictObject({ kind: v.literal('member'), ...paper, list: ListId, present: v.boolean() }),
  /** A paper's place in a list (order.ts). */
  v.strictObject({ kind: v.literal('position'), ...paper, list: ListId, position: Position }),
  /** The keyword rule of one tag: its phrases, or null when the rule was removed. */
  v.strictObject({
    kind: v.literal('rule'),
    hlc: HlcSchema,
    tag: TagName,
    phrases: v.nullable(
      v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(100))), v.minLength(1), v.maxLength(50)),
    ),
  }),
  SettingSchema,
]);

export type Change = v.InferOutput<typeof ChangeSchema>;
export type ChangeKind = Change['kind'];
export type SettingChange = Extract<Change, { kind: 'setting' }>;
export type SyncedSettingKey = SettingChange['key'];

export type Checked = { ok: true; change: Change } | { ok: false; error: string };

/** One record from a file, checked. */
export function checkChange(input: unknown): Checked {
  // The common case first: v.is makes no copy, and took 40 % of safeParse's time on 100,000
  // records (2026-12-03); the input is then the change itself, as strictObject allows no more keys.
  if (v.is(ChangeSchema, input)) return { ok: true, change: input };
  const result = v.safeParse(ChangeSchema, input);
  return result.success ? { ok: true, change: result.output } : { ok: false, error: describeIssue(result.issues) };
}
