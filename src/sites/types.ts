/** The contract between a site adapter (all knowledge of one site) and the site-agnostic core. */
import type { PaperSighting } from '../shared/model';

export interface Listing {
  /** The element that shows the paper; it receives the `data-papershelf-*` attributes. */
  element: HTMLElement;
  paper: PaperSighting;
  /** Where the controls go, relative to an element of the listing. */
  mount: { anchor: Element; where: InsertPosition };
}

export interface SiteAdapter {
  /** Stable key, used in settings. */
  id: string;
  name: string;
  /** Manifest match patterns for the pages this adapter handles (content_scripts, host access). */
  matchPatterns: readonly string[];
  /** Whether this adapter handles the page at `url`; narrower than the match patterns. */
  matches(url: URL): boolean;
  /** Every paper listing in the document. Pure: reads the DOM, changes nothing. */
  parse(document: Document, url: URL): Listing[];
}
