// The composition of the headless core (DESIGN.md §2): the only module that knows every service.
// The Electron shell, the CLI, the UI harness and the tests all build the app through here.
import { EventEmitter } from 'node:events';
import { userInfo } from 'node:os';
import type { AppSnapshot } from '../../src-shared/bridge.js';
import type { DeclareResult } from '../../src-shared/domain.js';
import type { ConnectionCheck, ConnectionTarget } from '../../src-shared/settings.js';
import { checkConnection } from './connection-check.js';
import { DeclareService, type VendorConfiguration } from './declare/declare-service.js';
import { LocalIncidentStore } from './incidents/local-incident-store.js';
import { systemClock, type Clock, type Http, type SecretStore, type SettingsFile } from './ports.js';
import { databaseFile } from './settings/app-home.js';
import { SettingsService } from './settings/settings-service.js';
import { openDatabase, type AppDatabase } from './store/database.js';

export interface CoreOptions {
  home: string;
  settingsFile: SettingsFile;
  secrets: SecretStore;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  http?: Http;
  /** SQLite file; defaults to `incident-tray.db` in home. */
  databasePath?: string;
}

export interface Core {
  readonly settings: SettingsService;
  readonly db: AppDatabase;
  snapshot(): AppSnapshot;
  /** Called with a fresh snapshot whenever something the UI shows changed. */
  onSnapshot(listener: (snapshot: AppSnapshot) => void): () => void;
  declare(input: unknown): DeclareResult;
  testConnection(target: ConnectionTarget): Promise<ConnectionCheck>;
  /** Tells listeners that settings (or anything else outside the core's own writes) changed. */
  refresh(): void;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  const env = options.env ?? process.env;
  const clock = options.clock ?? systemClock;
  const http = options.http ?? fetch;
  const settings = new SettingsService(options.settingsFile, options.secrets, env);
  const db = openDatabase(options.databasePath ?? databaseFile(options.home));
  const incidents = new LocalIncidentStore(db);
  const declares = new DeclareService(db, incidents, clock);
  const events = new EventEmitter();

  const configured = (): VendorConfiguration => ({
    slack: settings.secret('slackToken') !== undefined,
    pagerduty: settings.secret('pagerdutyToken') !== undefined || settings.secret('pagerdutyRoutingKey') !== undefined,
    hub: settings.effective().hub.url !== undefined,
  });
  const me = () => {
    const user = settings.effective().user;
    return { ...(user.email ? { email: user.email } : {}), ...(user.displayName ? { displayName: user.displayName } : {}) };
  };

  const snapshot = (): AppSnapshot => {
    const vendors = configured();
    return {
      incidents: incidents.listOpen(),
      store: vendors.hub ? 'hub' : 'local',
      configured: vendors,
      pendingDeclares: declares.pendingCount(),
      me: me(),
      generatedAt: clock.now().toISOString(),
    };
  };
  const publish = () => events.emit('snapshot', snapshot());

  return {
    settings,
    db,
    snapshot,
    onSnapshot(listener) {
      events.on('snapshot', listener);
      return () => events.off('snapshot', listener);
    },
    declare(input) {
      const who = me();
      const result = declares.declare(input, settings.effective(), configured(), who.email ?? who.displayName ?? userInfo().username);
      publish();
      return result;
    },
    testConnection: (target) =>
      checkConnection(target, { settings: settings.effective(), secret: (n) => settings.secret(n), http }),
    refresh: publish,
    close() {
      events.removeAllListeners();
      db.close();
    },
  };
}
