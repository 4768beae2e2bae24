/**
 * Every supported site. Adding a site is one adapter module, its captures, one line here and its
 * content-script entry (src/content/entries/, listed in manifest.json).
 */
import { arxiv } from './arxiv';
import { huggingFace } from './huggingface';
import { adapterAmong } from './select';
import type { SiteAdapter } from './types';

export const ADAPTERS: readonly SiteAdapter[] = [huggingFace, arxiv];

/** The manifest's content-script matches and host permissions; a test keeps manifest.json in step. */
export const MATCH_PATTERNS: string[] = ADAPTERS.flatMap((a) => a.matchPatterns);

export const adapterFor = (url: string | URL): SiteAdapter | undefined => adapterAmong(ADAPTERS, url);
