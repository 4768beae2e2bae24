import type { ReadDisplay } from '../shared/model';

/**
 * Styles for the controls and for the listings they mark. Both are constructed stylesheets shared
 * by every shadow root and adopted by the document, so a page with 1,000 cards parses CSS once and
 * the page's markup is not touched.
 */

// Colours derive from the page's own text colour (currentColor), so the controls follow a light
// or dark theme, and a theme switch, without knowing how the site implements it.
const CONTROLS_CSS = `
:host { all: initial; display: block; margin-top: 0.5rem; font: 13px/1.2 system-ui, sans-serif; color: inherit;
  /* Off-screen controls skip style and layout until they near the viewport: a thousand-card feed
     pays for the screenful it shows. They stay in the DOM and in the accessibility tree. */
  content-visibility: auto; contain-intrinsic-size: auto 1.8rem; }
.bar { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.toggle {
  font: inherit; color: inherit; cursor: pointer; display: inline-flex; gap: 0.3rem; align-items: center;
  padding: 0.25rem 0.6rem; border-radius: 999px;
  border: 1px solid color-mix(in srgb, currentColor 35%, transparent);
  background: transparent;
}
.toggle:hover { background: color-mix(in srgb, currentColor 8%, transparent); }
.toggle:focus-visible { outline: 2px solid #6366f1; outline-offset: 1px; }
.toggle[aria-pressed="true"] { background: color-mix(in srgb, #6366f1 22%, transparent); border-color: #6366f1; }
.saved[aria-pressed="true"] { background: color-mix(in srgb, #f59e0b 25%, transparent); border-color: #f59e0b; }
.read::before { content: '○'; width: 1em; text-align: center; }
.read[aria-pressed="true"]::before { content: '✓'; }
.saved::before { content: '☆'; width: 1em; text-align: center; }
.saved[aria-pressed="true"]::before { content: '★'; }
.error { color: #dc2626; }
.toggle[aria-expanded="true"] { border-color: #6366f1; }
.dot { display: inline-block; width: 6px; height: 6px; border-radius: 50%; background: #6366f1; margin-left: 4px; vertical-align: middle; }
.chip { display: inline-flex; align-items: center; gap: 2px; padding: 0.1rem 0.2rem 0.1rem 0.5rem; border-radius: 999px;
  background: color-mix(in srgb, #10b981 18%, transparent); border: 1px solid color-mix(in srgb, #10b981 45%, transparent); }
.suggestion { background: transparent; border-style: dashed; border-color: color-mix(in srgb, #6366f1 60%, transparent); }
.chip-accept { font: inherit; color: inherit; background: none; border: 0; cursor: pointer; padding: 0; }
.chip-remove { font: inherit; color: inherit; background: none; border: 0; cursor: pointer; padding: 0 0.3rem; border-radius: 999px; }
.chip-remove:hover { background: color-mix(in srgb, currentColor 12%, transparent); }
.editor { margin-top: 0.4rem; position: relative; }
.editor input, .editor textarea { font: inherit; color: inherit; width: 100%; box-sizing: border-box; padding: 0.3rem 0.5rem;
  border-radius: 6px; border: 1px solid color-mix(in srgb, currentColor 35%, transparent); background: transparent; }
.editor textarea { resize: vertical; min-height: 4.5em; }
.editor [role="listbox"] { list-style: none; margin: 2px 0 0; padding: 2px; border-radius: 6px; border: 1px solid color-mix(in srgb, currentColor 25%, transparent); }
.editor [role="option"] { padding: 0.2rem 0.5rem; border-radius: 4px; cursor: pointer; }
.editor [role="option"][aria-selected="true"] { background: color-mix(in srgb, #6366f1 22%, transparent); }
.help { position: fixed; z-index: 2147483647; right: 16px; bottom: 16px; max-width: 22rem; padding: 12px 16px; border-radius: 10px;
  background: #111827; color: #f9fafb; box-shadow: 0 10px 30px rgba(0,0,0,.35); font: 13px/1.4 system-ui, sans-serif; }
.help h2 { font-size: 14px; margin: 0 0 6px; }
.help dl { margin: 0; display: grid; gap: 2px; }
.help dl div { display: flex; gap: 8px; }
.help dt { min-width: 4.5rem; }
.help dd { margin: 0; }
.help kbd { font: 12px ui-monospace, monospace; padding: 0 4px; border-radius: 4px; border: 1px solid #4b5563; }
.help button { font: inherit; color: inherit; background: #374151; border: 0; border-radius: 6px; padding: 3px 10px; cursor: pointer; }
`;

// Listings only: a paper's own page (data-papershelf-single) is never dimmed or hidden.
const READ = ':is([data-papershelf-read="true"]:not([data-papershelf-single]), [data-papershelf-part-read="true"])';
const SAVED = ':is([data-papershelf-saved="true"]:not([data-papershelf-single]), [data-papershelf-part-saved="true"])';

const READ_CSS: Record<ReadDisplay, string> = {
  dim: `${READ} { opacity: 0.5; transition: opacity 120ms; } ${READ}:hover, ${READ}:focus-within { opacity: 1; }`,
  hide: `${READ} { display: none !important; }`,
  show: '',
};

const SAVED_MARK_CSS = `${SAVED} { box-shadow: inset 4px 0 0 #f59e0b; }
[data-papershelf-focus] { outline: 2px solid #6366f1 !important; outline-offset: 2px; scroll-margin: 80px; }`;

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

  constructor(private readonly document: Document) {
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
    const css = `${SAVED_MARK_CSS}\n${READ_CSS[readDisplay]}`;
    // Replacing a document-wide sheet restyles the whole page: only when the rules change.
    if (css === this.#css) return;
    this.#css = css;
    if (this.#sheet instanceof CSSStyleSheet) this.#sheet.replaceSync(css);
    else this.#sheet.textContent = css;
  }
}
