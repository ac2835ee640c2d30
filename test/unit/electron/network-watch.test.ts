import { afterEach, describe, expect, it, vi } from 'vitest';
import { net, powerMonitor, resetFakeElectron } from '../../fakes/electron.js';
import { watchNetwork } from '../../../src-main/electron/network-watch.js';

describe('watchNetwork (the outbox resumes on reconnect)', () => {
  afterEach(() => resetFakeElectron());

  it('calls back when the machine wakes up or the screen is unlocked', () => {
    const reconnected = vi.fn();
    const stop = watchNetwork(reconnected, 60_000);
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(reconnected).toHaveBeenCalledTimes(2);
    stop();
    powerMonitor.emit('resume');
    expect(reconnected).toHaveBeenCalledTimes(2);
  });

  it('calls back once when the network comes back, not while it stays up or down', async () => {
    const reconnected = vi.fn();
    net.online = false;
    const stop = watchNetwork(reconnected, 5);
    await new Promise((r) => setTimeout(r, 30));
    expect(reconnected).not.toHaveBeenCalled();
    net.online = true;
    await vi.waitFor(() => expect(reconnected).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 30));
    expect(reconnected).toHaveBeenCalledTimes(1);
    stop();
  });
});
