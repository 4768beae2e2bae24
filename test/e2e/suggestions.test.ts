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

    const options = await s.openExtensionPage('src/options/index.html');
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
});
