/**
 * The one message protocol between pages (content scripts, popup, options) and the background
 * worker. Every message is a member of a discriminated union and is validated on receipt: a
 * message that does not match exactly is refused before any handler runs.
 */
import * as v from 'valibot';
import { isCanonicalArxivId } from './ids';
import type { PaperSighting, PaperState, Settings } from './model';

const MAX_TEXT = 20_000;
const MAX_BATCH = 5_000;

const PaperId = v.pipe(v.string(), v.check(isCanonicalArxivId, 'not a canonical arXiv id'));
const Text = v.pipe(v.string(), v.maxLength(MAX_TEXT));

const Sighting = v.strictObject({
  id: PaperId,
  title: Text,
  authors: v.pipe(v.array(v.pipe(v.string(), v.maxLength(500))), v.maxLength(5_000)),
  abstract: v.optional(Text),
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000))),
  upvotes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

const SettingsPatch = v.strictObject({
  dimRead: v.optional(v.boolean()),
});

export const RequestSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('listings/seen'),
    pageUrl: v.pipe(v.string(), v.url(), v.maxLength(4_000)),
    papers: v.pipe(v.array(Sighting), v.maxLength(MAX_BATCH)),
  }),
  v.strictObject({ type: v.literal('paper/setRead'), id: PaperId, read: v.boolean() }),
  v.strictObject({ type: v.literal('paper/setSaved'), id: PaperId, saved: v.boolean() }),
  v.strictObject({ type: v.literal('settings/get') }),
  v.strictObject({ type: v.literal('settings/set'), patch: SettingsPatch }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** What the worker answers to each request. */
export interface ResponseMap {
  'listings/seen': { states: PaperState[]; settings: Settings };
  'paper/setRead': PaperState;
  'paper/setSaved': PaperState;
  'settings/get': Settings;
  'settings/set': Settings;
}

/** The envelope every answer travels in, so a refusal is a value, not a lost exception. */
export type Reply<T extends RequestType> =
  | { ok: true; value: ResponseMap[T] }
  | { ok: false; error: string };

/** Messages the worker pushes to pages after a change. */
export type Push =
  | { type: 'states/changed'; states: PaperState[] }
  | { type: 'settings/changed'; settings: Settings };

const StateSchema = v.strictObject({ id: PaperId, read: v.boolean(), saved: v.boolean() });
export const PushSchema = v.variant('type', [
  v.strictObject({ type: v.literal('states/changed'), states: v.array(StateSchema) }),
  v.strictObject({
    type: v.literal('settings/changed'),
    settings: v.strictObject({ dimRead: v.boolean() }),
  }),
]);

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

function validate<T>(schema: v.GenericSchema<unknown, T>, input: unknown): Validation<T> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, error: `malformed message${path ? ` at ${path}` : ''}: ${issue.message}` };
}

export const parseRequest = (input: unknown): Validation<Request> => validate(RequestSchema, input);
export const parsePush = (input: unknown): Validation<Push> => validate(PushSchema, input);

export type { PaperSighting, PaperState, Settings };
