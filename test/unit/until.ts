/** Polls `read` until it gives a truthy value (returned), or fails after `timeout` ms. */
export async function until<T>(read: () => T | undefined | null | false, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
