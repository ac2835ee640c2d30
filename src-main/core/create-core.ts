// The composition of the headless core (DESIGN.md §2): the only module that knows every service.
// The Electron shell, the CLI, the UI harness and the tests all build the app through here.
import { EventEmitter } from 'node:events';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { AppSnapshot, ServiceProblem, WatchState } from '../../src-shared/bridge.js';
import type { DeclareProgress, ServiceSearchResult } from '../../src-shared/domain.js';
import type { ActionResult, EditOutcome, IncidentDetail, IncidentEdit, PostUpdateInput, ResolveInput } from '../../src-shared/incident-actions.js';
import { HubError, type HubClient } from '../../src-shared/hub-client-contract.js';
import type { ConnectionCheck, ConnectionTarget } from '../../src-shared/settings.js';
import { CadenceReminders } from './cadence/cadence-reminders.js';
import { trackIncidents } from './cadence/cadence-tracker.js';
import { IncidentPreferences } from './cadence/incident-preferences.js';
import { checkConnection } from './connection-check.js';
import { DeclareRunner } from './declare/declare-runner.js';
import { DeclareService, type VendorConfiguration } from './declare/declare-service.js';
import { Outbox } from './declare/outbox.js';
import type { DeclareVendors } from './declare/step-context.js';
import { createHubClient } from './hub-client/hub-client.js';
import { DEFAULT_HTTP_TIMEOUT_MS } from './http-timeout.js';
import { nodeHttp } from './node-http.js';
import { IncidentActions } from './incidents/incident-actions.js';
import { OpenIncidents } from './incidents/open-incidents.js';
import { OpenListUpkeep } from './incidents/open-list-upkeep.js';
import type { PagerDutyAccess } from './pagerduty/pagerduty-access.js';
import { PagerDutyGateway } from './pagerduty/pagerduty-gateway.js';
import { ServiceDirectory } from './pagerduty/service-directory.js';
import { systemClock, type Clock, type Http, type Logger, type Notifier, type SecretStore, type SettingsFile } from './ports.js';
import { NotificationCenter } from './notify/notification-center.js';
import { NotificationLedger, WatchPositions } from './notify/notification-ledger.js';
import { HubWatcher } from './watch/hub-watcher.js';
import { PagerDutyWatcher, type PagerDutyWatchIntervals, type PagerDutyWatchState } from './watch/pagerduty-watcher.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry/retry-policy.js';
import { databaseFile } from './settings/app-home.js';
import { SettingsService } from './settings/settings-service.js';
import { SlackGateway } from './slack/slack-gateway.js';
import { openDatabase, type AppDatabase } from './store/database.js';

/** Opens the embedded local store (src-hub/embedded) on a SQLite file, acting as `user`. */
export type LocalStoreFactory = (options: { dbPath: string; user: string }) => Promise<HubClient>;

export interface CoreOptions {
  home: string;
  settingsFile: SettingsFile;
  secrets: SecretStore;
  /** The incident store used when no hub is configured. */
  openLocalStore: LocalStoreFactory;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  http?: Http;
  log?: Logger;
  /** SQLite file; defaults to `incident-tray.db` in home. */
  databasePath?: string;
  /** Deadline of every vendor and hub call. */
  httpTimeoutMs?: number;
  retryPolicy?: RetryPolicy;
  /** pdjs's own wait before re-sending a 429 (see pagerduty-gateway.ts). */
  pdjsRateLimitWaitMs?: number;
  /**
   * The app keeps working between commands: it resumes the outbox on a timer and polls the open list.
   * The CLI runs one command and exits, so it resumes and waits explicitly instead.
   */
  background?: boolean;
  /** Raises notifications (native in the app, printed by `watch`); without one the watchers stay off. */
  notifier?: Notifier;
  /** Background mode: how often the outbox looks for declares due another try (tests shorten it). */
  resumeTickMs?: number;
  /** The OS's do-not-disturb, where the shell can read it: like the quiet setting for what waits. */
  osDoNotDisturb?: () => boolean;
  /** Whether the machine runs on battery (the PagerDuty watcher then polls less often when idle). */
  onBattery?: () => boolean;
  pagerdutyIntervals?: PagerDutyWatchIntervals;
  /** How often the hub watcher polls the open list when the event stream is unavailable. */
  watchPollMs?: number;
  /** First wait before a declare the network failed is tried again (see DeclareRunner). */
  resumeBaseMs?: number;
  /** Longest wait between two looks at the update cadence (tests with a hand-moved clock shorten it). */
  reminderCheckMs?: number;
}

export interface Core {
  readonly settings: SettingsService;
  readonly db: AppDatabase;
  /** Opens the store, reads the open list and, in background mode, resumes the outbox. */
  start(): Promise<void>;
  snapshot(): AppSnapshot;
  /** Called with a fresh snapshot whenever something the UI shows changed. */
  onSnapshot(listener: (snapshot: AppSnapshot) => void): () => void;
  /** Called on every step change of any declare. */
  onDeclareProgress(listener: (progress: DeclareProgress) => void): () => void;
  /** Writes the intent and starts the steps; answers at once with the steps pending. */
  declare(input: unknown): Promise<DeclareProgress>;
  /** Runs a declare's unfinished steps now (joins a run in progress). Resolves when the run ends. */
  runDeclare(id: string): Promise<DeclareProgress | undefined>;
  declareProgress(id: string): DeclareProgress | undefined;
  /** Unfinished declares, oldest first. */
  outbox(): DeclareProgress[];
  /** Runs every unfinished declare now and waits for them. */
  resumeOutbox(): Promise<DeclareProgress[]>;
  searchServices(query: string): Promise<ServiceSearchResult>;
  /** One incident with its version and timeline, read fresh from the store. */
  incidentDetail(id: string): Promise<IncidentDetail>;
  /** An edit made on a version: saved, or a conflict that writes nothing. */
  editIncident(edit: IncidentEdit): Promise<EditOutcome>;
  /** Hub update (resets the cadence), then the war room and the digest. */
  postUpdate(input: PostUpdateInput): Promise<ActionResult>;
  /** Hub status resolved, the declare's PagerDuty incident resolved, Slack told. */
  resolveIncident(input: ResolveInput): Promise<ActionResult>;
  /** Pins an open incident as the active one (its countdown drives the tray); undefined unpins. */
  pinIncident(id: string | undefined): void;
  /** Holds an incident's reminders for `minutes` (0 ends the snooze). */
  snoozeIncident(id: string, minutes: number): void;
  /** Acknowledge or resolve a PagerDuty incident assigned to me (popover, notification action). */
  actOnPage(incidentId: string, action: 'acknowledge' | 'resolve'): Promise<void>;
  /** The incident store in use now (team hub or embedded local store). */
  incidentStore(): Promise<HubClient>;
  refreshIncidents(): Promise<void>;
  testConnection(target: ConnectionTarget): Promise<ConnectionCheck>;
  /** Settings (or anything else outside the core's own writes) changed: re-read, resume, tell listeners. */
  refresh(): void;
  /** The OS's do-not-disturb ended: what waited is told now (summarised when many). */
  quietChanged(): void;
  close(): Promise<void>;
}

/** Background mode: how often the outbox looks for declares due another try, and the list is re-read. */
const RESUME_TICK_MS = 5_000;
const LIST_POLL_MS = 15_000;

export function createCore(options: CoreOptions): Core {
  const env = options.env ?? process.env;
  const clock = options.clock ?? systemClock;
  const http = options.http ?? nodeHttp;
  const timeoutMs = options.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  const settings = new SettingsService(options.settingsFile, options.secrets, env);
  const db = openDatabase(options.databasePath ?? databaseFile(options.home));
  const outbox = new Outbox(db);
  const events = new EventEmitter();
  const timers: NodeJS.Timeout[] = [];
  let closed = false;

  const declarer = () => {
    const user = settings.effective().user;
    return user.email ?? user.displayName ?? userInfo().username;
  };
  /** Quiet by my setting or by the OS's do-not-disturb: what is not urgent waits. */
  const quietNow = () => settings.effective().notifications.quiet || (options.osDoNotDisturb?.() ?? false);
  /** Every name I go by: how `commander` and `declaredBy` name me. */
  const myNames = (): Set<string> => {
    const user = settings.effective().user;
    return new Set([user.email, user.displayName, declarer()].filter((n): n is string => Boolean(n)));
  };
  const preferences = new IncidentPreferences(db);
  const configured = (): VendorConfiguration => ({
    slack: settings.secret('slackToken') !== undefined,
    pagerduty: settings.secret('pagerdutyToken') !== undefined || settings.secret('pagerdutyRoutingKey') !== undefined,
    hub: settings.effective().hub.url !== undefined,
  });

  // Stores and gateways are rebuilt when the settings they depend on change (keyed by those settings).
  let store: { key: string; client: Promise<HubClient> } | undefined;
  const storeKey = () => `${settings.effective().hub.url ?? 'local'}|${settings.secret('hubToken') ?? ''}|${declarer()}`;
  const incidentStore = (): Promise<HubClient> => {
    const key = storeKey();
    if (store?.key === key) return store.client;
    const previous = store;
    const url = settings.effective().hub.url;
    const client = url
      ? Promise.resolve(createHubClient({ baseUrl: url, token: settings.secret('hubToken') ?? '', http, timeoutMs }))
      : options.openLocalStore({ dbPath: join(options.home, 'local-incidents.db'), user: declarer() });
    store = { key, client };
    if (previous) void previous.client.then((c) => c.close?.()).catch(() => undefined);
    openIncidents.reset();
    return client;
  };
  const openIncidents = new OpenIncidents(incidentStore);

  let slack: { key: string; gateway: SlackGateway } | undefined;
  const slackGateway = (): SlackGateway | undefined => {
    const token = settings.secret('slackToken');
    if (!token) return undefined;
    const key = `${token}|${settings.effective().slack.apiUrl}`;
    if (slack?.key !== key) slack = { key, gateway: new SlackGateway({ token, apiUrl: settings.effective().slack.apiUrl, timeoutMs }) };
    return slack.gateway;
  };
  // One gateway per key and URLs: the watcher treats a new gateway as a new key (asks who it is again).
  let pagerduty: { key: string; gateway: PagerDutyGateway } | undefined;
  const pagerdutyGateway = (): PagerDutyGateway | undefined => {
    const token = settings.secret('pagerdutyToken');
    if (!token && !settings.secret('pagerdutyRoutingKey')) return undefined;
    const { apiUrl, eventsUrl } = settings.effective().pagerduty;
    const key = `${token ?? ''}|${apiUrl}|${eventsUrl}`;
    if (pagerduty?.key !== key) {
      pagerduty = { key, gateway: new PagerDutyGateway({ ...(token ? { token } : {}), apiUrl, eventsUrl, timeoutMs, http, ...(options.pdjsRateLimitWaitMs !== undefined ? { pdjsRateLimitWaitMs: options.pdjsRateLimitWaitMs } : {}) }) };
    }
    return pagerduty.gateway;
  };
  /** The REST API (services, watching, acknowledge) needs a key; a routing key alone only pages. */
  const pagerdutyRest = () => (settings.secret('pagerdutyToken') ? pagerdutyGateway() : undefined);
  const services = new ServiceDirectory(pagerdutyRest, clock);

  /** PagerDuty as the declare and the resolve use it: the gateway, which API, and who acts. */
  const pagerdutyAccess = (): PagerDutyAccess | undefined => {
    const gateway = pagerdutyGateway();
    if (!gateway) return undefined;
    const routingKey = settings.secret('pagerdutyRoutingKey');
    const fromEmail = settings.effective().pagerduty.fromEmail ?? settings.effective().user.email;
    return { gateway, canUseRest: settings.secret('pagerdutyToken') !== undefined, ...(routingKey ? { routingKey } : {}), ...(fromEmail ? { fromEmail } : {}) };
  };

  const vendors = (): DeclareVendors => {
    const pagerduty = pagerdutyAccess();
    return {
      slack: slackGateway(),
      ...(pagerduty ? { pagerduty: { ...pagerduty, resolveService: (nameOrId: string) => services.resolve(nameOrId) } } : {}),
      // The runner awaits the store inside each step; a store that fails to open fails the hub step.
      incidents: lazyStore(incidentStore),
    };
  };

  /** A hub that refuses the token is a problem to show (tray attention), not just a failed poll. */
  const hubProblem = (): ServiceProblem | undefined => {
    const error = openIncidents.lastError();
    if (!(error instanceof HubError) || (error.status !== 401 && error.status !== 403)) return undefined;
    return { service: 'hub', message: `The hub refused your token (${error.message}): update the hub token in Settings` };
  };
  const watchState = (): WatchState | undefined => {
    if (!notifications) return undefined;
    const hub = hubProblem();
    const pd = pagerdutyState;
    const problems: ServiceProblem[] = [...(hub ? [hub] : []), ...(pd?.problem ? [{ service: 'pagerduty' as const, message: pd.problem }] : [])];
    return {
      ...(pd?.me ? { onCall: pd.onCall } : {}),
      pages: pd?.assigned ?? [],
      problems,
      heldWhileQuiet: notifications.heldCount(),
    };
  };

  const snapshot = (): AppSnapshot => {
    const tracking = trackIncidents({
      incidents: openIncidents.list(),
      cadence: settings.effective().cadence,
      myNames: myNames(),
      pinned: preferences.pinned(),
      snoozedUntil: preferences.snoozedUntil(clock.now()),
      now: clock.now(),
    });
    const pending = outbox.unfinished().map((d) => outbox.progress(d.id, runner.isRunning(d.id))).filter((p): p is DeclareProgress => p !== undefined);
    return {
      incidents: openIncidents.list(),
      tracking: tracking.entries,
      ...(tracking.active ? { active: tracking.active } : {}),
      store: configured().hub ? 'hub' : 'local',
      configured: configured(),
      pendingDeclares: pending.length,
      outbox: pending,
      me: (() => {
        const user = settings.effective().user;
        return { ...(user.email ? { email: user.email } : {}), ...(user.displayName ? { displayName: user.displayName } : {}) };
      })(),
      ...(notifications ? { watch: watchState() } : {}),
      generatedAt: clock.now().toISOString(),
    };
  };
  // Many changes come in one burst (a declare's steps): one snapshot per tick is enough for any
  // window, and building it on every change was on the declare's critical path (bench:declare).
  let publishQueued = false;
  const publish = () => {
    if (closed || publishQueued) return;
    publishQueued = true;
    setImmediate(() => {
      publishQueued = false;
      if (!closed) events.emit('snapshot', snapshot());
    });
  };

  const runner = new DeclareRunner({
    outbox,
    clock,
    policy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
    vendors,
    settings: () => settings.effective(),
    declarerEmail: () => settings.effective().user.email,
    onProgress: (progress) => {
      if (closed) return;
      events.emit('progress', progress);
      publish();
    },
    ...(options.log ? { log: options.log } : {}),
    ...(options.resumeBaseMs !== undefined ? { resumeBaseMs: options.resumeBaseMs } : {}),
  });
  const declares = new DeclareService(outbox, clock, () => openIncidents.names());

  // Watchers (issue #6) run where someone is there to be told: the app, and `incident-tray watch`.
  const notifications = options.notifier
    ? new NotificationCenter({ ledger: new NotificationLedger(db), notifier: options.notifier, clock, quiet: () => quietNow() })
    : undefined;
  let pagerdutyState: PagerDutyWatchState | undefined;
  const pagerdutyWatcher = notifications
    ? new PagerDutyWatcher({
        gateway: pagerdutyRest,
        fromEmail: () => settings.effective().pagerduty.fromEmail ?? settings.effective().user.email,
        sink: (event) => notifications.submit(event),
        positions: new WatchPositions(db),
        clock,
        onState: (state) => {
          pagerdutyState = state;
          publish();
        },
        ...(options.onBattery ? { onBattery: options.onBattery } : {}),
        ...(options.pagerdutyIntervals ? { intervals: options.pagerdutyIntervals } : {}),
      })
    : undefined;
  const hubWatcher = notifications
    ? new HubWatcher({
        stream: () => {
          const url = settings.effective().hub.url;
          const token = settings.secret('hubToken');
          return url && token ? { url, token } : undefined;
        },
        store: incidentStore,
        positions: new WatchPositions(db),
        sink: (event) => notifications.submit(event),
        me: () => {
          const pinned = preferences.pinned();
          return { names: myNames(), ...(pinned ? { pinned } : {}) };
        },
        clock,
        http,
        // A streamed change is applied as told (no request); after a poll, the list is read again.
        onChange: (incident) => {
          if (!incident) return void refreshIncidents();
          listUpkeep.streamed(incident);
        },
        ...(options.watchPollMs !== undefined ? { pollMs: options.watchPollMs } : {}),
      })
    : undefined;

  const reminders = notifications
    ? new CadenceReminders({
        clock,
        sink: (event) => notifications.submit(event),
        incidents: () => openIncidents.list(),
        cadence: () => settings.effective().cadence,
        myNames,
        pinned: () => preferences.pinned(),
        snoozedUntil: (now) => preferences.snoozedUntil(now),
        ...(options.reminderCheckMs !== undefined ? { maxWaitMs: options.reminderCheckMs } : {}),
      })
    : undefined;

  const actions = new IncidentActions({
    store: incidentStore,
    slack: slackGateway,
    pagerduty: pagerdutyAccess,
    digestChannel: () => settings.effective().slack.digestChannel,
    author: declarer,
    policy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
    afterChange: () => refreshIncidents(),
  });
  const openIncident = (id: string) => {
    const found = openIncidents.list().find((i) => i.id === id);
    if (!found) throw new IncidentNotOpenError(id);
    return found;
  };

  // A refused hub token is told once per episode (until a refresh succeeds again), never a storm.
  let hubTokenEpisode: string | undefined;
  /** The open list changed: preferences of incidents gone are dropped, what is due is reminded, views told. */
  const incidentsChanged = () => {
    if (!openIncidents.lastError()) preferences.forgetAllBut(new Set(openIncidents.list().map((i) => i.id)));
    reminders?.check();
    publish();
  };
  const listUpkeep = new OpenListUpkeep({ openIncidents, read: () => refreshIncidents(), changed: incidentsChanged, retries: options.background === true });

  const refreshIncidents = async () => {
    const changed = await openIncidents.refresh();
    // Closed while the store answered: the database is gone, and nobody is listening.
    if (closed) return;
    listUpkeep.afterRead();
    const problem = hubProblem();
    if (problem && !hubTokenEpisode) {
      hubTokenEpisode = clock.now().toISOString();
      notifications?.submit({ source: 'hub', eventId: `hub:token:${hubTokenEpisode}`, kind: 'token-failed', title: 'The hub refused your token', body: problem.message, at: hubTokenEpisode });
      publish();
    } else if (!problem && hubTokenEpisode) {
      hubTokenEpisode = undefined;
      publish();
    }
    if (changed) incidentsChanged();
  };
  /**
   * What a first declare would otherwise wait for: who the Slack token is, the declarer's Slack user
   * and the PagerDuty service list. Asked when the app starts and when settings change.
   */
  const warmUp = () => {
    const slack = slackGateway();
    const email = settings.effective().user.email;
    void slack?.identity().catch(() => undefined);
    if (slack && email) void slack.userIdByEmail(email).catch(() => undefined);
    void services.search('').catch(() => undefined);
  };

  const runDeclare = async (id: string) => {
    const result = await runner.run(id);
    await refreshIncidents();
    return result;
  };
  const resumeAll = () => Promise.all(outbox.unfinished().map((d) => runDeclare(d.id)));

  return {
    settings,
    db,
    async start() {
      await refreshIncidents();
      // Closed meanwhile (a CLI stopped at once): start nothing that would outlive the database.
      if (!options.background || closed) return;
      await hubWatcher?.start();
      if (closed) return;
      pagerdutyWatcher?.start();
      reminders?.start();
      warmUp();
      void resumeAll();
      timers.push(
        setInterval(() => {
          for (const due of outbox.due(clock.now())) if (!runner.isRunning(due.id)) void runDeclare(due.id);
        }, options.resumeTickMs ?? RESUME_TICK_MS),
        // While the hub's event stream is up, every change already refreshes the list.
        setInterval(() => {
          if (hubWatcher?.mode !== 'stream') void refreshIncidents();
        }, LIST_POLL_MS),
      );
      for (const timer of timers) timer.unref();
    },
    snapshot,
    onSnapshot(listener) {
      events.on('snapshot', listener);
      return () => events.off('snapshot', listener);
    },
    onDeclareProgress(listener) {
      events.on('progress', listener);
      return () => events.off('progress', listener);
    },
    async declare(input) {
      const record = declares.writeIntent(input, settings.effective(), configured(), declarer());
      const started = runDeclare(record.id);
      started.catch((error: unknown) => options.log?.error('declare run failed', { id: record.id, error: String(error) }));
      const progress = outbox.progress(record.id, true);
      if (!progress) throw new Error(`declare ${record.id} vanished from the outbox`);
      publish();
      return progress;
    },
    runDeclare,
    declareProgress: (id) => outbox.progress(id, runner.isRunning(id)),
    outbox: () => snapshot().outbox,
    async resumeOutbox() {
      await resumeAll();
      return snapshot().outbox;
    },
    searchServices: (query) => services.search(query),
    incidentDetail: (id) => actions.detail(id),
    editIncident: (edit) => actions.edit(edit),
    postUpdate: (input) => actions.postUpdate(input),
    resolveIncident: (input) => actions.resolve(input),
    pinIncident(id) {
      if (id !== undefined) openIncident(id);
      preferences.pin(id, clock.now());
      reminders?.check();
      publish();
    },
    snoozeIncident(id, minutes) {
      openIncident(id);
      preferences.snooze(id, minutes > 0 ? new Date(clock.now().getTime() + minutes * 60_000) : undefined);
      reminders?.check();
      publish();
    },
    async actOnPage(incidentId, action) {
      if (!pagerdutyWatcher) throw new Error('PagerDuty is not watched in this process');
      await (action === 'acknowledge' ? pagerdutyWatcher.acknowledge(incidentId) : pagerdutyWatcher.resolve(incidentId));
    },
    incidentStore,
    refreshIncidents,
    testConnection: (target) => checkConnection(target, { settings: settings.effective(), secret: (n) => settings.secret(n), http }),
    refresh() {
      // Settings saved elsewhere (another process, the file by hand) are read again from here on.
      settings.reload();
      publish();
      if (notifications && !quietNow()) notifications.endQuiet();
      void hubWatcher?.resync();
      void pagerdutyWatcher?.pollNow();
      // Settings (cadence rules) changed, or the machine woke: what is due now is reminded now.
      reminders?.check();
      if (options.background) warmUp();
      // A fixed token or a network that is back: declares waiting on either get another go now.
      if (options.background) void resumeAll().then(() => refreshIncidents());
    },
    quietChanged() {
      if (notifications && !quietNow()) notifications.endQuiet();
      publish();
    },
    async close() {
      closed = true;
      for (const timer of timers) clearInterval(timer);
      listUpkeep.close();
      hubWatcher?.stop();
      pagerdutyWatcher?.stop();
      reminders?.stop();
      notifications?.dispose();
      // Runs in flight stop at their next save at the latest; waiting keeps the database open for them.
      await runner.idle();
      events.removeAllListeners();
      if (store) await (await store.client.catch(() => undefined))?.close?.();
      db.close();
    },
  };
}

/** Pin and snooze are about open incidents; anything else is a stale view or a typo. */
export class IncidentNotOpenError extends Error {
  override readonly name = 'IncidentNotOpenError';
  constructor(readonly incidentId: string) {
    super(`no open incident with id ${incidentId}`);
  }
}

/** A HubClient that opens the store on first use, so opening it can fail inside a step (and be retried). */
function lazyStore(open: () => Promise<HubClient>): HubClient {
  return {
    listIncidents: async (q) => (await open()).listIncidents(q),
    getIncident: async (id) => (await open()).getIncident(id),
    createIncident: async (body, o) => (await open()).createIncident(body, o),
    patchIncident: async (id, patch, o) => (await open()).patchIncident(id, patch, o),
    postUpdate: async (id, body, o) => (await open()).postUpdate(id, body, o),
    timeline: async (id) => (await open()).timeline(id),
  };
}
