/**
 * Keyboard triage on listing pages: j / k move focus between papers (to the paper's first
 * control, so Tab, Enter and a screen reader follow), r and s toggle
 * read and saved, t, n and l open tags, note and lists, o opens the paper, ? shows the keys, Esc closes.
 * Keys typed in any text field or with a modifier are left to the page.
 */
import { arxivAbsUrl } from '../shared/ids';
import type { Card } from './card';
import { showHelp, type Help } from './help';

export interface TriageTarget {
  /** The cards on the page, in page order. */
  cards(): Card[];
  toggle(card: Card, which: 'read' | 'saved'): void;
}

const FOCUS_ATTR = 'data-papershelf-focus';

export function isEditable(node: EventTarget | null | undefined): boolean {
  const el = node as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable;
}

export class KeyboardTriage {
  enabled = true;
  #focused: Card | undefined;
  #help: Help | undefined;

  constructor(
    private readonly doc: Document,
    private readonly target: TriageTarget,
  ) {
    doc.addEventListener('keydown', (e) => this.#onKey(e));
  }

  #onKey(e: KeyboardEvent): void {
    if (!this.enabled || !e.isTrusted || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (isEditable(e.composedPath()[0])) return;
    if (e.key === 'Escape') {
      if (this.#help) this.#closeHelp();
      else this.#focus(undefined);
      return;
    }
    // While the keys dialog is open only ? (and Esc) act: the page behind it is inert.
    const act = this.#help && e.key !== '?' ? undefined : this.#actions[e.key];
    if (!act) return;
    e.preventDefault();
    e.stopPropagation();
    act();
  }

  readonly #actions: Record<string, () => void> = {
    j: () => this.#move(1),
    k: () => this.#move(-1),
    r: () => this.#withFocused((c) => this.target.toggle(c, 'read')),
    s: () => this.#withFocused((c) => this.target.toggle(c, 'saved')),
    t: () => this.#withFocused((c) => c.openPanel('tags')),
    n: () => this.#withFocused((c) => c.openPanel('note')),
    l: () => this.#withFocused((c) => c.openPanel('lists')),
    o: () => this.#withFocused((c) => window.open(arxivAbsUrl(c.id), '_blank', 'noopener')),
    '?': () => (this.#help ? this.#closeHelp() : (this.#help = showHelp(this.doc, () => (this.#help = undefined)))),
  };

  #closeHelp() {
    this.#help?.close();
    this.#help = undefined;
  }

  /** The card whose controls hold focus (the user may have tabbed there), else the one j / k chose. */
  #current(): Card | undefined {
    const active = this.doc.activeElement;
    return this.target.cards().find((c) => c.host === active) ?? this.#focused;
  }

  #withFocused(act: (card: Card) => void) {
    const card = this.#current();
    if (card?.mounted) act(card);
  }

  #move(step: 1 | -1) {
    const cards = this.target.cards().filter((c) => c.shown);
    if (cards.length === 0) return;
    const current = this.#current();
    const at = current ? cards.indexOf(current) : -1;
    const next = at === -1 ? (step === 1 ? 0 : cards.length - 1) : Math.min(cards.length - 1, Math.max(0, at + step));
    this.#focus(cards[next]);
  }

  #focus(card: Card | undefined) {
    this.#focused?.element.removeAttribute(FOCUS_ATTR);
    this.#focused = card;
    if (!card) return;
    card.element.setAttribute(FOCUS_ATTR, '');
    card.element.scrollIntoView({ block: 'nearest' });
    card.focus();
  }
}
