// The PagerDuty watcher as the app runs it (through the core): a page assigned to me is a native
// notification (urgent) and a row in snapshot.watch.pages; acknowledging it from the popover's
// command reaches PagerDuty (spec-validated) and the row follows; being on call shows in the state.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCommandHandlers } from '../../../src-main/core/command-handlers.js';
import type { Core } from '../../../src-main/core/create-core.js';
import { createNodeCore } from '../../../src-main/core/create-node-core.js';
import type { NotificationRequest } from '../../../src-main/core/ports.js';
import { describeViolations } from '../../fakes/fake-http.js';
import { startPagerDutyFake, type PagerDutyFake } from '../../fakes/pagerduty-fake.js';
import { makeTempHome } from '../../support/temp-home.js';

const ME = { id: 'PME', email: 'me@example.com', name: 'Me' };
const TOKEN = 'pd-watch-token';

describe('the core watching PagerDuty', () => {
  let fake: PagerDutyFake;
  let core: Core;
  let temp: ReturnType<typeof makeTempHome>;
  let seen: NotificationRequest[];
  afterEach(async () => {
    await core?.close();
    const violations = describeViolations(fake.calls);
    await fake?.close();
    temp?.cleanup();
    expect(violations).toEqual([]);
  });

  it('a page is an urgent notification and a row I can acknowledge; my shift shows as on call', async () => {
    fake = await startPagerDutyFake({ token: TOKEN, services: [{ id: 'PCHKOUT', name: 'checkout' }], users: [ME] });
    fake.addOnCallShift({ userId: ME.id, start: new Date(Date.now() - 3600_000).toISOString(), end: new Date(Date.now() + 3600_000).toISOString() });
    temp = makeTempHome();
    seen = [];
    core = createNodeCore({
      home: temp.home,
      env: { PAGERDUTY_TOKEN: TOKEN, PAGERDUTY_API_URL: fake.restUrl, PAGERDUTY_FROM_EMAIL: ME.email },
      background: true,
      notifier: { notify: (n) => seen.push(n) },
      pagerdutyIntervals: { pagedMs: 100, idleMs: 100, batteryMs: 100 },
    });
    await core.start();
    await vi.waitFor(() => expect(core.snapshot().watch?.onCall?.now).toBe(true), { timeout: 5_000 });

    const page = fake.triggerIncident({ title: 'Checkout 5xx', serviceId: 'PCHKOUT', assigneeIds: [ME.id] });
    await vi.waitFor(() => expect(seen.map((n) => n.kind)).toContain('paged'), { timeout: 5_000 });
    expect(seen.find((n) => n.kind === 'paged')).toMatchObject({ urgent: true, url: page.html_url });
    expect(core.snapshot().watch?.pages).toMatchObject([{ id: page.id, status: 'triggered', url: page.html_url }]);

    const handlers = createCommandHandlers(core, { openExternal: async () => undefined, showWindow: async () => undefined });
    expect(await handlers['page.act']({ id: page.id, action: 'acknowledge' })).toEqual({ ok: true, value: null });
    expect(fake.incidents.find((i) => i.id === page.id)?.status).toBe('acknowledged');
    await vi.waitFor(() => expect(core.snapshot().watch?.pages[0]?.status).toBe('acknowledged'), { timeout: 5_000 });
    expect(seen.filter((n) => n.kind === 'paged')).toHaveLength(1);
  });
});
