// @vitest-environment happy-dom
// Options → Sync and the popup's sync status, against a scripted worker and a stand-in for the
// browser's permission prompt: access to the server is asked first, in the click itself, and
// nothing is saved without it; the worker's sentences reach the user; the password never comes back.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerAccess } from '../../src/grants/server-access';
import type { WorkerConnection } from '../../src/messaging/client';
import { SyncPanel } from '../../src/options/sync-panel';
import { SyncLine } from '../../src/popup/sync-line';
import type { Push, Request } from '../../src/shared/protocol';
import type { SyncPhase, SyncStatus } from '../../src/shared/sync-status';
import { SyncStatusView } from '../../src/ui/sync-status-view';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const NOW = Date.UTC(2026, 11, 3, 12, 0);
const OFF: SyncStatus = { enabled: false, state: 'off', pending: 0, warnings: [] };
const ON: SyncStatus = {
  enabled: true,
  state: 'idle',
  pending: 0,
  warnings: [],
  lastSyncedAt: NOW - 5 * 60_000,
  server: { url: 'https://cloud.example.org/remote.php/dav/files/ada/', folder: 'Papershelf' },
};
const PASSWORD = 'xK9-secret-app-pass';
const USER = 'ada-lovelace';
const WRONG = 'The server did not accept the user name or password. Check them (Nextcloud: use an app password).';

/** The worker: each request recorded, answered by `answers` (a thrown error is the worker's refusal). */
class ScriptedWorker implements WorkerConnection {
  requests: Request[] = [];
  listeners = new Set<(p: Push) => void>();
  constructor(public answers: Partial<Record<Request['type'], (m: Request) => unknown>>) {}
  async request(message: Request): Promise<never> {
    this.requests.push(message);
    const answer = this.answers[message.type];
    if (!answer) throw new Error(`Papershelf: no answer for ${message.type}`);
    return answer(message) as never;
  }
  onPush(listener: (p: Push) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  push(p: Push) {
    for (const l of this.listeners) l(p);
  }
  types = () => this.requests.map((r) => r.type);
}

/** The browser's prompt: records every call in order, and answers as told (later, like a person). */
function fakeAccess(grant: boolean) {
  const calls: string[] = [];
  const access: ServerAccess = {
    request: (pattern) => (calls.push(`request ${pattern}`), Promise.resolve(grant)),
    async remove(pattern) {
      calls.push(`remove ${pattern}`);
    },
  };
  return { access, calls };
}

const roots: HTMLElement[] = [];
function mount(node: preact.ComponentChildren) {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  render(node, root);
  return root;
}
afterEach(() => {
  for (const r of roots.splice(0)) {
    render(null, r);
    r.remove();
  }
});

const button = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const input = (root: HTMLElement, name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
function type(root: HTMLElement, name: string, value: string) {
  const el = input(root, name);
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
async function fill(root: HTMLElement, url = 'https://cloud.example.org/remote.php/dav/files/ada/') {
  await expect.poll(() => root.querySelector('input[name="url"]')).not.toBeNull();
  type(root, 'url', url);
  type(root, 'user', USER);
  type(root, 'password', PASSWORD);
}

describe('Options → Sync: saving', () => {
  it('asks for access to that one server first, in the click, and saves only once it is granted', async () => {
    const worker = new ScriptedWorker({ 'sync/status': () => OFF, 'sync/configure': () => ON });
    const { access, calls } = fakeAccess(true);
    const root = mount(<SyncPanel worker={worker} access={access} now={NOW} />);
    await fill(root);

    button(root, 'Save and turn sync on')!.click();
    // Synchronously, before anything else: the browser grants only within the user's gesture.
    expect(calls).toEqual(['request https://cloud.example.org/*']);
    expect(worker.types()).toEqual(['sync/status']);

    await expect.poll(() => root.textContent).toContain('Saved: sync is on.');
    expect(worker.requests.at(-1)).toEqual({
      type: 'sync/configure',
      config: {
        url: 'https://cloud.example.org/remote.php/dav/files/ada/',
        user: USER,
        password: PASSWORD,
        folder: 'Papershelf',
      },
    });
    expect(calls).toEqual(['request https://cloud.example.org/*']);
    expect(root.textContent).toContain('Sync is up to date.');
    expect(button(root, 'Sync now')).toBeDefined();
  });

  it('saves nothing when the browser refuses access, and says why', async () => {
    const worker = new ScriptedWorker({ 'sync/status': () => OFF, 'sync/configure': () => ON });
    const { access } = fakeAccess(false);
    const root = mount(<SyncPanel worker={worker} access={access} now={NOW} />);
    await fill(root);
    button(root, 'Save and turn sync on')!.click();

    const alert = () => root.querySelector('[role="alert"]')?.textContent ?? '';
    await expect.poll(alert).toContain('Not saved: the browser did not give Papershelf access to that server');
    expect(worker.types()).toEqual(['sync/status']);
    // The fields are tied to the reason for screen readers.
    expect(input(root, 'url').getAttribute('aria-describedby')).toContain('sync-form-error');
  });

  it('refuses plain http to another host without asking the browser', async () => {
    const worker = new ScriptedWorker({ 'sync/status': () => OFF });
    const { access, calls } = fakeAccess(true);
    const root = mount(<SyncPanel worker={worker} access={access} now={NOW} />);
    await fill(root, 'http://cloud.example.org/dav/');
    button(root, 'Save and turn sync on')!.click();
    await expect.poll(() => root.querySelector('[role="alert"]')?.textContent).toContain('Use an https:// address');
    expect(calls).toEqual([]);
    expect(worker.types()).toEqual(['sync/status']);
  });

  it("shows the worker's sentence when the server refuses, saves nothing and gives the access back", async () => {
    const worker = new ScriptedWorker({
      'sync/status': () => OFF,
      'sync/configure': () => {
        throw new Error(`Papershelf: ${WRONG}`);
      },
    });
    const { access, calls } = fakeAccess(true);
    const root = mount(<SyncPanel worker={worker} access={access} now={NOW} />);
    await fill(root);
    button(root, 'Save and turn sync on')!.click();
    await expect.poll(() => root.querySelector('[role="alert"]')?.textContent).toBe(`Not saved: ${WRONG}`);
    expect(calls).toEqual(['request https://cloud.example.org/*', 'remove https://cloud.example.org/*']);
  });
});

describe('Options → Sync: Test connection', () => {
  it("shows the worker's sentence when the test fails, and gives back access asked only for the test", async () => {
    const worker = new ScriptedWorker({
      'sync/status': () => OFF,
      'sync/test': () => {
        throw new Error(`Papershelf: ${WRONG}`);
      },
    });
    const { access, calls } = fakeAccess(true);
    const root = mount(<SyncPanel worker={worker} access={access} now={NOW} />);
    await fill(root);
    button(root, 'Test connection')!.click();
    expect(calls).toEqual(['request https://cloud.example.org/*']);
    await expect.poll(() => root.querySelector('[role="alert"]')?.textContent).toBe(`The connection failed: ${WRONG}`);
    await expect.poll(() => calls.length).toBe(2);
    expect(calls[1]).toBe('remove https://cloud.example.org/*');
    expect(worker.types()).toEqual(['sync/status', 'sync/test']);
    // A test saves nothing.
    expect(worker.types()).not.toContain('sync/configure');
  });

  it('says the connection works when the worker accepts the folder', async () => {
    const worker = new ScriptedWorker({ 'sync/status': () => OFF, 'sync/test': () => null });
    const { access } = fakeAccess(true);
    const root = mount(<SyncPanel worker={worker} access={access} now={NOW} />);
    await fill(root);
    button(root, 'Test connection')!.click();
    await expect.poll(() => root.textContent).toContain('The connection works');
  });
});

describe('Options → Sync: credentials', () => {
  it('never renders the password or the user name back once saved', async () => {
    let saved = false;
    const worker = new ScriptedWorker({
      'sync/status': () => (saved ? ON : OFF),
      'sync/configure': () => ((saved = true), ON),
    });
    const { access } = fakeAccess(true);
    const root = mount(<SyncPanel worker={worker} access={access} now={NOW} />);
    await fill(root);
    button(root, 'Save and turn sync on')!.click();
    await expect.poll(() => root.textContent).toContain('Saved: sync is on.');

    expect(input(root, 'password').value).toBe('');
    expect(input(root, 'user').value).toBe('');
    expect(root.textContent).toContain('User name and password saved');
    expect(root.innerHTML).not.toContain(PASSWORD);
    expect(root.innerHTML).not.toContain(USER);

    // Opened again later: the saved server shows, the credentials do not.
    const again = mount(<SyncPanel worker={worker} access={access} now={NOW} />);
    await expect.poll(() => again.textContent).toContain('Sync is up to date.');
    expect(input(again, 'url').value).toBe(ON.server!.url);
    expect(input(again, 'password').value).toBe('');
    expect(again.innerHTML).not.toContain(PASSWORD);
  });
});

describe('Options → Sync: on and off', () => {
  it('turning sync off tells the worker, then gives back access to the server', async () => {
    const worker = new ScriptedWorker({ 'sync/status': () => ON, 'sync/configure': () => OFF });
    const { access, calls } = fakeAccess(true);
    const root = mount(<SyncPanel worker={worker} access={access} now={NOW} />);
    await expect.poll(() => button(root, 'Turn sync off')).toBeDefined();
    button(root, 'Turn sync off')!.click();
    await expect.poll(() => root.textContent).toContain('Sync is off.');
    expect(worker.requests.at(-1)).toEqual({ type: 'sync/configure', config: null });
    expect(calls).toEqual(['remove https://cloud.example.org/*']);
  });

  it('follows the worker’s pushes and sends Sync now', async () => {
    const worker = new ScriptedWorker({ 'sync/status': () => ON, 'sync/now': () => ({ ...ON, pending: 0 }) });
    const root = mount(<SyncPanel worker={worker} access={fakeAccess(true).access} now={NOW} />);
    await expect.poll(() => root.textContent).toContain('Sync is up to date.');
    worker.push({ type: 'sync/status', status: { ...ON, state: 'syncing', pending: 3 } });
    await expect.poll(() => root.textContent).toContain('Syncing…');
    expect(root.textContent).toContain('3 changes waiting to be sent.');
    button(root, 'Sync now')!.click();
    await expect.poll(() => worker.types()).toContain('sync/now');
  });
});

describe('the status in words', () => {
  const words: Record<SyncPhase, [Partial<SyncStatus>, string]> = {
    off: [{ enabled: false }, 'Sync is off.'],
    idle: [{}, 'Sync is up to date.'],
    syncing: [{}, 'Syncing…'],
    'waiting-retry': [
      { error: 'Could not reach the server. Check the address and your network.', nextRetryAt: NOW + 2 * 60_000 },
      'Could not reach the server. Check the address and your network. Sync will try again in 2 min.',
    ],
    'needs-confirmation': [
      { confirm: { deletes: 1, unreads: 1, library: 10 } },
      'Sync is waiting for you: the changes from your other devices would remove a lot.',
    ],
    error: [{ error: WRONG }, `Sync stopped: ${WRONG} Fix it, then choose Sync now.`],
  };
  for (const [state, [extra, text]] of Object.entries(words) as [SyncPhase, [Partial<SyncStatus>, string]][]) {
    it(`says "${state}" in words, in a live region`, () => {
      const root = mount(<SyncStatusView status={{ ...ON, ...extra, state }} now={NOW} onConfirm={() => undefined} />);
      expect(root.querySelector('[role="status"]')?.textContent).toContain(text);
    });
  }

  it('says when it last synced and what waits', () => {
    const root = mount(<SyncStatusView status={{ ...ON, pending: 1 }} now={NOW} onConfirm={() => undefined} />);
    expect(root.textContent).toContain('Last synced 5 minutes ago. 1 change waiting to be sent.');
    const never = mount(
      <SyncStatusView status={{ ...ON, lastSyncedAt: undefined }} now={NOW} onConfirm={() => undefined} />,
    );
    expect(never.textContent).toContain('Not synced yet. No changes waiting.');
  });

  it('lists the warnings', () => {
    const root = mount(
      <SyncStatusView
        status={{ ...ON, warnings: ['A file from a newer Papershelf was skipped.'] }}
        now={NOW}
        onConfirm={() => undefined}
      />,
    );
    expect(root.querySelector('[aria-label="Sync warnings"]')?.textContent).toBe(
      'A file from a newer Papershelf was skipped.',
    );
  });
});

describe('the 10 % guard', () => {
  const waiting: SyncStatus = {
    ...ON,
    state: 'needs-confirmation',
    confirm: { deletes: 12, unreads: 3, library: 100 },
  };

  it('asks in the options page, and Confirm sends sync/confirm', async () => {
    const worker = new ScriptedWorker({ 'sync/status': () => waiting, 'sync/confirm': () => ON });
    const root = mount(<SyncPanel worker={worker} access={fakeAccess(true).access} now={NOW} />);
    await expect
      .poll(() => root.querySelector('[role="group"]')?.textContent)
      .toContain('This sync would delete 12 papers and mark 3 papers unread of your 100 papers: continue?');
    button(root, 'Confirm')!.click();
    await expect.poll(() => root.textContent).toContain('Sync is up to date.');
    expect(worker.types()).toEqual(['sync/status', 'sync/confirm']);
    expect(button(root, 'Confirm')).toBeUndefined();
  });

  it('asks in the popup too', async () => {
    const worker = new ScriptedWorker({ 'sync/status': () => waiting, 'sync/confirm': () => ON });
    const root = mount(<SyncLine worker={worker} now={NOW} />);
    await expect.poll(() => root.textContent).toContain('This sync would delete 12 papers and mark 3 papers unread');
    button(root, 'Confirm')!.click();
    await expect.poll(() => worker.types()).toContain('sync/confirm');
  });
});

describe('the popup', () => {
  it('shows nothing while sync is off', async () => {
    const worker = new ScriptedWorker({ 'sync/status': () => OFF });
    const root = mount(<SyncLine worker={worker} now={NOW} />);
    await expect.poll(() => worker.types()).toEqual(['sync/status']);
    await new Promise((r) => setTimeout(r, 10));
    expect(root.innerHTML).toBe('');
  });

  it('shows the last sync, what waits and the last error while on', async () => {
    const worker = new ScriptedWorker({
      'sync/status': () => ({ ...ON, state: 'error', error: WRONG, pending: 4 }),
    });
    const root = mount(<SyncLine worker={worker} now={NOW} />);
    await expect.poll(() => root.textContent).toContain(WRONG);
    expect(root.textContent).toContain('Last synced 5 minutes ago. 4 changes waiting to be sent.');
  });
});
