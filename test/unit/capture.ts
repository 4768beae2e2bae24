/** Loads a saved page capture into a happy-dom document, without running its scripts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

export function fixture(file: string): string {
  return readFileSync(join(import.meta.dirname, '../fixtures', file), 'utf8');
}

export function loadHtml(html: string, url: string): { document: Document; url: URL; window: Window } {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { document, url: new URL(url), window };
}

export function loadCapture(file: string, url: string) {
  return loadHtml(fixture(file), url);
}
