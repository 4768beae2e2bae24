/**
 * The site-agnostic core of the content script: finds listings through the site adapter, mounts
 * controls once per listing, keeps them in step with the worker, and follows in-page re-renders
 * and URL changes. It knows no site and never touches the database.
 */
import { ExtensionGone, type WorkerConnection } from '../messaging/client';
import {
  DEFAULT_SETTINGS,
  sameTag,
  type PaperSighting,
  type PaperState,
  type Settings,
  type SiteId,
} from '../shared/model';
import type { Push } from '../shared/protocol';
import type { Listing, SiteAdapter } from '../sites/types';
import { Card, HOST_TAG } from './card';
import { Changes } from './changes';
import { SLICE_MS, SLICE_MS_IN_RESERVED_ROOM, inChunks, nextTask } from './chunks';
import type { ControlActions, Toggle } from './controls';
import { KeyboardTriage } from './keyboard';
import { KnownStates } from './known-states';
import { MountedCards } from './mounted-cards';
import { report } from './report';
import type { ControlRoom } from './room';
import { PageMarks } from './styles';
import { showUndo } from './undo-toast';

export interface ShelfOptions {
  document: Document;
  /** Chooses the adapter for the current URL (the page may navigate in place). */
  adapterFor(url: string): SiteAdapter | undefined;
  worker: WorkerConnection;
  /**
   * Reserves the controls' room before cards arrive, on sites whose adapter names the slots
   * (controlSlots). Given by the site's entry, so a site that never reserves room does not carry
   * the code in its content script.
   */
  room?: (document: Document) => Room;
}

export type Room = Pick<ControlRoom, 'reserving' | 'reserve' | 'measure'>;

/** The attributes of the contract with pages and tests (Card.reassert). */
const MARKS = ['id', 'read', 'saved', 'single', 'part-read', 'part-saved'].map((n) => `data-papershelf-${n}`);
const isMark = (m: MutationRecord) => m.type === 'attributes' && MARKS.includes(m.attributeName ?? '');

const NO_ROOM: Room = { reserving: false, reserve() {}, measure() {} };

export class Shelf {
  readonly #doc: Document;
  readonly #options: ShelfOptions;
  /** The worker, through a guard that stops this shelf once the extension was updated under the page. */
  readonly #worker: WorkerConnection;
  readonly #cards = new MountedCards();
  readonly #known = new KnownStates((state) => {
    const pending = this.#changes.busy(state.id);
    for (const card of this.#cards.of(state.id)) card.confirm(state, pending);
  });
  readonly #changes: Changes;
  readonly #marks: PageMarks;
  readonly #room: Room;
  #observer?: MutationObserver;
  #scanQueued = false;
  #scanning: Promise<void> = Promise.resolve();
  #url = '';
  #keyboard: KeyboardTriage | undefined;
  #settings: Settings = DEFAULT_SETTINGS;
  #gone = false;

  constructor(options: ShelfOptions) {
    this.#options = options;
    this.#doc = options.document;
    this.#worker = {
      onPush: (listener) => options.worker.onPush(listener),
      request: (message) =>
        options.worker.request(message).catch((err: unknown) => {
          if (err instanceof ExtensionGone) this.#orphaned(err);
          throw err;
        }),
    };
    this.#changes = new Changes(this.#worker, this.#known, (id) => this.#cards.of(id));
    this.#marks = new PageMarks(this.#doc);
    this.#marks.apply(DEFAULT_SETTINGS.readDisplay[this.#siteId() ?? 'huggingface']);
    this.#room = options.room?.(this.#doc) ?? NO_ROOM;
    this.#reserveRoom();
  }

  /** Before the page's first layout, and again when it navigates in place. */
  #reserveRoom(): void {
    const href = this.#doc.location?.href ?? '';
    this.#room.reserve(href ? this.#options.adapterFor(href)?.controlSlots?.(new URL(href)) : undefined);
  }

  /**
   * Starts at document_start: wakes the worker (it may be cold) while the page parses, and does
   * nothing else until DOMContentLoaded, when it mounts controls on every card (first screen
   * first) and from then on follows every DOM change and URL change. Work during parsing delays
   * the page's own start (DOMContentLoaded, which the site's scripts wait for): observing the
   * whole document while the parser built it and mounting between its chunks cost the captures
   * +33 / +79 ms of main-thread time before it (bench/startup.mjs, docs/performance.md).
   */
  start(): Promise<void> {
    this.#worker.onPush((push) => this.#onPush(push));
    this.#keyboard = new KeyboardTriage(this.#doc, {
      cards: () => this.#ordered(),
      toggle: (card, which) => this.#actionsFor(card).toggle(which),
    });
    this.#worker
      .request({ type: 'settings/get' })
      .then((settings) => this.#applySettings(settings))
      .catch((err: unknown) => report('could not load settings', err));
    if (this.#doc.readyState !== 'loading') return this.#follow();
    return new Promise((resolve) => {
      let follow = () => {
        follow = () => {};
        resolve(this.#follow());
      };
      // After the site's own DOMContentLoaded listeners, which wait for no one: a window listener
      // added while the event is at the document hears it last, in the same task, so the first
      // frame after it already has the controls. A site that stops the event gets them a task later.
      this.#doc.addEventListener(
        'DOMContentLoaded',
        () => {
          this.#doc.defaultView?.addEventListener('DOMContentLoaded', () => follow(), { once: true });
          void nextTask().then(() => follow());
        },
        { once: true },
      );
    });
  }

  #follow(): Promise<void> {
    this.#observer = new MutationObserver((mutations) => {
      const marks = mutations.filter(isMark);
      if (marks.length) this.#reassert(marks);
      if (mutations.some((m) => !isMark(m) && !this.#isOwnMutation(m))) this.#queueScan();
    });
    // Links too: a framework may reuse a card for another paper by changing only its href. And
    // the contract attributes, which a page script may forge: they are put back at once.
    this.#observer.observe(this.#doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['href', ...MARKS],
    });
    this.#doc.defaultView?.addEventListener('popstate', () => this.#queueScan());
    return this.scan();
  }

  /** Cards whose contract attributes changed say again what they must; a part's change, every card. */
  #reassert(marks: MutationRecord[]): void {
    const cards = marks.map((m) => this.#cards.on(m.target as HTMLElement));
    for (const card of cards.includes(undefined) ? this.#cards.all() : new Set(cards)) card!.reassert();
  }

  stop(): void {
    this.#observer?.disconnect();
  }

  /**
   * The extension was updated or reloaded while the page stayed open: this copy of the script can
   * no longer store anything. It stops following the page and says so on every card, once; the
   * change that found out says it was not saved (#change).
   */
  #orphaned(gone: ExtensionGone): void {
    if (this.#gone) return;
    this.#gone = true;
    this.stop();
    if (this.#keyboard) this.#keyboard.enabled = false;
    for (const card of this.#cards.all()) card.update({ pending: false, error: gone.message });
  }

  /** The papers listed and shown on this page, in page order, each once. */
  pagePapers(): string[] {
    return [
      ...new Set(
        this.#ordered()
          .filter((c) => c.shown)
          .map((c) => c.id),
      ),
    ];
  }

  /** The mounted cards in page order. */
  #ordered(): Card[] {
    return this.cards.sort((a, b) =>
      a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
  }

  get cards(): Card[] {
    return this.#cards.all();
  }

  /**
   * Finds listings and mounts controls on the new ones; resolves once their stored state is shown.
   * Scans are serialised on mounting only: a scan never waits for an earlier one's states.
   */
  scan(): Promise<void> {
    const mounted = this.#scanning.then(() => this.#scanOnce());
    this.#scanning = mounted.then(
      () => undefined,
      (err: unknown) => report('scanning the page failed', err),
    );
    return mounted.then(
      (shown) => shown.states,
      () => undefined,
    );
  }

  /** Our own insertions need no rescan; anything else, the page removing our controls included, does. */
  #isOwnMutation(m: MutationRecord): boolean {
    return (
      m.type === 'childList' &&
      m.removedNodes.length === 0 &&
      [...m.addedNodes].every((n) => n.nodeName.toLowerCase() === HOST_TAG)
    );
  }

  #queueScan(): void {
    if (this.#scanQueued) return;
    this.#scanQueued = true;
    // A re-render is handled in the same task, before the browser paints it without controls.
    queueMicrotask(() => {
      this.#scanQueued = false;
      void this.scan();
    });
  }

  /** Mounts controls on new listings; `states` settles when their stored state is shown. */
  async #scanOnce(): Promise<{ states?: Promise<void> }> {
    const started = performance.now();
    const href = this.#doc.location?.href ?? '';
    const adapter = this.#options.adapterFor(href);
    if (href !== this.#url) {
      // In-page navigation may change site section; re-apply that site's display of read papers.
      this.#url = href;
      this.#applySettings(this.#settings);
      this.#reserveRoom();
    }
    this.#cards.prune();
    if (!adapter) return {};
    let listings: Listing[];
    try {
      listings = adapter.parse(this.#doc, new URL(href));
    } catch (err) {
      // A page the adapter does not understand stays as it is.
      report('could not read this page', err);
      return {};
    }
    this.#cards.dropMoved(listings);
    const fresh = listings.filter((l) => this.#needsMount(l));
    if (fresh.length === 0) return {};

    const unknown = fresh.filter((l) => !this.#known.get(l.paper.id));
    const statesArrive =
      unknown.length === 0
        ? undefined
        : this.#loadStates(
            href,
            unknown.map((l) => l.paper),
          );

    // Reading the page counts against the first slice: it ran in the same task.
    await inChunks(fresh, (listing) => this.#mount(listing), this.#sliceMs(), started);
    return { states: statesArrive };
  }

  /**
   * Reports papers to the worker and shows their stored state. A worker that does not answer
   * (still starting with a dozen tabs, or restarting) is asked again, later and later, so the
   * page never stays without its marks.
   */
  async #loadStates(href: string, papers: PaperSighting[], attempt = 0): Promise<void> {
    try {
      const { states, settings } = await this.#worker.request({
        type: 'listings/seen',
        pageUrl: href,
        papers,
      });
      this.#applySettings(settings);
      await this.#applyAnswer(states);
    } catch (err) {
      if (attempt >= 6 || err instanceof ExtensionGone) {
        report('could not load paper states', err);
        return;
      }
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
      const still = papers.filter((p) => !this.#known.get(p.id) && this.#cards.of(p.id).size);
      if (still.length) await this.#loadStates(href, still, attempt + 1);
    }
  }

  /**
   * Applies the worker's answer in page order and in slices, so the first screen shows its state
   * first and a thousand cards never block input.
   */
  #applyAnswer(states: PaperState[]): Promise<void> {
    return inChunks(states, (s) => this.#known.take(s), this.#sliceMs());
  }

  #sliceMs(): number {
    return this.#room.reserving ? SLICE_MS_IN_RESERVED_ROOM : SLICE_MS;
  }

  #needsMount(listing: Listing): boolean {
    const card = this.#cards.on(listing.element);
    if (card && card.id === listing.paper.id && card.mounted) return false;
    return true;
  }

  #mount(listing: Listing): void {
    // Re-check: an earlier chunk or a re-render may have handled it meanwhile.
    if (!listing.element.isConnected || !this.#needsMount(listing)) return;
    const old = this.#cards.on(listing.element);
    if (old) this.#cards.forget(old);
    // Controls left by an earlier copy of this script (an extension reload) are replaced, not doubled.
    for (const stray of listing.element.querySelectorAll(HOST_TAG)) stray.remove();
    const card = new Card(listing, (c) => this.#actionsFor(c), this.#known.get(listing.paper.id));
    this.#room.measure(card.host, () => card.onlyButtons());
    this.#cards.add(card);
  }

  #actionsFor(card: Card): ControlActions {
    return {
      toggle: (which: Toggle) => {
        const next = !card.view.shown[which];
        if (which === 'read' && next && this.#settings.readDisplay[this.#siteId()!] === 'hide') this.#hiding(card);
        void this.#changes.send(
          which,
          { [which]: next },
          which === 'read'
            ? { type: 'paper/setRead', id: card.id, read: next }
            : { type: 'paper/setSaved', id: card.id, saved: next },
        );
      },
      tag: (name: string, on: boolean) => {
        const others = card.view.shown.tags.filter((t) => !sameTag(t, name));
        // An accepted suggestion becomes a tag at once, not both until the worker answers.
        const suggestions = card.view.shown.suggestions.filter((s) => !on || !sameTag(s.tag, name));
        void this.#changes.send(
          `tag:${name.toLowerCase()}`,
          { tags: on ? [...others, name] : others, suggestions },
          { type: 'paper/tag', id: card.id, tag: name, on },
        );
      },
      dismiss: (name: string) =>
        void this.#changes.send(
          `dismiss:${name.toLowerCase()}`,
          { suggestions: card.view.shown.suggestions.filter((s) => s.tag !== name) },
          { type: 'paper/dismiss', id: card.id, tag: name },
        ),
      colorOf: (tag: string) => this.#settings.tagColors[tag.toLowerCase()],
    };
  }

  /**
   * Marking a paper read is about to take it off the page (Hidden mode): focus moves on to the
   * next paper rather than falling to the page's body, and the user gets a way back.
   */
  #hiding(card: Card): void {
    const cards = this.#ordered();
    const after = cards.slice(cards.indexOf(card) + 1).find((c) => c.shown);
    if (this.#doc.activeElement === card.host) after?.focus();
    showUndo(this.#doc, 'Read, so hidden.', () => this.#actionsFor(card).toggle('read'));
  }

  #applySettings(settings: Settings): void {
    const recolour = JSON.stringify(settings.tagColors) !== JSON.stringify(this.#settings.tagColors);
    this.#settings = settings;
    if (recolour) for (const card of this.#cards.all()) card.render();
    if (this.#keyboard) this.#keyboard.enabled = settings.keyboard;
    const site = this.#siteId();
    if (site) this.#marks.apply(settings.readDisplay[site]);
  }

  #siteId(): SiteId | undefined {
    return this.#options.adapterFor(this.#doc.location?.href ?? '')?.id;
  }

  #onPush(push: Push): void {
    if (push.type === 'states/changed') {
      for (const s of push.states) this.#known.take(s);
      return;
    }
    // Sent to the extension's own pages only.
    if (push.type === 'sync/status') return;
    const suggestionsChanged =
      push.type === 'suggestions/changed' ||
      JSON.stringify(push.settings.rules) !== JSON.stringify(this.#settings.rules);
    if (push.type === 'settings/changed') this.#applySettings(push.settings);
    // New keyword rules or retrained tag models change the suggestions of every paper here: ask again.
    if (suggestionsChanged) void this.#refreshStates();
  }

  /** The stored states of every paper on the page again; a paper changed meanwhile keeps its newer state. */
  async #refreshStates(): Promise<void> {
    const ids = this.#cards.paperIds();
    if (!ids.length) return;
    try {
      await this.#applyAnswer(await this.#worker.request({ type: 'states/get', ids }));
    } catch (err) {
      report('could not refresh suggestions', err);
    }
  }
}
