// Which tray icon to show. The state tells at a glance whether anything needs me; the variant keeps
// the glyph legible on the tray's background: macOS gets template images (the OS tints them for light
// and dark menu bars), Windows and Linux a dark glyph on light trays and a light one on dark trays.
import { join } from 'node:path';
import type { AppSnapshot } from '../../src-shared/bridge.js';
import { countdownTo, type Countdown } from '../../src-shared/countdown.js';

export const TRAY_STATES = ['idle', 'on-call', 'active', 'overdue', 'attention'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

export interface TrayIconChoice {
  file: string;
  /** macOS template image: drawn in black and alpha, tinted by the OS. */
  template: boolean;
}

/** Electron picks `name@2x.png` beside `name.png` by itself on HiDPI displays. */
export function trayIconFile(assets: string, state: TrayState, platform: NodeJS.Platform, darkTray: boolean): TrayIconChoice {
  if (platform === 'darwin') return { file: join(assets, 'tray', `${state}Template.png`), template: true };
  return { file: join(assets, 'tray', `${state}-${darkTray ? 'dark' : 'light'}.png`), template: false };
}

type TraySnapshot = Pick<AppSnapshot, 'incidents' | 'watch'> & Partial<Pick<AppSnapshot, 'active' | 'tracking'>>;

/** The active incident's name and countdown (issue #7), when it has a due time. */
export function activeCountdown(snapshot: TraySnapshot, now: number): { name: string; countdown: Countdown } | undefined {
  const active = snapshot.active;
  if (!active) return undefined;
  const incident = snapshot.incidents.find((i) => i.id === active.incidentId);
  const due = snapshot.tracking?.find((t) => t.incidentId === active.incidentId)?.nextUpdateDueAt;
  const countdown = due ? countdownTo(due, now) : undefined;
  return incident && countdown ? { name: incident.name, countdown } : undefined;
}

/**
 * The tray state a snapshot calls for, most pressing first: a broken token (nothing reaches me until
 * it is fixed), the update of the incident I run overdue, an open incident, on call, idle.
 */
export function trayStateFor(snapshot: TraySnapshot, now: number = Date.now()): TrayState {
  if ((snapshot.watch?.problems.length ?? 0) > 0) return 'attention';
  if (activeCountdown(snapshot, now)?.countdown.overdue) return 'overdue';
  if (snapshot.incidents.length > 0 || (snapshot.watch?.pages.length ?? 0) > 0) return 'active';
  if (snapshot.watch?.onCall?.now) return 'on-call';
  return 'idle';
}

/** macOS shows text beside the icon: the active incident's countdown, short ("24:10", "-3:05"). */
export function trayTitle(snapshot: TraySnapshot, now: number = Date.now()): string {
  const active = activeCountdown(snapshot, now);
  if (!active) return '';
  return active.countdown.overdue ? `-${active.countdown.clock}` : active.countdown.clock;
}

/** The person's own clock: "14:05", or "Tue 14:05" when it is not today. */
export function clockTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
  return at.toDateString() === now.toDateString() ? time : `${at.toLocaleDateString([], { weekday: 'short' })} ${time}`;
}

/** The tooltip: what the icon means, in words (also what screen readers announce). */
export function trayTooltip(snapshot: TraySnapshot & Pick<AppSnapshot, 'pendingDeclares'>, now: number = Date.now()): string {
  const open = snapshot.incidents.length;
  const parts = [open === 0 ? 'no open incidents' : open === 1 ? '1 open incident' : `${open} open incidents`];
  const worst = [...snapshot.incidents].sort((a, b) => a.severity.localeCompare(b.severity))[0];
  if (worst) parts[0] += ` (worst ${worst.severity}: ${worst.name})`;
  // The incident I run comes first: its countdown is what the tray is for (refreshed every few seconds).
  const active = activeCountdown(snapshot, now);
  if (active) parts.unshift(`${active.name}: ${active.countdown.text}`);
  if (snapshot.pendingDeclares > 0) parts.push(`${snapshot.pendingDeclares} declare${snapshot.pendingDeclares === 1 ? '' : 's'} unfinished`);
  const watch = snapshot.watch;
  if (watch?.pages.length) parts.unshift(`${watch.pages.length} page${watch.pages.length === 1 ? '' : 's'} for you`);
  if (watch?.onCall?.now) parts.push(watch.onCall.until ? `on call until ${clockTime(watch.onCall.until)}` : 'on call');
  else if (watch?.onCall?.next) parts.push(`next on call ${clockTime(watch.onCall.next.start)}`);
  for (const problem of watch?.problems ?? []) parts.unshift(problem.message);
  return `Incident Tray — ${parts.join(', ')}`;
}
