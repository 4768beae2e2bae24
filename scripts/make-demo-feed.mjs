// Builds the offline demo Daily Papers page from the seed feed (titles and abstracts of a real
// feed) and the arXiv ids looked up for it. The markup copies the structure the real site uses
// (article > h3 > a[href="/papers/<id>"], a DailyPapers island holding the JSON) so the adapter
// reads it exactly as it reads huggingface.co. Run: node scripts/make-demo-feed.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../test/fixtures/', import.meta.url);
const text = readFileSync(new URL('seed/daily-papers-feed.txt', root), 'utf8');
const ids = readFileSync(new URL('seed/daily-papers-ids.tsv', root), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split('\t'));

// The seed is the page's text: a header of six paragraphs, then title / abstract pairs.
const paragraphs = text
  .split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter(Boolean);
const body = paragraphs.slice(6);
const papers = [];
for (let i = 0; i + 1 < body.length; i += 2) {
  const title = body[i];
  const row = ids.find(([t]) => t === title);
  if (!row) throw new Error(`no arXiv id for seed title: ${title}`);
  papers.push({ id: row[1], title, summary: body[i + 1], authors: row[2] ? [{ name: row[2] }] : [], upvotes: 0 });
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const props = { date: '2025-08-05T00:00:00.000Z', dailyPapers: papers.map((paper) => ({ paper, title: paper.title })) };

const cards = papers
  .map(
    (
      p,
    ) => `<article class="card"><a href="/papers/${p.id}" class="thumb" aria-hidden="true" tabindex="-1">${esc(p.title.slice(0, 1))}</a>
<div class="body"><div class="w-full"><h3><a href="/papers/${p.id}">${esc(p.title)}</a></h3>
<div class="meta"><a href="/papers/${p.id}">${esc(p.authors.map((a) => a.name).join(', ') || 'Unknown authors')}</a></div></div></div></article>`,
  )
  .join('\n');

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Daily Papers - Hugging Face (Papershelf offline demo)</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  :root { color-scheme: light; }
  html.dark { color-scheme: dark; }
  body { margin: 0; font: 15px/1.4 system-ui, sans-serif; background: #fff; color: #111827; }
  html.dark body { background: #0b0f19; color: #e5e7eb; }
  header { display: flex; justify-content: space-between; align-items: center; padding: 16px 24px; border-bottom: 1px solid #e5e7eb; }
  html.dark header { border-color: #1f2937; }
  h1 { margin: 0; font-size: 22px; }
  .note { font-size: 13px; opacity: .7; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 16px; padding: 24px; }
  .card { border: 1px solid #e5e7eb; border-radius: 12px; overflow: hidden; display: flex; flex-direction: column; }
  html.dark .card { border-color: #1f2937; background: #111827; }
  .thumb { display: grid; place-items: center; height: 90px; font-size: 42px; font-weight: 700; text-decoration: none; color: #6366f1; background: linear-gradient(135deg, #eef2ff, #fdf2f8); }
  html.dark .thumb { background: linear-gradient(135deg, #1e1b4b, #3b0764); }
  .body { padding: 12px 16px 16px; }
  h3 { margin: 0 0 6px; font-size: 17px; }
  h3 a, .meta a { color: inherit; text-decoration: none; }
  h3 a:hover { text-decoration: underline; }
  .meta { font-size: 13px; opacity: .75; }
  button.theme { font: inherit; padding: 4px 10px; border-radius: 8px; border: 1px solid currentColor; background: none; color: inherit; cursor: pointer; }
</style>
</head>
<body>
<header>
  <div><h1>Daily Papers</h1><div class="note">Papershelf offline demo: ${papers.length} papers from a real Daily Papers feed (Aug 5), served at a huggingface.co address.</div></div>
  <button class="theme" type="button" onclick="document.documentElement.classList.toggle('dark')">Toggle dark mode</button>
</header>
<main>
<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${esc(JSON.stringify(props))}">
<section class="grid">
${cards}
</section>
</div>
</main>
</body>
</html>
`;
writeFileSync(new URL('demo/daily-papers-2025-08-05.html', root), html);
console.log(`wrote demo/daily-papers-2025-08-05.html with ${papers.length} papers`);
