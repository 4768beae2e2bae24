// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_TAG } from '../../src/content/card';
import { ControlRoom } from '../../src/content/room';
import { Shelf } from '../../src/content/shelf';
import { adapterFor } from '../../src/sites/registry';
import { fixture } from './capture';
import { FakeWorker } from './fake-worker';

/**
 * Resolves once the shelf has run the scan that `change` (a page mutation) causes: the scan the
 * MutationObserver queues, awaited to its end, however slowly the machine runs.
 */
async function afterRescan(s: Shelf, change: () => void): Promise<void> {
  const scans = vi.spyOn(s, 'scan');
  try {
    change();
    await vi.waitFor(() => expect(scans).toHaveBeenCalled(), { timeout: 30_000 });
    await scans.mock.results.at(-1)!.value;
  } finally {
    scans.mockRestore();
  }
}

/** Every microtask queued so far has run (a timer task comes after all of them). */
const microtasksDone = () => new Promise((r) => setTimeout(r, 0));

function loadFeed() {
  document.documentElement.innerHTML = fixture('huggingface/daily-papers-2024-08-01.html')
    .replace(/^[\s\S]*?<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/i, '');
}

let worker: FakeWorker;
let shelf: Shelf;

beforeEach(async () => {
  shelf?.stop();
  loadFeed();
  worker = new FakeWorker();
  worker.states.set('2407.21783', { id: '2407.21783', read: true, saved: false, tags: [], note: '', suggestions: [] });
  shelf = new Shelf({ document, adapterFor, worker });
  await shelf.start();
});

const articles = () => [...document.querySelectorAll('article')].filter((a) => a.querySelector('h3 > a'));
const buttons = (el: Element) => [...el.querySelector(HOST_TAG)!.shadowRoot!.querySelectorAll('button')];

/** The page re-renders a card in place: a copy of its markup, without our controls. */
function rerender(card: HTMLElement): HTMLElement {
  const copy = card.cloneNode(true) as HTMLElement;
  copy.querySelector(HOST_TAG)?.remove();
  card.replaceWith(copy);
  return copy;
}

describe('Shelf on the Daily Papers capture', () => {
  it('puts one set of controls on every paper card and sets the contract attributes', () => {
    const cards = document.querySelectorAll('[data-papershelf-id]');
    expect(cards).toHaveLength(13);
    for (const card of cards) {
      expect(card.querySelectorAll(HOST_TAG)).toHaveLength(1);
      // Accessible names (a screen reader's) and the short words shown.
      expect(buttons(card).map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual([
        'Mark read',
        'Save for later',
        'Tags',
        'Note',
        'Lists',
      ]);
      expect(buttons(card).map((b) => b.textContent)).toEqual(['Read', 'Save', 'Tags', 'Note', 'Lists']);
      const title = card.querySelector('h3')!.textContent!.trim();
      expect(
        card.querySelector(HOST_TAG)!.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-label'),
      ).toBe(title);
    }
    const llama = document.querySelector('[data-papershelf-id="2407.21783"]')!;
    expect(llama.getAttribute('data-papershelf-read')).toBe('true');
    expect(llama.getAttribute('data-papershelf-saved')).toBe('false');
    expect(buttons(llama)[0]!.getAttribute('aria-pressed')).toBe('true');
  });

  it('reports every detected paper to the worker once', () => {
    const seen = worker.requests.filter((r) => r.type === 'listings/seen');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.type === 'listings/seen' && seen[0]!.papers.length).toBe(13);
  });

  it('never mounts twice, however often the page changes or rescans', async () => {
    await shelf.scan();
    await afterRescan(shelf, () => document.body.append(document.createElement('div')));
    for (const card of articles()) expect(card.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it("reserves the controls' room under feed card titles, and none once the page navigates in place to a paper page", async () => {
    shelf.stop();
    document.adoptedStyleSheets = [];
    const roomFor = () =>
      document.adoptedStyleSheets
        .flatMap((s) => [...s.cssRules] as CSSStyleRule[])
        .filter((r) => r.style.getPropertyValue('padding-bottom'));
    shelf = new Shelf({ document, adapterFor, worker, room: (doc) => new ControlRoom(doc) });
    await shelf.start();
    const [titles] = roomFor();
    expect(titles!.selectorText).toContain('article h3:has(> a[href^="/papers/"])');
    const feed = location.href;
    try {
      history.pushState(null, '', '/papers/2407.21783');
      await shelf.scan();
      expect(roomFor()).toEqual([]);
    } finally {
      history.pushState(null, '', feed);
    }
  });

  it('mounts controls on cards the page adds or re-renders in place', async () => {
    let copy!: HTMLElement;
    await afterRescan(shelf, () => (copy = rerender(articles()[1]!)));
    expect(copy.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(copy.getAttribute('data-papershelf-id')).toBe('2407.21705');
  });

  it('ignores clicks that a script made', async () => {
    const card = articles()[1]!;
    buttons(card)[1]!.click();
    await microtasksDone();
    expect(worker.requests.some((r) => r.type === 'paper/setSaved')).toBe(false);
    expect(card.getAttribute('data-papershelf-saved')).toBe('false');
  });

  it('follows pushed changes from other tabs', async () => {
    worker.push({
      type: 'states/changed',
      states: [{ id: '2407.21705', read: false, saved: true, tags: [], note: '', suggestions: [] }],
    });
    const card = document.querySelector('[data-papershelf-id="2407.21705"]')!;
    expect(card.getAttribute('data-papershelf-saved')).toBe('true');
    expect(buttons(card)[1]!.getAttribute('aria-pressed')).toBe('true');
  });

  it('gives a card whose link the page rewrote in place the new paper, without the old marks', async () => {
    const llama = document.querySelector<HTMLElement>('[data-papershelf-id="2407.21783"]')!;
    expect(llama.getAttribute('data-papershelf-read')).toBe('true');
    await afterRescan(shelf, () => {
      for (const a of llama.querySelectorAll('a[href="/papers/2407.21783"]'))
        a.setAttribute('href', '/papers/2407.00002');
    });
    expect(llama.getAttribute('data-papershelf-id')).toBe('2407.00002');
    expect(llama.getAttribute('data-papershelf-read')).toBe('false');
    expect(llama.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('puts the controls back when the page removes them', async () => {
    const card = articles()[2]!;
    await afterRescan(shelf, () => card.querySelector(HOST_TAG)!.remove());
    expect(card.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });
});

describe('Shelf ordering', () => {
  it('puts the contract attributes back when a page script changes them, and then writes nothing more', async () => {
    const read = document.querySelector<HTMLElement>('[data-papershelf-id="2407.21783"]')!;
    const other = document.querySelector<HTMLElement>('[data-papershelf-id="2407.21705"]')!;
    await vi.waitFor(() => expect(read.getAttribute('data-papershelf-read')).toBe('true'));
    read.setAttribute('data-papershelf-read', 'false');
    read.removeAttribute('data-papershelf-id');
    other.setAttribute('data-papershelf-saved', 'true');
    other.setAttribute('data-papershelf-id', '1706.03762');
    other.setAttribute('data-papershelf-single', '');
    await vi.waitFor(() => {
      expect(read.getAttribute('data-papershelf-read')).toBe('true');
      expect(read.getAttribute('data-papershelf-id')).toBe('2407.21783');
      expect(other.getAttribute('data-papershelf-saved')).toBe('false');
      expect(other.getAttribute('data-papershelf-id')).toBe('2407.21705');
      expect(other.hasAttribute('data-papershelf-single')).toBe(false);
    });
    // No round of writes answering our own: once put back, the attributes stay still.
    await microtasksDone();
    const writes: MutationRecord[] = [];
    const watch = new MutationObserver((m) => writes.push(...m));
    watch.observe(document.documentElement, { attributes: true, subtree: true });
    await microtasksDone();
    watch.disconnect();
    expect(writes).toEqual([]);
  });

  it('keeps a change that arrives while the page-load answer is still on its way', async () => {
    shelf?.stop();
    loadFeed();
    const slow = new FakeWorker();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const request = slow.request.bind(slow);
    slow.request = (async (message: Parameters<typeof request>[0]) => {
      const reply = await request(message);
      if (message.type === 'listings/seen') await gate;
      return reply;
    }) as typeof slow.request;
    shelf = new Shelf({ document, adapterFor, worker: slow });
    const started = shelf.start();
    await vi.waitFor(() => expect(slow.requests.some((r) => r.type === 'listings/seen')).toBe(true), {
      timeout: 30_000,
    });
    // Another tab marks a paper read before this page's first answer arrives: the worker read that
    // state after it read the answer's (the answer was read when the request was handled, above).
    slow.push({
      type: 'states/changed',
      states: [
        {
          id: '2407.21705',
          read: true,
          saved: false,
          tags: [],
          note: '',
          suggestions: [],
          asOf: (Date.now() + 1) * 1000,
        },
      ],
    });
    release();
    await started;
    await microtasksDone();
    expect(document.querySelector('[data-papershelf-id="2407.21705"]')!.getAttribute('data-papershelf-read')).toBe(
      'true',
    );
  });
});

describe('Shelf with a worker that has not answered yet', () => {
  it('still mounts controls on cards the page adds while the worker is busy', async () => {
    shelf?.stop();
    loadFeed();
    const silent = new FakeWorker();
    const request = silent.request.bind(silent);
    silent.request = ((message: Parameters<typeof request>[0]) =>
      message.type === 'listings/seen' ? new Promise(() => {}) : request(message)) as typeof silent.request;
    shelf = new Shelf({ document, adapterFor, worker: silent });
    void shelf.start();
    await vi.waitFor(() => expect(document.querySelectorAll(`[data-papershelf-id] ${HOST_TAG}`)).toHaveLength(13), {
      timeout: 30_000,
    });
    // The page re-renders a card while the first answer is still awaited.
    // (The scan's own promise waits for states that never come: wait for the controls instead.)
    const copy = rerender(articles()[3]!);
    await vi.waitFor(() => expect(copy.querySelectorAll(HOST_TAG)).toHaveLength(1), { timeout: 30_000 });
    expect(copy.hasAttribute('data-papershelf-read')).toBe(false);
  });
});

describe('Shelf with a worker that is slow to start', () => {
  it('asks again until the worker answers, and then shows the stored state', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      shelf?.stop();
      loadFeed();
      const late = new FakeWorker();
      late.states.set('2407.21783', {
        id: '2407.21783',
        read: true,
        saved: false,
        tags: [],
        note: '',
        suggestions: [],
      });
      let asks = 0;
      const request = late.request.bind(late);
      late.request = (async (message: Parameters<typeof request>[0]) => {
        if (message.type === 'listings/seen' && ++asks <= 2)
          throw new Error('Could not establish connection. Receiving end does not exist.');
        return request(message);
      }) as typeof late.request;
      shelf = new Shelf({ document, adapterFor, worker: late });
      const started = shelf.start();
      await vi.advanceTimersByTimeAsync(5_000);
      await started;
      expect(document.querySelector('[data-papershelf-id="2407.21783"]')!.getAttribute('data-papershelf-read')).toBe(
        'true',
      );
      expect(asks).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('Shelf while the page is still parsing', () => {
  it("mounts nothing and asks for no paper until DOMContentLoaded, then mounts every card after the site's own listeners", async () => {
    shelf.stop();
    loadFeed();
    // The state at document_start: the parser has not finished the document.
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    const parsing = new FakeWorker();
    const early = new Shelf({ document, adapterFor, worker: parsing });
    const started = early.start();
    // A site script listening for DOMContentLoaded, added after the content script's listener.
    const seenBySite: number[] = [];
    const count = () => seenBySite.push(document.querySelectorAll(HOST_TAG).length);
    document.addEventListener('DOMContentLoaded', count);
    window.addEventListener('DOMContentLoaded', count);
    document.body.append(document.createElement('div'));
    await microtasksDone();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(0);
    expect(parsing.requests.map((r) => r.type)).toEqual(['settings/get']);

    delete (document as { readyState?: unknown }).readyState;
    document.dispatchEvent(new Event('DOMContentLoaded', { bubbles: true }));
    await started;
    expect(seenBySite).toEqual([0, 0]);
    expect(document.querySelectorAll(`[data-papershelf-id] ${HOST_TAG}`)).toHaveLength(13);
    expect(parsing.requests.filter((r) => r.type === 'listings/seen')).toHaveLength(1);
    early.stop();
  });
});
