import type { Listing } from '../sites/types';
import type { Card } from './card';

/** The cards with controls on the page, by element and by paper (a paper may be listed twice). */
export class MountedCards {
  readonly #byElement = new Map<HTMLElement, Card>();
  readonly #byPaper = new Map<string, Set<Card>>();

  all(): Card[] {
    return [...this.#byElement.values()];
  }

  on(element: HTMLElement): Card | undefined {
    return this.#byElement.get(element);
  }

  of(paperId: string): ReadonlySet<Card> {
    return this.#byPaper.get(paperId) ?? new Set();
  }

  /** Papers with at least one card on the page. */
  paperIds(): string[] {
    return [...this.#byPaper].filter(([, cards]) => cards.size).map(([id]) => id);
  }

  add(card: Card): void {
    this.#byElement.set(card.element, card);
    let same = this.#byPaper.get(card.id);
    if (!same) this.#byPaper.set(card.id, (same = new Set()));
    same.add(card);
  }

  /** Takes the card's controls and marks off the page. */
  forget(card: Card): void {
    card.unmount();
    this.#byElement.delete(card.element);
    this.#byPaper.get(card.id)?.delete(card);
  }

  /**
   * Drops cards whose paper the page now lists on another element: an abstract page read while
   * still loading has no heading yet, so its paper sits on `body` until the heading arrives.
   */
  dropMoved(listings: Listing[]): void {
    const elements = new Set(listings.map((l) => l.element));
    const ids = new Set(listings.map((l) => l.paper.id));
    for (const card of this.all()) if (!elements.has(card.element) && ids.has(card.id)) this.forget(card);
  }

  /** Drops cards whose listing left the page (in-place navigation), so nothing leaks. */
  prune(): void {
    for (const card of this.all()) if (!card.element.isConnected) this.forget(card);
  }
}
