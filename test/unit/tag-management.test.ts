import { describe, expect, it } from 'vitest';
import { handle } from '../../src/background/handlers';
import { weeklyActivity, weeklyCounts, weekStart } from '../../src/db/activity';
import { setTag, tagCounts } from '../../src/db/annotations';
import { readSettings, writeSettings } from '../../src/db/settings';
import { searchPapers } from '../../src/db/search';
import { freshDb } from './db';
import { seedPapers } from './seed';
import { workerContext } from './worker-context';

async function tagged() {
  const { ctx, pushed } = workerContext({ now: () => 100 });
  const { db } = ctx;
  const papers = seedPapers();
  await db.papers.bulkPut(papers);
  const [a, b, c] = papers.map((p) => p.id);
  await setTag(db, a!, 'PEFT', true, 1);
  await setTag(db, b!, 'peft', true, 1);
  await setTag(db, b!, 'fine-tuning', true, 1);
  await setTag(db, c!, 'fine-tuning', true, 1);
  return { db, ctx, pushed, ids: [a!, b!, c!] };
}

describe('tag management', () => {
  it('renames a tag in any case on every paper, and its rules and colour follow', async () => {
    const { db, ctx, pushed, ids } = await tagged();
    await writeSettings(db, { rules: [{ tag: 'peft', phrases: ['low-rank'] }], tagColors: { peft: '#ff0000' } }, 2);
    expect(await handle({ type: 'tags/rename', from: 'peft', to: 'Adapters' }, ctx)).toEqual({ papers: 2 });
    expect(await tagCounts(db)).toEqual([
      { name: 'Adapters', count: 2 },
      { name: 'fine-tuning', count: 2 },
    ]);
    expect((await searchPapers(db, 'tag:adapters')).map((h) => h.paper.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(await readSettings(db)).toMatchObject({
      rules: [{ tag: 'Adapters', phrases: ['low-rank'] }],
      tagColors: { adapters: '#ff0000' },
    });
    expect(
      pushed.states
        .flat()
        .map((s) => s.id)
        .sort(),
    ).toEqual([ids[0], ids[1]].sort());
    expect(pushed.settings.at(-1)?.tagColors).toEqual({ adapters: '#ff0000' });
  });

  it('renaming onto an existing tag merges: a paper with both keeps one', async () => {
    const { db, ctx, ids } = await tagged();
    await handle({ type: 'tags/rename', from: 'PEFT', to: 'Fine-Tuning' }, ctx);
    expect(await tagCounts(db)).toEqual([{ name: 'fine-tuning', count: 3 }]);
    expect((await db.papers.get(ids[1]!))?.tags).toEqual(['fine-tuning']);
  });

  it('deletes a tag from every paper and drops its colour; the papers stay', async () => {
    const { db, ctx, ids } = await tagged();
    await writeSettings(db, { tagColors: { 'fine-tuning': '#00ff00', peft: '#0000ff' } }, 2);
    expect(await handle({ type: 'tags/delete', tag: 'Fine-Tuning' }, ctx)).toEqual({ papers: 2 });
    expect(await tagCounts(db)).toEqual([{ name: 'PEFT', count: 2 }]);
    expect((await db.papers.get(ids[2]!))?.tags).toBeUndefined();
    expect((await readSettings(db)).tagColors).toEqual({ peft: '#0000ff' });
    expect(await db.papers.count()).toBe(57);
  });

  it('refuses a colour that is not #rrggbb', async () => {
    const { parseRequest } = await import('../../src/shared/requests');
    expect(
      parseRequest({ type: 'settings/set', patch: { tagColors: { peft: 'red;background:url(x)' } } }),
    ).toMatchObject({ ok: false });
    expect(parseRequest({ type: 'settings/set', patch: { tagColors: { peft: '#a1b2c3' } } })).toMatchObject({
      ok: true,
    });
  });
});

describe('papers seen and read per week', () => {
  const now = new Date('2026-11-25T12:00:00').getTime(); // a Wednesday
  it('starts weeks on Monday and counts into the last twelve, oldest first', () => {
    expect(weekStart(now).toISOString()).toBe(new Date('2026-11-23T00:00:00').toISOString());
    const day = 24 * 3600 * 1000;
    const weeks = weeklyCounts([now, now - day, now - 3 * day, now - 7 * day, now - 100 * day], [now - 2 * day], now);
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toMatchObject({ seen: 2, read: 1 }); // Wed and Tue of this week; read on Mon
    expect(weeks.at(-2)).toMatchObject({ seen: 2, read: 0 }); // Sunday and last Wednesday
    expect(weeks.slice(0, -2).every((w) => w.seen === 0 && w.read === 0)).toBe(true);
  });

  it('reads the library’s seen and read times', async () => {
    const db = freshDb();
    const papers = seedPapers().map((p, i) => ({
      ...p,
      firstSeenAt: now - i * 3600_000,
      readAt: i < 5 ? now - i * 3600_000 : undefined,
    }));
    await db.papers.bulkPut(
      papers.map((p) => {
        const { readAt, ...rest } = p;
        return readAt === undefined ? rest : { ...rest, readAt };
      }),
    );
    const weeks = await weeklyActivity(db, now);
    expect(weeks.reduce((n, w) => n + w.seen, 0)).toBe(57);
    expect(weeks.reduce((n, w) => n + w.read, 0)).toBe(5);
  });
});
