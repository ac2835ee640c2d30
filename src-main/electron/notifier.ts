// The Notifier port of the core, raised as native OS notifications.
import { Notification } from 'electron';
import type { NotificationRequest, Notifier } from '../core/ports.js';

export interface ElectronNotifierOptions {
  onClick(notification: NotificationRequest): void;
  /** "Acknowledge" pressed on a page's notification (macOS shows notification actions). */
  onAcknowledge?(pageId: string): void;
}

export function createElectronNotifier(options: ElectronNotifierOptions): Notifier {
  // Electron forgets click handlers of notifications that were garbage collected: hold each one
  // until it is clicked or closed.
  const alive = new Set<Notification>();
  return {
    notify(request) {
      if (!Notification.isSupported()) return;
      const acknowledgeable = request.pageId !== undefined && options.onAcknowledge !== undefined;
      const notification = new Notification({
        title: request.title,
        body: request.body,
        // A page asks for attention until acted on; other notifications come and go.
        ...(request.urgent ? { urgency: 'critical' as const, timeoutType: 'never' as const } : {}),
        ...(acknowledgeable ? { actions: [{ type: 'button' as const, text: 'Acknowledge' }] } : {}),
      });
      alive.add(notification);
      if (acknowledgeable && request.pageId) {
        const pageId = request.pageId;
        notification.on('action', () => {
          alive.delete(notification);
          options.onAcknowledge?.(pageId);
        });
      }
      notification.on('click', () => {
        alive.delete(notification);
        options.onClick(request);
      });
      notification.on('close', () => alive.delete(notification));
      notification.show();
    },
  };
}
