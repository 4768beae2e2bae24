// `npm run bench`: every benchmark, medians of BENCH_RUNS runs (default 7) on this machine.
// Figures, not assertions: docs/performance.md and closing notes quote them.
import { reportContentScripts } from './bundle.mjs';
import { benchArxiv } from './arxiv.mjs';
import { benchFeed } from './feed.mjs';
import { benchStartup } from './startup.mjs';
import { benchInput } from './input.mjs';
import { benchRoom } from './room.mjs';
import { benchInteraction } from './interaction.mjs';
import { benchPopup } from './popup.mjs';
import { benchExportImport } from './export-import.mjs';
import { benchAnnotate } from './annotate.mjs';
import { benchSuggest } from './suggest.mjs';

reportContentScripts();
await benchStartup();
await benchFeed();
await benchRoom();
await benchInput();
await benchArxiv();
await benchInteraction();
await benchPopup();
await benchExportImport();
await benchAnnotate();
await benchSuggest();
