// Update reminders with a hand-moved clock: due on time, once per slot, not again after a restart,
// once (not once per missed slot) after a long sleep, reset by an update from anywhere, held by a
// snooze, and quiet mode holding all but an overdue SEV1.
import { afterEach, describe, expect, it } from 'vitest';
import { openEmbeddedIncidentStore } from '../../../src-hub/embedded/embedded-incident-store.js';
import type { Core } from '../../../src-main/core/create-core.js';
import { createNodeCore } from '../../../src-main/core/create-node-core.js';
import type { NotificationRequest } from '../../../src-main/core/ports.js';
import type { Severity } from '../../../src-shared/domain.js';
import { makeTempHome } from '../../support/temp-home.js';

const ME = 'ana@example.com';
const T0 = new Date('2026-12-06T10:00:00Z');
const MIN = 60_000;

function reminderWorld(options: { doNotDisturb?: () => boolean } = {}) {
  const temp = makeTempHome();
  const clock = { current: T0, now() { return this.current; } };
  const shown: NotificationRequest[] = [];
  const cores: Core[] = [];
  const open = async () => {
    const core = createNodeCore({
      home: temp.home,
      env: {},
      clock,
      background: true,
      notifier: { notify: (n) => void shown.push(n) },
      openLocalStore: (store) => openEmbeddedIncidentStore({ ...store, now: () => clock.now() }),
      reminderCheckMs: 10,
      ...(options.doNotDisturb ? { osDoNotDisturb: options.doNotDisturb } : {}),
    });
    core.settings.save({ settings: { ...core.settings.effective(), user: { email: ME } } });
    await core.start();
    cores.push(core);
    return core;
  };
  return {
    clock,
    shown,
    open,
    reminders: () => shown.filter((n) => n.kind === 'update-overdue' || n.kind === 'update-due' || n.kind === 'incident-stale'),
    /** Moves the clock and gives the reminder loop (10 ms) time to look. */
    async at(minutes: number) {
      clock.current = new Date(T0.getTime() + minutes * MIN);
      await new Promise((resolve) => setTimeout(resolve, 80));
    },
    async declare(core: Core, severity: Severity, title = 'Checkout 5xx') {
      const started = await core.declare({ title, severity });
      await core.runDeclare(started.id);
      return started.id;
    },
    async close() {
      for (const core of cores) await core.close().catch(() => undefined);
      temp.cleanup();
    },
  };
}

describe('update reminders', () => {
  let world: ReturnType<typeof reminderWorld>;
  afterEach(async () => world?.close());

  it('a SEV1 I command: reminded when due, then every 25 min, once per slot, always shown', async () => {
    world = reminderWorld();
    const core = await world.open();
    const id = await world.declare(core, 'SEV1');
    await world.at(29);
    expect(world.reminders()).toEqual([]);
    await world.at(30);
    expect(world.reminders()).toMatchObject([{ kind: 'update-overdue', incidentId: id, urgent: true, title: expect.stringContaining('Status update due') }]);
    await world.at(54);
    expect(world.reminders()).toHaveLength(1);
    await world.at(55);
    expect(world.reminders()).toHaveLength(2);
    expect(world.reminders()[1]?.title).toContain('overdue');
  });

  it('a restart within a slot does not remind again; a long sleep reminds once, for the current slot', async () => {
    world = reminderWorld();
    let core = await world.open();
    await world.declare(core, 'SEV1');
    await world.at(31);
    expect(world.reminders()).toHaveLength(1);
    await core.close();

    core = await world.open();
    await world.at(40);
    expect(world.reminders()).toHaveLength(1);

    // Asleep from minute 40 to minute 300: ten slots went by, one reminder on waking.
    await world.at(300);
    core.refresh();
    await world.at(300);
    expect(world.reminders()).toHaveLength(2);
  });

  it('an update posted anywhere restarts the clock', async () => {
    world = reminderWorld();
    const core = await world.open();
    const id = await world.declare(core, 'SEV1');
    await world.at(20);
    // A teammate posts an update through the store (another machine, the same hub).
    const store = await core.incidentStore();
    await store.postUpdate(id, { message: 'Mitigated, watching graphs' });
    await core.refreshIncidents();
    expect(core.snapshot().tracking[0]?.nextUpdateDueAt).toBe(new Date(T0.getTime() + 50 * MIN).toISOString());
    await world.at(35);
    expect(world.reminders()).toEqual([]);
    await world.at(50);
    expect(world.reminders()).toHaveLength(1);
  });

  it('a snooze holds reminders until it ends', async () => {
    world = reminderWorld();
    const core = await world.open();
    const id = await world.declare(core, 'SEV1');
    await world.at(25);
    core.snoozeIncident(id, 15);
    await world.at(35);
    expect(world.reminders()).toEqual([]);
    await world.at(40);
    expect(world.reminders()).toHaveLength(1);
  });

  it('quiet: an overdue SEV2 waits, an overdue SEV1 shows; SEV3 has no cadence but goes stale after 7 days', async () => {
    world = reminderWorld();
    const core = await world.open();
    core.settings.save({ settings: { ...core.settings.effective(), notifications: { quiet: true } } });
    await world.declare(core, 'SEV2', 'Search slow');
    await world.declare(core, 'SEV3', 'Avatars blurry');
    await world.at(31);
    expect(world.reminders()).toEqual([]);
    expect(core.snapshot().watch?.heldWhileQuiet).toBe(1);

    await world.declare(core, 'SEV1', 'Checkout down');
    await world.at(62);
    expect(world.reminders().map((n) => n.kind)).toEqual(['update-overdue']);

    core.settings.save({ settings: { ...core.settings.effective(), notifications: { quiet: false } } });
    core.refresh();
    await world.at(7 * 24 * 60 + 1);
    // Several reminders at once are gathered by the notification center's 1 s window.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const stale = world.shown.filter((n) => n.kind === 'incident-stale' || (n.kind === 'summary' && n.body.includes('Still open')));
    expect(JSON.stringify(stale)).toContain('Still open after 7 days: inc-20261206-avatars-blurry');
    expect(JSON.stringify(stale)).toContain('Still open after 7 days: inc-20261206-search-slow');
    // Declared half an hour later: not stale yet.
    expect(JSON.stringify(stale)).not.toContain('checkout-down');
  });

  it('the OS in do-not-disturb holds what is not urgent like the quiet setting; its end tells what waited', async () => {
    let doNotDisturb = true;
    world = reminderWorld({ doNotDisturb: () => doNotDisturb });
    const core = await world.open();
    await world.declare(core, 'SEV2', 'Search slow');
    await world.at(31);
    expect(world.reminders()).toEqual([]);
    expect(core.snapshot().watch?.heldWhileQuiet).toBe(1);
    doNotDisturb = false;
    core.quietChanged();
    expect(world.reminders().map((n) => [n.kind, n.title])).toEqual([['update-due', expect.stringContaining('search-slow')]]);
    expect(core.snapshot().watch?.heldWhileQuiet).toBe(0);
  });
});
