// The captures Papershelf is developed against, each served at the real address it was taken
// from, so the content script runs exactly as on the live site. Used by `npm start` (the offline
// demo) and by the end-to-end tests. Every other request from a page is answered locally or
// refused: nothing leaves the machine.
import { readFileSync } from 'node:fs';

const fixtures = new URL('../test/fixtures/', import.meta.url);

/** Real URL → capture file (relative to test/fixtures). */
export const CAPTURES = {
  'https://huggingface.co/papers/date/2025-08-05': 'demo/daily-papers-2025-08-05.html',
  'https://huggingface.co/papers?date=2024-08-01': 'huggingface/daily-papers-2024-08-01.html',
  'https://huggingface.co/papers/2509.24002': 'huggingface/paper-page-2509.24002-prettified.html',
  'https://arxiv.org/list/cs.RO/recent': 'arxiv/list-cs.RO-recent-2025-11-13.html',
  'https://arxiv.org/list/cs/new': 'arxiv/list-cs-new-2018-07-20-legacy.html',
  'https://arxiv.org/list/cs/2301?skip=0&show=3': 'arxiv/list-cs-2301-month-prettified.html',
  'https://arxiv.org/list/cs/9101': 'arxiv/list-empty-prettified.html',
  'https://arxiv.org/search/?query=distributed+systems&searchtype=abstract&size=200':
    'arxiv/search-distributed-systems-2025-12.html',
  'https://arxiv.org/abs/1706.03762': 'arxiv/abs-1706.03762.html',
  'https://arxiv.org/abs/1902.02534': 'arxiv/abs-1902.02534-head-only.html',
};

export const DEMO_FEED_URL = 'https://huggingface.co/papers/date/2025-08-05';

export function readCapture(file) {
  return readFileSync(new URL(file, fixtures), 'utf8');
}

/** Normalises a URL so that the same page matches whatever order its query parameters come in. */
function key(url) {
  const u = new URL(url);
  u.hash = '';
  u.searchParams.sort();
  return u.href;
}

const byKey = new Map(Object.entries(CAPTURES).map(([url, file]) => [key(url), file]));

/**
 * What the offline demo answers for one request: a capture or an `extra` page for a document at
 * its real address, a "not in the demo" page for any other document, and an empty answer for
 * everything else. Shared by the Chromium (Playwright) and Firefox (Puppeteer) harnesses.
 * @param {string} url
 * @param {boolean} isDocument
 * @param {Map<string, string>} extras  normalised URL → HTML (see `extraPages`)
 * @returns {{ status: number, contentType?: string, body: string }}
 */
export function offlineResponse(url, isDocument, extras) {
  if (!isDocument) return { status: 204, body: '' };
  const k = key(url);
  const html = extras.get(k) ?? (byKey.has(k) ? readCapture(byKey.get(k)) : undefined);
  if (html !== undefined) return { status: 200, contentType: 'text/html; charset=utf-8', body: html };
  return {
    status: 404,
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><title>Not in the offline demo</title><p>This page is not part of the offline demo.</p>',
  };
}

/** `extra` pages (URL → HTML) keyed as `offlineResponse` looks them up. */
export function extraPages(extra = {}) {
  return new Map(Object.entries(extra).map(([url, html]) => [key(url), html]));
}

/**
 * Serves the captures (and any `extra` pages: URL → HTML) in a Playwright browser context.
 * Sub-resources of the captures (scripts, styles, images of the live site) are answered empty,
 * so the pages render from their markup alone and no request reaches the network.
 */
export async function serveOffline(context, extra = {}) {
  const extras = extraPages(extra);
  await context.route(/^https?:\/\//, async (route) => {
    const request = route.request();
    return route.fulfill(offlineResponse(request.url(), request.resourceType() === 'document', extras));
  });
}
