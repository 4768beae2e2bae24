// Suggested tags from keyword rules: written on the options page, shown on the cards of a feed,
// accepted with one click and dismissed with another, for good.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, editorOf, detectedIds, launch, storedPaper, type Session } from './harness';

/** The papers the worker's stored tag models have learnt `tag` from (run in an extension page). */
function learntMembers(tag: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('papershelf');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('derived').objectStore('derived').get('tagModels');
      get.onsuccess = () => {
        const sums = (get.result?.value as { sums?: Record<string, { members: string[] }> } | undefined)?.sums;
        resolve(sums?.[tag]?.members ?? []);
        open.result.close();
      };
    };
  });
}

/** The worker's answer for these papers' states, as a page would get it (run in an extension page). */
async function askStates(ids: string[]): Promise<{ id: string; suggestions: { tag: string }[] }[]> {
  type Runtime = { runtime: { sendMessage(m: object): Promise<{ ok: boolean; value: unknown; error?: string }> } };
  const reply = await (globalThis as unknown as { chrome: Runtime }).chrome.runtime.sendMessage({
    type: 'states/get',
    ids,
  });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as { id: string; suggestions: { tag: string }[] }[];
}

const DEMO = 'https://huggingface.co/papers/date/2025-08-05';
const S4D = '2206.11893';
const HIPPO = '2206.12037';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

describe('suggested tags', () => {
  it('suggests from a rule, live; one click accepts, another dismisses for good', async () => {
    const page = await s.open(DEMO);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(57);
    expect(
      await card(page, S4D)
        .getByRole('button', { name: /Add suggested tag/ })
        .count(),
    ).toBe(0);

    const options = await s.openExtensionPage('src/options/index.html#suggestions');
    await options.getByRole('textbox', { name: 'Keyword rules' }).fill('state space: state space model, SSM\nbad line');
    await options.getByRole('button', { name: 'Save rules' }).click();
    await options
      .getByRole('alert')
      .getByText(/Line 2: write "tag: word, a phrase"/)
      .waitFor();
    await options.getByRole('textbox', { name: 'Keyword rules' }).fill('state space: state space model, SSM');
    await options.getByRole('button', { name: 'Save rules' }).click();
    await options.getByText('Saved 1 rule.').waitFor();

    // The open feed shows the suggestion without a reload, and says why.
    const accept = card(page, S4D).getByRole('button', {
      name: /^Add suggested tag state space \(matched .*state space model/,
    });
    await accept.waitFor();
    await accept.click();
    await card(page, S4D).getByRole('button', { name: 'Remove tag state space' }).waitFor();
    expect(
      await card(page, S4D)
        .getByRole('button', { name: /Add suggested tag/ })
        .count(),
    ).toBe(0);
    await expect.poll(async () => (await storedPaper(s, S4D))?.tags).toEqual(['state space']);

    await card(page, HIPPO).getByRole('button', { name: 'Dismiss suggested tag state space' }).click();
    await card(page, HIPPO)
      .getByRole('button', { name: /Add suggested tag/ })
      .waitFor({ state: 'detached' });
    await page.reload();
    await expect.poll(() => card(page, HIPPO).getAttribute('data-papershelf-read')).toBe('false');
    expect(
      await card(page, HIPPO)
        .getByRole('button', { name: /Add suggested tag/ })
        .count(),
    ).toBe(0);
    expect((await storedPaper(s, HIPPO))?.tags).toBeUndefined();
    await Promise.all([page.close(), options.close()]);
  });

  it('learns from the user’s tags: a third tagged paper makes other cards suggest the tag, with its words, across a worker stop', async () => {
    const page = await s.open(DEMO);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(57);
    const suggesting = () =>
      page
        .locator('[data-papershelf-id]')
        .filter({ has: page.getByRole('button', { name: /^Add suggested tag fine-tuning \(matched / }) });
    // Hand-tagged fine-tuning papers of the seed (test/fixtures/seed/topic-tags.tsv).
    const extension = await s.openExtensionPage('src/popup/index.html');
    const pageIds = await detectedIds(page);
    const tag = async (id: string) => {
      await card(page, id).getByRole('button', { name: 'Tags' }).click();
      await editorOf(card(page, id)).getByRole('combobox', { name: 'Add a tag' }).fill('fine-tuning');
      await editorOf(card(page, id)).getByRole('combobox', { name: 'Add a tag' }).press('Enter');
      await card(page, id).getByRole('button', { name: 'Remove tag fine-tuning' }).waitFor();
    };
    for (const id of ['2405.14739', '2208.09847']) {
      expect(await suggesting().count()).toBe(0);
      await tag(id);
      // Not yet, with one or two papers: once the worker has learnt from this one, neither the
      // cards nor its answer for every paper on the page suggest the tag.
      await expect.poll(() => extension.evaluate(learntMembers, 'fine-tuning')).toContain(id);
      const states = await extension.evaluate(askStates, pageIds);
      expect(states.filter((st) => st.suggestions.some((x) => x.tag === 'fine-tuning'))).toEqual([]);
      expect(await suggesting().count()).toBe(0);
    }
    await tag('2404.18466');
    await extension.close();
    await expect.poll(() => suggesting().count()).toBeGreaterThan(0);
    const ids = await suggesting().evaluateAll((els) => els.map((e) => e.getAttribute('data-papershelf-id')!));
    expect(ids).not.toContain('2405.14739');
    // One to accept and one to dismiss below.
    expect(ids.length).toBeGreaterThanOrEqual(2);

    await s.stopWorker();
    await page.reload();
    await expect
      .poll(() => suggesting().evaluateAll((els) => els.map((e) => e.getAttribute('data-papershelf-id')!)))
      .toEqual(ids);
    await card(page, ids[0]!)
      .getByRole('button', { name: /^Add suggested tag fine-tuning/ })
      .click();
    await card(page, ids[0]!).getByRole('button', { name: 'Remove tag fine-tuning' }).waitFor();
    await expect.poll(async () => (await storedPaper(s, ids[0]!))?.tags).toEqual(['fine-tuning']);
    await card(page, ids[1]!).getByRole('button', { name: 'Dismiss suggested tag fine-tuning' }).click();
    await expect.poll(async () => (await storedPaper(s, ids[1]!))?.dismissed).toEqual(['fine-tuning']);
    await page.close();
  });
});
