// What the user writes and chooses stays out of the page's reach (issue 20), tested on the release
// build itself (dist/chrome: closed shadow roots, editors in an extension frame), driven as a
// keyboard user would, since nothing outside the extension can reach into a closed root.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, editorFrame, escapeEditor, launch, type Session, storedPaper } from './harness';

const FEED = 'https://huggingface.co/papers?date=2024-08-01';

let s: Session;
beforeAll(async () => {
  s = await launch({ release: true });
});
afterAll(() => s?.close());

interface Spy {
  walks: number;
  seen: string[];
  keys: string[];
}

/**
 * A page script that every 100 ms walks every element and every shadow root it can open, reading
 * text, field values and attributes, and logs every key and input event it can hear.
 */
function installSpy() {
  const spy: Spy = { walks: 0, seen: [], keys: [] };
  (window as unknown as { spy: Spy }).spy = spy;
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) spy.seen.push(el.getAttribute(attr) ?? '');
      if ('value' in el) spy.seen.push(String((el as HTMLInputElement).value));
      if (el.shadowRoot) {
        spy.seen.push(el.shadowRoot.textContent ?? '');
        walk(el.shadowRoot);
      }
    }
  };
  setInterval(() => {
    if (!document.body) return;
    spy.seen.push(document.body.innerText);
    walk(document);
    spy.seen = [[...new Set(spy.seen)].join('\n')];
    spy.walks++;
  }, 100);
  for (const type of ['keydown', 'keyup', 'input', 'beforeinput']) {
    addEventListener(type, (e) => spy.keys.push((e as KeyboardEvent).key ?? (e as InputEvent).data ?? ''), true);
  }
}

const spyOf = (page: Page) => page.evaluate(() => (window as unknown as { spy: Spy }).spy);

/** Waits until the spy has walked the page `n` more times. */
async function walksMore(page: Page, n: number) {
  const from = (await spyOf(page)).walks;
  await expect.poll(async () => (await spyOf(page)).walks).toBeGreaterThanOrEqual(from + n);
}

/** Types into the editor frame the keyboard opened, once its field has focus. */
async function typeInEditor(page: Page, field: string, text: string) {
  await expect
    .poll(() => editorFrame(page)?.evaluate(() => document.activeElement?.getAttribute('aria-label')))
    .toBe(field);
  await page.keyboard.type(text);
}

describe('privacy from the page', () => {
  it(
    'a page script walking every shadow root and field never sees a tag or a note, typed or stored',
    { timeout: 180_000 },
    async () => {
      const page = await s.context.newPage();
      await page.addInitScript(installSpy);
      await page.goto(FEED);
      await page.bringToFront();
      await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBeGreaterThan(10);
      expect(await page.evaluate(() => document.querySelector('papershelf-controls')?.shadowRoot ?? null)).toBeNull();

      await page.keyboard.press('j');
      const focused = page.locator('[data-papershelf-focus]');
      await focused.waitFor();
      const id = (await focused.getAttribute('data-papershelf-id'))!;

      await page.keyboard.press('t');
      await typeInEditor(page, 'Add a tag', 'zebratag');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await storedPaper(s, id))?.tags).toEqual(['zebratag']);
      await escapeEditor(page);
      // Esc gives focus back to the card's controls (the Tags button, in the closed root) first.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('PAPERSHELF-CONTROLS');
      await page.keyboard.press('n');
      await typeInEditor(page, 'Note', 'quokka secret plan');
      await expect.poll(async () => (await storedPaper(s, id))?.note).toBe('quokka secret plan');
      await walksMore(page, 3);
      await escapeEditor(page);

      // Shown on load: the card carries the tag and the note mark, in a root the page cannot open.
      await page.reload();
      await expect.poll(() => card(page, id).getAttribute('data-papershelf-read')).toBe('false');
      await walksMore(page, 5);

      const { seen, keys } = await spyOf(page);
      const everything = seen.join('\n');
      expect(everything).toContain('Daily Papers'); // the spy does read the page
      for (const secret of ['zebratag', 'quokka', 'has a note']) expect(everything).not.toContain(secret);
      const typed = keys.join('');
      for (const secret of ['zebratag', 'quokka']) expect(typed).not.toContain(secret);
      await page.close();
    },
  );
});

describe('page styles cannot turn a click elsewhere into a mark', () => {
  /** Where a card's controls are drawn, once scrolled to the top of the window. */
  async function controlsAtTop(page: Page, id: string) {
    const host = card(page, id).locator('papershelf-controls');
    await host.evaluate((h) => h.scrollIntoView({ block: 'start' }));
    return (await host.boundingBox())!;
  }

  /**
   * Styles the card so that its Read button, drawn far larger or see-through, is what a click at
   * (dx, dy) from the controls' top left reaches; checks that it is (the page sees our host there);
   * clicks; takes the style off again.
   */
  async function clickThrough(page: Page, id: string, css: string, dx: number, dy: number) {
    const host = await controlsAtTop(page, id);
    const box = (await card(page, id).boundingBox())!;
    const style = await page.addStyleTag({
      content: css.replaceAll('ORIGIN', `${host.x - box.x}px ${host.y - box.y}px`),
    });
    const [x, y] = [host.x + dx, host.y + dy];
    const reached = await page.evaluate(
      ([px, py, paper]) => document.elementFromPoint(px!, py!)?.closest(`[data-papershelf-id="${paper}"]`) !== null,
      [x, y, id] as const,
    );
    expect(reached).toBe(true);
    await page.mouse.click(x, y);
    await style.evaluate((el) => (el as Element).remove());
  }

  it('ignores a click on a control an ancestor enlarged, or made see-through, and takes an honest one', async () => {
    const page = await s.open(FEED);
    await expect.poll(() => page.locator('[data-papershelf-read]').count()).toBeGreaterThan(10);
    const [enlarged, faded, honest] = await page
      .locator('[data-papershelf-read]')
      .evaluateAll((cards) => cards.slice(0, 3).map((c) => c.getAttribute('data-papershelf-id')!));

    // The page may style its own elements, ours it cannot (the host's rules are important in our root).
    await page.addStyleTag({
      content: 'papershelf-controls { position: fixed !important; inset: 0 !important; zoom: 20 !important; }',
    });
    const host = await controlsAtTop(page, honest!);
    expect(host.height).toBeLessThan(60);

    // Well below where the button was drawn: only its enlarged copy is there.
    await clickThrough(
      page,
      enlarged!,
      `* { overflow: visible !important; contain: none !important; }
       [data-papershelf-id="${enlarged}"] { transform: scale(20); transform-origin: ORIGIN; z-index: 9; position: relative; }`,
      300,
      150,
    );
    await clickThrough(page, faded!, `[data-papershelf-id="${faded}"] { opacity: 0.02; }`, 10, 10);

    // An honest click after both is stored; the two before it, sent first if at all, were not.
    const target = await controlsAtTop(page, honest!);
    await page.mouse.click(target.x + 10, target.y + 10);
    await expect.poll(() => card(page, honest!).getAttribute('data-papershelf-read')).toBe('true');
    expect((await storedPaper(s, enlarged!))?.readAt).toBeUndefined();
    expect((await storedPaper(s, faded!))?.readAt).toBeUndefined();
    await page.close();
  });
});
