// Closing the core while answers are on their way (Ctrl-C on `incident-tray watch` right after it
// started, the app quitting mid-poll): what arrives after close writes nothing to the closed database,
// throws nothing, and starts nothing. bench:watch found `refreshIncidents` writing after close; this
// test then found start() waiting out the stream's first position after close and arming its poll timer.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createToken } from '../../src-hub/http/auth.js';
import { startHub, type RunningHub } from '../../src-hub/server.js';
import { SqliteHubRepository } from '../../src-hub/storage/sqlite/sqlite-hub-repository.js';
import { createNodeCore } from '../../src-main/core/create-node-core.js';
import { createHubClient } from '../../src-main/core/hub-client/hub-client.js';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy.js';
import { makeTempHome } from '../support/temp-home.js';

const HUB_DELAY_MS = 300;

let temp: ReturnType<typeof makeTempHome> | undefined;
let hub: RunningHub | undefined;
let proxy: RecordingProxy | undefined;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

afterEach(async () => {
  process.off('unhandledRejection', onRejection);
  await proxy?.close();
  await hub?.close();
  temp?.cleanup();
  rejections.length = 0;
});

describe('closing the core with hub answers in flight', () => {
  it('drops them: no write to the closed database, no rejection, no watcher started afterwards', async () => {
    temp = makeTempHome();
    const dbPath = join(temp.home, 'hub.db');
    const repository = SqliteHubRepository.open(dbPath);
    const mine = await createToken(repository, 'me@example.com', new Date());
    const theirs = await createToken(repository, 'tea@example.com', new Date());
    await repository.close();
    hub = await startHub({ dbPath, host: '127.0.0.1', port: 0 });
    // An open incident, so the first list is a change (the path that wrote after close).
    await createHubClient({ baseUrl: hub.url, token: theirs }).createIncident({ title: 'Open before start', severity: 'SEV2' }, { idempotencyKey: 'open-before-start' });
    proxy = await startRecordingProxy(hub.url, HUB_DELAY_MS);
    process.on('unhandledRejection', onRejection);

    const core = createNodeCore({ home: join(temp.home, 'me'), env: { HUB_URL: proxy.url, HUB_TOKEN: mine }, background: true, watchPollMs: 50, notifier: { notify: () => undefined } });
    const started = core.start();
    await vi.waitFor(() => expect(proxy?.calls.length ?? 0).toBeGreaterThan(0), { timeout: 5_000, interval: 10 });
    await core.close();
    // start() settles with close, not after the first-position wait it was in (5 s).
    expect(await Promise.race([started.then(() => 'settled'), sleep(2_000).then(() => 'still starting')])).toBe('settled');
    // The delayed answers arrive now, after close.
    await sleep(HUB_DELAY_MS * 3);
    expect(rejections).toEqual([]);
    // Nothing was started after close: no stream, no polls.
    const callsAfterClose = proxy.calls.length;
    await sleep(HUB_DELAY_MS * 2);
    expect(proxy.calls.length).toBe(callsAfterClose);
    expect(proxy.calls.map((c) => c.path)).not.toContain('/v1/events');
  });
});
