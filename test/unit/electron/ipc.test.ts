// The IPC boundary: who may call, what they may send, and that the core's answers come back as Results.
import { describe, expect, expectTypeOf, it, afterEach, beforeEach } from 'vitest';
import { COMMAND_NAMES, ipcChannel } from '../../../src-shared/bridge-channels.js';
import type { CommandHandlers } from '../../../src-shared/bridge.js';
import { ok } from '../../../src-shared/result.js';
import { registerIpcHandlers, type IpcOptions } from '../../../src-main/electron/ipc.js';
import { BrowserWindow, invokeEventFrom, ipcMain, resetFakeElectron, type FakeInvokeEvent } from '../../fakes/electron.js';
import { startTestShell, windowFor, type TestShell } from './shell-harness.js';

const declareChannel = ipcChannel('incident.declare');
const validDeclare = { title: 'Checkout 5xx', severity: 'SEV2' };

describe('with the running shell', () => {
  let running: TestShell;
  let ours: BrowserWindow;
  beforeEach(async () => {
    running = await startTestShell();
    await running.shell.windows.show('declare');
    ours = windowFor('declare');
  });
  afterEach(() => running.stop());

  const openIncidents = () => running.shell.core.snapshot().incidents.length;

  it('registers exactly one handler per command of the contract', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(COMMAND_NAMES.map((n) => ipcChannel(n)).sort());
  });

  it('a valid declare returns a DeclareResult and writes the incident', async () => {
    const answer = await ipcMain.simulateInvoke(declareChannel, invokeEventFrom(ours.webContents), validDeclare);
    expect(answer).toMatchObject({ ok: true, value: { id: expect.any(String), name: expect.any(String), steps: expect.any(Array) } });
    await running.shell.core.runDeclare((answer as { value: { id: string } }).value.id);
    expect(openIncidents()).toBe(1);
  });

  it.each([
    ['a window that is not ours', () => invokeEventFrom(new BrowserWindow({}).webContents)],
    ['our window after it navigated elsewhere', () => ({ ...invokeEventFrom(ours.webContents), senderFrame: { ...ours.webContents.mainFrame, url: 'https://evil.example/' } })],
    ['an iframe inside our window', () => invokeEventFrom(ours.webContents, { url: ours.webContents.getURL(), parent: ours.webContents.mainFrame, processId: 9, routingId: 9 })],
    ['a frame that is gone', () => invokeEventFrom(ours.webContents, null)],
    ['a webContents unknown to us showing our page', () => {
      const other = new BrowserWindow({});
      other.webContents.mainFrame.url = ours.webContents.getURL();
      return invokeEventFrom(other.webContents);
    }],
  ] satisfies [string, () => FakeInvokeEvent][])('refuses %s as forbidden, without touching the core', async (_name, event) => {
    const answer = await ipcMain.simulateInvoke(declareChannel, event(), validDeclare);
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(openIncidents()).toBe(0);
    expect(running.logs.join('\n')).toContain('foreign sender refused');
  });

  it.each([
    ['no input', undefined, ''],
    ['a missing title', { severity: 'SEV2' }, 'title'],
    ['an unknown severity', { title: 'x', severity: 'SEV9' }, 'severity must be one of SEV1'],
    ['an extra field', { ...validDeclare, admin: true }, 'admin'],
    ['a string', 'declare!', ''],
  ])('answers invalid_input to %s', async (_name, payload, mentions) => {
    const answer = (await ipcMain.simulateInvoke(declareChannel, invokeEventFrom(ours.webContents), payload)) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('invalid_input');
    expect(answer.error.message).toContain(mentions);
    expect(openIncidents()).toBe(0);
  });

  it('validates every command, e.g. a link that is not a string or a view that does not exist', async () => {
    const from = invokeEventFrom(ours.webContents);
    expect(await ipcMain.simulateInvoke(ipcChannel('link.open'), from, { url: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ipcMain.simulateInvoke(ipcChannel('window.show'), from, { view: 'devtools' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ipcMain.simulateInvoke(ipcChannel('snapshot.get'), from, { sneaky: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('link.open refuses links outside the allow-list', async () => {
    const answer = await ipcMain.simulateInvoke(ipcChannel('link.open'), invokeEventFrom(ours.webContents), { url: 'http://acme.slack.com/' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('snapshot.get answers the snapshot', async () => {
    const answer = await ipcMain.simulateInvoke(ipcChannel('snapshot.get'), invokeEventFrom(ours.webContents), null);
    expect(answer).toMatchObject({ ok: true, value: { incidents: [], store: 'local', pendingDeclares: 0 } });
  });
});

describe('registerIpcHandlers alone', () => {
  const logged: string[] = [];
  const logger = { info: () => undefined, warn: () => undefined, error: (m: string) => void logged.push(m) };
  const unused = async (): Promise<never> => {
    throw new Error('unused');
  };
  const handlers = {
    'snapshot.get': async () => {
      throw new Error('database is locked');
    },
    'incident.declare': async () =>
      ok({ id: '1', name: 'inc-1', title: 't', severity: 'SEV1' as const, createdAt: '2026-11-24T10:00:00Z', steps: [], finished: true, running: false }),
    'declare.retry': async () => {
      throw new Error('unused');
    },
    'declare.get': async () => {
      throw new Error('unused');
    },
    'services.search': async () => ok({ services: [], configured: false }),
    'page.act': async () => ok(null),
    'incident.get': unused,
    'incident.edit': unused,
    'incident.postUpdate': unused,
    'incident.resolve': unused,
    'incident.pin': async () => ok(null),
    'incident.snooze': async () => ok(null),
    'settings.get': async () => {
      throw new Error('unused');
    },
    'settings.save': async () => {
      throw new Error('unused');
    },
    'settings.testConnection': async ({ target }) => ok({ target, state: 'not-configured' as const, message: '' }),
    'link.open': async () => ok(null),
    'window.show': async () => ok(null),
  } satisfies CommandHandlers;

  it('turns a throwing handler into an internal error Result', async () => {
    resetFakeElectron();
    const stop = registerIpcHandlers({ handlers, isTrustedSender: () => true, logger });
    const answer = await ipcMain.simulateInvoke(ipcChannel('snapshot.get'), invokeEventFrom(new BrowserWindow({}).webContents), null);
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: 'snapshot.get failed: database is locked' } });
    expect(logged).toContain('ipc handler failed');
    stop();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('needs a handler for every command, at compile time', () => {
    expectTypeOf<IpcOptions['handlers']>().toEqualTypeOf<CommandHandlers>();
    const { 'window.show': _dropped, ...incomplete } = handlers;
    // @ts-expect-error — 'window.show' has no handler: this must not compile.
    const options: IpcOptions = { handlers: incomplete, isTrustedSender: () => true, logger };
    expect(Object.keys(options.handlers)).not.toContain('window.show');
  });
});
