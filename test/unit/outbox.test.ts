// The outbox (issue 20, point 3): a stamped write is kept in extension storage until the worker
// answers it, and the worker applies what a closed tab left there, with no more rights than a
// content script's message.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drainOutbox, entryRequest, outboxDrainer, type OutboxStorage } from '../../src/background/outbox-drain';
import { handle } from '../../src/background/handlers';
import { browserConnection, RETRY_FOR_MS } from '../../src/messaging/client';
import { OUTBOX_PREFIX, outboxKey, type OutboxEntry } from '../../src/shared/outbox';
import type { Request } from '../../src/shared/protocol';
import { workerContext } from './worker-context';

const ID = '2407.21783';
const PAGE = 'https://huggingface.co/papers?date=2024-08-01';
const FRAME = 'chrome-extension://abc/src/editor/index.html?panel=note&paper=2407.21783';

/** `storage.local` in memory, recording what was removed. */
function fakeStorage(items: Record<string, unknown> = {}) {
  const removed: string[] = [];
  const storage: OutboxStorage = {
    getAll: () => Promise.resolve({ ...items }),
    remove: (keys) => {
      for (const k of keys) delete items[k];
      removed.push(...keys);
      return Promise.resolve();
    },
  };
  return { items, removed, storage };
}

const entry = (message: Record<string, unknown>, from = PAGE): [string, OutboxEntry] => [
  `${OUTBOX_PREFIX}${String(message.at ?? 0)}:${String(message.type)}:${ID}`,
  { message, from },
];

describe('the worker draining the outbox', () => {
  afterEach(() => vi.restoreAllMocks());
  it('applies each write through the handler, oldest stamp first, and removes it', async () => {
    const { ctx } = workerContext();
    const { items, removed, storage } = fakeStorage(
      Object.fromEntries([
        entry({ type: 'paper/setNote', id: ID, note: 'newer', at: 3_000_000 }, FRAME),
        entry({ type: 'paper/setNote', id: ID, note: 'older', at: 2_000_000 }, FRAME),
        entry({ type: 'paper/setRead', id: ID, read: true, at: 1_000_000 }),
      ]),
    );
    const applied = await drainOutbox(storage, (request, senderUrl) =>
      handle(request, { ...ctx, ...(senderUrl ? { senderUrl } : { senderUrl: undefined }) }),
    );
    expect(applied).toBe(3);
    const paper = await ctx.db.papers.get(ID);
    expect(paper?.note).toBe('newer');
    expect(paper?.readAt).toBeTypeOf('number');
    expect(items).toEqual({});
    expect(removed).toHaveLength(3);
  });

  it('never undoes a newer action: an entry older than the stored write changes nothing', async () => {
    const { ctx } = workerContext();
    await handle({ type: 'paper/setRead', id: ID, read: false, at: 5_000_000 }, ctx);
    const { storage } = fakeStorage(
      Object.fromEntries([entry({ type: 'paper/setRead', id: ID, read: true, at: 4_000_000 })]),
    );
    await drainOutbox(storage, (request) => handle(request, ctx));
    expect((await ctx.db.papers.get(ID))?.readAt).toBeUndefined();
  });

  it('drops, unapplied, what a content script may not ask, what is not a stamped write, and what is malformed', async () => {
    const forbidden: Record<string, unknown>[] = [
      { type: 'settings/set', patch: { keepSeen: 'month' } },
      { type: 'papers/delete', ids: [ID] },
      { type: 'tags/rename', from: 'a', to: 'b' },
      { type: 'papers/setReadMany', ids: [ID], read: true },
      { type: 'states/get', ids: [ID] },
      { type: 'paper/setRead', id: ID, read: true }, // no stamp
      { type: 'paper/setRead', id: 'not an id', read: true, at: 1 },
      { type: 'paper/setRead', id: ID, read: true, at: 1, extra: 'field' },
    ];
    const items: Record<string, unknown> = Object.fromEntries(
      forbidden.map((m, i) => [`${OUTBOX_PREFIX}${i}`, { message: m, from: FRAME }]),
    );
    items[`${OUTBOX_PREFIX}x`] = 'not an entry';
    items['someone else'] = { message: { type: 'paper/setRead', id: ID, read: true, at: 1 }, from: PAGE };
    const { removed, storage } = fakeStorage(items);
    const apply = vi.fn(() => Promise.resolve());
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await drainOutbox(storage, apply)).toBe(0);
    expect(warn).toHaveBeenCalledTimes(forbidden.length + 1);
    expect(apply).not.toHaveBeenCalled();
    // Every outbox entry is gone; a key outside the outbox is not the drain's.
    expect(removed).toHaveLength(forbidden.length + 1);
    expect(removed).not.toContain('someone else');
  });

  it('says which page a write came from only when an adapter claims it', () => {
    const read = { type: 'paper/setRead', id: ID, read: true, at: 1 };
    expect(entryRequest({ message: read, from: PAGE })?.senderUrl).toBe(PAGE);
    expect(entryRequest({ message: read, from: FRAME })?.senderUrl).toBeUndefined();
    expect(entryRequest({ message: read, from: 'https://evil.example/papers' })?.senderUrl).toBeUndefined();
    expect(entryRequest({ message: read, from: 42 })?.senderUrl).toBeUndefined();
  });

  it('removes an entry the handler failed on, so it is not retried at every start', async () => {
    const { items, storage } = fakeStorage(
      Object.fromEntries([entry({ type: 'paper/setRead', id: ID, read: true, at: 1 })]),
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await drainOutbox(storage, () => Promise.reject(new Error('disk full')))).toBe(0);
    expect(items).toEqual({});
  });
});

describe('the drainer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('drains once after the outbox has been quiet, however many changes came', async () => {
    const { storage } = fakeStorage();
    const getAll = vi.spyOn(storage, 'getAll');
    const drainer = outboxDrainer(storage, () => Promise.resolve(), 1_000);
    for (let i = 0; i < 5; i++) {
      drainer.later();
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(getAll).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(getAll).toHaveBeenCalledTimes(1);
  });

  it('runs one drain at a time, and one more pass for a call made meanwhile', async () => {
    let release!: () => void;
    const { storage } = fakeStorage(Object.fromEntries([entry({ type: 'paper/setRead', id: ID, read: true, at: 1 })]));
    const getAll = vi.spyOn(storage, 'getAll');
    const apply = vi.fn(() => new Promise<void>((r) => (release = r)));
    const drainer = outboxDrainer(storage, apply, 1_000);
    const first = drainer.now();
    await vi.advanceTimersByTimeAsync(0);
    void drainer.now();
    void drainer.now();
    expect(getAll).toHaveBeenCalledTimes(1);
    release();
    await first;
    await vi.advanceTimersByTimeAsync(0);
    expect(getAll).toHaveBeenCalledTimes(2);
  });
});

describe('a page sending a write', () => {
  /** chrome.runtime and chrome.storage.local; sendMessage gives `answer` (an Error is thrown). */
  function fakeBrowser(answer: unknown) {
    const stored: Record<string, unknown> = {};
    const atSend: string[][] = [];
    (globalThis as unknown as { chrome?: unknown }).chrome = {
      runtime: {
        id: 'ext',
        sendMessage: () => {
          atSend.push(Object.keys(stored));
          return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
        },
        onMessage: { addListener() {}, removeListener() {} },
      },
      storage: {
        local: {
          set: (items: Record<string, unknown>) => (Object.assign(stored, items), Promise.resolve()),
          remove: (key: string) => (delete stored[key], Promise.resolve()),
        },
      },
    };
    vi.stubGlobal('location', { href: PAGE });
    return { stored, atSend };
  }
  const read: Request = { type: 'paper/setRead', id: ID, read: true, at: 7_000_000 };
  const key = outboxKey({ type: 'paper/setRead', id: ID, at: 7_000_000 });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    delete (globalThis as unknown as { chrome?: unknown }).chrome;
  });

  it('keeps it in the outbox before sending, with its page, and takes it out when answered', async () => {
    const { stored, atSend } = fakeBrowser({ ok: true, value: { id: ID } });
    await browserConnection().request(read as never);
    expect(atSend).toEqual([[key]]);
    expect(stored).toEqual({});
  });

  it('takes it out when the worker refused it: the drain would refuse it too', async () => {
    const { stored } = fakeBrowser({ ok: false, error: 'no' });
    await expect(browserConnection().request(read as never)).rejects.toThrow('no');
    expect(stored).toEqual({});
  });

  it('leaves it for the worker when no answer ever came', async () => {
    vi.useFakeTimers();
    const { stored } = fakeBrowser(new Error('Receiving end does not exist.'));
    const answer = browserConnection().request(read as never);
    const settled = expect(answer).rejects.toThrow('Receiving end');
    await vi.advanceTimersByTimeAsync(RETRY_FOR_MS + 2_000);
    await settled;
    expect(stored).toEqual({ [key]: { message: read, from: PAGE } });
  });

  it('does not keep reads, nor unstamped writes', async () => {
    const { atSend } = fakeBrowser({ ok: true, value: [] });
    await browserConnection().request({ type: 'states/get', ids: [ID] });
    await browserConnection().request({ type: 'paper/setRead', id: ID, read: true } as never);
    expect(atSend).toEqual([[], []]);
  });
});
