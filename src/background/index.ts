/**
 * The service worker: the only writer of the database. Listeners are registered synchronously at
 * start so that a message that woke the worker is delivered; nothing is kept in memory between
 * events, because Manifest V3 may stop the worker at any moment.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { DB_NAME } from '../db/schema';
import { openRecordingDatabase } from '../db/recording';
import { readConfig } from '../db/sync-store';
import { syncService, type SyncService } from './sync/service';
import type { Push } from '../shared/protocol';
import { parseRequest } from '../shared/requests';
import { indexPending } from '../db/papers';
import { forgetStaleCleared, pruneDue, pruneSeen } from '../db/history';
import { readSettings } from '../db/settings';
import { updateBadge } from './badge';
import { pushToTabs } from './broadcast';
import { handle, type Notifier } from './handlers';
import { learntSuggestions } from './learnt';
import { importQuiet } from './import-quiet';
import { priorityGate } from './priority';
import { requestRunner } from './request-lanes';
import { PAPER_LINK_PATTERNS, SAVE_LINK_MENU, saveLinkRequest } from './save-link';
import { checkSender, mayAsk } from './sender';
import { outboxDrainer } from './outbox-drain';
import { OUTBOX_PREFIX } from '../shared/outbox';
import { WELCOME_PAGE, welcomeOnce } from './welcome';

/** Set below, once the gate it waits on exists; a change recorded before that waits for the start run. */
const syncRef: { current?: SyncService } = {};
const db = openRecordingDatabase(DB_NAME, { onRecorded: () => syncRef.current?.changed() });
const extensionOrigin = browser.runtime.getURL('');

const notify: Notifier = {
  statesChanged(states) {
    void updateBadge(db);
    return send({ type: 'states/changed', states });
  },
  settingsChanged(settings) {
    void send({ type: 'settings/changed', settings });
  },
  suggestionsChanged() {
    void send({ type: 'suggestions/changed' });
  },
};

/** User requests first; indexing, imports and retraining take turns between them. */
const gate = priorityGate();
/** Imports' batches, which background work also waits for; the page's next batch comes within 1.5 s of an answer. */
const imports = importQuiet(1_500);
const runRequest = requestRunner(gate, imports);

/** Background work's turn: after an import's batches, and when no user request is in flight. */
const backgroundTurn = async () => {
  await imports.quiet();
  await gate.turn();
};

/**
 * Sync through the user's WebDAV folder (docs/sync.md): at start, a few seconds after changes,
 * every 15 minutes by alarm, and on "Sync now". Its status goes to the extension's own pages only
 * (runtime.sendMessage does not reach content scripts).
 */
const sync = syncService({
  db,
  config: () => readConfig(db),
  turn: backgroundTurn,
  statesChanged: (states) => notify.statesChanged(states),
  settingsChanged: (settings) => notify.settingsChanged(settings),
  pushStatus: (status) => {
    void keepSyncAlarm(status.enabled);
    void browser.runtime.sendMessage({ type: 'sync/status', status }).catch(() => undefined);
  },
});
const SYNC_ALARM = 'sync';
/** The periodic run's alarm exists only while sync is on: a library that does not sync is never woken for it. */
async function keepSyncAlarm(enabled: boolean): Promise<void> {
  const alarm = await browser.alarms.get(SYNC_ALARM);
  if (enabled && !alarm) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 15 });
  else if (!enabled && alarm) await browser.alarms.clear(SYNC_ALARM);
}
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === SYNC_ALARM) void sync.alarm();
});
syncRef.current = sync;
void sync.syncNow();

const learnt = learntSuggestions(db, Date.now, () => notify.suggestionsChanged(), backgroundTurn);

async function send(message: Push) {
  await pushToTabs(message).catch((err: unknown) => console.error('Papershelf: push failed', err));
}

/** Runs a checked request; `senderUrl`: the page a content script sent it from, if one did. */
const handleFrom = (request: Parameters<typeof handle>[0], senderUrl: string | undefined) =>
  handle(request, {
    db,
    now: Date.now,
    notify,
    indexLater,
    pruneLater,
    learnt,
    ...(syncRef.current ? { sync: syncRef.current } : {}),
    ...(senderUrl ? { senderUrl } : {}),
  });

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const from = checkSender(sender, browser.runtime.id, extensionOrigin);
  if (!from.ok) return Promise.resolve({ ok: false, error: 'sender not allowed' });
  const parsed = parseRequest(message);
  if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
  if (!mayAsk(from, parsed.value.type))
    return Promise.resolve({ ok: false, error: `${parsed.value.type} is not allowed from a web page` });
  const request = parsed.value;
  return runRequest(request.type, () => handleFrom(request, from.pageUrl)).then(
    (value) => ({ ok: true, value }),
    (err: unknown) => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});

/**
 * Writes kept in the outbox by pages that closed before the worker answered (issue 20, point 3):
 * drained at every start, and a second after the outbox last changed — `storage.onChanged` also
 * wakes a stopped worker, so a write put there just before its tab closed is applied even then.
 * Each runs as a user request through the same handler as its message would.
 */
const outbox = outboxDrainer(
  {
    getAll: () => browser.storage.local.get(null),
    remove: (keys) => browser.storage.local.remove(keys),
  },
  (request, senderUrl) => gate.user(() => handleFrom(request, senderUrl)),
  1_000,
);
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if (Object.entries(changes).some(([key, change]) => key.startsWith(OUTBOX_PREFIX) && change.newValue !== undefined))
    outbox.later();
});
void outbox.now();

/**
 * Search words for imported papers, after the import, and for a library upgraded to schema 7; a
 * worker stopped half-way goes on here. Between batches, a cheap extension API call resets the
 * worker's 30-second idle timer: 10,000 papers take about that long.
 */
let indexing = false;
let indexAgain = false;
function indexLater() {
  // One run at a time: an import of many batches asks after each, and the run under way takes
  // every paper still marked, so a request during it only asks for one more look at the end.
  if (indexing) {
    indexAgain = true;
    return;
  }
  indexing = true;
  const stayAwake = () => void browser.runtime.getPlatformInfo().catch(() => undefined);
  indexPending(db, stayAwake, backgroundTurn)
    .catch((err: unknown) => console.error('Papershelf: indexing for search failed', err))
    .finally(() => {
      indexing = false;
      if (indexAgain) {
        indexAgain = false;
        indexLater();
      }
    });
}
indexLater();

/**
 * Papers only seen that the keepSeen setting no longer keeps go at a worker start, at most once a
 * day, and when the setting changes: the worker starts whenever a supported page or the popup
 * wakes it, so no alarm (and no `alarms` permission) is needed. In background turns, like indexing.
 */
let pruning: Promise<void> | undefined;
function pruneLater(force = true) {
  pruning = (pruning ?? Promise.resolve())
    .then(async () => {
      const now = Date.now();
      await forgetStaleCleared(db, now);
      if (!force && !(await pruneDue(db, now))) return;
      const { keepSeen } = await readSettings(db);
      await imports.quiet();
      await pruneSeen(db, keepSeen, Date.now(), backgroundTurn);
    })
    .catch((err: unknown) => console.error('Papershelf: pruning seen papers failed', err));
}
pruneLater(false);

browser.runtime.onInstalled.addListener(({ reason }) => {
  void updateBadge(db);
  // Menus persist across worker restarts, but not across updates: made again on every install.
  browser.contextMenus.create(
    { id: SAVE_LINK_MENU, title: 'Save to Papershelf', contexts: ['link'], targetUrlPatterns: PAPER_LINK_PATTERNS },
    () => void browser.runtime.lastError,
  );
  if (reason === 'install') {
    welcomeOnce(db, Date.now(), () => browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) })).catch(
      (err: unknown) => console.error('Papershelf: could not open the welcome page', err),
    );
  }
});

browser.contextMenus.onClicked.addListener((info) => {
  const request = info.menuItemId === SAVE_LINK_MENU ? saveLinkRequest(info.linkUrl) : undefined;
  if (!request) return;
  handle(request, {
    db,
    now: Date.now,
    notify,
    indexLater,
    learnt,
    ...(info.pageUrl ? { senderUrl: info.pageUrl } : {}),
  }).catch((err: unknown) => console.error('Papershelf: could not save the link', err));
});
browser.runtime.onStartup.addListener(() => void updateBadge(db));
