import { HOST_TAG } from './card';

/**
 * Room for the controls, reserved from the page's first layout, where the site adapter knows in
 * advance where controls will go. Controls inserted into a laid-out grid make each card taller,
 * so every card below moves and the browser lays out and repaints the whole page: on the
 * 1,000-card bench that cost 60–180 ms per frame whatever the slice, even for two bare buttons in
 * five cards (bench/room.mjs). Reserved room (padding under the anchor, taken back by the
 * controls' negative margin) makes an insertion move nothing, and the page does not jump under
 * the reader either.
 *
 * The room starts at one row of controls, what the five buttons take in a card of 300 px or wider
 * (a Daily Papers grid column at its narrowest), and is then set to what the first plain controls
 * measure (two rows in narrower cards); a single re-layout, early in the load. Once every
 * card has its controls the room no longer matters (padding and margin cancel), so it is not
 * measured again when the window is resized.
 */
const GAP = '0.5rem';
// A row: buttons 24px tall, the smallest target WCAG 2.2 accepts without spacing (controls.css).
const ONE_ROW = `calc(${GAP} + 24px)`;

export class ControlRoom {
  readonly #sheet: CSSStyleSheet | undefined;
  #anchors: string | undefined;
  #height = ONE_ROW;
  #measuring: ResizeObserver | undefined;
  #measured = false;

  constructor(document: Document) {
    try {
      this.#sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.#sheet];
    } catch {
      // Without constructable sheets the controls simply take their room when they arrive.
    }
  }

  /** Whether room is reserved on this page: inserting controls then moves nothing. */
  get reserving(): boolean {
    return this.#anchors !== undefined && this.#sheet !== undefined;
  }

  /** Reserves room under every element `anchors` matches (none when undefined). */
  reserve(anchors: string | undefined): void {
    if (anchors === this.#anchors) return;
    this.#anchors = anchors;
    this.#write();
  }

  /**
   * Sizes the room from the first controls mounted under reserved room that show only their
   * buttons: a paper's tag chips or an open editor would make every card's room too tall, and
   * controls that are hidden (a hidden read paper) or removed measure nothing, so the next do.
   */
  measure(host: HTMLElement, onlyButtons: () => boolean): void {
    const anchor = host.previousElementSibling;
    if (this.#measured || this.#measuring || !this.#anchors || !anchor?.matches(this.#anchors)) return;
    // After layout, before paint: a correction here is laid out in the same frame.
    this.#measuring = new ResizeObserver(([entry]) => {
      this.#measuring?.disconnect();
      this.#measuring = undefined;
      const height = entry?.borderBoxSize[0]?.blockSize;
      if (!height || !onlyButtons()) return;
      this.#measured = true;
      // Under a pixel is rounding, not worth restyling the page for.
      if (Math.abs(height - parseFloat(getComputedStyle(anchor).paddingBottom)) < 1) return;
      this.#height = `${height}px`;
      this.#write();
    });
    this.#measuring.observe(host);
  }

  #write(): void {
    const anchors = this.#anchors && `:is(${this.#anchors})`;
    const h = this.#height;
    this.#sheet?.replaceSync(
      anchors
        ? `${anchors}{padding-bottom:${h}!important}${anchors} + ${HOST_TAG}{margin-top:calc(-1 * ${h})!important;padding-top:${GAP}!important;contain-intrinsic-size:auto calc(${h} - ${GAP})!important}`
        : '',
    );
  }
}
