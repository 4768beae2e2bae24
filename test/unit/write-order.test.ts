// Writes applied in the order the user made them: a retried older action never undoes a newer one.
import { describe, expect, it } from 'vitest';
import { handle } from '../../src/background/handlers';
import { createList } from '../../src/db/lists';
import { deletePapers } from '../../src/db/library';
import { parseRequest } from '../../src/shared/requests';
import { MAX_STAMP_AHEAD, stamp, stampAt } from '../../src/shared/stamp';
import type { PaperLists, PaperState } from '../../src/shared/protocol';
import { workerContext } from './worker-context';

const ID = '2407.21783';

describe('stamps', () => {
  it('order two actions made in the same millisecond, and every later one', () => {
    const a = stamp(5_000);
    const b = stamp(5_000);
    const c = stamp(4_999); // a clock stepped back
    const d = stamp(6_000);
    expect(a).toBeGreaterThanOrEqual(5_000_000);
    expect([a < b, b < c, c < d]).toEqual([true, true, true]);
    expect(d).toBe(6_000_000);
  });

  it('more than 60 s ahead of the worker are taken as 60 s ahead; none means now', () => {
    expect(stampAt(9e15, 1_000)).toBe(1_000_000 + MAX_STAMP_AHEAD);
    expect(stampAt(1_500_000, 1_000)).toBe(1_500_000);
    expect(stampAt(undefined, 1_000)).toBe(1_000_000);
  });

  it('are checked on receipt: whole non-negative numbers, on the write messages only', () => {
    const read = { type: 'paper/setRead', id: ID, read: true };
    expect(parseRequest({ ...read, at: 1_700_000_000_000_000 }).ok).toBe(true);
    expect(parseRequest(read).ok).toBe(true);
    for (const at of [-1, 1.5, '1', null, Number.MAX_SAFE_INTEGER + 2])
      expect(parseRequest({ ...read, at }).ok).toBe(false);
    expect(parseRequest({ type: 'states/get', ids: [ID], at: 1 }).ok).toBe(false);
  });
});

describe('the worker, per paper and field', () => {
  it('ignores a write older than the last one applied, and answers with the stored state', async () => {
    const { ctx, pushed } = workerContext();
    // B (unread, stamped later) lands first; A's retry (read, stamped earlier) lands after it.
    await handle({ type: 'paper/setRead', id: ID, read: true, at: 100 }, ctx);
    const b = (await handle({ type: 'paper/setRead', id: ID, read: false, at: 300 }, ctx)) as PaperState;
    const a = (await handle({ type: 'paper/setRead', id: ID, read: true, at: 200 }, ctx)) as PaperState;
    expect(b.read).toBe(false);
    expect(a.read).toBe(false);
    expect((await ctx.db.papers.get(ID))?.readAt).toBeUndefined();
    expect(pushed.states.at(-1)).toEqual([a]);
    // The same action sent again (its answer was lost) is applied again, harmlessly.
    expect(((await handle({ type: 'paper/setRead', id: ID, read: false, at: 300 }, ctx)) as PaperState).read).toBe(
      false,
    );
  });

  it('orders actions made in the same millisecond by their counter', async () => {
    const { ctx } = workerContext();
    const first = stamp(7_000);
    const second = stamp(7_000);
    await handle({ type: 'paper/setSaved', id: ID, saved: false, at: second }, ctx);
    await handle({ type: 'paper/setSaved', id: ID, saved: true, at: first }, ctx);
    expect((await ctx.db.papers.get(ID))?.savedAt).toBeUndefined();
  });

  it('keeps each field apart: an older read does not block a newer save, nor one tag another', async () => {
    const { ctx } = workerContext();
    await handle({ type: 'paper/setSaved', id: ID, saved: true, at: 500 }, ctx);
    await handle({ type: 'paper/setRead', id: ID, read: true, at: 100 }, ctx);
    await handle({ type: 'paper/tag', id: ID, tag: 'LLM', on: true, at: 600 }, ctx);
    await handle({ type: 'paper/tag', id: ID, tag: 'theory', on: true, at: 200 }, ctx);
    // The same tag in another case is the same field.
    await handle({ type: 'paper/tag', id: ID, tag: 'llm', on: false, at: 550 }, ctx);
    await handle({ type: 'paper/setNote', id: ID, note: 'newer', at: 900 }, ctx);
    await handle({ type: 'paper/setNote', id: ID, note: 'older', at: 800 }, ctx);
    expect(await ctx.db.papers.get(ID)).toMatchObject({
      readAt: expect.any(Number),
      savedAt: expect.any(Number),
      tags: ['LLM', 'theory'],
      note: 'newer',
    });
  });

  it('orders list membership per list, and answers an older one with the lists as stored', async () => {
    const { ctx } = workerContext();
    const list = await createList(ctx.db, 'Reading group', 1);
    await handle({ type: 'lists/member', listId: list.id, paperId: ID, on: false, at: 300 }, ctx);
    const late = (await handle(
      { type: 'lists/member', listId: list.id, paperId: ID, on: true, at: 200 },
      ctx,
    )) as PaperLists;
    expect(late.member).toEqual([]);
    await handle({ type: 'lists/member', listId: list.id, paperId: ID, on: true, at: 400 }, ctx);
    expect(((await handle({ type: 'lists/ofPaper', paperId: ID }, ctx)) as PaperLists).member).toEqual([list.id]);
  });

  it('does not let a stamp far in the future lock a field for more than 60 s', async () => {
    const { ctx } = workerContext({ now: () => 1_000 });
    await handle({ type: 'paper/setRead', id: ID, read: true, at: 9e15 }, ctx);
    // 61 s later by the worker's clock, the user's next action applies.
    const later = { ...ctx, now: () => 62_000 };
    await handle({ type: 'paper/setRead', id: ID, read: false, at: stamp(62_000) }, later);
    expect((await ctx.db.papers.get(ID))?.readAt).toBeUndefined();
  });

  it('keeps the stamps out of the paper records, and drops them with a deleted paper', async () => {
    const { ctx } = workerContext();
    await handle({ type: 'paper/setRead', id: ID, read: true, at: 100 }, ctx);
    expect(Object.keys((await ctx.db.papers.get(ID))!).some((k) => /stamp|\bat\b/i.test(k))).toBe(false);
    expect(await ctx.db.fieldStamps.get(ID)).toEqual({ id: ID, at: { read: 100 } });
    await deletePapers(ctx.db, [ID]);
    expect(await ctx.db.fieldStamps.count()).toBe(0);
  });
});
