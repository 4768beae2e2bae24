/** One listing on the page with its mounted controls. */
import { render } from 'preact';
import type { PaperState } from '../shared/model';
import type { Listing } from '../sites/types';
import { Controls, type ControlActions, type OpenPanel } from './controls';
import { isEditable } from './keyboard';
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
    this.#root = this.host.attachShadow({ mode: 'open' });
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
    this.element.setAttribute('data-papershelf-id', this.id);
    // A paper's own page is never dimmed or hidden: the marks apply to listings only.
    if (listing.single) this.element.setAttribute('data-papershelf-single', '');
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

  /** Applies a state the worker confirmed; the data attributes only ever show stored state. */
  confirm(state: PaperState): void {
    const { id: _id, ...shown } = state;
    this.view = { state, shown, pending: false };
    this.element.setAttribute('data-papershelf-read', String(state.read));
    this.element.setAttribute('data-papershelf-saved', String(state.saved));
    for (const part of this.companions) {
      part.setAttribute('data-papershelf-part-read', String(state.read));
      part.setAttribute('data-papershelf-part-saved', String(state.saved));
    }
    this.render();
  }

  update(view: Partial<CardView>): void {
    this.view = { ...this.view, ...view };
    this.render();
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
    for (const attr of [
      'data-papershelf-id',
      'data-papershelf-read',
      'data-papershelf-saved',
      'data-papershelf-single',
      'data-papershelf-focus',
    ]) {
      this.element.removeAttribute(attr);
    }
    for (const part of this.companions) {
      part.removeAttribute('data-papershelf-part-read');
      part.removeAttribute('data-papershelf-part-saved');
    }
  }

  render(): void {
    const { shown, pending, error } = this.view;
    render(
      <Controls
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
