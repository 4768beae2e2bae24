// `npm run screenshots`: renders every surface of the built extension on the offline demo, in light
// and dark, into docs/screenshots/. The library is seeded through the real controls (clicks on the
// demo feed), so the pictures show what a user who has read, saved and tagged a few papers sees.
//   npm run screenshots                 build first, then shoot
//   node scripts/screenshots.mjs --out DIR   shoot the current dist/ into DIR
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { E2E_DIST, extensionWorker, launchWithExtension } from './browser.mjs';
import { DEMO_FEED_URL, serveOffline } from './offline-pages.mjs';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = resolve(import.meta.dirname, '..', outAt >= 0 ? args[outAt + 1] : 'docs/screenshots');
mkdirSync(out, { recursive: true });

const profile = mkdtempSync(join(tmpdir(), 'papershelf-shots-'));
// The end-to-end build: this script drives the controls by role, in open shadow roots.
const context = await launchWithExtension(profile, { viewport: { width: 1280, height: 800 }, dist: E2E_DIST });
try {
  await serveOffline(context);
  const extensionId = new URL((await extensionWorker(context)).url()).host;
  // The first-run page the extension opens on install.
  const isWelcome = (p) => p.url().endsWith('/src/welcome/index.html');
  const welcome =
    context.pages().find(isWelcome) ?? (await context.waitForEvent('page', { predicate: isWelcome, timeout: 30_000 }));
  const page = await context.newPage();

  // Seed: two read, two saved (one of them read), a tag and a note, through the real controls.
  await page.goto(DEMO_FEED_URL);
  const bar = (n) => page.locator('papershelf-controls').nth(n);
  await bar(12).waitFor();
  const click = async (n, name) => {
    const button = bar(n).getByRole('button', { name });
    await button.click();
    await button.and(page.locator('[aria-pressed="true"]')).waitFor({ timeout: 30_000 });
  };
  await click(1, /Mark read/);
  await click(4, /Mark read/);
  await click(2, /Save/);
  await click(4, /Save/);
  await bar(2).getByRole('button', { name: /Tags/ }).click();
  // The editors open in an extension frame under the card (src/editor/).
  const editor = bar(2).locator('iframe').contentFrame();
  const tagInput = editor.getByRole('combobox');
  for (const tag of ['agents', 'to-discuss']) {
    await tagInput.fill(tag);
    await tagInput.press('Enter');
  }
  await tagInput.press('Escape');
  await bar(2).getByRole('button', { name: /Note/ }).click();
  await editor.getByRole('textbox').fill('Compare with the planner in last week’s reading group.');
  await editor.getByRole('textbox').press('Escape');
  await bar(2).locator('.chip').nth(1).waitFor({ timeout: 30_000 });

  const shoot = async (target, name, scheme) => {
    await target.emulateMedia({ colorScheme: scheme });
    await target.screenshot({ path: join(out, `${name}-${scheme}.png`) });
    console.log(`wrote ${name}-${scheme}.png`);
  };

  for (const scheme of ['light', 'dark']) {
    await welcome.locator('h1').waitFor();
    await shoot(welcome, 'welcome', scheme);

    // The demo feed follows the site's own dark class, as Hugging Face does.
    await page.evaluate((dark) => document.documentElement.classList.toggle('dark', dark), scheme === 'dark');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'feed', scheme);

    const arxiv = await context.newPage();
    await arxiv.goto('https://arxiv.org/list/cs.RO/recent');
    await arxiv.locator('papershelf-controls').nth(5).waitFor();
    for (const [n, name] of /** @type {[number, string][]} */ ([
      [1, 'Save for later'],
      [2, 'Mark read'],
    ])) {
      const button = arxiv.locator('papershelf-controls').nth(n).getByRole('button', { name });
      if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
      await button.and(arxiv.locator('[aria-pressed="true"]')).waitFor({ timeout: 30_000 });
    }
    // The capture renders without arXiv's stylesheet (offline): show its entries, not its header.
    await arxiv
      .locator('dl#articles dt')
      .first()
      .evaluate((dt) => window.scrollTo(0, dt.getBoundingClientRect().top + window.scrollY - 16));
    await shoot(arxiv, 'arxiv-listing', scheme);
    await arxiv.close();

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
    await popup.locator('body').waitFor();
    await popup.waitForLoadState('networkidle').catch(() => {});
    await shoot(popup, 'popup', scheme);
    await popup.close();

    const options = await context.newPage();
    for (const section of ['library', 'import-export', 'settings']) {
      await options.goto(`chrome-extension://${extensionId}/src/options/index.html#${section}`);
      await options.locator('main h2').first().waitFor();
      await options.waitForLoadState('networkidle').catch(() => {});
      await shoot(options, `options-${section}`, scheme);
    }
    await options.close();
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
