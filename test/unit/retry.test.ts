// One retry policy for requests to a worker that Manifest V3 stops and restarts: every restart
// error is temporary and retried for RETRY_FOR_MS; anything else is reported at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserConnection, RETRY_FOR_MS } from '../../src/messaging/client';

/** A runtime whose sendMessage gives each answer in turn (an Error is thrown), then the last forever. */
function fakeRuntime(answers: unknown[]) {
  const sent: unknown[] = [];
  const runtime = {
    id: 'ext',
    sendMessage: (message: unknown) => {
      sent.push(message);
      const next = answers.length > 1 ? answers.shift() : answers[0];
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
    onMessage: { addListener() {}, removeListener() {} },
  };
  (globalThis as unknown as { chrome?: unknown }).chrome = { runtime };
  return sent;
}

const failing = (message: string) => new Error(message);
const OK = { ok: true, value: [] };
const ask = () => browserConnection().request({ type: 'states/get', ids: ['2407.21783'] });

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as unknown as { chrome?: unknown }).chrome;
});

describe('requests to a restarting worker', () => {
  it('are sent again when the worker stopped before answering (no answer at all), then succeed', async () => {
    const sent = fakeRuntime([undefined, undefined, OK]);
    const answer = ask();
    await vi.runAllTimersAsync();
    await expect(answer).resolves.toEqual([]);
    expect(sent).toHaveLength(3);
  });

  it('treat every restart error as temporary', async () => {
    for (const error of [
      'Could not establish connection. Receiving end does not exist.',
      'The message port closed before a response was received.',
      'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
    ]) {
      const sent = fakeRuntime([failing(error), OK]);
      const answer = ask();
      await vi.runAllTimersAsync();
      await expect(answer).resolves.toEqual([]);
      expect(sent).toHaveLength(2);
    }
  });

  it(`keep trying for ${RETRY_FOR_MS / 1000} s, through a worker restarting twice, and then report the failure`, async () => {
    const sent = fakeRuntime([undefined]);
    const started = Date.now();
    const answer = ask();
    const settled = answer.catch((err: unknown) => err);
    // Past the old policy's 0.75 s, still trying.
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent.length).toBeGreaterThan(4);
    await vi.runAllTimersAsync();
    expect(await settled).toEqual(new Error('Papershelf: the background worker did not answer'));
    expect(Date.now() - started).toBeGreaterThan(RETRY_FOR_MS - 1_000);
    expect(Date.now() - started).toBeLessThanOrEqual(RETRY_FOR_MS);
  });

  it('do not repeat a refusal by the worker or an unknown error', async () => {
    let sent = fakeRuntime([{ ok: false, error: 'malformed message at id' }, OK]);
    await expect(ask()).rejects.toThrow('Papershelf: malformed message at id');
    expect(sent).toHaveLength(1);
    sent = fakeRuntime([failing('something else broke'), OK]);
    await expect(ask()).rejects.toThrow('something else broke');
    expect(sent).toHaveLength(1);
  });
});
