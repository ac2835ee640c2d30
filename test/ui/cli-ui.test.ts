// The acceptance path of the foundation: `npx incident-tray ui --port 0` prints a URL, and that URL
// shows the popover in Chromium — the real CLI process, its own build of the renderer, its own core.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempHome } from '../support/temp-home.js';
import { launchChromium } from './harness.js';

const BIN = fileURLToPath(new URL('../../bin/incident-tray.mjs', import.meta.url));

describe('incident-tray ui, as a user starts it', () => {
  let temp: ReturnType<typeof makeTempHome>;
  beforeEach(() => {
    temp = makeTempHome();
  });
  afterEach(() => temp.cleanup());

  it('prints a URL that shows the popover, and a CLI declare appears there', async () => {
    const child = spawn(process.execPath, [BIN, 'ui', '--port', '0'], {
      env: { PATH: process.env.PATH, HOME: temp.home, INCIDENT_TRAY_HOME: temp.home },
    });
    const browser = await launchChromium();
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const match = /^ui on (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.on('exit', (code) => reject(new Error(`incident-tray ui exited ${code}`)));
      });
      const page = await browser.newPage({ viewport: { width: 360, height: 480 } });
      await page.goto(url);
      await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();

      // A second process (the CLI) declares into the same home; the page shows it after a refresh
      // of the snapshot (the app's watchers push such outside changes live in a later issue).
      const declare = spawn(process.execPath, [BIN, 'declare', '--title', 'Disk full on db-1', '--severity', 'SEV2'], {
        env: { PATH: process.env.PATH, HOME: temp.home, INCIDENT_TRAY_HOME: temp.home },
      });
      expect(await new Promise((resolve) => declare.on('exit', resolve))).toBe(0);
      await page.reload();
      await page.getByText('Disk full on db-1').waitFor();
      expect(await page.locator('.incident-row').count()).toBe(1);
    } finally {
      await browser.close();
      child.kill('SIGTERM');
    }
  });
});
