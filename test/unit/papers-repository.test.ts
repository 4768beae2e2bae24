import { describe, expect, it } from 'vitest';
import { queueCounts, queuePage, recordSightings, setPaperState } from '../../src/db/papers';
import { SIGHTING_LIMITS, type PaperSighting } from '../../src/shared/model';
import { handle } from '../../src/background/handlers';
import { createList } from '../../src/db/lists';
import { parseRequest } from '../../src/shared/requests';
import { freshDb } from './db';
import { workerContext } from './worker-context';

type Ctx = ReturnType<typeof workerContext>['ctx'];

const sighting = (id: string, extra: Partial<PaperSighting> = {}): PaperSighting => ({
  id,
  title: `Paper ${id}`,
  authors: ['Ada Lovelace'],
  ...extra,
});

describe('recordSightings', () => {
  it('records new papers with first-seen time and page, and reports them unread and unsaved', async () => {
    const db = freshDb();
    const states = await recordSightings(db, [sighting('2407.21783')], 'https://huggingface.co/papers', 1000);
    expect(states).toEqual([{ id: '2407.21783', read: false, saved: false, tags: [], note: '', suggestions: [] }]);
    expect(await db.papers.get('2407.21783')).toMatchObject({
      title: 'Paper 2407.21783',
      firstSeenAt: 1000,
      firstSeenUrl: 'https://huggingface.co/papers',
      lastSeenAt: 1000,
      updatedAt: 1000,
    });
  });

  it('keeps the first sighting and the richer value on a later one', async () => {
    const db = freshDb();
    await recordSightings(
      db,
      [sighting('2407.21783', { abstract: 'Long abstract text', authors: ['A', 'B'] })],
      'https://a',
      1000,
    );
    await recordSightings(db, [sighting('2407.21783', { authors: [], upvotes: 7 })], 'https://b', 2000);
    const p = await db.papers.get('2407.21783');
    expect(p).toMatchObject({
      firstSeenAt: 1000,
      firstSeenUrl: 'https://a',
      lastSeenAt: 2000,
      abstract: 'Long abstract text',
      authors: ['A', 'B'],
      upvotes: 7,
      updatedAt: 1000,
    });
  });

  it("does not bump updatedAt for a sighting: only the user's actions do", async () => {
    const db = freshDb();
    await recordSightings(db, [sighting('2407.21783')], 'https://a', 1000);
    await recordSightings(db, [sighting('2407.21783')], 'https://a', 5000);
    expect(await db.papers.get('2407.21783')).toMatchObject({ updatedAt: 1000, lastSeenAt: 5000 });
  });

  it('returns stored states and counts duplicates once', async () => {
    const db = freshDb();
    await setPaperState(db, '2407.21783', { read: true }, 500);
    const states = await recordSightings(
      db,
      [sighting('2407.21783'), sighting('2407.21783'), sighting('2404.01300')],
      'https://a',
      1000,
    );
    expect(states).toEqual([
      { id: '2407.21783', read: true, saved: false, tags: [], note: '', suggestions: [] },
      { id: '2404.01300', read: false, saved: false, tags: [], note: '', suggestions: [] },
    ]);
    expect(await db.papers.count()).toBe(2);
  });
});

describe('setPaperState and queues', () => {
  it('moves a paper through To read and Read', async () => {
    const db = freshDb();
    await recordSightings(db, [sighting('2407.21783'), sighting('2404.01300')], 'https://a', 1000);
    expect(await setPaperState(db, '2407.21783', { saved: true }, 2000)).toEqual({
      id: '2407.21783',
      read: false,
      saved: true,
      tags: [],
      note: '',
      suggestions: [],
    });
    expect((await queuePage(db, 'toRead', 10)).map((p) => p.id)).toEqual(['2407.21783']);
    expect(await queueCounts(db)).toEqual({ toRead: 1, read: 0, seen: 2, opened: 0 });

    await setPaperState(db, '2407.21783', { read: true }, 3000);
    expect(await queuePage(db, 'toRead', 10)).toEqual([]);
    expect((await queuePage(db, 'read', 10)).map((p) => p.id)).toEqual(['2407.21783']);
    expect(await queueCounts(db)).toEqual({ toRead: 0, read: 1, seen: 2, opened: 0 });

    await setPaperState(db, '2407.21783', { read: false }, 4000);
    expect((await queuePage(db, 'toRead', 10)).map((p) => p.id)).toEqual(['2407.21783']);
    const p = await db.papers.get('2407.21783');
    expect(p?.readAt).toBeUndefined();
    expect(p?.savedAt).toBe(2000);
    expect(p?.updatedAt).toBe(4000);
  });

  it('keeps the original time when a paper is marked read twice', async () => {
    const db = freshDb();
    await setPaperState(db, '2407.21783', { read: true }, 1000);
    await setPaperState(db, '2407.21783', { read: true }, 2000);
    expect((await db.papers.get('2407.21783'))?.readAt).toBe(1000);
  });

  it('creates a record for a paper clicked before its page reported it', async () => {
    const db = freshDb();
    await setPaperState(db, '2407.21783', { saved: true }, 1000, 'https://huggingface.co/papers');
    await recordSightings(db, [sighting('2407.21783')], 'https://huggingface.co/papers', 1001);
    expect(await db.papers.get('2407.21783')).toMatchObject({
      title: 'Paper 2407.21783',
      savedAt: 1000,
      toReadSince: 1000,
    });
  });

  it('lists queues newest first and only as many as asked', async () => {
    const db = freshDb();
    for (let i = 0; i < 5; i++) {
      await recordSightings(db, [sighting(`2407.0000${i}`)], 'https://a', 1000 + i);
    }
    expect((await queuePage(db, 'seen', 3)).map((p) => p.id)).toEqual(['2407.00004', '2407.00003', '2407.00002']);
  });
});

describe('one record per paper across sites', () => {
  it('merges an arXiv sighting and a Hugging Face one field by field', async () => {
    const db = freshDb();
    await recordSightings(
      db,
      [
        {
          id: '1706.03762',
          title: 'Attention Is All You Need',
          authors: ['Ashish Vaswani'],
          upvotes: 120,
          abstract: 'Short.',
        },
      ],
      'https://huggingface.co/papers',
      1000,
    );
    await setPaperState(db, '1706.03762', { read: true }, 1500);
    await recordSightings(
      db,
      [
        {
          id: '1706.03762',
          version: 7,
          title: 'Attention Is All You Need',
          authors: ['Ashish Vaswani', 'Noam Shazeer'],
          abstract: 'The dominant sequence transduction models are long.',
          categories: ['cs.CL', 'cs.LG'],
          published: '2017-06-12',
          opened: true,
        },
      ],
      'https://arxiv.org/abs/1706.03762',
      2000,
    );
    const p = await db.papers.get('1706.03762');
    expect(p).toMatchObject({
      upvotes: 120,
      abstract: 'The dominant sequence transduction models are long.',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      categories: ['cs.CL', 'cs.LG'],
      version: 7,
      published: '2017-06-12',
      openedAt: 2000,
      readAt: 1500,
      firstSeenUrl: 'https://huggingface.co/papers',
      updatedAt: 1500,
    });
    expect((await queuePage(db, 'opened', 5)).map((x) => x.id)).toEqual(['1706.03762']);
  });

  it('records opening a paper page without marking it read', async () => {
    const db = freshDb();
    const [state] = await recordSightings(
      db,
      [{ ...sighting('1706.03762'), opened: true }],
      'https://arxiv.org/abs/1706.03762',
      1000,
    );
    expect(state).toEqual({ id: '1706.03762', read: false, saved: false, tags: [], note: '', suggestions: [] });
    expect(await db.papers.get('1706.03762')).toMatchObject({ openedAt: 1000 });
    expect((await db.papers.get('1706.03762'))?.readAt).toBeUndefined();
  });
});

describe('metadata of papers the user kept', () => {
  const ATTENTION = {
    id: '1706.03762',
    title: 'Attention Is All You Need',
    authors: ['Ashish Vaswani', 'Noam Shazeer'],
  };
  const FORGED = {
    id: '1706.03762',
    title: 'Attention Is All You Need (SPONSORED: buy now)',
    authors: Array.from({ length: 20 }, (_, i) => `Shill ${i}`),
    abstract: 'x'.repeat(20_000),
  };

  it('is not replaced by a feed once saved, read, tagged or noted; the feed only fills what is missing', async () => {
    for (const keep of [
      (db: ReturnType<typeof freshDb>) => setPaperState(db, '1706.03762', { saved: true }, 1500),
      (db: ReturnType<typeof freshDb>) => setPaperState(db, '1706.03762', { read: true }, 1500),
    ]) {
      const db = freshDb();
      await recordSightings(db, [ATTENTION], 'https://huggingface.co/papers', 1000);
      await keep(db);
      await recordSightings(db, [{ ...FORGED, upvotes: 5 }], 'https://huggingface.co/papers?date=2099-01-01', 2000);
      const p = await db.papers.get('1706.03762');
      expect(p).toMatchObject({ title: ATTENTION.title, authors: ATTENTION.authors, upvotes: 5, lastSeenAt: 2000 });
      // The abstract was missing: a page may fill it.
      expect(p?.abstract).toBe(FORGED.abstract);
    }
  });

  it('is not replaced by a hostile page through the worker once tagged, noted or put in a list', async () => {
    const keeps = [
      (ctx: Ctx) => handle({ type: 'paper/tag', id: ATTENTION.id, tag: 'nlp', on: true }, ctx),
      (ctx: Ctx) => handle({ type: 'paper/setNote', id: ATTENTION.id, note: 'seminal' }, ctx),
      async (ctx: Ctx) => {
        const list = await createList(ctx.db, 'Reading group', 1);
        await handle({ type: 'lists/member', listId: list.id, paperId: ATTENTION.id, on: true }, ctx);
      },
    ];
    for (const keep of keeps) {
      const { ctx } = workerContext();
      const seen = (papers: PaperSighting[], senderUrl: string) =>
        handle({ type: 'listings/seen', pageUrl: senderUrl, papers }, { ...ctx, senderUrl });
      await seen(
        [{ ...ATTENTION, abstract: 'The dominant sequence transduction models…' }],
        'https://arxiv.org/abs/1706.03762',
      );
      await keep(ctx);
      // The page's own claim to be the abstract page counts for nothing: the sender's address decides.
      const forged = { ...FORGED, abstract: 'x'.repeat(SIGHTING_LIMITS.abstract) };
      const request = { type: 'listings/seen', pageUrl: 'https://arxiv.org/abs/1706.03762', papers: [forged] };
      expect(parseRequest(request).ok).toBe(true);
      await handle(request as never, { ...ctx, senderUrl: 'https://huggingface.co/papers?date=2099-01-01' });
      // The write may commit after the answer; this later read runs after it.
      expect(await ctx.db.papers.get(ATTENTION.id)).toMatchObject({
        title: ATTENTION.title,
        authors: ATTENTION.authors,
        abstract: 'The dominant sequence transduction models…',
      });
    }
  });

  it('from a page is bounded: a padded title, abstract, author list or category list is cut on receipt', () => {
    const padded = {
      ...FORGED,
      abstract: 'x'.repeat(20_000),
      title: 't'.repeat(5_000),
      authors: Array.from({ length: 6_000 }, () => 'a'.repeat(600)),
      categories: Array.from({ length: 60 }, () => 'c'.repeat(50)),
    };
    const parsed = parseRequest({ type: 'listings/seen', pageUrl: 'https://huggingface.co/papers', papers: [padded] });
    expect(parsed.ok).toBe(true);
    const [cut] = (parsed as { value: { papers: PaperSighting[] } }).value.papers;
    expect([cut!.title.length, cut!.abstract?.length, cut!.authors.length, cut!.authors[0]!.length]).toEqual([
      SIGHTING_LIMITS.title,
      SIGHTING_LIMITS.abstract,
      SIGHTING_LIMITS.authors,
      SIGHTING_LIMITS.author,
    ]);
    expect([cut!.categories!.length, cut!.categories![0]!.length]).toEqual([SIGHTING_LIMITS.categories, 40]);
  });

  it('changes with the paper’s own arXiv abstract page, and a paper not kept takes the richer value as before', async () => {
    const db = freshDb();
    await recordSightings(
      db,
      [{ ...ATTENTION, title: 'Attention is all you need (v1 title)' }],
      'https://huggingface.co/papers',
      1000,
    );
    await setPaperState(db, '1706.03762', { saved: true }, 1500);
    // Another paper's abstract page is not this paper's.
    await recordSightings(db, [{ ...FORGED }], 'https://arxiv.org/abs/2407.21783', 1800);
    expect((await db.papers.get('1706.03762'))?.title).toBe('Attention is all you need (v1 title)');
    await recordSightings(db, [{ ...ATTENTION, opened: true }], 'https://arxiv.org/abs/1706.03762v7', 2000);
    expect(await db.papers.get('1706.03762')).toMatchObject({
      title: ATTENTION.title,
      authors: ATTENTION.authors,
      openedAt: 2000,
    });

    await recordSightings(
      db,
      [{ id: '2407.21783', title: 'Short', authors: ['A'] }],
      'https://huggingface.co/papers',
      1000,
    );
    await recordSightings(
      db,
      [{ id: '2407.21783', title: 'The Llama 3 Herd of Models', authors: ['A', 'B'] }],
      'https://huggingface.co/papers',
      2000,
    );
    expect(await db.papers.get('2407.21783')).toMatchObject({
      title: 'The Llama 3 Herd of Models',
      authors: ['A', 'B'],
    });
  });
});

describe('search words and cards on writes', () => {
  it('are written when what they hold changes, and left alone when a feed is only seen again', async () => {
    const db = freshDb();
    const id = '2407.21783';
    const url = 'https://huggingface.co/papers';
    await recordSightings(db, [sighting(id)], url, 1);
    expect(await db.searchCards.get(id)).toMatchObject({
      title: `Paper ${id}`,
      keyWords: expect.arrayContaining(['lovelace']),
    });

    // Seen again, nothing searchable changed: the card is not rewritten (removed here to show it).
    await db.searchCards.delete(id);
    await recordSightings(db, [sighting(id)], url, 2);
    expect(await db.searchCards.get(id)).toBeUndefined();

    // An abstract arrives: the card holds no abstract and is left alone; a paper only seen has no
    // abstract words either.
    await recordSightings(db, [sighting(id, { abstract: 'Herd of llamas.' })], url, 3);
    expect(await db.searchCards.get(id)).toBeUndefined();
    expect(await db.paperWords.get(id)).toBeUndefined();
    // A fuller title: a new card.
    await recordSightings(
      db,
      [sighting(id, { title: `Paper ${id}: the long title`, abstract: 'Herd of llamas.' })],
      url,
      3,
    );
    expect(await db.searchCards.get(id)).toMatchObject({ id, keyWords: expect.arrayContaining(['long', 'lovelace']) });

    // Marked read: the card (which shows and filters by it) follows, and the abstract's words are
    // written, without the card's own.
    await setPaperState(db, id, { read: true }, 4);
    expect(await db.searchCards.get(id)).toMatchObject({ readAt: 4 });
    expect(await db.paperWords.get(id)).toEqual({ id, words: ['herd', 'llamas'] });

    // Seen again: the words are not rewritten (removed here to show it).
    await db.paperWords.delete(id);
    await recordSightings(
      db,
      [sighting(id, { title: `Paper ${id}: the long title`, abstract: 'Herd of llamas.' })],
      url,
      5,
    );
    expect(await db.paperWords.get(id)).toBeUndefined();

    // A paper an import left waiting for its words gets them at its next sighting.
    await db.papers.update(id, { unindexed: 1 });
    await recordSightings(
      db,
      [sighting(id, { title: `Paper ${id}: the long title`, abstract: 'Herd of llamas.' })],
      url,
      6,
    );
    expect((await db.paperWords.get(id))?.words).toContain('llamas');
    expect((await db.papers.get(id))?.unindexed).toBeUndefined();

    // Marked unread again, only seen: its abstract words go.
    await setPaperState(db, id, { read: false }, 7);
    expect(await db.paperWords.get(id)).toBeUndefined();
  });
});
