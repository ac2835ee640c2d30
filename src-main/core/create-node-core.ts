// The core with plain-Node adapters (conf settings file, file secret store) and the embedded local
// store: used by the CLI, the UI harness and the tests. The Electron shell passes electron-store
// and safeStorage instead.
import { openEmbeddedIncidentStore } from '../../src-hub/embedded/embedded-incident-store.js';
import { createCore, type Core, type CoreOptions } from './create-core.js';
import { defaultAppHome } from './settings/app-home.js';
import { createFileSecretStore } from './settings/file-secret-store.js';
import { createNodeSettingsFile } from './settings/node-settings-file.js';

export function createNodeCore(options: Partial<CoreOptions> = {}): Core {
  const env = options.env ?? process.env;
  const home = options.home ?? defaultAppHome(env);
  return createCore({
    ...options,
    home,
    env,
    settingsFile: options.settingsFile ?? createNodeSettingsFile(home),
    secrets: options.secrets ?? createFileSecretStore(home),
    openLocalStore: options.openLocalStore ?? openEmbeddedIncidentStore,
  });
}
