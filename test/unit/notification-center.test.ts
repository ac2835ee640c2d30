import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotificationCenter } from '../../src-main/core/notify/notification-center.js';
import { NotificationLedger } from '../../src-main/core/notify/notification-ledger.js';
import type { NotificationRequest } from '../../src-main/core/ports.js';
import { openDatabase, type AppDatabase } from '../../src-main/core/store/database.js';
import type { WatchEvent } from '../../src-main/core/watch/watch-event.js';

const event = (n: number, kind: WatchEvent['kind'] = 'teammate-declared'): WatchEvent => ({
  source: 'hub',
  eventId: `incident:${n}:declared`,
  kind,
  title: `SEV2 declared: number ${n}`,
  body: 'b',
  incidentId: String(n),
  at: '2026-11-24T10:00:00Z',
});

describe('the notification center', () => {
  let db: AppDatabase;
  let shown: NotificationRequest[];
  let quiet: boolean;
  const center = () =>
    new NotificationCenter({ ledger: new NotificationLedger(db), notifier: { notify: (n) => shown.push(n) }, clock: { now: () => new Date('2026-11-24T10:00:01Z') }, quiet: () => quiet, groupWindowMs: 60_000 });
  beforeEach(() => {
    db = openDatabase(':memory:');
    shown = [];
    quiet = false;
  });
  afterEach(() => db.close());

  it('a calm rate shows at once; of 1,000 at once the first three show and the rest is one summary; none is told again', () => {
    const c = center();
    for (let n = 0; n < 1000; n++) c.submit(event(n));
    expect(shown.map((n) => n.title)).toEqual(['SEV2 declared: number 0', 'SEV2 declared: number 1', 'SEV2 declared: number 2']);
    c.flush();
    expect(shown[3]).toEqual({ kind: 'summary', title: '997 incident updates', body: expect.stringMatching(/and 994 more$/), at: expect.any(String) });
    expect(shown).toHaveLength(4);
    const again = center();
    for (let n = 0; n < 1000; n++) again.submit(event(n));
    again.flush();
    expect(shown).toHaveLength(4);
  });

  it('a page in a burst shows at once on its own, urgent, even in quiet mode; the rest waits for quiet to end', () => {
    quiet = true;
    const c = center();
    for (let n = 0; n < 5; n++) c.submit(event(n));
    c.submit({ ...event(99, 'paged'), source: 'pagerduty', title: 'Paged: DB down' });
    expect(shown.map((n) => n.kind)).toEqual(['paged']);
    c.flush();
    expect(shown).toEqual([expect.objectContaining({ kind: 'paged', title: 'Paged: DB down', urgent: true })]);
    expect(c.heldCount()).toBe(5);
    quiet = false;
    c.endQuiet();
    expect(shown.map((n) => n.kind)).toEqual(['paged', 'summary']);
    expect(c.heldCount()).toBe(0);
  });

  it('the same event submitted twice before it is shown is told once', () => {
    const c = center();
    c.submit(event(1));
    c.submit(event(1));
    c.flush();
    expect(shown).toHaveLength(1);
  });
});
