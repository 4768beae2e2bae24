/**
 * Sync → the server: address, user, app password and folder; "Test connection" and "Save and turn
 * on". Both first ask the browser for access to that one server (`permissions.request`, called
 * synchronously in the click: the browser grants it only within the user's gesture), then the
 * worker, which tests the folder before anything is saved. Access asked only for a test is given
 * back after it. The password is never shown back: once saved, its field stays empty.
 */
import { useState } from 'preact/hooks';
import { serverPattern, type ServerAccess } from '../grants/server-access';
import { failureText, type WorkerConnection } from '../messaging/client';
import type { SyncStatus } from '../shared/sync-status';

type Outcome = { kind: 'idle' } | { kind: 'working'; text: string } | { kind: 'ok' | 'error'; text: string };

const REFUSED =
  'the browser did not give Papershelf access to that server. Sync needs it to reach your folder; nothing else gains network access.';

export function SyncServerForm({
  worker,
  access,
  status,
  onStatus,
}: {
  worker: WorkerConnection;
  access: ServerAccess;
  status: SyncStatus;
  onStatus: (status: SyncStatus) => void;
}) {
  const [url, setUrl] = useState(status.server?.url ?? '');
  const [folder, setFolder] = useState(status.server?.folder ?? 'Papershelf');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const saved = status.enabled && status.server ? serverPattern(status.server.url) : undefined;
  const savedPattern = saved && 'pattern' in saved ? saved.pattern : undefined;

  /** Checks the fields, then asks for access, in the same call as the click. */
  function ask(): { pattern: string; granted: Promise<boolean> } | undefined {
    const checked = serverPattern(url.trim());
    if ('problem' in checked) return void setOutcome({ kind: 'error', text: checked.problem });
    if (!user.trim() || !password)
      return void setOutcome({ kind: 'error', text: 'Enter the user name and the (app) password.' });
    return { pattern: checked.pattern, granted: access.request(checked.pattern) };
  }

  const config = () => ({ url: url.trim(), user: user.trim(), password, folder: folder.trim() });

  /** Access asked for a server that is not the saved one goes back when nothing was saved for it. */
  const giveBack = (pattern: string) =>
    pattern === savedPattern ? Promise.resolve() : access.remove(pattern).catch(() => undefined);

  function test() {
    const asked = ask();
    if (!asked) return;
    setOutcome({ kind: 'working', text: 'Testing the connection…' });
    void (async () => {
      if (!(await asked.granted)) return setOutcome({ kind: 'error', text: `Could not test: ${REFUSED}` });
      try {
        await worker.request({ type: 'sync/test', config: config() });
        setOutcome({ kind: 'ok', text: 'The connection works: Papershelf can write to that folder.' });
      } catch (err) {
        setOutcome({ kind: 'error', text: `The connection failed: ${failureText(err)}` });
      } finally {
        await giveBack(asked.pattern);
      }
    })();
  }

  function save(e: Event) {
    e.preventDefault();
    const asked = ask();
    if (!asked) return;
    setOutcome({ kind: 'working', text: 'Testing the connection, saving, then syncing a first time…' });
    void (async () => {
      if (!(await asked.granted)) return setOutcome({ kind: 'error', text: `Not saved: ${REFUSED}` });
      try {
        const next = await worker.request({ type: 'sync/configure', config: config() });
        // The old server's access goes: only the saved server is ever reachable.
        if (savedPattern && savedPattern !== asked.pattern) await access.remove(savedPattern).catch(() => undefined);
        setUser('');
        setPassword('');
        onStatus(next);
        setOutcome({ kind: 'ok', text: 'Saved: sync is on.' });
      } catch (err) {
        await giveBack(asked.pattern);
        setOutcome({ kind: 'error', text: `Not saved: ${failureText(err)}` });
      }
    })();
  }

  const failed = outcome.kind === 'error';
  const described = (hint?: string) =>
    [hint, failed ? 'sync-form-error' : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <form class="sync-form" onSubmit={save}>
      <fieldset class="card">
        <legend>Your WebDAV server</legend>
        <label class="stacked">
          Folder address (WebDAV)
          <input
            type="url"
            name="url"
            autocomplete="url"
            spellcheck={false}
            value={url}
            placeholder="https://cloud.example.org/remote.php/dav/files/you/"
            aria-describedby={described('sync-url-hint')}
            aria-invalid={failed || undefined}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </label>
        <p id="sync-url-hint" class="hint">
          Nextcloud: https://your-host/remote.php/dav/files/your-user/. Papershelf asks the browser for access to this
          one server when you save.
        </p>
        <label class="stacked">
          User name
          <input
            name="user"
            autocomplete="username"
            spellcheck={false}
            value={user}
            aria-describedby={described(status.enabled ? 'sync-saved-hint' : undefined)}
            onInput={(e) => setUser(e.currentTarget.value)}
          />
        </label>
        <label class="stacked">
          App password
          <input
            type="password"
            name="password"
            autocomplete="new-password"
            value={password}
            aria-describedby={described(status.enabled ? 'sync-saved-hint' : 'sync-password-hint')}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {status.enabled ? (
          <p id="sync-saved-hint" class="hint">
            User name and password saved (kept on this device, never shown). Type them again only to change the server.
          </p>
        ) : (
          <p id="sync-password-hint" class="hint">
            Use an app password (Nextcloud: Settings → Security → Create new app password), not your login password.
          </p>
        )}
        <label class="stacked">
          Folder
          <input
            name="folder"
            spellcheck={false}
            value={folder}
            aria-describedby={described('sync-folder-hint')}
            onInput={(e) => setFolder(e.currentTarget.value)}
          />
        </label>
        <p id="sync-folder-hint" class="hint">
          Inside the address above; made if missing. Use the same folder on each of your devices.
        </p>
        <div class="buttons">
          <button type="button" disabled={outcome.kind === 'working'} onClick={test}>
            Test connection
          </button>
          <button type="submit" disabled={outcome.kind === 'working'}>
            {status.enabled ? 'Save' : 'Save and turn sync on'}
          </button>
        </div>
        <div aria-live="polite">
          {outcome.kind === 'working' || outcome.kind === 'ok' ? <p>{outcome.text}</p> : null}
        </div>
        {failed ? (
          <p id="sync-form-error" role="alert" class="sync-error">
            {outcome.text}
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
