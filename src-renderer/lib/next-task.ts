/**
 * Runs `callback` in a task of its own, so that input waiting meanwhile is handled first. A
 * MessageChannel message rather than a timer: timers are clamped when nested and stand still under
 * a test's paused fake clock. Answers a cancel.
 */
export function nextTask(callback: () => void): () => void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
  return () => channel.port1.close();
}
