/**
 * How pages talk to the worker. UI code depends on the WorkerConnection interface, not on the
 * browser API, so it can be tested with a fake (the Dark Reader pattern).
 */
import type { Runtime } from 'webextension-polyfill';
import {
  PAGE_PAPERS,
  parsePush,
  type Push,
  type Reply,
  type RequestOf,
  type RequestType,
  type ResponseMap,
} from '../shared/protocol';
import { isStampedWrite } from '../shared/outbox';
import { drop, keep } from './outbox';

export interface WorkerConnection {
  request<T extends RequestType>(message: RequestOf<T>): Promise<ResponseMap[T]>;
  /** Listens to the worker's pushes; returns the function that stops listening. */
  onPush(listener: (push: Push) => void): () => void;
}

/**
 * The two runtime calls messaging needs are promise-based natively in Chrome (Manifest V3) and
 * Firefox, so this module uses them directly instead of webextension-polyfill: the polyfill's
 * API table alone is ~3.5 kB gzipped, a quarter of the content script's budget.
 */
interface NativeRuntime {
  id: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(
      listener: (message: unknown, sender: Runtime.MessageSender, respond: (answer: unknown) => void) => void,
    ): void;
    removeListener(listener: (message: unknown, sender: Runtime.MessageSender) => void): void;
  };
}

function runtime(): NativeRuntime {
  const g = globalThis as unknown as { browser?: { runtime: NativeRuntime }; chrome?: { runtime: NativeRuntime } };
  return (g.browser ?? g.chrome)!.runtime;
}

/** The address of one of the extension's own pages, for a frame the page cannot read. */
export const extensionUrl = (path: string) => runtime().getURL(path);

/** A failed request as a sentence for the user: the worker's reason, without our log prefix. */
export function failureText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/^Papershelf: /, '');
}

/**
 * The extension was updated, reloaded or removed while this page stayed open. Chrome leaves the
 * old content script running with no way to reach the new worker ("Extension context
 * invalidated"); nothing it sends can be stored, so it must stop and say so, not retry.
 */
export class ExtensionGone extends Error {}
export const UPDATED = 'Papershelf was updated — reload this page to use it';

/** An orphaned content script's runtime has lost its id; a call into it throws "context invalidated". */
function alive(): boolean {
  try {
    return Boolean(runtime().id);
  } catch {
    return false;
  }
}

/**
 * How long a request keeps being sent again while the worker restarts: 10 s. Manifest V3 stops an
 * idle worker and starts it on the next message; one that is stopped again while starting (or
 * twice in a row) needs more than a second, and a click must outlast that.
 */
export const RETRY_FOR_MS = 10_000;
const NO_ANSWER = 'the background worker did not answer';

/**
 * Errors of a worker that stopped or was starting: the request did not reach it, or its answer
 * was lost. An unanswered request (sendMessage resolving with nothing) is one of them. Sending it
 * again is safe: writes carry the stamp of the user's action (shared/stamp.ts), so a repeat
 * changes nothing newer.
 */
const isTransient = (err: unknown) =>
  err instanceof Error &&
  /Receiving end does not exist|message port closed|message channel closed|worker did not answer/i.test(err.message);

/**
 * The real connection. A message sent while Manifest V3 restarts the worker can fail or go
 * unanswered; it is sent again, later and later, for up to RETRY_FOR_MS, so that a click is not lost.
 * A stamped write is first put in the outbox (./outbox.ts), which outlives this page: if the tab
 * closes before the worker answers, the worker applies it from there when it starts. It is taken
 * out once the worker answered; a write never answered stays for the worker's next start.
 */
export function browserConnection(): WorkerConnection {
  return {
    async request(message) {
      const giveUpAt = Date.now() + RETRY_FOR_MS;
      const durable = isStampedWrite(message) ? message : undefined;
      if (durable) keep(durable);
      for (let attempt = 0; ; attempt++) {
        if (!alive()) throw new ExtensionGone(UPDATED);
        try {
          const reply = (await runtime().sendMessage(message)) as Reply<typeof message.type> | undefined;
          if (!reply) throw new Error(`Papershelf: ${NO_ANSWER}`);
          // Answered, applied or refused: the worker has seen it, the outbox need not keep it.
          if (durable) drop(durable);
          if (!reply.ok) throw new Error(`Papershelf: ${reply.error}`);
          return reply.value as ResponseMap[typeof message.type];
        } catch (err) {
          if (!alive() || /Extension context invalidated/i.test(String(err))) throw new ExtensionGone(UPDATED);
          const wait = Math.min(50 * 2 ** attempt, 1_000);
          if (!isTransient(err) || Date.now() + wait > giveUpAt) throw err;
          await new Promise((r) => setTimeout(r, wait));
        }
      }
    },
    onPush(listener) {
      const onMessage = (message: unknown, sender: Runtime.MessageSender) => {
        // Only the worker pushes: same extension, not from a tab.
        if (!alive() || sender.id !== runtime().id || sender.tab) return;
        const parsed = parsePush(message);
        if (parsed.ok) listener(parsed.value);
      };
      runtime().onMessage.addListener(onMessage);
      return () => {
        if (alive()) runtime().onMessage.removeListener(onMessage);
      };
    },
  };
}

/**
 * Answers the popup's "which papers does this page list?" (for "Mark all on this page read"). Only
 * this extension can reach a content script's runtime.onMessage, and it asks from its popup (no
 * tab); the answer is synchronous, which Chrome and Firefox both deliver.
 */
export function answerPagePapers(ids: () => string[]): void {
  runtime().onMessage.addListener((message, sender, respond) => {
    if (sender.id === runtime().id && !sender.tab && (message as { type?: unknown } | null)?.type === PAGE_PAPERS)
      respond(ids());
  });
}
