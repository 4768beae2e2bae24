import { describe, expect, it } from 'vitest';
import { welcomeOnce } from '../../src/background/welcome';
import { freshDb } from './db';

describe('the welcome page', () => {
  it('opens once per library, however often the browser reports an install', async () => {
    const db = freshDb();
    const opened: number[] = [];
    const open = async () => void opened.push(opened.length);
    expect(await welcomeOnce(db, 1, open)).toBe(true);
    expect(await welcomeOnce(db, 2, open)).toBe(false);
    expect(await welcomeOnce(db, 3, open)).toBe(false);
    expect(opened).toEqual([0]);
  });
});
