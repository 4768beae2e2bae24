import { describe, expect, it, vi } from 'vitest';
import { handle } from '../../src/background/handlers';
import type { PaperState } from '../../src/shared/model';
import { checkSender, mayAsk } from '../../src/background/sender';
import { workerContext } from './worker-context';

const context = () => workerContext();

describe('worker handlers', () => {
  it('answers a page with stored states and settings, and records its papers', async () => {
    const { ctx } = context();
    await handle({ type: 'paper/setSaved', id: '2407.21783', saved: true }, ctx);
    const reply = await handle(
      {
        type: 'listings/seen',
        pageUrl: 'https://huggingface.co/papers',
        papers: [
          { id: '2407.21783', title: 'Llama', authors: [] },
          { id: '2404.01300', title: 'Other', authors: [] },
        ],
      },
      ctx,
    );
    expect(reply).toEqual({
      states: [
        { id: '2407.21783', read: false, saved: true, tags: [], note: '', suggestions: [], asOf: expect.any(Number) },
        { id: '2404.01300', read: false, saved: false, tags: [], note: '', suggestions: [], asOf: expect.any(Number) },
      ],
      settings: {
        readDisplay: { huggingface: 'dim', arxiv: 'dim' },
        keyboard: true,
        rules: [],
        tagColors: {},
        keepSeen: 'forever',
      },
    });
    // The sighting write may commit after the answer; IndexedDB runs this later read after it.
    expect((await ctx.db.papers.get('2407.21783'))?.title).toBe('Llama');
    expect(await ctx.db.papers.count()).toBe(2);
  });

  it('tells every tab about a state change', async () => {
    const { ctx, pushed } = context();
    const state = await handle({ type: 'paper/setRead', id: '2407.21783', read: true }, ctx);
    expect(state).toEqual({
      id: '2407.21783',
      read: true,
      saved: false,
      tags: [],
      note: '',
      suggestions: [],
      asOf: expect.any(Number),
    });
    expect(pushed.states).toEqual([[state]]);
  });

  it('answers the page that made a change only once every tab was sent it', async () => {
    let delivered!: () => void;
    const { ctx } = context();
    ctx.notify = { ...ctx.notify, statesChanged: () => new Promise<void>((resolve) => (delivered = resolve)) };
    let answered = false;
    const answer = handle({ type: 'paper/setRead', id: '2407.21783', read: true }, ctx).then(() => (answered = true));
    await vi.waitFor(() => expect(delivered).toBeTypeOf('function'), { timeout: 10_000 });
    // A worker stopped now leaves the page unanswered, so it sends again and the push goes out again.
    await new Promise((r) => setTimeout(r, 0));
    expect(answered).toBe(false);
    delivered();
    await answer;
    expect(answered).toBe(true);
  });

  it('dates every state it sends by when it read it, later for a later read', async () => {
    const { ctx } = context();
    const first = (await handle({ type: 'paper/setRead', id: '2407.21783', read: true }, ctx)) as PaperState;
    const [again] = (await handle({ type: 'states/get', ids: ['2407.21783'] }, ctx)) as PaperState[];
    const second = (await handle({ type: 'paper/setRead', id: '2407.21783', read: false }, ctx)) as PaperState;
    expect(again!.asOf).toBeGreaterThan(first.asOf!);
    expect(second.asOf).toBeGreaterThan(again!.asOf!);
  });

  it('stores settings and tells every tab', async () => {
    const { ctx, pushed } = context();
    const expected = {
      readDisplay: { huggingface: 'dim', arxiv: 'hide' },
      keyboard: true,
      rules: [],
      tagColors: {},
      keepSeen: 'forever',
    };
    expect(await handle({ type: 'settings/set', patch: { readDisplay: { arxiv: 'hide' } } }, ctx)).toEqual(expected);
    expect(await handle({ type: 'settings/get' }, ctx)).toEqual(expected);
    expect(pushed.settings).toEqual([expected]);
  });
});

describe('checkSender', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const ORIGIN = `chrome-extension://${ID}/`;
  it('accepts our content script on a supported page and our own pages', () => {
    expect(checkSender({ id: ID, url: 'https://huggingface.co/papers', tab: { id: 1 } as never }, ID, ORIGIN)).toEqual({
      ok: true,
      pageUrl: 'https://huggingface.co/papers',
    });
    expect(checkSender({ id: ID, url: `${ORIGIN}src/popup/index.html` }, ID, ORIGIN).ok).toBe(true);
    // The options page opens in a tab: it is still one of ours.
    expect(
      checkSender({ id: ID, url: `${ORIGIN}src/options/index.html`, tab: { id: 2 } as never }, ID, ORIGIN).ok,
    ).toBe(true);
  });
  it('refuses other extensions, unsupported pages and foreign origins', () => {
    expect(checkSender({ id: 'other', url: `${ORIGIN}x.html` }, ID, ORIGIN).ok).toBe(false);
    expect(checkSender({ id: ID, url: 'https://evil.example/papers', tab: { id: 1 } as never }, ID, ORIGIN).ok).toBe(
      false,
    );
    expect(checkSender({ id: ID, url: 'https://evil.example/' }, ID, ORIGIN).ok).toBe(false);
    expect(checkSender({ id: ID, tab: { id: 1 } as never }, ID, ORIGIN).ok).toBe(false);
  });
  it('lets a web page ask only for what its controls need', () => {
    const page = checkSender({ id: ID, url: 'https://arxiv.org/abs/1706.03762', tab: { id: 1 } as never }, ID, ORIGIN);
    const options = checkSender(
      { id: ID, url: `${ORIGIN}src/options/index.html`, tab: { id: 2 } as never },
      ID,
      ORIGIN,
    );
    for (const type of ['listings/seen', 'paper/setRead', 'paper/tag', 'paper/setNote'] as const)
      expect(mayAsk(page, type)).toBe(true);
    for (const type of ['import/apply', 'settings/set'] as const) {
      expect(mayAsk(page, type)).toBe(false);
      expect(mayAsk(options, type)).toBe(true);
    }
  });
});
