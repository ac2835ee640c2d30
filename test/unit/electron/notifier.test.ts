import { beforeEach, describe, expect, it } from 'vitest';
import { createElectronNotifier } from '../../../src-main/electron/notifier.js';
import type { NotificationRequest } from '../../../src-main/core/ports.js';
import { Notification, resetFakeElectron } from '../../fakes/electron.js';

beforeEach(() => resetFakeElectron());

describe('Electron notifier', () => {
  it('raises a native notification and reports its click', () => {
    const clicked: NotificationRequest[] = [];
    const notifier = createElectronNotifier({ onClick: (n) => clicked.push(n) });
    const request = { kind: 'incident.created', title: 'SEV1 declared', body: 'inc-20261124-checkout-5xx', incidentId: 'i1' };
    notifier.notify(request);
    expect(Notification.shown.map((n) => n.options)).toEqual([{ title: 'SEV1 declared', body: 'inc-20261124-checkout-5xx' }]);
    Notification.shown[0]?.simulateClick();
    expect(clicked).toEqual([request]);
  });

  it('a page asks for attention until acted on and offers Acknowledge (notification actions)', () => {
    const acknowledged: string[] = [];
    const notifier = createElectronNotifier({ onClick: () => undefined, onAcknowledge: (id) => acknowledged.push(id) });
    notifier.notify({ kind: 'paged', title: 'Paged: DB down', body: 'checkout · high', urgent: true, pageId: 'PABC123', url: 'https://acme.pagerduty.com/incidents/PABC123' });
    expect(Notification.shown[0]?.options).toEqual({
      title: 'Paged: DB down',
      body: 'checkout · high',
      urgency: 'critical',
      timeoutType: 'never',
      actions: [{ type: 'button', text: 'Acknowledge' }],
    });
    Notification.shown[0]?.emit('action', {}, 0);
    expect(acknowledged).toEqual(['PABC123']);
  });

  it('stays silent where the OS has no notifications', () => {
    Notification.supported = false;
    createElectronNotifier({ onClick: () => undefined }).notify({ kind: 'k', title: 't', body: 'b' });
    expect(Notification.shown).toEqual([]);
  });
});
