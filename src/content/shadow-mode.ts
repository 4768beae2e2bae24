/**
 * Our controls live in closed shadow roots: a page script cannot walk into them and read a card's
 * tags, its note mark or its suggestions (element.shadowRoot is null for it), nor restyle them. The
 * end-to-end build (`vite build --mode e2e`, dist/chrome-e2e) opens them so that Playwright and
 * Puppeteer, which reach only open roots, can drive the controls by role; the release build's
 * privacy is tested on dist/chrome itself (test/e2e/privacy.test.ts). Unit tests (mode "test")
 * read them too.
 */
const mode = import.meta.env.MODE;
export const SHADOW_MODE: ShadowRootMode = mode === 'test' || mode.endsWith('e2e') ? 'open' : 'closed';
