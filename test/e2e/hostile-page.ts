/**
 * A Daily Papers address the captures do not use, serving a page built to trip the extension: a
 * title that is markup, an ordinary paper, and a /papers/date/ link that is not a paper. The
 * Chromium and Firefox tests both serve it.
 */
export const HOSTILE = 'https://huggingface.co/papers?date=2099-01-01';
export const HOSTILE_HTML = `<!doctype html><html><body><main>
<article><h3><a href="/papers/2501.00001">&lt;img src=x onerror="window.pwned=1"&gt;</a></h3><p>hostile title</p></article>
<article><h3><a href="/papers/2501.00002">Ordinary paper</a></h3></article>
<article><h3><a href="/papers/date/2024-08-01">Not a paper</a></h3></article>
</main></body></html>`;
