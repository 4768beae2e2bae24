/**
 * Records every request of every target in the browser: pages, the out-of-process frames and
 * dedicated workers under them, extension pages and the extension's service worker, also after
 * Manifest V3 stopped it and something woke it again.
 *
 * One browser-level CDP session discovers the top-level targets and attaches to each (Playwright
 * can only address non-flat sessions, and browser-level auto-attach is flat-only). A page's
 * session auto-attaches to the targets under it, which Chromium holds at their start until told
 * to run. Every command to a target is sent without waiting for an earlier one's answer: a
 * service worker that is stopped answers nothing, and a target must never stay held because the
 * recorder waited. A stopped worker keeps its target and its CDP session; Chromium turns that
 * session's Network domain on again when it starts, so the restarted worker is watched from its
 * start (the tests prove it).
 */
import type { BrowserContext, CDPSession, Page, Request } from 'playwright-core';

export interface RecordedRequest {
  /** The target's type and URL: `page`, `iframe`, `worker`, `service_worker`… */
  targetType: string;
  targetUrl: string;
  /** The document (or worker script) the request was made for. */
  documentUrl: string | undefined;
  url: string;
  /** What asked: `parser`, `script`, `other` (the browser itself)… */
  initiatorType: string | undefined;
  /** Every script URL on the initiator's stack (async parents included), and its own URL. */
  initiatorUrls: string[];
  /** `Document`, `Fetch`, `Image`, `Other`… */
  resourceType: string | undefined;
}

export interface NetworkRecorder {
  readonly requests: readonly RecordedRequest[];
  /** Web addresses the test's own routes answered (the captures and their sub-resources). */
  readonly served: ReadonlySet<string>;
  /** Resolves once the page's own target is watched: navigate it after this, and nothing is missed. */
  watching(page: Page): Promise<void>;
  /**
   * Resolves once every running watched target has answered a message sent after this call: a
   * target's messages arrive in order, so every request it had started by then is recorded.
   */
  settle(): Promise<void>;
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

interface Stack {
  callFrames: { url: string }[];
  parent?: Stack;
}

function initiatorUrls(initiator: { url?: string; stack?: Stack } | undefined): string[] {
  const urls = initiator?.url ? [initiator.url] : [];
  for (let stack = initiator?.stack; stack; stack = stack.parent) urls.push(...stack.callFrames.map((f) => f.url));
  return urls.filter(Boolean);
}

/** Targets the browser-level session attaches to; the ones under a page come through the page. */
const TOP_LEVEL = new Set(['page', 'service_worker', 'shared_worker', 'background_page']);

/** One attached target, reached through its parent's session (the browser's, or a page's). */
class Watched {
  #next = 1;
  readonly #pending = new Map<number, () => void>();
  readonly #children = new Map<string, Watched>();
  /** False while a stopped service worker waits to be started again: it answers nothing then. */
  #running = true;
  /** Answered once Network.enable was: the target's requests from then on are recorded. */
  readonly networkOn: Promise<void>;

  constructor(
    readonly info: TargetInfo,
    private readonly post: (message: string) => Promise<unknown>,
    private readonly record: (info: TargetInfo, params: Record<string, unknown>) => void,
  ) {
    // Sent together, in this order, and none waits for another's answer: a held target runs at
    // once, with Network already on (one session's messages are handled in order).
    this.networkOn = this.send('Network.enable');
    if (info.type === 'page' || info.type === 'iframe') {
      void this.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    }
    this.resume();
  }

  /** Sends a command; resolves with its answer, or when the target stops or goes away. */
  send(method: string, params: Record<string, unknown> = {}): Promise<void> {
    const id = this.#next++;
    const answered = new Promise<void>((resolve) => this.#pending.set(id, resolve));
    this.post(JSON.stringify({ id, method, params })).catch(() => this.#answer(id));
    return answered;
  }

  /** Lets a target held at its start (or restarted held) run; harmless when it is not held. */
  resume(): void {
    void this.send('Runtime.runIfWaitingForDebugger');
  }

  #answer(id: number): void {
    this.#pending.get(id)?.();
    this.#pending.delete(id);
  }

  receive(raw: string): void {
    let m: Message;
    try {
      m = JSON.parse(raw) as Message;
    } catch {
      return;
    }
    if (m.id !== undefined) return this.#answer(m.id);
    const p = m.params ?? {};
    switch (m.method) {
      case 'Network.requestWillBeSent':
      case 'Network.webSocketCreated':
        return this.record(this.info, p);
      case 'Inspector.targetCrashed':
        // A service worker stopped: nothing it was asked will be answered until it starts again.
        this.#running = false;
        return this.#answerAll();
      case 'Inspector.targetReloadedAfterCrash':
        this.#running = true;
        return this.resume();
      case 'Target.attachedToTarget':
        return this.#attached(p.sessionId as string, p.targetInfo as TargetInfo);
      case 'Target.receivedMessageFromTarget':
        return this.#children.get(p.sessionId as string)?.receive(p.message as string);
      case 'Target.detachedFromTarget':
        this.#children.get(p.sessionId as string)?.gone();
        this.#children.delete(p.sessionId as string);
        return;
    }
  }

  #attached(sessionId: string, info: TargetInfo): void {
    const post = (message: string) => this.send('Target.sendMessageToTarget', { sessionId, message });
    if (!TOP_LEVEL.has(info.type)) {
      this.#children.set(sessionId, new Watched(info, post, this.record));
      return;
    }
    // A service worker under an extension page is watched through the browser's session: let it
    // run, and leave, so no second CDP session can hold it when it restarts.
    void post(JSON.stringify({ id: 0, method: 'Runtime.runIfWaitingForDebugger' })).finally(() =>
      this.send('Target.detachFromTarget', { sessionId }),
    );
  }

  #answerAll(): void {
    for (const id of [...this.#pending.keys()]) this.#answer(id);
  }

  /** The target went away: nothing it was asked will be answered. */
  gone(): void {
    this.#running = false;
    this.#answerAll();
    for (const child of this.#children.values()) child.gone();
  }

  async settle(): Promise<void> {
    if (!this.#running) return;
    await this.send('Runtime.evaluate', { expression: '0' });
    await Promise.all([...this.#children.values()].map((c) => c.settle()));
  }
}

export async function recordNetwork(context: BrowserContext): Promise<NetworkRecorder> {
  const browser = context.browser();
  if (!browser) throw new Error('recordNetwork needs the context’s browser for a browser-level CDP session');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const requests: RecordedRequest[] = [];
  const seen = new Set<string>();
  const served = new Set<string>();
  const bySession = new Map<string, Watched>();
  const byTarget = new Map<string, Promise<Watched | undefined>>();

  const record = (info: TargetInfo, p: Record<string, unknown>) => {
    // A request's redirects, and a target reached both ways, report the same request id again.
    const key = `${info.targetId} ${String(p.requestId)} ${String((p.request as { url?: string })?.url ?? p.url)}`;
    if (seen.has(key)) return;
    seen.add(key);
    requests.push({
      targetType: info.type,
      targetUrl: info.url,
      documentUrl: p.documentURL as string | undefined,
      url: (p.request as { url: string } | undefined)?.url ?? (p.url as string),
      initiatorType: (p.initiator as { type?: string } | undefined)?.type,
      initiatorUrls: initiatorUrls(p.initiator as { url?: string; stack?: Stack } | undefined),
      resourceType: p.type as string | undefined,
    });
  };

  const attach = (info: TargetInfo) => {
    if (byTarget.has(info.targetId) || !TOP_LEVEL.has(info.type)) return;
    const watched = cdp
      .send('Target.attachToTarget', { targetId: info.targetId, flatten: false })
      .then(({ sessionId }) => {
        const post = (message: string) => cdp.send('Target.sendMessageToTarget', { sessionId, message });
        const target = new Watched(info, post, record);
        bySession.set(sessionId, target);
        return target;
      })
      // The target closed before it could be watched: it sent nothing after.
      .catch(() => undefined);
    byTarget.set(info.targetId, watched);
  };

  cdp.on('Target.targetCreated', (e: { targetInfo: TargetInfo }) => attach(e.targetInfo));
  cdp.on('Target.targetInfoChanged', (e: { targetInfo: TargetInfo }) => {
    for (const t of bySession.values()) if (t.info.targetId === e.targetInfo.targetId) t.info.url = e.targetInfo.url;
  });
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    bySession.get(e.sessionId)?.receive(e.message);
  });
  cdp.on('Target.detachedFromTarget', (e: { sessionId: string }) => {
    bySession.get(e.sessionId)?.gone();
    bySession.delete(e.sessionId);
  });
  // Reports every existing target as created, then each new one.
  await cdp.send('Target.setDiscoverTargets', { discover: true });

  // Playwright hands every web request it sees to the test's routes, which answer all of them
  // (scripts/offline-pages.mjs); an event, not a route of its own, so pages wait for nothing more.
  const note = (request: Request) => served.add(request.url());
  context.on('request', note);

  return {
    requests,
    served,
    async watching(page) {
      const session = await context.newCDPSession(page);
      const { targetInfo } = (await session.send('Target.getTargetInfo')) as { targetInfo: TargetInfo };
      await session.detach();
      attach(targetInfo);
      const target = await byTarget.get(targetInfo.targetId);
      if (!target) throw new Error(`the recorder could not attach to ${targetInfo.url}`);
      await target.networkOn;
    },
    async settle() {
      await Promise.all([...bySession.values()].map((t) => t.settle()));
    },
    async stop() {
      context.off('request', note);
      await cdp.detach();
    },
  };
}

/**
 * A request the extension made: from its worker or its pages, or from its content scripts'
 * code in a page (a script of ours on the initiator's stack, or our stylesheet).
 */
export function isExtensions(r: RecordedRequest, extensionId: string): boolean {
  const ours = `chrome-extension://${extensionId}/`;
  return (
    r.targetUrl.startsWith(ours) ||
    (r.documentUrl ?? '').startsWith(ours) ||
    r.initiatorUrls.some((u) => u.startsWith(ours))
  );
}

/**
 * Chromium's own fetch of a site's icon for the tab strip: asked by the browser (no script, no
 * parser), which Playwright's routes never see. Not the page's request, nor the extension's.
 */
function isBrowsersIcon(r: RecordedRequest): boolean {
  return r.initiatorType === 'other' && r.resourceType === 'Other' && new URL(r.url).pathname === '/favicon.ico';
}

/** Web requests that would leave the test's set-up: the extension's, and any the routes did not answer. */
export function strayRequests(net: NetworkRecorder, extensionId: string): RecordedRequest[] {
  return net.requests.filter(
    (r) =>
      /^(https?|wss?):/.test(r.url) && (isExtensions(r, extensionId) || (!net.served.has(r.url) && !isBrowsersIcon(r))),
  );
}
