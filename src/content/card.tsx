/** One listing on the page with its mounted controls. */
import { render } from 'preact';
import type { PaperState } from '../shared/model';
import type { Listing } from '../sites/types';
import { Controls, type ControlActions, type OpenPanel } from './controls';
import { isEditable } from './keyboard';
import { SHADOW_MODE } from './shadow-mode';
import { styleShadowRoot } from './styles';

export const HOST_TAG = 'papershelf-controls';

export type Shown = Omit<PaperState, 'id'>;

export interface CardView {
  /** Known stored state; undefined until the worker has answered. */
  state?: PaperState;
  /** What the controls show, ahead of the worker while a change is on its way. */
  shown: Shown;
  pending: boolean;
  error?: string;
}

export const UNKNOWN: Shown = { read: false, saved: false, tags: [], note: '', suggestions: [] };

export class Card {
  readonly id: string;
  readonly element: HTMLElement;
  readonly companions: readonly HTMLElement[];
  readonly host: HTMLElement;
  readonly #root: ShadowRoot;
  readonly #actions: ControlActions;
  readonly #title: string;
  view: CardView = { shown: UNKNOWN, pending: false };
  readonly #single: boolean;
  /** A request from the keyboard to open an editor; `seq` makes a repeated request new. */
  #open: { panel: OpenPanel; seq: number } | undefined;

  /** `known`: the paper's stored state when the worker already told it, so the controls render once. */
  constructor(listing: Listing, actions: (card: Card) => ControlActions, known?: PaperState) {
    this.id = listing.paper.id;
    this.element = listing.element;
    this.companions = listing.companions ?? [];
    this.#actions = actions(this);
    this.#title = listing.paper.title || `arXiv ${this.id}`;
    const doc = listing.element.ownerDocument;
    this.host = doc.createElement(HOST_TAG);
    if (listing.mount.inline) this.host.setAttribute('inline', '');
    this.#root = this.host.attachShadow({ mode: SHADOW_MODE });
    styleShadowRoot(this.#root);
    // The page must not see our clicks (a card-wide handler would navigate) nor our typing
    // (its keyboard shortcuts would fire while a note is written).
    this.host.addEventListener('click', (e) => e.stopPropagation());
    for (const type of ['keydown', 'keyup', 'keypress', 'input']) {
      this.host.addEventListener(type, (e) => {
        if (isEditable(e.composedPath()[0])) e.stopPropagation();
      });
    }
    listing.mount.anchor.insertAdjacentElement(listing.mount.where, this.host);
    // A paper's own page is never dimmed or hidden: the marks apply to listings only.
    this.#single = listing.single === true;
    this.reassert();
    if (known) this.confirm(known);
    else this.render();
  }

  get mounted(): boolean {
    return this.host.isConnected && this.element.contains(this.host);
  }

  /** Whether the listing takes room on the page (not hidden as read, not in a collapsed section). */
  get shown(): boolean {
    return this.element.getClientRects().length > 0;
  }

  /**
   * Applies a state the worker confirmed; the data attributes only ever show stored state.
   * `pending`: changes made here are still on their way, so the controls keep showing them.
   */
  confirm(state: PaperState, pending = false): void {
    const { id: _id, ...shown } = state;
    this.view = pending ? { ...this.view, state } : { state, shown, pending: false };
    this.reassert();
    this.render();
  }

  /**
   * Puts the contract attributes (the paper's id and stored state, on the listing and its parts)
   * back to what they must say, when the page changed them; `clear` takes them all off. Writes
   * only what differs: the shelf calls this on every change to them, ours included, so an equal
   * value must end the round.
   */
  reassert(clear = false): void {
    const { state } = this.view;
    const set = (el: Element, name: string, value: unknown) => {
      const attr = `data-papershelf-${name}`;
      const want = clear || value === undefined ? null : String(value);
      if (el.getAttribute(attr) === want) return;
      if (want === null) el.removeAttribute(attr);
      else el.setAttribute(attr, want);
    };
    set(this.element, 'id', this.id);
    set(this.element, 'single', this.#single ? '' : undefined);
    set(this.element, 'read', state?.read);
    set(this.element, 'saved', state?.saved);
    for (const part of this.companions) {
      set(part, 'part-read', state?.read);
      set(part, 'part-saved', state?.saved);
    }
  }

  update(view: Partial<CardView>): void {
    this.view = { ...this.view, ...view };
    this.render();
  }

  /** Whether the controls show their buttons alone: no tag chips, message or open editor. */
  onlyButtons(): boolean {
    return !this.#root.querySelector('.chip, .err, .frame');
  }

  /** Moves keyboard focus to the card's first control (keyboard triage). */
  focus(): void {
    this.#root.querySelector('button')?.focus();
  }

  openPanel(panel: OpenPanel): void {
    this.#open = { panel, seq: (this.#open?.seq ?? 0) + 1 };
    this.render();
  }

  /** Takes the controls off, and the marks: the element may stay on the page showing another paper. */
  unmount(): void {
    render(null, this.#root);
    this.host.remove();
    this.reassert(true);
    this.element.removeAttribute('data-papershelf-focus');
  }

  render(): void {
    const { shown, pending, error } = this.view;
    render(
      <Controls
        paperId={this.id}
        title={this.#title}
        {...shown}
        pending={pending}
        {...(error ? { error } : {})}
        {...(this.#open ? { open: this.#open } : {})}
        actions={this.#actions}
      />,
      this.#root,
    );
  }
}
