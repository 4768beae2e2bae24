import type { ReadDisplay } from '../shared/model';
// Minified into the bundle by Vite (?inline): the content script has a 15 kB budget.
import controlsCss from './controls.css?inline';
import readDimCss from './marks/read-dim.css?inline';
import readHideCss from './marks/read-hide.css?inline';
import savedCss from './marks/saved.css?inline';

/**
 * Styles for the controls and for the listings they mark. Both are constructed stylesheets shared
 * by every shadow root and adopted by the document, so a page with 1,000 cards parses CSS once and
 * the page's markup is not touched.
 */

// Colours derive from the page's own text colour (currentColor), so the controls follow a light
// or dark theme, and a theme switch, without knowing how the site implements it. Off-screen
// controls skip style and layout (content-visibility: auto on :host) until they near the
// viewport: a thousand-card feed pays for the screenful it shows; they stay in the DOM and in the
// accessibility tree.
const CONTROLS_CSS = controlsCss;

// Marks on the page's listings, per display of read papers (src/content/marks/).
const READ_CSS: Record<ReadDisplay, string> = { dim: readDimCss, hide: readHideCss, show: '' };

function sheet(css: string): CSSStyleSheet {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

let controlsSheet: CSSStyleSheet | undefined;

/** Gives a shadow root the controls' styles, sharing one parsed sheet between all roots. */
export function styleShadowRoot(root: ShadowRoot): void {
  try {
    controlsSheet ??= sheet(CONTROLS_CSS);
    root.adoptedStyleSheets = [controlsSheet];
  } catch {
    // Browsers that refuse adoption from an extension world get a <style> of their own.
    const style = document.createElement('style');
    style.textContent = CONTROLS_CSS;
    root.append(style);
  }
}

/** Page-level marks: saved listings always; read listings dimmed, hidden or left as they are. */
export class PageMarks {
  readonly #sheet: CSSStyleSheet | HTMLStyleElement;
  #css: string | undefined;

  constructor(document: Document) {
    try {
      const s = sheet('');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
      this.#sheet = s;
    } catch {
      const style = document.createElement('style');
      style.dataset.papershelf = 'marks';
      (document.head ?? document.documentElement).append(style);
      this.#sheet = style;
    }
  }

  apply(readDisplay: ReadDisplay): void {
    const css = READ_CSS[readDisplay] + savedCss;
    // Replacing a document-wide sheet restyles the whole page: only when the rules change.
    if (css === this.#css) return;
    this.#css = css;
    if (this.#sheet instanceof CSSStyleSheet) this.#sheet.replaceSync(css);
    else this.#sheet.textContent = css;
  }
}
