/**
 * What the worker does with each validated request. Handlers get their dependencies passed in
 * (database, clock, notifier) so tests can run them against fake-indexeddb without a browser.
 */
import type { PapershelfDb } from '../db/schema';
import { paperTables, recordSightings, setPaperState } from '../db/papers';
import { inOrder, type StampedField } from '../db/field-stamps';
import { readSettings, writeSettings, type SettingsPatch } from '../db/settings';
import { applyImport } from '../db/import';
import { deleteTag, dismissSuggestion, renameTag, setNote, setTag, tagCounts } from '../db/annotations';
import {
  addManyToList,
  addToNamedList,
  createList,
  deleteList,
  listsOfPaper,
  listSummaries,
  renameList,
  reorderList,
  setListMembership,
} from '../db/lists';
import { deletePapers, restorePapers, setReadMany, tagMany } from '../db/library';
import { clearSeen, forgetCleared, undoClear } from '../db/history';
import { DEFAULT_SETTINGS, normaliseTag, stateOf, type Paper } from '../shared/model';
import { stamper, stampAt } from '../shared/stamp';
import { withLearnt, type Learnt } from './learnt';
import type { SyncService } from './sync/service';
import type { PaperState, Settings, TagRule } from '../shared/model';
import type { Suggestion } from '../shared/rules';
import type { PaperLists, Request, RequestOf, RequestType, ResponseMap } from '../shared/protocol';

export interface Notifier {
  /** Resolves once every open tab was sent the states (or gave up on a tab that does not listen). */
  statesChanged(states: PaperState[]): Promise<void>;
  settingsChanged(settings: Settings): void;
  /** The learnt tag models changed: pages ask again for their papers' suggestions. */
  suggestionsChanged(): void;
}

export interface HandlerContext {
  db: PapershelfDb;
  now: () => number;
  notify: Notifier;
  /** The page the message came from, when it came from a tab. */
  senderUrl?: string;
  /** Starts computing search words for papers written without them (after an import). */
  indexLater?: () => void;
  /** Suggestions learnt from the user's tags. */
  learnt?: Learnt;
  /** Prunes papers only seen that the `keepSeen` setting no longer keeps. */
  pruneLater?: () => void;
  /** Sync through the user's WebDAV folder (background/sync/service.ts). */
  sync?: SyncService;
}

/** The sync service, or a clear refusal where the worker runs without one (tests). */
function syncOf(ctx: HandlerContext): SyncService {
  if (!ctx.sync) throw new Error('Sync is not available here.');
  return ctx.sync;
}

/** When a state was read (PaperState.asOf): stamped before the transaction that reads it begins. */
const stamp = stamper();

/** The keyword rules, for the suggestions every state carries. */
const rulesOf = async (ctx: HandlerContext) => (await readSettings(ctx.db)).rules;

/** One paper changed by the user: write it, tell every tab, answer with its state. */
async function changeOne(
  ctx: HandlerContext,
  msg: { id: string; at?: number | undefined },
  field: StampedField,
  write: (now: number, pageUrl: string | undefined, rules: TagRule[]) => Promise<PaperState>,
): Promise<PaperState> {
  const now = ctx.now();
  const asOf = stamp();
  // An older action than the last one applied to this field changes nothing; the page gets the
  // stored state, so its card shows what is true. The rules are read in the same transaction: a
  // click is one transaction.
  const written = await inOrder(
    ctx.db,
    msg.id,
    field,
    stampAt(msg.at, now),
    [...paperTables(ctx.db), ctx.db.settings],
    async () => write(now, ctx.senderUrl, await rulesOf(ctx)),
    async () => stateOf((await ctx.db.papers.get(msg.id)) ?? { id: msg.id }, await rulesOf(ctx)),
  );
  const paper = (await ctx.learnt?.active()) && (await ctx.db.papers.get(written.id));
  const state = {
    ...(paper ? withLearnt(written, (await ctx.learnt!.suggest([paper])).get(paper.id)) : written),
    asOf,
  };
  // Every tab hears of the change before the page that made it is answered: a worker stopped
  // between the two leaves that page unanswered, so it sends the change again, which pushes again.
  await ctx.notify.statesChanged([state]);
  return state;
}

/** The field a tag request changes: tags differing only in case are one tag. */
const tagField = (kind: 'tag' | 'dismiss', tag: string): StampedField => `${kind}:${normaliseTag(tag).toLowerCase()}`;

/**
 * Papers as pages show them: stored marks, then rule and learnt suggestions. A bare `{ id }` (a
 * deleted paper) gets an unmarked state. `learnt` says which papers have learnt suggestions.
 * `asOf`: a stamp taken before the papers were read (PaperState.asOf).
 */
async function statesOf(
  ctx: HandlerContext,
  papers: readonly Pick<Paper, 'id'>[],
  asOf: number,
): Promise<{ states: PaperState[]; learnt: Map<string, Suggestion[]> }> {
  const rules = await rulesOf(ctx);
  const stored = papers.filter((p): p is Paper => 'firstSeenAt' in p);
  const learnt = (await ctx.learnt?.suggest(stored)) ?? new Map<string, Suggestion[]>();
  return { states: papers.map((p) => ({ ...withLearnt(stateOf(p, rules), learnt.get(p.id)), asOf })), learnt };
}

const storedPapers = async (ctx: HandlerContext, ids: string[]) =>
  (await ctx.db.papers.bulkGet(ids)).filter((p): p is Paper => p !== undefined);

/** After a page's papers are stored: their learnt suggestions, pushed to pages as they come. */
async function pushLearnt(ctx: HandlerContext, written: PaperState[]): Promise<void> {
  // On most page loads no tag has a model yet: the page's papers are not read again for nothing.
  if (!(await ctx.learnt?.active())) return;
  // States from the records read now, not from the page's earlier answer: a change the user made
  // meanwhile (a tag accepted, a paper marked read) must not be pushed back out of the page.
  const asOf = stamp();
  const ids = written.map((s) => s.id);
  const { states, learnt } = await statesOf(ctx, await storedPapers(ctx, ids), asOf);
  if (learnt.size) await ctx.notify.statesChanged(states.filter((s) => learnt.has(s.id)));
}

/**
 * After a tag was renamed or deleted everywhere: settings that name it, pages, tag models. `asOf`:
 * stamped before the papers were rewritten.
 */
async function tagsRewritten(ctx: HandlerContext, papers: Paper[], patch: SettingsPatch, asOf: number): Promise<void> {
  const before = await readSettings(ctx.db);
  const after = await writeSettings(ctx.db, patch, ctx.now());
  if (JSON.stringify(before) !== JSON.stringify(after)) ctx.notify.settingsChanged(after);
  await pushStates(ctx, papers, asOf);
  if (papers.length) ctx.learnt?.tagsChanged('all');
}

/**
 * Papers a bulk change wrote (or, deleted, left without a record): their states, to every tab.
 * `asOf`: stamped before the change's transaction began.
 */
async function pushStates(ctx: HandlerContext, papers: readonly Pick<Paper, 'id'>[], asOf: number): Promise<void> {
  if (papers.length) await ctx.notify.statesChanged((await statesOf(ctx, papers, asOf)).states);
}

async function paperLists(ctx: HandlerContext, paperId: string): Promise<PaperLists> {
  const [lists, member] = await Promise.all([listSummaries(ctx.db), listsOfPaper(ctx.db, paperId)]);
  return { lists, member };
}

type Handler<T extends RequestType> = (msg: RequestOf<T>, ctx: HandlerContext) => Promise<ResponseMap[T]>;

const handlers: { [T in RequestType]: Handler<T> } = {
  async 'listings/seen'(msg, ctx) {
    const settings = await readSettings(ctx.db);
    const asOf = stamp();
    // The page needs the states now; the sighting write can finish after the answer.
    let early!: (s: PaperState[]) => void;
    const statesRead = new Promise<PaperState[]>((resolve) => (early = resolve));
    // The page's address as the browser reports it, not as the message claims.
    const written = recordSightings(ctx.db, msg.papers, ctx.senderUrl ?? msg.pageUrl, ctx.now(), early, settings.rules);
    written
      .then((stored) => pushLearnt(ctx, stored))
      .catch((err: unknown) => console.error('Papershelf: recording sightings failed', err));
    const states = await Promise.race([statesRead, written]);
    return { states: states.map((s) => ({ ...s, asOf })), settings };
  },
  'paper/setRead': (msg, ctx) =>
    changeOne(ctx, msg, 'read', (now, url, rules) =>
      setPaperState(ctx.db, msg.id, { read: msg.read }, now, url, rules),
    ),
  'paper/setSaved': (msg, ctx) =>
    changeOne(ctx, msg, 'saved', (now, url, rules) =>
      setPaperState(ctx.db, msg.id, { saved: msg.saved }, now, url, rules),
    ),
  'paper/setNote': (msg, ctx) =>
    changeOne(ctx, msg, 'note', (now, url, rules) => setNote(ctx.db, msg.id, msg.note, now, url, rules)),
  async 'paper/tag'(msg, ctx) {
    const state = await changeOne(ctx, msg, tagField('tag', msg.tag), (now, url, rules) =>
      setTag(ctx.db, msg.id, msg.tag, msg.on, now, url, rules),
    );
    ctx.learnt?.tagsChanged({ paperId: msg.id, tags: [msg.tag] });
    return state;
  },
  'paper/dismiss': (msg, ctx) =>
    changeOne(ctx, msg, tagField('dismiss', msg.tag), (now, url, rules) =>
      dismissSuggestion(ctx.db, msg.id, msg.tag, now, url, rules),
    ),
  async 'lists/create'(msg, ctx) {
    const list = await createList(ctx.db, msg.name, ctx.now());
    return { id: list.id, name: list.name, count: 0 };
  },
  async 'lists/rename'(msg, ctx) {
    const list = await renameList(ctx.db, msg.listId, msg.name, ctx.now());
    return (await listSummaries(ctx.db)).find((l) => l.id === list.id)!;
  },
  async 'lists/delete'(msg, ctx) {
    await deleteList(ctx.db, msg.listId);
    return null;
  },
  async 'lists/member'(msg, ctx) {
    const now = ctx.now();
    await inOrder(
      ctx.db,
      msg.paperId,
      `list:${msg.listId}`,
      stampAt(msg.at, now),
      [ctx.db.lists, ctx.db.listEntries, ...paperTables(ctx.db)],
      () => setListMembership(ctx.db, msg.listId, msg.paperId, msg.on, now, ctx.senderUrl),
      async () => undefined,
    );
    return paperLists(ctx, msg.paperId);
  },
  async 'lists/addNamed'(msg, ctx) {
    await addToNamedList(ctx.db, msg.name, msg.paperId, ctx.now(), ctx.senderUrl);
    return paperLists(ctx, msg.paperId);
  },
  'lists/ofPaper': (msg, ctx) => paperLists(ctx, msg.paperId),
  async 'lists/reorder'(msg, ctx) {
    await reorderList(ctx.db, msg.listId, msg.paperIds, ctx.now());
    return null;
  },
  async 'states/get'(msg, ctx) {
    const asOf = stamp();
    return (await statesOf(ctx, await storedPapers(ctx, msg.ids), asOf)).states;
  },
  async 'tags/rename'(msg, ctx) {
    const asOf = stamp();
    const papers = await renameTag(ctx.db, msg.from, msg.to, ctx.now());
    // The tag's keyword rules and colour follow it; a colour the target already has wins.
    const settings = await readSettings(ctx.db);
    const from = msg.from.toLowerCase();
    const to = msg.to.toLowerCase();
    const rules = settings.rules.map((r) => (r.tag.toLowerCase() === from ? { ...r, tag: msg.to } : r));
    const { [from]: colour, ...colours } = settings.tagColors;
    const tagColors = colour && !colours[to] ? { ...colours, [to]: colour } : colours;
    await tagsRewritten(ctx, papers, { rules, tagColors }, asOf);
    return { papers: papers.length };
  },
  async 'tags/delete'(msg, ctx) {
    const asOf = stamp();
    const papers = await deleteTag(ctx.db, msg.tag, ctx.now());
    const settings = await readSettings(ctx.db);
    const { [msg.tag.toLowerCase()]: _gone, ...tagColors } = settings.tagColors;
    await tagsRewritten(ctx, papers, { tagColors }, asOf);
    return { papers: papers.length };
  },
  async 'papers/setReadMany'(msg, ctx) {
    const asOf = stamp();
    const changed = await setReadMany(ctx.db, msg.ids, msg.read, ctx.now());
    await pushStates(ctx, changed, asOf);
    return { changed: changed.length };
  },
  async 'papers/tagMany'(msg, ctx) {
    const asOf = stamp();
    const changed = await tagMany(ctx.db, msg.ids, msg.tag, ctx.now());
    await pushStates(ctx, changed, asOf);
    if (changed.length) ctx.learnt?.tagsChanged('all');
    return { changed: changed.length };
  },
  async 'lists/addMany'(msg, ctx) {
    return { added: await addManyToList(ctx.db, msg.listId, msg.ids, ctx.now()) };
  },
  async 'papers/delete'(msg, ctx) {
    const asOf = stamp();
    const deleted = await deletePapers(ctx.db, msg.ids);
    // Tabs showing a deleted paper show it as never marked: bare states, no record behind them.
    await pushStates(
      ctx,
      deleted.papers.map((p) => ({ id: p.id })),
      asOf,
    );
    if (deleted.papers.length) ctx.learnt?.tagsChanged('all');
    return deleted;
  },
  async 'papers/restore'(msg, ctx) {
    const asOf = stamp();
    const restored = await restorePapers(ctx.db, { papers: msg.papers, entries: msg.entries });
    await pushStates(ctx, restored, asOf);
    if (restored.length) ctx.learnt?.tagsChanged('all');
    return { restored: restored.length };
  },
  async 'tags/list'(_msg, ctx) {
    return tagCounts(ctx.db);
  },
  async 'settings/get'(_msg, ctx) {
    return readSettings(ctx.db);
  },
  async 'settings/set'(msg, ctx) {
    const settings = await writeSettings(ctx.db, msg.patch, ctx.now());
    ctx.notify.settingsChanged(settings);
    if (msg.patch.keepSeen !== undefined) ctx.pruneLater?.();
    return settings;
  },
  async 'history/clearSeen'(_msg, ctx) {
    // Papers only seen have no mark, tag or note a tab shows: no states to push.
    return { cleared: await clearSeen(ctx.db, ctx.now()) };
  },
  async 'history/undoClear'(_msg, ctx) {
    const restored = await undoClear(ctx.db);
    if (restored.length) ctx.indexLater?.();
    return { restored: restored.length };
  },
  async 'history/forgetCleared'(_msg, ctx) {
    await forgetCleared(ctx.db);
    return null;
  },
  'sync/status': (_msg, ctx) => syncOf(ctx).status(),
  'sync/now': (_msg, ctx) => syncOf(ctx).syncNow(),
  'sync/confirm': (_msg, ctx) => syncOf(ctx).confirm(),
  'sync/configure': (msg, ctx) => syncOf(ctx).configure(msg.config),
  async 'sync/test'(msg, ctx) {
    await syncOf(ctx).test(msg.config);
    return null;
  },
  async 'import/apply'(msg, ctx) {
    const { type: _type, ...rest } = msg;
    // A backup from a version that knew fewer sites gets today's defaults for the others.
    const settings = msg.settings.map((r) =>
      r.key === 'readDisplay' ? { ...r, value: { ...DEFAULT_SETTINGS.readDisplay, ...r.value } } : r,
    );
    const batch = { ...rest, settings };
    const asOf = stamp();
    const outcome = await applyImport(ctx.db, batch, ctx.now());
    if (outcome.writes.length) {
      const rules = await rulesOf(ctx);
      await ctx.notify.statesChanged(outcome.writes.map((p) => ({ ...stateOf(p, rules), asOf })));
      ctx.indexLater?.();
      ctx.learnt?.tagsChanged('all');
    }
    if (outcome.settings.length) ctx.notify.settingsChanged(await readSettings(ctx.db));
    return { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged, listed: outcome.listed };
  },
};

export function handle(msg: Request, ctx: HandlerContext): Promise<ResponseMap[RequestType]> {
  // The union is narrowed by `type` at run time; TypeScript cannot correlate the two lookups.
  return (handlers[msg.type] as Handler<RequestType>)(msg as never, ctx);
}
