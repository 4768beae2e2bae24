// A TCP relay between the client and the test server that breaks connections the way networks do.
import { createServer, connect, type Socket } from 'node:net';

export type Fault =
  /** Relay everything. */
  | { kind: 'none' }
  /** Close a connection once the client has sent this many bytes on it (a PUT cut mid-body). */
  | { kind: 'cut-after'; bytes: number; times: number }
  /** Close a kept-alive connection when the client sends its next request on it, unanswered. */
  | { kind: 'drop-reused'; times: number }
  /** Close every connection as soon as a request arrives, unanswered. */
  | { kind: 'drop-all' }
  /** Let a request whose first line starts with `method` reach the server, then close the
   * connection instead of relaying its answer: the server acted, the client never hears. */
  | { kind: 'lose-answer'; method: string; times: number }
  /** Accept and never answer: new connections, and the next request on a kept-alive one. */
  | { kind: 'stall' };

export interface Relay {
  origin: string;
  fault: Fault;
  /** Connections closed by the fault so far. */
  faults: number;
  /** Connections the client opened. */
  connections: number;
  /** Connections on which a request arrived and was held by a stall. */
  stalled: number;
  close(): Promise<void>;
}

export async function startRelay(targetPort: number, fault: Fault = { kind: 'none' }): Promise<Relay> {
  const sockets = new Set<Socket>();
  const relay: Relay = { origin: '', fault, faults: 0, connections: 0, stalled: 0, close: async () => undefined };
  const server = createServer((client) => {
    relay.connections++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const f = relay.fault;
    let held = false;
    // A stall holds every request from when it is set: a client reuses a kept-alive connection
    // opened before, and that request must hang too.
    const hold = () => {
      if (relay.fault.kind !== 'stall') return false;
      if (!held) relay.stalled++;
      held = true;
      return true;
    };
    if (f.kind === 'stall') {
      client.on('data', hold);
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    let sent = 0;
    let answered = false;
    let broken = false;
    let swallow = false;
    // Counted at once: chunks keep arriving until the sockets are closed.
    const breakBoth = (finish: () => void = () => undefined) => {
      broken = true;
      relay.faults++;
      finish();
    };
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('data', (chunk: Buffer) => {
      answered = true;
      if (swallow) {
        breakBoth(close);
        return;
      }
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => {
      if (broken || held || hold()) return;
      if (f.kind === 'drop-all' || (f.kind === 'drop-reused' && answered && relay.faults < f.times)) {
        breakBoth(close);
        return;
      }
      if (f.kind === 'cut-after' && relay.faults < f.times && sent + chunk.length >= f.bytes) {
        breakBoth();
        upstream.write(chunk.subarray(0, f.bytes - sent), close);
        return;
      }
      if (f.kind === 'lose-answer' && relay.faults < f.times && chunk.toString('latin1').startsWith(`${f.method} `)) {
        swallow = true;
      }
      sent += chunk.length;
      upstream.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  relay.origin = `http://127.0.0.1:${address.port}`;
  relay.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return relay;
}
