// The Notifier port of the core, raised as native OS notifications.
import { Notification } from 'electron';
import type { NotificationRequest, Notifier } from '../core/ports.js';

export function createElectronNotifier(options: { onClick(notification: NotificationRequest): void }): Notifier {
  // Electron forgets click handlers of notifications that were garbage collected: hold each one
  // until it is clicked or closed.
  const alive = new Set<Notification>();
  return {
    notify(request) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title: request.title, body: request.body });
      alive.add(notification);
      notification.on('click', () => {
        alive.delete(notification);
        options.onClick(request);
      });
      notification.on('close', () => alive.delete(notification));
      notification.show();
    },
  };
}
