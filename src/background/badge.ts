/** The toolbar badge shows how many papers are waiting in To read. */
import browser from 'webextension-polyfill';
import type { PapershelfDb } from '../db/schema';

export async function updateBadge(db: PapershelfDb): Promise<void> {
  const count = await db.papers.orderBy('toReadSince').count();
  await browser.action.setBadgeText({ text: count === 0 ? '' : count > 999 ? '999+' : String(count) });
  await browser.action.setBadgeBackgroundColor({ color: '#4f46e5' });
}
