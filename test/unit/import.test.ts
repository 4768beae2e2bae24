import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../src/db/import';
import { indexPending, putPapers, withDerived } from '../../src/db/papers';
import { searchCards } from '../../src/db/search';
import type { PapershelfDb } from '../../src/db/schema';
import { exportText } from '../../src/export/formats';
import { toBibtex } from '../../src/export/bibtex';
import { NO_ARXIV_ID } from '../../src/import/bibtex-arxiv-id';
import { readIdList } from '../../src/import/ids-reader';
import { ImportError, type ImportPlan } from '../../src/import/plan';
import { previewImport } from '../../src/import/preview';
import { MAX_IMPORT_BYTES, readImportFile, readImportText } from '../../src/import/read-file';
import type { ImportFile } from '../../src/import/source';
import type { Paper } from '../../src/shared/model';
import { freshDb } from './db';
import { HOSTILE, seedPapers } from './seed';

const NOW = new Date('2026-11-25T12:00:00Z');

const backupOf = (db: PapershelfDb): Promise<string> => exportText(db, 'backup', 'all', NOW);

const apply = (db: PapershelfDb, plan: ImportPlan) => applyImport(db, plan.batch, NOW.getTime());
const backupText = (papers: Paper[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'papershelf-backup',
    version: 1,
    exportedAt: NOW.toISOString(),
    tables: { papers, settings: [] },
    ...extra,
  });

function refused(text: string): string {
  try {
    readImportText(text, 'library.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return (err as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('backup → restore', () => {
  it('restores a library exactly, and a second import changes nothing', async () => {
    const source = freshDb();
    await source.papers.bulkPut(seedPapers());
    await source.settings.put({ key: 'readDisplay', value: { huggingface: 'hide', arxiv: 'dim' }, updatedAt: 5 });
    const first = await backupOf(source);

    const target = freshDb();
    const plan = readImportText(first);
    expect(await previewImport(target, plan, NOW.getTime())).toEqual({
      created: 57,
      updated: 0,
      unchanged: 0,
      listed: 0,
      newLists: 0,
    });
    expect(await apply(target, plan)).toMatchObject({ created: 57, updated: 0, unchanged: 0 });
    expect(await backupOf(target)).toBe(first);

    expect(await previewImport(target, readImportText(first), NOW.getTime())).toEqual({
      created: 0,
      updated: 0,
      unchanged: 57,
      listed: 0,
      newLists: 0,
    });
    expect(await apply(target, readImportText(first))).toMatchObject({ created: 0, updated: 0, unchanged: 57 });
    expect(await backupOf(target)).toBe(first);
  });

  it('keeps dismissed suggestions through backup and restore, united on merge', async () => {
    const [a] = seedPapers();
    const source = freshDb();
    await source.papers.put(withDerived({ ...a!, dismissed: ['theory'] }));
    const text = await backupOf(source);
    const target = freshDb();
    await target.papers.put(withDerived({ ...a!, dismissed: ['llm'], updatedAt: a!.updatedAt + 1 }));
    await apply(target, readImportText(text));
    expect((await target.papers.get(a!.id))?.dismissed).toEqual(['llm', 'theory']);
    const fresh = freshDb();
    await apply(fresh, readImportText(text));
    expect(await backupOf(fresh)).toBe(text);
  });

  it('a paper an import changes is not found as it was before, and is found as it is once indexed', async () => {
    const [a] = seedPapers();
    const db = freshDb();
    await putPapers(db, [{ ...a!, title: 'Zanzibar studies', updatedAt: 100 }]);
    expect((await searchCards(db, 'zanzibar')).map((h) => h.paper.id)).toEqual([a!.id]);
    await apply(db, readImportText(backupText([{ ...a!, title: 'Quokka studies', readAt: 150, updatedAt: 200 }])));
    // Until the worker indexes it: not found by its old title (nor shown unread), not yet by the new.
    expect(await searchCards(db, 'zanzibar')).toEqual([]);
    expect(await searchCards(db, 'quokka')).toEqual([]);
    expect(await indexPending(db)).toBe(1);
    expect((await searchCards(db, 'quokka is:read')).map((h) => h.paper.id)).toEqual([a!.id]);
    expect(await searchCards(db, 'zanzibar')).toEqual([]);
  });

  it('keeps the later change of each paper, both ways', async () => {
    const [a, b] = seedPapers();
    const db = freshDb();
    await db.papers.bulkPut(
      [
        { ...a!, readAt: 50, updatedAt: 100 },
        { ...b!, updatedAt: 300 },
      ].map(withDerived),
    );
    const incoming = [
      { ...a!, readAt: undefined, savedAt: 200, toReadSince: 200, updatedAt: 200 }, // newer: unread and saved now
      { ...b!, readAt: 250, updatedAt: 250 }, // older than what we have
    ];
    const outcome = await apply(db, readImportText(backupText(incoming)));
    expect(outcome).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const after = await db.papers.get(a!.id);
    expect(after?.readAt).toBeUndefined();
    expect(after).toMatchObject({ savedAt: 200, toReadSince: 200, updatedAt: 200 });
    expect((await db.papers.get(b!.id))?.readAt).toBeUndefined();
  });

  it('survives any library (property)', async () => {
    const text = fc.oneof(fc.string(), fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme' }));
    const time = fc.integer({ min: 0, max: NOW.getTime() });
    const paper = fc.record(
      {
        n: fc.integer({ min: 0, max: 99_999 }),
        title: text,
        authors: fc.array(text, { maxLength: 4 }),
        abstract: text,
        upvotes: fc.nat(),
        firstSeenAt: time,
        readAt: time,
        savedAt: time,
        updatedAt: time,
      },
      { requiredKeys: ['n', 'title', 'authors', 'firstSeenAt', 'updatedAt'] },
    );
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(paper, { selector: (p) => p.n, maxLength: 25 }), async (drawn) => {
        const papers: Paper[] = drawn.map(({ n, ...p }) => {
          const record: Paper = {
            ...p,
            id: `2301.${String(n).padStart(5, '0')}`,
            firstSeenUrl: 'https://huggingface.co/papers',
            lastSeenAt: p.firstSeenAt,
          };
          if (record.savedAt !== undefined && record.readAt === undefined) record.toReadSince = record.savedAt;
          return record;
        });
        const source = freshDb();
        await source.papers.bulkPut(papers);
        const backup = await backupOf(source);
        const target = freshDb();
        await apply(target, readImportText(backup));
        expect(await backupOf(target)).toBe(backup);
      }),
      { numRuns: 40 },
    );
  });
});

describe('bad files are refused with the problem and the entry named', () => {
  const [a, b] = seedPapers();
  it.each([
    ['truncated JSON', () => backupText([a!]).slice(0, 200), /not valid JSON \(it may be cut short\)/],
    [
      'JSON of another kind',
      () => JSON.stringify({ items: [1, 2, 3] }),
      /neither a Papershelf backup .* nor a PaperMemory export/,
    ],
    [
      'a newer backup',
      () => backupText([a!], { version: 3 }),
      /made by a newer Papershelf \(backup version 3\); this one reads backups up to version 2/,
    ],
    [
      'an entry without id',
      () => backupText([a!, { ...b!, id: undefined } as unknown as Paper]),
      /^Entry 2 of papers has no id\.$/,
    ],
    [
      'duplicated ids',
      () => backupText([a!, b!, { ...a! }]),
      /^Entries 1 and 3 of papers both have the id "2406\.04344"\.$/,
    ],
    [
      'an invalid id',
      () => backupText([{ ...a!, id: '2413.00001' }]),
      /^Entry 1 of papers \("2413\.00001"\): id: "2413\.00001" is not a valid arXiv id\.$/,
    ],
    [
      'a wrong field',
      () => backupText([a!, { ...b!, readAt: 'yesterday' } as unknown as Paper]),
      /^Entry 2 of papers \("2405\.14739"\): readAt: /,
    ],
    [
      'an unknown field',
      () => backupText([{ ...a!, evil: '<script>' } as unknown as Paper]),
      /^Entry 1 of papers .*evil/,
    ],
    ['not a file we know', () => 'hello world', /not a file Papershelf can import/],
    ['an empty file', () => '  ', /is empty/],
  ])('%s', (_what, make, message) => {
    expect(refused(make())).toMatch(message);
  });

  it('refuses a file of another kind over the size limit before reading it', async () => {
    let read = false;
    const head = new Blob(['@misc{a, title = {A}}']);
    // Only its first bytes are looked at (is it gzip?), never the whole of it.
    const file = {
      name: 'huge.bib',
      size: 50 * 1024 * 1024,
      type: '',
      slice: (a?: number, b?: number) => head.slice(a, b),
      stream: () => ((read = true), head.stream()),
    } as unknown as ImportFile;
    await expect(readImportFile(file)).rejects.toThrow(
      /huge\.bib is 50\.0 MB; Papershelf imports files up to 25\.0 MB, except its own backups/,
    );
    expect(read).toBe(false);
    expect(MAX_IMPORT_BYTES).toBeLessThan(50 * 1024 * 1024);
  });
});

describe('other sources', () => {
  it('reads BibTeX entries by eprint, arXiv URL or arXiv DOI, and says why it skips the others', async () => {
    const bib = `${toBibtex(seedPapers().slice(0, 2))}
@article{byurl, title = {Found by {URL}}, author = {Doe, Jane}, url = {https://arxiv.org/abs/1706.03762v5}}
@misc{bydoi, title = {Found by DOI}, doi = {10.48550/arXiv.2407.21783}}
@article{journal, title = {Only in a journal}, journal = {Nature}, doi = {10.1038/nature14539}}
@misc{dup, title = {Same again}, eprint = {2406.04344}, archivePrefix = {arXiv}}`;
    const plan = readImportText(bib);
    expect(plan.kind).toBe('BibTeX');
    expect(plan.batch.partial.map((p) => p.id)).toEqual(['2406.04344', '2405.14739', '1706.03762', '2407.21783']);
    expect(plan.batch.partial[2]).toMatchObject({ title: 'Found by URL', authors: ['Jane Doe'], version: 5 });
    expect(plan.skipped).toEqual([
      { entry: 'entry 5 (journal)', reason: NO_ARXIV_ID },
      { entry: 'entry 6 (dup)', reason: 'same arXiv paper (2406.04344) as entry 1 (xiao2024verbalized)' },
    ]);
    const db = freshDb();
    expect(await apply(db, plan)).toMatchObject({ created: 4 });
    expect(await db.papers.get('2406.04344')).toMatchObject({
      title: seedPapers()[0]!.title,
      firstSeenUrl: 'import:bibtex',
    });
  });

  it('reads a PaperMemory export: arXiv papers by key or PDF link, others skipped', () => {
    const memory = {
      'Arxiv-1703.10593': {
        id: 'Arxiv-1703.10593',
        title: 'Unpaired Image-to-Image Translation using Cycle-Consistent Adversarial  Networks',
        author: 'Jun-Yan Zhu and Taesung Park',
        pdfLink: 'http://arxiv.org/pdf/1703.10593v7',
        source: 'arxiv',
        addDate: '2022-08-29T08:35:02.977Z',
        lastOpenDate: '2022-08-30T08:00:00.000Z',
        note: 'Accepted @ ICCV 2017',
        tags: ['gan', ' image translation ', 'GAN'],
      },
      'Arxiv-hep-th_9901001': {
        id: 'Arxiv-hep-th_9901001',
        title: 'Old style',
        author: 'A B',
        pdfLink: '',
        source: 'arxiv',
      },
      'NeurIPS-2020_abcdef12': {
        id: 'NeurIPS-2020_abcdef12',
        title: 'Venue keyed',
        author: 'C D',
        pdfLink: 'https://arxiv.org/pdf/2006.11239.pdf',
        source: 'neurips',
      },
      'ACL-ACL-2020_2020.acl-main.405': {
        id: 'ACL-ACL-2020_2020.acl-main.405',
        title: 'Not on arXiv',
        author: 'E F',
        pdfLink: 'https://aclanthology.org/2020.acl-main.405.pdf',
        source: 'acl',
      },
      __dataVersion: 508,
    };
    const plan = readImportText(JSON.stringify(memory));
    expect(plan.kind).toBe('PaperMemory export');
    expect(plan.batch.partial.map((p) => p.id)).toEqual(['1703.10593', 'hep-th/9901001', '2006.11239']);
    expect(plan.batch.partial[0]).toMatchObject({
      title: 'Unpaired Image-to-Image Translation using Cycle-Consistent Adversarial Networks',
      authors: ['Jun-Yan Zhu', 'Taesung Park'],
      firstSeenAt: Date.parse('2022-08-29T08:35:02.977Z'),
      openedAt: Date.parse('2022-08-30T08:00:00.000Z'),
      note: 'Accepted @ ICCV 2017',
      tags: ['gan', 'image translation'],
    });
    expect(plan.skipped.map((s) => s.entry)).toEqual(['entry "ACL-ACL-2020_2020.acl-main.405"']);
  });

  it('adds pasted ids and URLs to the chosen list, without taking anything out of a list', async () => {
    const db = freshDb();
    const { savedAt: _s, toReadSince: _t, ...unsaved } = seedPapers()[1]!;
    await db.papers.put({ ...unsaved, readAt: 7 });
    const plan = readIdList(
      '2405.14739\nhttps://arxiv.org/abs/1706.03762v2, arXiv:2407.21783; not-an-id 1706.03762',
      'toRead',
      1000,
    );
    expect(plan.skipped).toEqual([
      { entry: 'item 4 ("not-an-id")', reason: 'not an arXiv id or URL' },
      { entry: 'item 5 ("1706.03762")', reason: 'listed twice (1706.03762)' },
    ]);
    expect(await apply(db, plan)).toMatchObject({ created: 2, updated: 1 });
    expect(await db.papers.get('1706.03762')).toMatchObject({ savedAt: 1000, toReadSince: 1000, version: 2 });
    expect(await db.papers.get('2405.14739')).toMatchObject({ readAt: 7, savedAt: 1000 });
    expect(() => readIdList('nothing here', 'read', 1)).toThrow(/None of the 2 pasted items is an arXiv id or URL/);
  });
});

describe('imports that cannot be trusted', () => {
  it('says which PaperMemory fields of the wrong type it leaves out, and keeps the rest of the paper', () => {
    const memory = {
      'Arxiv-1703.10593': {
        title: 42,
        author: ['Jun-Yan Zhu'],
        pdfLink: 'http://arxiv.org/pdf/1703.10593v7',
        note: { text: 'x' },
        tags: ['gan', 7],
        addDate: '2022-08-29T08:35:02.977Z',
        doi: null,
      },
      __dataVersion: 508,
    };
    const plan = readImportText(JSON.stringify(memory));
    expect(plan.batch.partial).toEqual([
      { id: '1703.10593', firstSeenAt: Date.parse('2022-08-29T08:35:02.977Z'), tags: ['gan'] },
    ]);
    const entry = 'entry "Arxiv-1703.10593"';
    expect(plan.skipped).toEqual([
      { entry, reason: 'its "title" is not text, so it is left out' },
      { entry, reason: 'its "author" is not text, so it is left out' },
      { entry, reason: 'its "note" is not text, so it is left out' },
      { entry, reason: '1 of its "tags" is not text, so left out' },
    ]);
  });

  it('leaves out a setting with a __proto__ or constructor key, and says so', () => {
    const text = `{"format":"papershelf-backup","version":1,"exportedAt":"${NOW.toISOString()}","tables":{"papers":[],"settings":[
      {"key":"tagColors","value":{"__proto__":{"polluted":"#ffffff"},"llm":"#ff0000"},"updatedAt":1},
      {"key":"readDisplay","value":{"huggingface":"dim","constructor":"hide"},"updatedAt":1},
      {"key":"keyboard","value":false,"updatedAt":1}]}}`;
    const plan = readImportText(text, 'library.json');
    expect(plan.batch.settings).toEqual([{ key: 'keyboard', value: false, updatedAt: 1 }]);
    expect(plan.skipped).toEqual([
      { entry: 'setting 1', reason: 'it has a key named "__proto__"' },
      { entry: 'setting 2', reason: 'it has a key named "constructor"' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('imports a well-formed BibTeX entry that follows a broken one, and names the broken one', () => {
    const good = '@misc{good, title={Attention Is All You Need}, author={Vaswani, Ashish}, eprint={1706.03762}}';
    for (const broken of [
      '@misc{missingcomma, title={X} eprint={1512.03385}}',
      '@misc{unterminated, title = "never closed, eprint={1512.03385}}',
      '@misc{unclosed, title={A}, eprint={1512.03385}',
      '@misc{braces, title={A}, author={{B}, eprint={1512.03385}}',
    ]) {
      const plan = readImportText(`${broken}\n\n${good}\n`, 'refs.bib');
      expect(plan.batch.partial.map((p) => [p.id, p.title])).toEqual([['1706.03762', 'Attention Is All You Need']]);
      expect(plan.skipped).toHaveLength(1);
      expect(plan.skipped[0]!.reason).toMatch(/^could not be read: /);
    }
  });

  it('refuses a backup dated in the future, which would win every later merge', async () => {
    const [a] = seedPapers();
    const db = freshDb();
    const plan = readImportText(backupText([{ ...a!, updatedAt: 8e15 }]));
    await expect(apply(db, plan)).rejects.toThrow(/paper 2406\.04344 is dated .* in the future/);
    expect(await db.papers.count()).toBe(0);
  });
});
