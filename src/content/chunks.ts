/** Runs work over many items without blocking input: slices of at most `budgetMs`, then yields. */

const yieldToBrowser = (): Promise<void> =>
  new Promise((resolve) => {
    // A message-channel task runs before timers and is not clamped like nested setTimeout.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

export async function inChunks<T>(items: readonly T[], work: (item: T) => void, budgetMs = 8): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    work(item);
    if (performance.now() - sliceStart > budgetMs) {
      await yieldToBrowser();
      sliceStart = performance.now();
    }
  }
}
