// The HTTP/WebSocket bridge of `incident-tray ui`, spoken to as the renderer does, over real sockets.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../src-main/core/create-core.js';
import { createNodeCore } from '../../src-main/core/create-node-core.js';
import { startUiServer, type UiServer } from '../../src-main/cli/ui-server/ui-server.js';
import { makeTempHome } from '../support/temp-home.js';

describe('ui harness server', () => {
  let temp: ReturnType<typeof makeTempHome>;
  let core: Core;
  let server: UiServer;
  let base: string;

  beforeEach(async () => {
    temp = makeTempHome();
    const rendererDir = join(temp.home, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>incident-tray</title>');
    core = createNodeCore({ home: temp.home, env: {} });
    server = await startUiServer({ core, rendererDir, port: 0 });
    base = new URL(server.url).origin;
  });
  afterEach(async () => {
    await server.close();
    core.close();
    temp.cleanup();
  });

  const invoke = (command: string, input: unknown, token = server.token) =>
    fetch(`${base}/bridge/invoke/${command}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ input }),
    });

  it('prints a loopback URL carrying the token, and serves the page with a strict CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('incident-tray');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('refuses commands without the right token', async () => {
    const response = await invoke('snapshot.get', null, 'wrong-token');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const none = await fetch(`${base}/bridge/invoke/snapshot.get`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(none.status).toBe(401);
  });

  it('answers commands with Results and validates their input', async () => {
    const snapshot = await (await invoke('snapshot.get', null)).json();
    expect(snapshot).toMatchObject({ ok: true, value: { incidents: [], store: 'local' } });
    const bad = await (await invoke('incident.declare', { title: '', severity: 'SEV7' })).json();
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('invalid_input');
    expect(bad.error.message).toContain('severity must be one of');
    const unknown = await invoke('shell.exec', null);
    expect(unknown.status).toBe(404);
  });

  it('refuses links outside Slack, PagerDuty and the hub', async () => {
    const refused = await (await invoke('link.open', { url: 'https://evil.example.com' })).json();
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const allowed = await (await invoke('link.open', { url: 'https://acme.slack.com/archives/C1' })).json();
    expect(allowed).toEqual({ ok: true, value: null });
  });

  it('pushes a snapshot over the WebSocket on connect and after each declare', async () => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/bridge/events?token=${server.token}`);
    const messages: { event: string; payload: { incidents: unknown[] } }[] = [];
    const waitFor = (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => (messages.length >= count ? resolve() : setTimeout(check, 10));
        check();
      });
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await waitFor(1);
    expect(messages[0]).toMatchObject({ event: 'snapshot.changed', payload: { incidents: [] } });
    const declared = await (await invoke('incident.declare', { title: 'Checkout down', severity: 'SEV1' })).json();
    expect(declared.ok).toBe(true);
    // Progress of the declare's steps arrives as it happens; the snapshot with the record follows.
    await vi.waitFor(() => {
      expect(messages.some((m) => m.event === 'declare.progress')).toBe(true);
      expect(messages.filter((m) => m.event === 'snapshot.changed').at(-1)?.payload.incidents).toHaveLength(1);
    });
    socket.close();
  });

  it('closes a WebSocket that brings the wrong token', async () => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/bridge/events?token=nope`);
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4401);
  });

  it('answers garbage JSON with a clear Result error', async () => {
    const response = await fetch(`${base}/bridge/invoke/incident.declare`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: '{"input": {"title": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a body over the size limit without writing anything', async () => {
    const response = await invoke('incident.declare', { title: 'x', severity: 'SEV1', description: 'y'.repeat(300_000) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(core.snapshot().incidents).toHaveLength(0);
  });
});
