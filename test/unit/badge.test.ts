import { describe, expect, it, vi } from 'vitest';
import { badgeText } from '../../src/background/badge';
import { putPapers } from '../../src/db/papers';
import { freshDb } from './db';
import { numberedPaper } from './seed';

// badge.ts sets the text through the extension API, which Node does not have; these tests read the
// text. (vi.mock is hoisted above the imports.)
vi.mock('webextension-polyfill', () => ({ default: {} }));

const saved = (i: number) => ({ ...numberedPaper(i), savedAt: 100 + i });

describe('the toolbar badge', () => {
  it('counts the papers waiting in To read, and not those read or only seen', async () => {
    const db = freshDb();
    expect(await badgeText(db)).toBe('');
    await putPapers(db, [saved(1), saved(2), { ...saved(3), readAt: 500 }, numberedPaper(4)]);
    expect(await badgeText(db)).toBe('2');
  });

  it('shows 999 waiting as 999 and more as 999+', async () => {
    const db = freshDb();
    await putPapers(
      db,
      Array.from({ length: 999 }, (_, i) => saved(i)),
    );
    expect(await badgeText(db)).toBe('999');
    await putPapers(db, [saved(999), saved(1000), saved(1001)]);
    expect(await badgeText(db)).toBe('999+');
  });
});
