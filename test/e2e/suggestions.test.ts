// Suggested tags from keyword rules: written on the options page, shown on the cards of a feed,
// accepted with one click and dismissed with another, for good.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, launch, storedPaper, type Session } from './harness';

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
    expect(await card(page, S4D).getByRole('button', { name: /Add suggested tag/ }).count()).toBe(0);

    const options = await s.openExtensionPage('src/options/index.html#suggestions');
    await options.getByRole('textbox', { name: 'Keyword rules' }).fill('state space: state space model, SSM\nbad line');
    await options.getByRole('button', { name: 'Save rules' }).click();
    await options.getByRole('alert').getByText(/Line 2: write "tag: word, a phrase"/).waitFor();
    await options.getByRole('textbox', { name: 'Keyword rules' }).fill('state space: state space model, SSM');
    await options.getByRole('button', { name: 'Save rules' }).click();
    await options.getByText('Saved 1 rule.').waitFor();

    // The open feed shows the suggestion without a reload, and says why.
    const accept = card(page, S4D).getByRole('button', { name: /^Add suggested tag state space \(matched .*state space model/ });
    await accept.waitFor();
    await accept.click();
    await card(page, S4D).getByRole('button', { name: 'Remove tag state space' }).waitFor();
    expect(await card(page, S4D).getByRole('button', { name: /Add suggested tag/ }).count()).toBe(0);
    await expect.poll(async () => (await storedPaper(s, S4D))?.tags).toEqual(['state space']);

    await card(page, HIPPO).getByRole('button', { name: 'Dismiss suggested tag state space' }).click();
    await card(page, HIPPO).getByRole('button', { name: /Add suggested tag/ }).waitFor({ state: 'detached' });
    await page.reload();
    await expect.poll(() => card(page, HIPPO).getAttribute('data-papershelf-read')).toBe('false');
    expect(await card(page, HIPPO).getByRole('button', { name: /Add suggested tag/ }).count()).toBe(0);
    expect((await storedPaper(s, HIPPO))?.tags).toBeUndefined();
    await Promise.all([page.close(), options.close()]);
  });

  it('learns from the user’s tags: a third tagged paper makes other cards suggest the tag, with its words, across a worker stop', async () => {
    const page = await s.open(DEMO);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBe(57);
    const suggesting = () => page.locator('[data-papershelf-id]').filter({ has: page.getByRole('button', { name: /^Add suggested tag fine-tuning \(matched / }) });
    // Hand-tagged fine-tuning papers of the seed (test/fixtures/seed/topic-tags.tsv).
    for (const [i, id] of ['2405.14739', '2208.09847', '2404.18466'].entries()) {
      expect(await suggesting().count()).toBe(0);
      await card(page, id).getByRole('button', { name: 'Tags' }).click();
      await card(page, id).getByRole('combobox', { name: 'Add a tag' }).fill('fine-tuning');
      await card(page, id).getByRole('combobox', { name: 'Add a tag' }).press('Enter');
      await card(page, id).getByRole('button', { name: 'Remove tag fine-tuning' }).waitFor();
      if (i < 2) await page.waitForTimeout(300);
    }
    await expect.poll(() => suggesting().count()).toBeGreaterThan(0);
    const ids = await suggesting().evaluateAll((els) => els.map((e) => e.getAttribute('data-papershelf-id')!));
    expect(ids).not.toContain('2405.14739');

    await s.stopWorker();
    await page.reload();
    await expect.poll(() => suggesting().evaluateAll((els) => els.map((e) => e.getAttribute('data-papershelf-id')!))).toEqual(ids);
    await card(page, ids[0]!).getByRole('button', { name: /^Add suggested tag fine-tuning/ }).click();
    await card(page, ids[0]!).getByRole('button', { name: 'Remove tag fine-tuning' }).waitFor();
    await expect.poll(async () => (await storedPaper(s, ids[0]!))?.tags).toEqual(['fine-tuning']);
    if (ids[1]) {
      await card(page, ids[1]).getByRole('button', { name: 'Dismiss suggested tag fine-tuning' }).click();
      await expect.poll(async () => (await storedPaper(s, ids[1]!))?.dismissed).toEqual(['fine-tuning']);
    }
    await page.close();
  });
});
