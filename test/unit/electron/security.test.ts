// Navigation, new windows, <webview>, permissions: every webContents the app creates is locked to our
// own page, and only https Slack/PagerDuty/hub links leave for the OS browser.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, shell, type FakeWebContents } from '../../fakes/electron.js';
import { EXPECTED_CSP, REPO_ROOT, settle, startTestShell, windowFor, type TestShell } from './shell-harness.js';

let running: TestShell;
let contents: FakeWebContents;

beforeEach(async () => {
  running = await startTestShell({ env: { HUB_URL: 'https://hub.example.com' } });
  await running.shell.windows.show('popover');
  contents = windowFor('popover').webContents;
});
afterEach(() => running.stop());

describe('navigation', () => {
  it('stays on our page: other files, remote pages and other schemes are refused', () => {
    for (const url of [
      'https://evil.example/',
      'http://localhost:8787/',
      'file:///etc/passwd',
      'file:///tmp/dist/renderer/index.html',
      'data:text/html,<script>alert(1)</script>',
      'javascript:alert(1)',
    ]) {
      expect(contents.simulateNavigation(url), url).toBe(false);
    }
    expect(shell.openedExternally).toEqual([]);
  });

  it('lets our own page move between its views', () => {
    const own = contents.getURL().replace('#/popover', '#/declare');
    expect(contents.simulateNavigation(own)).toBe(true);
  });

  it('a plain link to a Slack channel opens in the browser instead of in the window', () => {
    expect(contents.simulateNavigation('https://acme.slack.com/archives/C123')).toBe(false);
    expect(shell.openedExternally).toEqual(['https://acme.slack.com/archives/C123']);
  });

  it('refuses redirects away from our page', () => {
    expect(contents.simulateRedirect('https://evil.example/')).toBe(false);
  });
});

describe('window.open', () => {
  it('never opens a window; an https Slack, PagerDuty or hub link goes to the OS browser', () => {
    for (const url of [
      'https://acme.slack.com/archives/C123',
      'https://acme.pagerduty.com/incidents/P123',
      'https://hub.example.com/v1/incidents/1',
    ]) {
      expect(contents.simulateWindowOpen(url)).toEqual({ action: 'deny' });
    }
    expect(shell.openedExternally).toEqual([
      'https://acme.slack.com/archives/C123',
      'https://acme.pagerduty.com/incidents/P123',
      'https://hub.example.com/v1/incidents/1',
    ]);
  });

  it('other links are not opened at all', () => {
    for (const url of [
      'http://acme.slack.com/archives/C123',
      'https://slack.com.evil.example/',
      'https://evil.example/',
      'https://user:pw@acme.slack.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(contents.simulateWindowOpen(url), url).toEqual({ action: 'deny' });
    }
    expect(shell.openedExternally).toEqual([]);
    expect(running.logs.join('\n')).toContain('window.open blocked');
  });
});

describe('everything else', () => {
  it('refuses to attach a <webview>', () => {
    expect(contents.simulateWebviewAttach('https://evil.example/')).toBe(false);
  });

  it('guards windows the shell did not create on purpose, too', async () => {
    const stray = new BrowserWindow({});
    expect(stray.webContents.simulateWindowOpen('https://evil.example/')).toEqual({ action: 'deny' });
    expect(stray.webContents.simulateNavigation('https://evil.example/')).toBe(false);
    await settle();
  });

  it('grants no permission request and no permission check', async () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      expect(await contents.session.simulatePermissionRequest(permission)).toBe(false);
      expect(contents.session.permissionCheckHandler?.(null, permission, 'file://')).toBe(false);
    }
  });

  it('sends the strict CSP with every response, replacing any other', async () => {
    const headers = await contents.session.simulateResponse('file:///app/index.html', {
      'Content-Type': ['text/html'],
      'content-security-policy': ["default-src *"],
    });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [EXPECTED_CSP] });
  });

  it("the header agrees with the renderer's meta tag, except where the meta tag cannot or must not", () => {
    const html = readFileSync(join(REPO_ROOT, 'src-renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta, 'src-renderer/index.html has a CSP meta tag').toBeDefined();
    const directives = (policy: string) =>
      new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values.join(' ')]));
    const header = directives(EXPECTED_CSP);
    const page = directives(meta ?? '');
    // frame-ancestors is ignored in a meta tag; the harness's WebSocket needs ws: in connect-src,
    // which the header (the stricter of the two, both apply) takes away again inside Electron.
    for (const [name, value] of header) {
      if (name === 'frame-ancestors') continue;
      if (name === 'connect-src') expect(page.get(name)?.split(' ')).toContain("'self'");
      else expect(page.get(name), name).toBe(value);
    }
  });
});
