/**
 * The editor frame's line to the card that opened it: its height (so the frame is as tall as its
 * content) and "close". The card's content script hands over a MessagePort with the nonce it put
 * in this frame's address; a port offered without it (by the page, which can post to any frame)
 * is refused. Nothing comes in over the port: the frame takes no data from the page's side.
 */
export interface CardLink {
  resized(height: number): void;
  close(): void;
}

export function linkToCard(nonce: string): CardLink {
  let port: MessagePort | undefined;
  let waiting: unknown[] = [];
  addEventListener('message', (e: MessageEvent) => {
    if (port || !nonce || (e.data as { papershelf?: unknown } | null)?.papershelf !== nonce || !e.ports[0]) return;
    port = e.ports[0];
    for (const message of waiting) port.postMessage(message);
    waiting = [];
  });
  const send = (message: unknown) => (port ? port.postMessage(message) : waiting.push(message));
  return { resized: (h) => send({ h }), close: () => send({ close: true }) };
}
