import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, detectedIds, type Session } from './harness';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(() => s?.close());

describe('smoke', () => {
  it('loads', async () => {
    const page = await s.open('https://huggingface.co/papers?date=2024-08-01');
    page.on('console', (m) => console.log('console:', m.text()));
    await page.waitForSelector('[data-papershelf-read]', { timeout: 10_000 });
    console.log(await detectedIds(page));
    expect(1).toBe(1);
  });
});
