// Secrets through Electron safeStorage: encrypted at rest, refused where the OS would only obfuscate.
import { readFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSafeStorageSecretStore, SecretStorageUnavailableError } from '../../../src-main/electron/safe-storage-secrets.js';
import { resetFakeElectron, safeStorage } from '../../fakes/electron.js';
import { openConfStore, tempHome } from './shell-harness.js';

let home: string;
beforeEach(() => {
  resetFakeElectron();
  home = tempHome();
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const TOKEN = 'xoxb-1234-plain-token-value';

describe('safeStorage secret store', () => {
  it('round-trips a secret, stored encrypted: the file never holds the plain token', () => {
    const store = openConfStore(home, 'secrets');
    const secrets = createSafeStorageSecretStore(store, 'linux');
    secrets.set('slackToken', TOKEN);
    expect(secrets.get('slackToken')).toBe(TOKEN);
    const file = readFileSync(store.path, 'utf8');
    expect(file).not.toContain(TOKEN);
    expect(file).not.toContain('plain-token');
    expect(JSON.parse(file)).toHaveProperty('slackToken', expect.stringMatching(/^[A-Za-z0-9+/]+=*$/));
    // A second store over the same file (the next start) reads it back.
    expect(createSafeStorageSecretStore(openConfStore(home, 'secrets'), 'linux').get('slackToken')).toBe(TOKEN);
    expect(secrets.protection()).toEqual({ backend: 'safeStorage (gnome_libsecret)' });
  });

  it('deletes a secret', () => {
    const secrets = createSafeStorageSecretStore(openConfStore(home, 'secrets'), 'linux');
    secrets.set('hubToken', 'it_abcdefghijklmnopqrstuvwxyz');
    secrets.delete('hubToken');
    expect(secrets.get('hubToken')).toBeUndefined();
  });

  it('on Linux without a keyring (basic_text) refuses to store, with a loud warning', () => {
    safeStorage.backend = 'basic_text';
    const store = openConfStore(home, 'secrets');
    const secrets = createSafeStorageSecretStore(store, 'linux');
    expect(() => secrets.set('slackToken', TOKEN)).toThrow(SecretStorageUnavailableError);
    expect(store.get('slackToken')).toBeUndefined();
    const { warning } = secrets.protection();
    expect(warning).toMatch(/Secrets cannot be saved: no keyring/);
    expect(warning).toContain('SLACK_TOKEN');
  });

  it('where the OS offers no encryption at all, refuses too and reads nothing', () => {
    const store = openConfStore(home, 'secrets');
    createSafeStorageSecretStore(store, 'darwin').set('pagerdutyToken', 'pd-token');
    safeStorage.encryptionAvailable = false;
    const secrets = createSafeStorageSecretStore(store, 'darwin');
    expect(secrets.get('pagerdutyToken')).toBeUndefined();
    expect(() => secrets.set('pagerdutyToken', 'pd-token')).toThrow(/no encryption/);
    expect(secrets.protection()).toMatchObject({ backend: 'none', warning: expect.stringContaining('environment') });
  });

  it('treats a value it cannot decrypt (another user, another keyring) as unset', () => {
    const store = openConfStore(home, 'secrets');
    store.set('slackToken', Buffer.from('garbage').toString('base64'));
    expect(createSafeStorageSecretStore(store, 'linux').get('slackToken')).toBeUndefined();
  });

  it('names the OS backend on macOS and Windows', () => {
    const store = openConfStore(home, 'secrets');
    expect(createSafeStorageSecretStore(store, 'darwin').protection()).toEqual({ backend: 'safeStorage (macOS Keychain)' });
    expect(createSafeStorageSecretStore(store, 'win32').protection()).toEqual({ backend: 'safeStorage (Windows DPAPI)' });
  });
});
