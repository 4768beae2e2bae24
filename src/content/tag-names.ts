import type { WorkerConnection } from '../messaging/client';
import { report } from './report';

/**
 * Every tag name in the library, for the tag editor's autocomplete: asked of the worker once, when
 * an editor first needs them, and kept up to date with the tags given on this page since.
 */
export class TagNames {
  readonly #names = new Set<string>();
  #loaded = false;

  constructor(private readonly worker: WorkerConnection) {}

  add(name: string): void {
    this.#names.add(name);
  }

  async sorted(): Promise<string[]> {
    if (!this.#loaded) {
      this.#loaded = true;
      try {
        for (const t of await this.worker.request({ type: 'tags/list' })) this.#names.add(t.name);
      } catch (err) {
        this.#loaded = false;
        report('could not load tags', err);
      }
    }
    return [...this.#names].sort((a, b) => a.localeCompare(b));
  }
}
