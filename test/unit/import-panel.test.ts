import { describe, expect, it } from 'vitest';
import { stoppedMessage } from '../../src/options/import-panel';

describe('an import that fails part-way', () => {
  it('says how many papers are in the library and how to finish, or that nothing was imported', () => {
    expect(stoppedMessage('the background worker did not answer', 3000)).toBe(
      'The import stopped: the background worker did not answer. 3,000 papers were imported before it stopped; importing the file again completes it.',
    );
    expect(stoppedMessage('There is not enough free storage.', 0)).toBe(
      'The import stopped: There is not enough free storage. Nothing was imported.',
    );
  });
});
