// The core's open list (src-main/core/incidents/open-incidents.ts): reads that overlap a burst of
// changes are shared, and what the event stream tells while a read is under way is not overwritten
// by that read's older answer. The store is a hand-written HubClient whose list answers when the test
// says (the ordering under test is not reachable reliably through a real hub).
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src-shared/domain.js';
import type { HubClient, ListResult } from '../../src-shared/hub-client-contract.js';
import { OpenIncidents } from '../../src-main/core/incidents/open-incidents.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 12, minute)).toISOString();
const incident = (id: string, minute: number, overrides: Partial<Incident> = {}): Incident => ({
  id,
  name: `inc-${id}`,
  title: `Incident ${id}`,
  severity: 'SEV2',
  status: 'investigating',
  declaredBy: 'tea@example.com',
  createdAt: at(0),
  updatedAt: at(minute),
  links: {},
  ...overrides,
});

/** A store whose every list call waits until the test answers it. */
function heldStore() {
  const pending: Array<(answer: ListResult) => void> = [];
  const store = { listIncidents: () => new Promise<ListResult>((resolve) => pending.push(resolve)) } as unknown as HubClient;
  return { store: async () => store, pending };
}

const answer = (incidents: Incident[]): ListResult => ({ notModified: false, etag: `"${incidents.length}"`, incidents });

describe('OpenIncidents', () => {
  it('refreshes asked for while one read is under way share one more read after it', async () => {
    const { store, pending } = heldStore();
    const open = new OpenIncidents(store);
    const first = open.refresh();
    const others = [open.refresh(), open.refresh(), open.refresh()];
    await Promise.resolve();
    expect(pending).toHaveLength(1);
    pending[0]?.(answer([incident('a', 1)]));
    expect(await first).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(pending).toHaveLength(2); // the one shared read, started after the first
    pending[1]?.(answer([incident('a', 1), incident('b', 2)]));
    expect(await Promise.all(others)).toEqual([true, true, true]);
    expect(open.list().map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('applies what the stream tells: added newest first, replaced when newer, removed when resolved, an older copy ignored', () => {
    const open = new OpenIncidents(heldStore().store);
    expect(open.apply(incident('a', 1))).toBe(true);
    expect(open.apply(incident('b', 2))).toBe(true);
    expect(open.list().map((i) => i.id)).toEqual(['b', 'a']);
    expect(open.apply(incident('a', 3, { title: 'Edited' }))).toBe(true);
    expect(open.list().find((i) => i.id === 'a')?.title).toBe('Edited');
    expect(open.apply(incident('a', 2, { title: 'Older' }))).toBe(false);
    expect(open.list().find((i) => i.id === 'a')?.title).toBe('Edited');
    expect(open.apply(incident('b', 4, { status: 'resolved' }))).toBe(true);
    expect(open.list().map((i) => i.id)).toEqual(['a']);
    expect(open.apply(incident('zz', 5, { status: 'resolved' }))).toBe(false);
  });

  it("what the stream told during a read stands over the read's older answer", async () => {
    const { store, pending } = heldStore();
    const open = new OpenIncidents(store);
    const reading = open.refresh();
    await Promise.resolve();
    // While the hub's answer is on its way: an edit, a new incident and a resolve arrive by stream.
    open.apply(incident('a', 5, { title: 'Edited during the read' }));
    open.apply(incident('c', 6));
    open.apply(incident('b', 7, { status: 'resolved' }));
    // The answer was made before those.
    pending[0]?.(answer([incident('a', 1), incident('b', 2)]));
    await reading;
    expect(open.list().map((i) => [i.id, i.title])).toEqual([
      ['c', 'Incident c'],
      ['a', 'Edited during the read'],
    ]);
  });
});
