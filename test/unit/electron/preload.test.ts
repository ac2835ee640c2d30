// The preload exposes exactly the typed bridge — `invoke` and `on` for the contract's channels — and
// nothing of Electron itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, ipcChannel } from '../../../src-shared/bridge-channels.js';
import type { IncidentTrayBridge } from '../../../src-shared/bridge.js';
import { contextBridge, ipcRenderer, resetFakeElectron } from '../../fakes/electron.js';

let bridge: IncidentTrayBridge;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../../src-main/preload/preload.js');
  bridge = contextBridge.exposed.get('incidentTray') as IncidentTrayBridge;
});

describe('preload', () => {
  it('exposes one object, window.incidentTray, with exactly invoke and on', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['incidentTray']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
    expect(JSON.stringify(Object.getOwnPropertyNames(bridge))).not.toMatch(/ipc|electron|send/i);
  });

  it('invokes each command on its own channel, null standing in for no input', async () => {
    ipcRenderer.answer = async (channel, input) => ({ ok: true, value: { channel, input } });
    for (const command of COMMAND_NAMES) {
      const answer = await bridge.invoke(command, null as never);
      expect(answer).toEqual({ ok: true, value: { channel: ipcChannel(command), input: null } });
    }
    await bridge.invoke('snapshot.get', undefined as never);
    expect(ipcRenderer.invoked.at(-1)).toEqual({ channel: ipcChannel('snapshot.get'), args: [null] });
  });

  it('refuses unknown commands without sending anything', async () => {
    const before = ipcRenderer.invoked.length;
    for (const name of ['electron-store-get-data', 'incident-tray:snapshot.get', '__proto__', 'toString']) {
      const answer = await bridge.invoke(name as never, null as never);
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(ipcRenderer.invoked.length).toBe(before);
  });

  it('delivers events as their payload only (never the IPC event), until unsubscribed', () => {
    const received: unknown[] = [];
    const off = bridge.on('snapshot.changed', (payload) => received.push(payload));
    ipcRenderer.simulateMessage(ipcChannel('snapshot.changed'), { incidents: [] });
    off();
    ipcRenderer.simulateMessage(ipcChannel('snapshot.changed'), { incidents: ['late'] });
    expect(received).toEqual([{ incidents: [] }]);
    expect(ipcRenderer.listenerCount(ipcChannel('snapshot.changed'))).toBe(0);
  });

  it('refuses to subscribe to channels outside the contract', () => {
    expect(() => bridge.on('electron-store-get-data' as never, () => undefined)).toThrow(/unknown event/);
    expect(() => bridge.on('incident-tray:snapshot.changed' as never, () => undefined)).toThrow(/unknown event/);
    expect(() => bridge.on('snapshot.changed', 'not a function' as never)).toThrow(/function/);
    expect(ipcRenderer.eventNames()).toEqual([]);
  });
});
