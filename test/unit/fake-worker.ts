/** An in-memory stand-in for the background worker, behind the same interface the UI uses. */
import type { WorkerConnection } from '../../src/messaging/client';
import { DEFAULT_SETTINGS, sameTag, type PaperState, type Settings } from '../../src/shared/model';
import type { Push, Request } from '../../src/shared/protocol';

export class FakeWorker implements WorkerConnection {
  states = new Map<string, PaperState>();
  settings: Settings = structuredClone(DEFAULT_SETTINGS);
  requests: Request[] = [];
  #listeners = new Set<(p: Push) => void>();

  async request(message: Request): Promise<never> {
    this.requests.push(message);
    const state = (id: string): PaperState =>
      this.states.get(id) ?? { id, read: false, saved: false, tags: [], note: '', suggestions: [] };
    let reply: unknown;
    switch (message.type) {
      case 'listings/seen':
        reply = { states: message.papers.map((p) => state(p.id)), settings: this.settings };
        break;
      case 'paper/setRead':
        this.states.set(message.id, (reply = { ...state(message.id), read: message.read }) as PaperState);
        break;
      case 'paper/setSaved':
        this.states.set(message.id, (reply = { ...state(message.id), saved: message.saved }) as PaperState);
        break;
      case 'paper/tag': {
        const before = state(message.id);
        const others = before.tags.filter((t) => !sameTag(t, message.tag));
        const tags = message.on ? [...others, message.tag] : others;
        this.states.set(message.id, (reply = { ...before, tags }) as PaperState);
        break;
      }
      case 'states/get':
        reply = message.ids.map(state);
        break;
      case 'tags/list': {
        const counts = new Map<string, number>();
        for (const s of this.states.values()) for (const t of s.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
        reply = [...counts].map(([name, count]) => ({ name, count }));
        break;
      }
      case 'settings/get':
        reply = this.settings;
        break;
      case 'settings/set':
        reply = this.settings = {
          readDisplay: { ...this.settings.readDisplay, ...message.patch.readDisplay },
          keyboard: message.patch.keyboard ?? this.settings.keyboard,
          rules: message.patch.rules ?? this.settings.rules,
          tagColors: message.patch.tagColors ?? this.settings.tagColors,
          keepSeen: message.patch.keepSeen ?? this.settings.keepSeen,
        };
        break;
    }
    return reply as never;
  }

  onPush(listener: (p: Push) => void) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  push(p: Push) {
    for (const l of this.#listeners) l(p);
  }
}
