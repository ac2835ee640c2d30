// Where settings, secrets and the SQLite file live: INCIDENT_TRAY_HOME, else the OS app-data folder.
// The app and the CLI use the same folder, so `incident-tray list` sees what the tray declared.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'incident-tray';

export function defaultAppHome(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.INCIDENT_TRAY_HOME) return env.INCIDENT_TRAY_HOME;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}

export const databaseFile = (home: string): string => join(home, 'incident-tray.db');
