/**
 * Records every request of every target in the browser, with the frame it came from: pages and
 * the targets under them (out-of-process frames, dedicated workers), extension pages and the
 * service worker. A browser-level CDP session attaches to each target as it is discovered and
 * turns its Network domain on; a page's own sub-targets are held at their start until theirs is
 * on. A stopped service worker keeps its target, and Chromium restores the session's domains
 * when it starts again, so a restarted worker is still watched (the test proves both).
 * Playwright's own request events miss the worker and say nothing about which script asked.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface RecordedRequest {
  /** The target's type and URL: `page`, `service_worker`, `iframe`, `worker`… */
  targetType: string;
  targetUrl: string;
  frameId: string | undefined;
  /** The document (or worker script) the request was made for. */
  documentUrl: string | undefined;
  url: string;
  /** Every script URL on the initiator's stack (async parents included), and its own URL. */
  initiatorUrls: string[];
}

export interface NetworkRecorder {
  readonly requests: readonly RecordedRequest[];
  /** Resolves once the page's own target is watched: navigate it after this, and nothing is missed. */
  watching(page: Page): Promise<void>;
  /**
   * Resolves once every watched target has answered a message sent after this call: a target's
   * messages arrive in order, so every request it had started by then is recorded.
   */
  settle(): Promise<void>;
  /** Runs an expression in every running watched target whose URL starts with `urlPrefix` (the worker, say). */
  evaluate(urlPrefix: string, expression: string): Promise<number>;
  stop(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
}

interface Initiator {
  url?: string;
  stack?: Stack;
}

interface Stack {
  callFrames: { url: string }[];
  parent?: Stack;
}

function initiatorUrls(initiator: Initiator | undefined): string[] {
  const urls = initiator?.url ? [initiator.url] : [];
  for (let stack = initiator?.stack; stack; stack = stack.parent) urls.push(...stack.callFrames.map((f) => f.url));
  return urls.filter(Boolean);
}

/** One attached target, reached through its parent's session (the browser's, or a page's). */
class Watched {
  #next = 1;
  readonly #pending = new Map<number, () => void>();
  readonly children = new Map<string, Watched>();
  /**
   * False while a stopped service worker waits to be started again: its target and this session
   * stay, commands wait for the next start, and Chromium turns Network on again before it runs.
   */
  running = true;

  constructor(
    readonly info: TargetInfo,
    private readonly post: (message: string) => Promise<unknown>,
    private readonly record: (request: RecordedRequest) => void,
  ) {}

  /** Sends a command and resolves with its answer (or when the target goes away). */
  send(method: string, params: Record<string, unknown> = {}): Promise<void> {
    const id = this.#next++;
    const answered = new Promise<void>((resolve) => this.#pending.set(id, resolve));
    this.post(JSON.stringify({ id, method, params })).catch(() => this.#answer(id));
    return answered;
  }

  #answer(id: number): void {
    this.#pending.get(id)?.();
    this.#pending.delete(id);
  }

  /** Network on, targets under it held and watched the same way, then let it run. */
  async start(waiting: boolean): Promise<void> {
    await this.send('Network.enable');
    if (this.info.type === 'page' || this.info.type === 'iframe') {
      await this.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    }
    if (waiting) await this.send('Runtime.runIfWaitingForDebugger');
  }

  receive(raw: string): void {
    const m = JSON.parse(raw) as Message;
    if (m.id !== undefined) return this.#answer(m.id);
    const p = m.params ?? {};
    if (m.method === 'Inspector.targetCrashed') this.running = false;
    if (m.method === 'Inspector.targetReloadedAfterCrash') this.running = true;
    if (m.method === 'Network.requestWillBeSent') {
      const request = p.request as { url: string };
      this.record({
        targetType: this.info.type,
        targetUrl: this.info.url,
        frameId: p.frameId as string | undefined,
        documentUrl: p.documentURL as string | undefined,
        url: request.url,
        initiatorUrls: initiatorUrls(p.initiator as Initiator | undefined),
      });
    } else if (m.method === 'Target.attachedToTarget') {
      const sessionId = p.sessionId as string;
      const child = new Watched(
        p.targetInfo as TargetInfo,
        (message) => this.send('Target.sendMessageToTarget', { sessionId, message }),
        this.record,
      );
      this.children.set(sessionId, child);
      void child.start(Boolean(p.waitingForDebugger));
    } else if (m.method === 'Target.receivedMessageFromTarget') {
      this.children.get(p.sessionId as string)?.receive(p.message as string);
    } else if (m.method === 'Target.detachedFromTarget') {
      this.children.get(p.sessionId as string)?.gone();
      this.children.delete(p.sessionId as string);
    }
  }

  /** The target went away: nothing it was asked will be answered. */
  gone(): void {
    for (const id of [...this.#pending.keys()]) this.#answer(id);
    for (const child of this.children.values()) child.gone();
  }

  async settle(): Promise<void> {
    // A stopped worker sends nothing, and would answer only once something starts it.
    if (!this.running) return;
    await this.send('Runtime.evaluate', { expression: '0' });
    await Promise.all([...this.children.values()].map((c) => c.settle()));
  }
}

/** Target types whose requests are recorded (not the browser's own UI). */
const WATCHED = new Set(['page', 'iframe', 'service_worker', 'shared_worker', 'background_page', 'worker']);

export async function recordNetwork(context: BrowserContext): Promise<NetworkRecorder> {
  const browser = context.browser();
  if (!browser) throw new Error('recordNetwork needs the context’s browser (a CDP browser session)');
  // Browser-level auto-attach speaks only the flat protocol, which Playwright's CDPSession cannot
  // address; so every target is attached (non-flat) as it is discovered.
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const requests: RecordedRequest[] = [];
  const targets = new Map<string, Watched>();
  const started = new Map<string, Promise<void>>();
  const record = (r: RecordedRequest) => requests.push(r);

  const attach = (info: TargetInfo) => {
    if (started.has(info.targetId) || !WATCHED.has(info.type)) return;
    const attached = cdp
      .send('Target.attachToTarget', { targetId: info.targetId, flatten: false })
      .then(({ sessionId }) => {
        const post = (message: string) => cdp.send('Target.sendMessageToTarget', { sessionId, message });
        const target = new Watched(info, post, record);
        targets.set(sessionId, target);
        return target.start(false);
      })
      .catch(() => undefined);
    started.set(info.targetId, attached);
  };
  cdp.on('Target.targetCreated', (e: { targetInfo: TargetInfo }) => attach(e.targetInfo));
  cdp.on('Target.targetInfoChanged', (e: { targetInfo: TargetInfo }) => {
    for (const t of targets.values()) if (t.info.targetId === e.targetInfo.targetId) t.info.url = e.targetInfo.url;
  });
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    targets.get(e.sessionId)?.receive(e.message);
  });
  cdp.on('Target.detachedFromTarget', (e: { sessionId: string }) => {
    targets.get(e.sessionId)?.gone();
    targets.delete(e.sessionId);
  });
  // Reports every existing target as created, then each new one.
  await cdp.send('Target.setDiscoverTargets', { discover: true });

  return {
    requests,
    async watching(page) {
      const session = await context.newCDPSession(page);
      const { targetInfo } = (await session.send('Target.getTargetInfo')) as { targetInfo: TargetInfo };
      await session.detach();
      for (let i = 0; !started.has(targetInfo.targetId); i++) {
        if (i > 600) throw new Error(`the recorder never saw target ${targetInfo.url}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      await started.get(targetInfo.targetId);
    },
    settle: async () => {
      await Promise.all([...targets.values()].map((t) => t.settle()));
    },
    async evaluate(urlPrefix, expression) {
      const matching = [...targets.values()].filter((t) => t.running && t.info.url.startsWith(urlPrefix));
      await Promise.all(matching.map((t) => t.send('Runtime.evaluate', { expression })));
      return matching.length;
    },
    stop: () => cdp.detach(),
  };
}

/** A request the extension made: from its worker or pages, or from its content scripts in a page. */
export function isExtensions(r: RecordedRequest, extensionId: string): boolean {
  const ours = `chrome-extension://${extensionId}/`;
  return (
    r.targetUrl.startsWith(ours) ||
    (r.documentUrl ?? '').startsWith(ours) ||
    r.initiatorUrls.some((u) => u.startsWith(ours))
  );
}
