// The settings file under plain Node (CLI, UI harness, tests), served by `conf` — the library
// electron-store is built on, so the app and the CLI read the same JSON file format.
import Conf from 'conf';
import type { Settings } from '../../../src-shared/settings.js';
import type { SettingsFile } from '../ports.js';

export function createNodeSettingsFile(home: string): SettingsFile {
  const conf = new Conf<{ settings?: unknown }>({ cwd: home, configName: 'settings', projectName: 'incident-tray' });
  return {
    path: conf.path,
    read: () => conf.get('settings'),
    write: (settings: Settings) => conf.set('settings', settings),
  };
}
