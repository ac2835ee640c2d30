// "Resumed on start and on reconnect" (issue #5): the outbox retries declares the network failed on
// its own schedule; this makes it immediate when the machine wakes up, the screen is unlocked, or the
// network comes back (Electron has no online event in main: `net.isOnline()` is polled, cheaply).
import { net, powerMonitor } from 'electron';

const ONLINE_POLL_MS = 5_000;

/** Calls `reconnected` on wake, unlock and offline→online; returns the stop. */
export function watchNetwork(reconnected: () => void, pollMs = ONLINE_POLL_MS): () => void {
  let online = net.isOnline();
  const poll = setInterval(() => {
    const now = net.isOnline();
    if (now && !online) reconnected();
    online = now;
  }, pollMs);
  poll.unref();
  powerMonitor.on('resume', reconnected);
  powerMonitor.on('unlock-screen', reconnected);
  return () => {
    clearInterval(poll);
    powerMonitor.off('resume', reconnected);
    powerMonitor.off('unlock-screen', reconnected);
  };
}
