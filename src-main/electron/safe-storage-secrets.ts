// Secrets of the app (DESIGN.md §5), encrypted with Electron safeStorage — the OS keychain on macOS,
// DPAPI on Windows, libsecret/KWallet on Linux — and kept as base64 in secrets.json of the app home.
// Where safeStorage would only obfuscate (Linux without a keyring falls back to "basic_text", a
// hard-coded key), the store refuses to keep secrets at all and says so: environment variables
// (SLACK_TOKEN …) still work, and nobody believes a token is protected when it is not.
import { safeStorage } from 'electron';
import { SECRET_NAMES, type SecretName } from '../../src-shared/settings.js';
import { SecretStorageUnavailableError, type SecretStore } from '../core/ports.js';
import type { JsonStore } from './json-store.js';

// Defined in the core so that the settings command can tell "cannot store secrets here" from a bug.
export { SecretStorageUnavailableError };

const ENV_HINT =
  'Set SLACK_TOKEN, PAGERDUTY_TOKEN, PAGERDUTY_ROUTING_KEY or HUB_TOKEN in the environment instead.';

function backendName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'safeStorage (macOS Keychain)';
  if (platform === 'win32') return 'safeStorage (Windows DPAPI)';
  return `safeStorage (${safeStorage.getSelectedStorageBackend()})`;
}

/** Why secrets cannot be protected here, or undefined when they can. */
function unavailableReason(platform: NodeJS.Platform): string | undefined {
  if (!safeStorage.isEncryptionAvailable()) {
    return `Secrets cannot be saved: this system offers no encryption for them (Electron safeStorage is unavailable). ${ENV_HINT}`;
  }
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return `Secrets cannot be saved: no keyring (GNOME Keyring / KWallet via libsecret) was found, and without one they would be stored with a hard-coded key, i.e. effectively in plain text. Install and unlock a keyring, then restart, or: ${ENV_HINT}`;
  }
  return undefined;
}

export function createSafeStorageSecretStore(store: JsonStore, platform: NodeJS.Platform = process.platform): SecretStore {
  const isSecretName = (key: string): key is SecretName => (SECRET_NAMES as readonly string[]).includes(key);
  return {
    get(name) {
      if (unavailableReason(platform) !== undefined) return undefined;
      const stored = store.get(name);
      if (typeof stored !== 'string') return undefined;
      try {
        return safeStorage.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        // Encrypted under another user or keyring: unreadable is the same as unset; saving again fixes it.
        return undefined;
      }
    },
    set(name, value) {
      const reason = unavailableReason(platform);
      if (reason !== undefined) throw new SecretStorageUnavailableError(reason);
      if (!isSecretName(name)) throw new Error(`unknown secret ${String(name)}`);
      store.set(name, safeStorage.encryptString(value).toString('base64'));
    },
    delete(name) {
      // Forgetting a secret is always allowed, keyring or not.
      store.delete(name);
    },
    protection() {
      const reason = unavailableReason(platform);
      const backend = safeStorage.isEncryptionAvailable() ? backendName(platform) : 'none';
      return reason === undefined ? { backend } : { backend, warning: reason };
    },
  };
}
