import { beforeAll, describe, expect, it } from 'vitest';
import { createList, deleteList, setListMembership } from '../../src/db/lists';
import { setNote, setTag } from '../../src/db/annotations';
import { putPapers, setPaperState } from '../../src/db/papers';
import type { PapershelfDb } from '../../src/db/schema';
import { parseQuery, searchCards, searchPapers } from '../../src/db/search';
import type { Paper } from '../../src/shared/model';
import { freshDb } from './db';
import { seedPapers } from './seed';

let db: PapershelfDb;
beforeAll(async () => {
  db = freshDb();
  await putPapers(db, seedPapers());
  await setTag(db, '2206.11893', 'State Space', true, 2e12);
  await setNote(db, '2305.11997', 'Compare with Wachter counterfactuals', 2e12);
});

const titles = async (q: string) => (await searchPapers(db, q)).map((h) => h.paper.title);

describe('parseQuery', () => {
  it('splits filters from words', () => {
    expect(parseQuery('tag:"state space" is:unread list:to-read Diagonal SSMs')).toEqual({
      terms: ['diagonal', 'ssms'],
      tags: ['state space'],
      is: ['unread'],
      list: 'to-read',
    });
    expect(parseQuery('is:weird abc')).toEqual({ terms: ['weird', 'abc'], tags: [], is: [] });
  });
});

describe('searchPapers on the seed library', () => {
  it('finds by word prefix and ranks title matches above abstract ones', async () => {
    const found = await titles('state spa');
    expect(found.slice(0, 2).sort()).toEqual([
      'How to Train Your HiPPO: State Space Models with Generalized Orthogonal Basis Projections',
      'On the Parameterization and Initialization of Diagonal State Space Models',
    ]);
    expect(found.length).toBeGreaterThan(2);
  });

  it('needs every word, in any field: authors, notes, tags', async () => {
    expect(await titles('greg yang')).toEqual(['Feature Learning in Infinite-Width Neural Networks']);
    expect(await titles('wachter')).toEqual([
      'Robust Counterfactual Explanations for Neural Networks With Probabilistic Guarantees',
    ]);
    expect(await titles('diagonal verbalized')).toEqual([]);
    expect(await titles('diagonal hippo')).toEqual([
      'On the Parameterization and Initialization of Diagonal State Space Models',
    ]);
  });

  it('filters by tag, read state and list', async () => {
    expect(await titles('tag:"state space"')).toEqual([
      'On the Parameterization and Initialization of Diagonal State Space Models',
    ]);
    const unread = await searchPapers(db, 'is:unread interpretab');
    expect(unread.length).toBeGreaterThan(0);
    expect(unread.every((h) => h.paper.readAt === undefined)).toBe(true);
    const toRead = await searchPapers(db, 'list:to-read');
    expect(toRead.length).toBeGreaterThan(0);
    expect(toRead.every((h) => h.paper.toReadSince !== undefined)).toBe(true);
  });

  it('filters by a custom list by name, in the list’s order, with words or without', async () => {
    const list = await createList(db, 'Reading group', 1);
    const picked = [
      'Feature Learning in Infinite-Width Neural Networks',
      'On the Parameterization and Initialization of Diagonal State Space Models',
    ];
    const byTitle = new Map((await db.papers.toArray()).map((p) => [p.title, p.id]));
    for (const t of [...picked].reverse()) await setListMembership(db, list.id, byTitle.get(t)!, true, 2);
    expect(await titles('list:"reading GROUP"')).toEqual([...picked].reverse());
    expect(await titles('list:"Reading group" diagonal')).toEqual([picked[1]]);
    expect(await titles('list:nowhere')).toEqual([]);
    await deleteList(db, list.id);
  });

  it('matches accents and case loosely', async () => {
    expect(await titles('FEATURE LEARNING')).toContain('Feature Learning in Infinite-Width Neural Networks');
    expect(await titles('')).toEqual([]);
  });
});

describe('searchPapers on a broad query', () => {
  it('finds the title matches even when hundreds of papers match only in their abstracts', async () => {
    const big = freshDb();
    // 400 papers that say "zeta" in the abstract only, and, last in key order, one with it in the
    // title. All saved: the abstract of a paper only seen is not searched.
    const paper = (id: string, title: string, abstract: string, seen: number) => ({
      id,
      title,
      authors: ['Ada Lovelace'],
      abstract,
      savedAt: seen,
      firstSeenAt: seen,
      firstSeenUrl: 'https://arxiv.org/list/cs.LG/new',
      lastSeenAt: seen,
      updatedAt: seen,
    });
    await putPapers(big, [
      ...Array.from({ length: 400 }, (_, i) =>
        paper(`2401.${String(10000 + i)}`, `Paper number ${i}`, 'We bound the zeta function.', i),
      ),
      paper('2499.99999', 'Zeta functions of graphs', 'Nothing else.', 0),
    ]);
    const hits = await searchPapers(big, 'zeta');
    expect(hits).toHaveLength(50);
    expect(hits[0]!.paper.id).toBe('2499.99999');
    // Without a limit (an export of a search) every match is there.
    expect(await searchPapers(big, 'zeta', { limit: Infinity, everything: true })).toHaveLength(401);
    expect((await searchPapers(big, 'zeta graphs')).map((h) => h.paper.id)).toEqual(['2499.99999']);
  });

  it('finds a paper by two words whatever their order, when one of them is in hundreds of titles', async () => {
    const big = freshDb();
    const paper = (id: string, title: string, abstract: string) => ({
      id,
      title,
      authors: ['Ada Lovelace'],
      abstract,
      readAt: 1,
      firstSeenAt: 1,
      firstSeenUrl: 'https://arxiv.org/list/cs.LG/new',
      lastSeenAt: 1,
      updatedAt: 1,
    });
    await putPapers(big, [
      ...Array.from({ length: 400 }, (_, i) =>
        paper(`2401.${String(10000 + i)}`, `Model number ${i}`, 'Nothing here.'),
      ),
      paper('2499.99998', 'Model spectral graphs', 'In the title.'),
      paper('2499.99999', 'Another model', 'A spectral method, in the abstract only.'),
    ]);
    const ids = async (q: string) => (await searchCards(big, q)).map((h) => h.paper.id).sort();
    expect(await ids('model spectral')).toEqual(['2499.99998', '2499.99999']);
    expect(await ids('spectral model')).toEqual(['2499.99998', '2499.99999']);
  });
});

describe('what a search finds in an abstract', () => {
  it('finds a paper only seen by its title, authors and id; by its abstract once the user did something with it', async () => {
    const db = freshDb();
    const id = '2405.04517';
    await putPapers(db, [
      {
        id,
        title: 'xLSTM: Extended Long Short-Term Memory',
        authors: ['Maximilian Beck'],
        abstract: 'Exponential gating and a matrix memory with a covariance update rule.',
        firstSeenAt: 1,
        firstSeenUrl: 'https://huggingface.co/papers',
        lastSeenAt: 1,
        updatedAt: 1,
      },
    ]);
    const found = async (q: string) => (await searchCards(db, q)).map((h) => h.paper.id);
    for (const q of ['xlstm', 'memory', 'beck', '2405.04517', 'extended memory']) expect(await found(q)).toEqual([id]);
    expect(await found('covariance')).toEqual([]);
    expect(await found('memory covariance')).toEqual([]);
    // Each of these makes the abstract searchable; taking it back makes the paper only seen again.
    const changes: [Partial<Paper>, Partial<Paper>][] = [
      [{ readAt: 2 }, { readAt: undefined }],
      [{ savedAt: 2 }, { savedAt: undefined }],
      [{ openedAt: 2 }, { openedAt: undefined }],
      [{ tags: ['rnn'] }, { tags: undefined }],
      [{ note: 'compare with Mamba' }, { note: undefined }],
      [{ dismissed: ['rnn'] }, { dismissed: undefined }],
    ];
    for (const [on, off] of changes) {
      const paper = (await db.papers.get(id))!;
      await putPapers(db, [{ ...paper, ...on }], [paper]);
      expect(await found('covariance'), JSON.stringify(on)).toEqual([id]);
      // One word in the title, one in the abstract, in either order.
      expect(await found('memory covariance')).toEqual([id]);
      expect(await found('covariance xlstm')).toEqual([id]);
      const marked = (await db.papers.get(id))!;
      await putPapers(db, [{ ...marked, ...off }], [marked]);
      expect(await found('covariance'), JSON.stringify(off)).toEqual([]);
    }
  });
});

describe('search cards', () => {
  it('follow their paper: read state, tags and notes change what a search finds and shows', async () => {
    const mine = freshDb();
    await putPapers(mine, seedPapers());
    const id = '2206.11893';
    const cards = async (q: string) => (await searchCards(mine, q)).map((h) => h.paper.id);
    expect(await cards('is:unread diagonal')).toContain(id);
    await setPaperState(mine, id, { read: true }, 3e12);
    expect(await cards('is:unread diagonal')).not.toContain(id);
    expect((await searchCards(mine, 'diagonal')).find((h) => h.paper.id === id)?.paper.readAt).toBe(3e12);
    await setNote(mine, id, 'Compare with xylophone models', 3e12);
    expect(await cards('xylophone')).toEqual([id]);
    await setNote(mine, id, '', 3e12);
    expect(await cards('xylophone')).toEqual([]);
    await setTag(mine, id, 'Zebra Topic', true, 3e12);
    expect(await cards('zebra')).toEqual([id]);
    // Whole papers for exports: the same ranking, with abstracts.
    expect((await searchPapers(mine, 'zebra'))[0]?.paper.abstract).toMatch(/\w/);
  });
});
