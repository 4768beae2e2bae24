/**
 * The first-run page, opened once per library. Chrome reports an "install" each time it starts
 * with an extension loaded from the command line (developers, tests), so the worker keeps a mark
 * in the database rather than trusting the reason alone; a real reinstall starts with a new
 * database, and the page shows again.
 */
import type { PapershelfDb } from '../db/schema';

export const WELCOMED = 'welcomedAt';
export const WELCOME_PAGE = 'src/welcome/index.html';

export async function welcomeOnce(db: PapershelfDb, now: number, open: () => Promise<unknown>): Promise<boolean> {
  const first = await db.transaction('rw', db.derived, async () => {
    if (await db.derived.get(WELCOMED)) return false;
    await db.derived.put({ key: WELCOMED, value: now, updatedAt: now });
    return true;
  });
  if (first) await open();
  return first;
}
