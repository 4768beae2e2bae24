// `npm run bench`: every benchmark, medians of BENCH_RUNS runs (default 7) on this machine.
// Figures, not assertions: the README and closing notes quote them.
import { contentScriptSize } from './bundle.mjs';
import { benchArxiv } from './arxiv.mjs';
import { benchFeed } from './feed.mjs';
import { benchInteraction } from './interaction.mjs';
import { benchPopup } from './popup.mjs';
import { benchExportImport } from './export-import.mjs';
import { benchAnnotate } from './annotate.mjs';
import { benchSuggest } from './suggest.mjs';

const size = contentScriptSize();
console.log(`content script: ${size.files.join(', ')}: ${(size.raw / 1024).toFixed(1)} kB raw, ${(size.gzipTogether / 1024).toFixed(1)} kB gzipped (target < 15 kB)`);
await benchFeed();
await benchArxiv();
await benchInteraction();
await benchPopup();
await benchExportImport();
await benchAnnotate();
await benchSuggest();
