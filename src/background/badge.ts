/** The toolbar badge shows how many papers are waiting in To read. */
import browser from 'webextension-polyfill';
import type { PapershelfDb } from '../db/schema';

/** The badge shows up to this many; beyond, "999+". */
const SHOWN_UP_TO = 999;

/**
 * The badge's text. Reads at most 1,000 index keys: counting the whole queue took tens of
 * milliseconds at 10,000 papers, in a transaction the next click's write had to wait for.
 */
export async function badgeText(db: PapershelfDb): Promise<string> {
  const waiting = (
    await db.papers
      .orderBy('toReadSince')
      .limit(SHOWN_UP_TO + 1)
      .primaryKeys()
  ).length;
  return waiting === 0 ? '' : waiting > SHOWN_UP_TO ? `${SHOWN_UP_TO}+` : String(waiting);
}

export async function updateBadge(db: PapershelfDb): Promise<void> {
  await browser.action.setBadgeText({ text: await badgeText(db) });
  await browser.action.setBadgeBackgroundColor({ color: '#4f46e5' });
}
