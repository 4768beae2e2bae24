/** Every supported site. Adding a site is one adapter module, its captures and one line here. */
import { arxiv } from './arxiv';
import { huggingFace } from './huggingface';
import type { SiteAdapter } from './types';

export const ADAPTERS: readonly SiteAdapter[] = [huggingFace, arxiv];

/** The manifest's content-script matches and host permissions; a test keeps manifest.json in step. */
export const MATCH_PATTERNS: string[] = ADAPTERS.flatMap((a) => a.matchPatterns);

export function adapterFor(url: string | URL): SiteAdapter | undefined {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  return ADAPTERS.find((a) => a.matches(parsed));
}
