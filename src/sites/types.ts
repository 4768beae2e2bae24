/** The contract between a site adapter (all knowledge of one site) and the site-agnostic core. */
import type { PaperSighting, SiteId } from '../shared/model';

export interface Listing {
  /** The element that shows the paper; it receives the `data-papershelf-*` attributes. */
  element: HTMLElement;
  /** Other elements of the same entry (arXiv's `dd` beside its `dt`), dimmed or hidden with it. */
  companions?: HTMLElement[];
  paper: PaperSighting;
  /**
   * Where the controls go, relative to an element of the listing. `inline`: they flow on that
   * element's own line (arXiv's `[pdf, html, other]` line) instead of taking a row of their own.
   */
  mount: { anchor: Element; where: InsertPosition; inline?: boolean };
  /** The page is this paper's own page: one control bar, never dimmed or hidden. */
  single?: boolean;
}

export interface SiteAdapter {
  id: SiteId;
  name: string;
  /** Manifest match patterns for the pages this adapter handles (content_scripts, host access). */
  matchPatterns: readonly string[];
  /** Whether this adapter handles the page at `url`; narrower than the match patterns. */
  matches(url: URL): boolean;
  /** Every paper listing in the document. Pure: reads the DOM, changes nothing. */
  parse(document: Document, url: URL): Listing[];
  /**
   * A CSS selector for the elements the controls will follow (`mount.where` "afterend") on this
   * page, when every listing's is known before the listings arrive: the core reserves the
   * controls' room under them from the first layout, so mounting them moves nothing. It must
   * match exactly the listings' anchors (any other match keeps an empty gap), and suits anchors in
   * block flow whose next sibling has no top margin (in a flex or grid parent with a gap, or
   * against a margin, the controls would still move the page by that much).
   */
  controlSlots?(url: URL): string | undefined;
}

/** Text of an element with runs of white space folded, as a reader sees it. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
