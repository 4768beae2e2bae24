/** A worker handler context for tests: a fresh database, a ticking clock, and a notifier that records every push. */
import type { HandlerContext } from '../../src/background/handlers';
import type { PaperState, Settings } from '../../src/shared/model';
import { freshDb } from './db';

export function workerContext(overrides: Partial<HandlerContext> = {}) {
  const pushed = { states: [] as PaperState[][], settings: [] as Settings[] };
  let clock = 1000;
  const ctx: HandlerContext = {
    db: freshDb(),
    now: () => clock++,
    notify: {
      statesChanged: async (s) => void pushed.states.push(s),
      settingsChanged: (s) => pushed.settings.push(s),
      suggestionsChanged: () => undefined,
    },
    senderUrl: 'https://huggingface.co/papers',
    ...overrides,
  };
  return { ctx, pushed };
}
