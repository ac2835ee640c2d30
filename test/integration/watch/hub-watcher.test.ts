// Watching the hub (issue #6): a teammate's declare reaches this client's notifier over SSE, once;
// changes to incidents I follow are told; a restart catches up from the stored position without
// repeats; the hub restarting mid-stream loses nothing; polling takes over where the stream is not
// available; a burst is grouped; quiet mode holds the rest and summarises it.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHub, type RunningHub } from '../../../src-hub/server.js';
import { createToken } from '../../../src-hub/http/auth.js';
import { SqliteHubRepository } from '../../../src-hub/storage/sqlite/sqlite-hub-repository.js';
import type { Core } from '../../../src-main/core/create-core.js';
import { createNodeCore } from '../../../src-main/core/create-node-core.js';
import { createHubClient, type HubClient } from '../../../src-main/core/hub-client/hub-client.js';
import type { NotificationRequest } from '../../../src-main/core/ports.js';
import { startRecordingProxy } from '../../support/recording-proxy.js';
import { makeTempHome } from '../../support/temp-home.js';

const ME = 'me@example.com';
const TEAMMATE = 'tea@example.com';

describe('the hub watcher', () => {
  let temp: ReturnType<typeof makeTempHome>;
  let dbPath: string;
  let hub: RunningHub;
  let tokens: { me: string; teammate: string };
  let teammate: HubClient;
  const cores: Core[] = [];
  let seen: NotificationRequest[];

  const startHubAt = async (port = 0) => (hub = await startHub({ dbPath, host: '127.0.0.1', port }));
  const openMe = async (env: NodeJS.ProcessEnv = {}, home = join(temp.home, 'me')) => {
    const core = createNodeCore({
      home,
      env: { HUB_URL: hub.url, HUB_TOKEN: tokens.me, ...env },
      background: true,
      watchPollMs: 100,
      notifier: { notify: (n) => seen.push(n) },
    });
    core.settings.save({ settings: { ...core.settings.effective(), user: { email: ME } } });
    await core.start();
    cores.push(core);
    return core;
  };
  const declareAsTeammate = async (title: string, severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4' = 'SEV2') => {
    const create = () => teammate.createIncident({ title, severity, commander: TEAMMATE }, { idempotencyKey: `k-${title.replace(/[^A-Za-z0-9]/g, '-')}` });
    // After a hub restart the first POST may meet a pooled connection the old hub closed: the app's
    // declare retries that (same Idempotency-Key); so does the teammate here.
    for (let tries = 1; ; tries++) {
      try {
        return (await create()).incident;
      } catch (error) {
        if (tries >= 5) throw error;
      }
    }
  };

  beforeEach(async () => {
    temp = makeTempHome();
    dbPath = join(temp.home, 'hub.db');
    const repository = SqliteHubRepository.open(dbPath);
    tokens = { me: await createToken(repository, ME, new Date()), teammate: await createToken(repository, TEAMMATE, new Date()) };
    await repository.close();
    await startHubAt();
    teammate = createHubClient({ baseUrl: hub.url, token: tokens.teammate });
    seen = [];
  });
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.close();
    await hub.close();
    temp.cleanup();
  });

  it('first start takes what is open as a baseline, then a teammate SEV1–SEV3 declare is told once', async () => {
    await declareAsTeammate('Already open before I started');
    await openMe();
    const fresh = await declareAsTeammate('Checkout down', 'SEV1');
    await declareAsTeammate('Minor typo', 'SEV4');
    await vi.waitFor(() => expect(seen.map((n) => n.title)).toContain('SEV1 declared: Checkout down'), { timeout: 5_000 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ kind: 'teammate-declared', incidentId: fresh.id });
    expect(seen[0]?.body).toContain(TEAMMATE);
    // The open list follows the stream.
    await vi.waitFor(() => expect(cores[0]?.snapshot().incidents).toHaveLength(3));
  });

  it('tells me when an incident I lead changes severity or is resolved, not when others change', async () => {
    await openMe();
    const mine = (await teammate.createIncident({ title: 'Mine', severity: 'SEV3', commander: ME }, { idempotencyKey: 'mine' })).incident;
    const theirs = await declareAsTeammate('Theirs', 'SEV4');
    await teammate.patchIncident(mine.id, { severity: 'SEV1' }, { ifMatch: '*' });
    await teammate.patchIncident(theirs.id, { severity: 'SEV3' }, { ifMatch: '*' });
    await teammate.postUpdate(mine.id, { message: 'Fixed', status: 'resolved' });
    await vi.waitFor(() => expect(seen.filter((n) => n.kind === 'incident-changed').map((n) => n.title)).toEqual([`${mine.name}: SEV3 → SEV1`, 'Resolved: Mine']), { timeout: 5_000 });
  });

  it('after a restart, what happened meanwhile is told once (grouped when many), nothing twice', async () => {
    const first = await openMe();
    await declareAsTeammate('While I watch', 'SEV2');
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 5_000 });
    await first.close();
    cores.splice(0);
    for (const n of [1, 2]) await declareAsTeammate(`Missed ${n}`, 'SEV2');
    seen = [];
    await openMe();
    await vi.waitFor(() => expect(seen.map((n) => n.title).sort()).toEqual(['SEV2 declared: Missed 1', 'SEV2 declared: Missed 2']), { timeout: 5_000 });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(seen).toHaveLength(2);
  });

  it('the hub restarting mid-stream: the client resumes from its position, no loss, no repeat', async () => {
    await openMe();
    await declareAsTeammate('Before restart', 'SEV2');
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 5_000 });
    const port = Number(new URL(hub.url).port);
    await hub.close();
    await startHubAt(port);
    teammate = createHubClient({ baseUrl: hub.url, token: tokens.teammate });
    await declareAsTeammate('After restart', 'SEV2');
    await vi.waitFor(() => expect(seen.map((n) => n.title)).toEqual(['SEV2 declared: Before restart', 'SEV2 declared: After restart']), { timeout: 10_000 });
  });

  it('where the event stream is refused (a proxy in the way), the open list is polled and changes are still told once', async () => {
    const proxy = await startRecordingProxy(hub.url);
    proxy.refuse = (path) => path === '/v1/events';
    try {
      await openMe({ HUB_URL: proxy.url }, join(temp.home, 'polling'));
      await declareAsTeammate('Seen by polling', 'SEV1');
      await vi.waitFor(() => expect(seen.map((n) => n.title)).toEqual(['SEV1 declared: Seen by polling']), { timeout: 5_000 });
      expect(proxy.calls.filter((c) => c.path === '/v1/incidents').length).toBeGreaterThan(1);
      // Conditional polling: an unchanged list costs a 304.
      await vi.waitFor(() => expect(proxy.calls.some((c) => c.path === '/v1/incidents' && c.status === 304)).toBe(true), { timeout: 5_000 });
    } finally {
      await proxy.close();
    }
  });

  it('more than one page of open incidents (300): all of them are the baseline, so an edit to the oldest is no "declared", and a poll asks for none of them one by one', async () => {
    const open: { id: string; name: string }[] = [];
    for (let i = 0; i < 300; i += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, (_, k) => teammate.createIncident({ title: `Open ${i + k}`, severity: 'SEV3' }, { idempotencyKey: `open-${i + k}` })));
      open.push(...batch.map((r) => r.incident));
    }
    // Through a proxy that counts my requests (the stream passes through it too).
    const proxy = await startRecordingProxy(hub.url);
    try {
      const core = await openMe({ HUB_URL: proxy.url });
      await vi.waitFor(() => expect(core.snapshot().incidents).toHaveLength(300), { timeout: 5_000 });
      const oldest = open[0];
      if (!oldest) throw new Error('no incident');
      await teammate.patchIncident(oldest.id, { title: 'Open 0 (edited)' }, { ifMatch: '*' });
      await vi.waitFor(() => expect(core.snapshot().incidents.find((i) => i.id === oldest.id)?.title).toBe('Open 0 (edited)'), { timeout: 5_000 });
      // A wake or a settings change: the watcher polls the open list again.
      core.refresh();
      await vi.waitFor(() => expect(proxy.calls.filter((c) => c.path === '/v1/incidents').length).toBeGreaterThanOrEqual(3), { timeout: 5_000 });
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toEqual([]);
      expect(proxy.calls.filter((c) => c.path.startsWith('/v1/incidents/'))).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('a read of the open list refused for now (503) is tried again by itself while the stream is up', async () => {
    const before = await declareAsTeammate('Open before I started');
    const proxy = await startRecordingProxy(hub.url);
    proxy.refuse = (path) => path === '/v1/incidents';
    try {
      const core = await openMe({ HUB_URL: proxy.url });
      expect(core.snapshot().incidents).toEqual([]);
      proxy.refuse = () => false;
      // Nothing else reads the list while the stream is up: only the retry (after 5 s) can fill it.
      await vi.waitFor(() => expect(core.snapshot().incidents.map((i) => i.id)).toEqual([before.id]), { timeout: 10_000, interval: 100 });
    } finally {
      await proxy.close();
    }
  }, 15_000);

  it('a first start whose list read is refused: a change to an incident open before is not news, a new declare is, and the baseline follows once the list answers', async () => {
    const before = await declareAsTeammate('Open before I started', 'SEV3');
    const proxy = await startRecordingProxy(hub.url);
    proxy.refuse = (path) => path === '/v1/incidents';
    try {
      await openMe({ HUB_URL: proxy.url });
      await teammate.patchIncident(before.id, { severity: 'SEV2' }, { ifMatch: '*' });
      const fresh = await declareAsTeammate('Declared while the list is refused', 'SEV2');
      await vi.waitFor(() => expect(seen.map((n) => n.incidentId)).toContain(fresh.id), { timeout: 5_000 });
      proxy.refuse = () => false;
      // The baseline read comes at the next tick (watchPollMs 100), not at the 5-minute watchdog.
      await vi.waitFor(() => expect(proxy.calls.some((c) => c.path === '/v1/incidents' && c.status === 200)).toBe(true), { timeout: 5_000 });
      await new Promise((r) => setTimeout(r, 300));
      expect(seen.map((n) => [n.kind, n.incidentId])).toEqual([['teammate-declared', fresh.id]]);
    } finally {
      await proxy.close();
    }
  });

  it('a burst of declares becomes a summary, not a storm', async () => {
    const me = await openMe();
    await Promise.all(Array.from({ length: 30 }, (_, i) => declareAsTeammate(`Burst ${i}`, 'SEV2')));
    await vi.waitFor(() => expect(seen.some((n) => n.kind === 'summary')).toBe(true), { timeout: 10_000 });
    const told = seen.length;
    expect(told).toBeLessThan(5);
    expect(seen.find((n) => n.kind === 'summary')?.title).toMatch(/^\d+ incident updates$/);
    void me;
  });

  it('quiet mode holds what is not urgent and tells it when quiet ends', async () => {
    const me = await openMe();
    me.settings.save({ settings: { ...me.settings.effective(), notifications: { quiet: true } } });
    seen = [];
    await declareAsTeammate('While quiet', 'SEV1');
    await new Promise((r) => setTimeout(r, 2_000));
    expect(seen).toEqual([]);
    me.settings.save({ settings: { ...me.settings.effective(), notifications: { quiet: false } } });
    me.refresh();
    expect(seen.map((n) => n.title)).toEqual(['SEV1 declared: While quiet']);
  });
});

describe('incident-tray watch --json', () => {
  it('prints each notification as one JSON line: kind, title, body, incidentId, at', async () => {
    const { spawn } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const temp = makeTempHome();
    const dbPath = join(temp.home, 'hub.db');
    const repository = SqliteHubRepository.open(dbPath);
    const mine = await createToken(repository, ME, new Date());
    const theirs = await createToken(repository, TEAMMATE, new Date());
    await repository.close();
    const hub = await startHub({ dbPath, host: '127.0.0.1', port: 0 });
    const child = spawn(process.execPath, [fileURLToPath(new URL('../../../bin/incident-tray.mjs', import.meta.url)), 'watch', '--json'], {
      env: { PATH: process.env.PATH, INCIDENT_TRAY_HOME: join(temp.home, 'me'), HUB_URL: hub.url, HUB_TOKEN: mine },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      await vi.waitFor(() => expect(stderr).toContain('watching'), { timeout: 30_000, interval: 100 });
      const teammate = createHubClient({ baseUrl: hub.url, token: theirs });
      const { incident } = await teammate.createIncident({ title: 'Printed', severity: 'SEV2' }, { idempotencyKey: 'printed' });
      await vi.waitFor(() => expect(stdout).toContain('\n'), { timeout: 10_000, interval: 100 });
      const line = JSON.parse(stdout.trim().split('\n')[0] ?? '{}') as Record<string, unknown>;
      expect(line).toEqual({ kind: 'teammate-declared', title: 'SEV2 declared: Printed', body: `${TEAMMATE} declared ${incident.name}`, incidentId: incident.id, at: incident.createdAt });
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('close', resolve));
      await hub.close();
      temp.cleanup();
    }
  });
});

describe('a hub that refuses the token', () => {
  it('turns the snapshot to attention with the fix, and tells it once, not on every poll', async () => {
    const temp = makeTempHome();
    const dbPath = join(temp.home, 'hub.db');
    const hub = await startHub({ dbPath, host: '127.0.0.1', port: 0 });
    const seen: NotificationRequest[] = [];
    const core = createNodeCore({ home: join(temp.home, 'me'), env: { HUB_URL: hub.url, HUB_TOKEN: 'it_revoked-or-never-valid' }, background: true, watchPollMs: 50, notifier: { notify: (n) => seen.push(n) } });
    try {
      await core.start();
      for (let i = 0; i < 5; i++) await core.refreshIncidents();
      await vi.waitFor(() => expect(seen.map((n) => n.kind)).toEqual(['token-failed']), { timeout: 5_000 });
      expect(core.snapshot().watch?.problems).toEqual([{ service: 'hub', message: expect.stringMatching(/The hub refused your token .*update the hub token in Settings/) }]);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ urgent: true });
    } finally {
      await core.close();
      await hub.close();
      temp.cleanup();
    }
  });
});
