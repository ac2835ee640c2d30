// Secrets under plain Node (CLI and UI harness), where no OS keychain API is available: a JSON file
// readable by its owner only. The app uses Electron safeStorage instead; this store says plainly
// that it is weaker, and environment variables (SLACK_TOKEN …) remain the preferred CLI route.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SECRET_NAMES, type SecretName } from '../../../src-shared/settings.js';
import type { SecretStore } from '../ports.js';

export function createFileSecretStore(home: string): SecretStore {
  const file = join(home, 'secrets.json');
  const read = (): Partial<Record<SecretName, string>> => {
    if (!existsSync(file)) return {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!parsed || typeof parsed !== 'object') return {};
      return Object.fromEntries(
        Object.entries(parsed).filter(
          ([k, v]) => (SECRET_NAMES as readonly string[]).includes(k) && typeof v === 'string',
        ),
      ) as Partial<Record<SecretName, string>>;
    } catch {
      return {};
    }
  };
  const write = (values: Partial<Record<SecretName, string>>) => {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(values), { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, file); // atomic: a crash never leaves half a secrets file
  };
  return {
    get: (name) => read()[name],
    set: (name, value) => write({ ...read(), [name]: value }),
    delete: (name) => {
      const values = read();
      delete values[name];
      write(values);
    },
    protection: () => ({
      backend: 'file (owner-only permissions)',
      warning: `Secrets are kept unencrypted in ${file} (readable by your user only). Prefer environment variables, or the desktop app, which encrypts them with the OS keychain.`,
    }),
  };
}
