// The options page's library table in real Chromium: sort, filter, select, bulk-mark read (seen
// live in the open feed), tag, delete, and undo the delete.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, launch, storedPaper, type Session } from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';
const [TORA, FINE] = ['2407.21705', '2407.21475'];
// Say "video" in their abstracts only.
const [AVATAR, AUDIO_VISUAL] = ['2407.21686', '2407.21721'];

let s: Session;
let feed: Page;
beforeAll(async () => {
  s = await launch();
  feed = await s.open(FEED);
  await feed.waitForFunction(() => document.querySelectorAll('[data-papershelf-read]').length === 13);
});
afterAll(() => s?.close());

/** The titles in the table, top to bottom. */
const shownTitles = (options: Page) => options.locator('section.library tbody tr td:nth-child(2)').allTextContents();
const readAttr = (id: string) => card(feed, id).getAttribute('data-papershelf-read');

describe('library table', () => {
  it('sorts by title, filters, and acts on the selection; a delete is undone', async () => {
    const options = await s.openExtensionPage('src/options/index.html');
    const table = options.getByRole('table');
    await expect.poll(() => table.locator('caption').textContent()).toBe('Showing 13 of 13 papers');

    await options.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Title' });
    await expect
      .poll(() => shownTitles(options))
      .toEqual([
        'Berkeley Humanoid: A Research Platform for Learning-based Control',
        'Data Contamination Report from the 2024 CONDA Shared Task',
        'Expressive Whole-Body 3D Gaussian Avatar',
        'Fine-gained Zero-shot Video Sampling',
        'Improving 2D Feature Representations by 3D-Aware Fine-Tuning',
        'MoMa: Efficient Early-Fusion Pre-training with Mixture of Modality-Aware Experts',
        'NeRF-MAE: Masked AutoEncoders for Self-Supervised 3D Representation Learning for Neural Radiance Fields',
        'Open-Vocabulary Audio-Visual Semantic Segmentation',
        'ShieldGemma: Generative AI Content Moderation Based on Gemma',
        'TAROT: Task-Oriented Authorship Obfuscation Using Policy Optimization Methods',
        'The Llama 3 Herd of Models',
        'Tora: Trajectory-oriented Diffusion Transformer for Video Generation',
        'Towards Achieving Human Parity on End-to-end Simultaneous Speech Translation via LLM Agent',
      ]);
    expect(await table.getByRole('link', { name: 'The Llama 3 Herd of Models' }).getAttribute('href')).toBe(
      'https://arxiv.org/abs/2407.21783',
    );
    await options.getByRole('button', { name: 'Descending' }).click();
    await expect
      .poll(async () => (await shownTitles(options))[0])
      .toBe('Towards Achieving Human Parity on End-to-end Simultaneous Speech Translation via LLM Agent');
    await options.getByRole('button', { name: 'Descending' }).click();

    // Words match titles, authors and ids, by prefix, and the abstracts of papers the user did
    // something with: two papers say "video" only in their abstracts, found once saved.
    for (const id of [AVATAR, AUDIO_VISUAL])
      await card(feed, id).getByRole('button', { name: 'Save for later' }).click();
    await expect.poll(async () => (await storedPaper(s, AUDIO_VISUAL))?.savedAt).toBeDefined();
    await expect.poll(async () => (await storedPaper(s, AVATAR))?.savedAt).toBeDefined();
    await options.getByRole('searchbox', { name: 'Filter the library' }).fill('video');
    // The sort still applies.
    await expect
      .poll(() => shownTitles(options))
      .toEqual([
        'Expressive Whole-Body 3D Gaussian Avatar',
        'Fine-gained Zero-shot Video Sampling',
        'Open-Vocabulary Audio-Visual Semantic Segmentation',
        'Tora: Trajectory-oriented Diffusion Transformer for Video Generation',
      ]);
    expect(await table.locator('caption').textContent()).toBe('Showing 4 of 4 papers');

    // Select two rows and mark them read: the open feed follows at once, the others stay unread.
    await options.getByRole('checkbox', { name: 'Select Fine-gained Zero-shot Video Sampling' }).check();
    await options.getByRole('checkbox', { name: /^Select Tora:/ }).check();
    expect(await options.getByRole('checkbox', { name: 'Select all shown' }).isChecked()).toBe(false);
    await options.getByText('2 papers selected').waitFor();
    await options.getByRole('button', { name: 'Mark read', exact: true }).click();
    await options.getByText('Marked 2 papers read.').waitFor();
    await expect.poll(() => readAttr(TORA)).toBe('true');
    await expect.poll(() => readAttr(FINE)).toBe('true');
    expect(await readAttr('2407.21686')).toBe('false');
    expect(await readAttr('2407.21721')).toBe('false');
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Tora' }).locator('time').count()).toBe(2);

    await options.getByRole('textbox', { name: 'Tag for the selected papers' }).fill('video gen');
    await options.getByRole('button', { name: 'Tag', exact: true }).click();
    await options.getByText('Tagged 2 papers “video gen”.').waitFor();
    await expect.poll(async () => (await storedPaper(s, TORA))?.tags).toEqual(['video gen']);
    await expect
      .poll(() =>
        table
          .getByRole('row')
          .filter({ hasText: 'Tora' })
          .getByRole('cell', { name: 'video gen', exact: true })
          .count(),
      )
      .toBe(1);

    // A list made elsewhere (here straight through the worker) appears in the toolbar.
    await options.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: 'lists/create', name: 'Video club' }),
    );
    await expect
      .poll(() => options.getByRole('combobox', { name: 'List for the selected papers' }).textContent())
      .toBe('Video club');
    await options.getByRole('button', { name: 'Add to list' }).click();
    await options.getByText('Added 2 papers to “Video club”.').waitFor();

    // Delete: the rows and the records go, the feed's cards lose their marks.
    await options.getByRole('group', { name: 'Selected papers' }).getByRole('button', { name: 'Delete' }).click();
    await options.getByText('Deleted 2 papers.').waitFor();
    await expect
      .poll(() => shownTitles(options))
      .toEqual(['Expressive Whole-Body 3D Gaussian Avatar', 'Open-Vocabulary Audio-Visual Semantic Segmentation']);
    expect(await storedPaper(s, TORA)).toBeUndefined();
    expect(await storedPaper(s, FINE)).toBeUndefined();
    await expect.poll(() => readAttr(TORA)).toBe('false');

    // Undo puts them back as they were: rows, read date, tag, and the feed's marks.
    await options.getByRole('button', { name: 'Undo' }).click();
    await options.getByText('Restored 2 papers.').waitFor();
    await expect.poll(() => shownTitles(options)).toHaveLength(4);
    const tora = await storedPaper(s, TORA);
    expect(tora).toMatchObject({
      title: 'Tora: Trajectory-oriented Diffusion Transformer for Video Generation',
      tags: ['video gen'],
    });
    expect(typeof tora?.readAt).toBe('number');
    await expect.poll(() => readAttr(TORA)).toBe('true');
    await expect.poll(() => readAttr(FINE)).toBe('true');
    expect(await options.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    // Their places in the list came back too.
    await options.getByRole('searchbox', { name: 'Filter the library' }).fill('list:"Video club"');
    await expect
      .poll(() => shownTitles(options))
      .toEqual([
        'Fine-gained Zero-shot Video Sampling',
        'Tora: Trajectory-oriented Diffusion Transformer for Video Generation',
      ]);

    await options.close();
  });
});
