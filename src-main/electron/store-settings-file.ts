// The settings file of the app: the `settings` key of settings.json in the app home — the same file
// and key the CLI reads through `conf` (core/settings/node-settings-file.ts), so both see one truth.
import type { Settings } from '../../src-shared/settings.js';
import type { SettingsFile } from '../core/ports.js';
import type { JsonStore } from './json-store.js';

export function createStoreSettingsFile(store: JsonStore): SettingsFile {
  return {
    path: store.path,
    read: () => store.get('settings'),
    write: (settings: Settings) => store.set('settings', settings),
  };
}
