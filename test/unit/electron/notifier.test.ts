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

  it('stays silent where the OS has no notifications', () => {
    Notification.supported = false;
    createElectronNotifier({ onClick: () => undefined }).notify({ kind: 'k', title: 't', body: 'b' });
    expect(Notification.shown).toEqual([]);
  });
});
