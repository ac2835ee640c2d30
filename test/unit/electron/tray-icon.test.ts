// Every tray icon the shell may ask for exists, is a real PNG of the right size, and the states differ.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockTime, TRAY_STATES, trayIconFile, trayStateFor, trayTitle, trayTooltip } from '../../../src-main/electron/tray-icon.js';
import { PATHS } from './shell-harness.js';

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const variants: [NodeJS.Platform, boolean][] = [
  ['linux', false],
  ['linux', true],
  ['win32', false],
  ['darwin', false],
];

describe('tray icons', () => {
  it.each(variants)('exist for every state on %s (dark tray: %s), at 16 px and @2x 32 px', (platform, dark) => {
    const contents = new Set<string>();
    for (const state of TRAY_STATES) {
      const { file } = trayIconFile(PATHS.assets, state, platform, dark);
      expect(pngSize(file)).toEqual({ width: 16, height: 16 });
      expect(pngSize(file.replace(/\.png$/, '@2x.png'))).toEqual({ width: 32, height: 32 });
      contents.add(readFileSync(file).toString('base64'));
    }
    expect(contents.size).toBe(TRAY_STATES.length);
  });

  it('uses template images on macOS only', () => {
    expect(trayIconFile('/a', 'idle', 'darwin', true)).toEqual({ file: join('/a', 'tray', 'idleTemplate.png'), template: true });
    expect(trayIconFile('/a', 'overdue', 'win32', true)).toEqual({ file: join('/a', 'tray', 'overdue-dark.png'), template: false });
  });

  it('has a 512 px app icon', () => {
    expect(pngSize(join(PATHS.assets, 'icon.png'))).toEqual({ width: 512, height: 512 });
  });

  it('says in words what the icon shows', () => {
    const incident = (name: string, severity: 'SEV1' | 'SEV3') => ({ name, severity }) as never;
    expect(trayStateFor({ incidents: [] })).toBe('idle');
    expect(trayStateFor({ incidents: [incident('a', 'SEV3')] })).toBe('active');
    expect(trayTooltip({ incidents: [incident('inc-a', 'SEV3'), incident('inc-b', 'SEV1')], pendingDeclares: 1 })).toBe(
      'Incident Tray — 2 open incidents (worst SEV1: inc-b), 1 declare unfinished',
    );
  });

  it('puts a broken token first, then open incidents and pages, then on call', () => {
    const quiet = { pages: [], problems: [], heldWhileQuiet: 0 };
    const until = new Date(Date.now() + 3 * 3600_000).toISOString();
    const onCall = { ...quiet, onCall: { now: true, until } };
    expect(trayStateFor({ incidents: [], watch: onCall })).toBe('on-call');
    expect(trayTooltip({ incidents: [], pendingDeclares: 0, watch: onCall })).toBe(`Incident Tray — no open incidents, on call until ${clockTime(until)}`);
    const paged = { ...onCall, pages: [{ id: 'P1', title: 'DB', status: 'triggered' as const, url: 'https://x.pagerduty.com/incidents/P1', createdAt: until }] };
    expect(trayStateFor({ incidents: [], watch: paged })).toBe('active');
    expect(trayTooltip({ incidents: [], pendingDeclares: 0, watch: paged })).toMatch(/^Incident Tray — 1 page for you, no open incidents/);
    const broken = { ...paged, problems: [{ service: 'pagerduty' as const, message: 'PagerDuty refused the API key: update it in Settings' }] };
    expect(trayStateFor({ incidents: [], watch: broken })).toBe('attention');
    expect(trayTooltip({ incidents: [], pendingDeclares: 0, watch: broken })).toMatch(/^Incident Tray — PagerDuty refused the API key: update it in Settings, 1 page for you/);
  });

  it('counts down to the active incident\'s next update, and turns overdue when it runs out', () => {
    const now = Date.parse('2026-12-06T10:00:00Z');
    const incident = { id: 'i1', name: 'inc-checkout', severity: 'SEV1' } as never;
    const snapshot = (due: string) => ({
      incidents: [incident],
      pendingDeclares: 0,
      active: { incidentId: 'i1', pinned: false },
      tracking: [{ incidentId: 'i1', mine: true, nextUpdateDueAt: due }],
    });
    const soon = snapshot('2026-12-06T10:24:10Z');
    expect(trayStateFor(soon, now)).toBe('active');
    expect(trayTooltip(soon, now)).toBe('Incident Tray — inc-checkout: next update in 24:10, 1 open incident (worst SEV1: inc-checkout)');
    expect(trayTitle(soon, now)).toBe('24:10');
    const late = snapshot('2026-12-06T09:56:55Z');
    expect(trayStateFor(late, now)).toBe('overdue');
    expect(trayTooltip(late, now)).toMatch(/^Incident Tray — inc-checkout: overdue 3:05,/);
    expect(trayTitle(late, now)).toBe('-3:05');
    // A broken token still comes first; no active incident, no countdown.
    expect(trayStateFor({ ...late, watch: { pages: [], problems: [{ service: 'hub' as const, message: 'x' }], heldWhileQuiet: 0 } }, now)).toBe('attention');
    expect(trayTitle({ incidents: [incident] }, now)).toBe('');
  });
});
