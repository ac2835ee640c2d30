// Whether the OS is in do-not-disturb, where it can be read (issue #6): then the notification center
// holds what is not urgent and summarises it when the OS lets notifications through again, instead
// of the OS silently filing each one away. Urgent ones (a page, an overdue SEV1 update) still go out;
// they are marked critical, which GNOME and Windows show through do-not-disturb.
//
// - Linux (GNOME and desktops on its settings): `show-banners` false is GNOME's Do Not Disturb.
// - Windows: notifications turned off for every app (the NOC_GLOBAL_SETTING_TOASTS_ENABLED value).
//   Focus Assist keeps its state in an undocumented binary blob and is not read.
// - macOS: Focus is readable only with Full Disk Access; it is not read (the OS files notifications
//   away during Focus by itself).
// Asked every 30 s, off the main thread's way (a child process), never blocking a notification.
import { execFile } from 'node:child_process';

export type CommandRunner = (command: string, args: readonly string[]) => Promise<string>;

const runCommand: CommandRunner = (command, args) =>
  new Promise((resolve, reject) => {
    execFile(command, [...args], { timeout: 5_000, windowsHide: true }, (error, stdout) => (error ? reject(error) : resolve(String(stdout))));
  });

const POLL_MS = 30_000;

/** Reads the OS's do-not-disturb state once; undefined where it cannot be read (or the read failed). */
export async function readDoNotDisturb(platform: NodeJS.Platform, run: CommandRunner = runCommand): Promise<boolean | undefined> {
  try {
    if (platform === 'linux') {
      const answer = (await run('gsettings', ['get', 'org.gnome.desktop.notifications', 'show-banners'])).trim();
      return answer === 'false' ? true : answer === 'true' ? false : undefined;
    }
    if (platform === 'win32') {
      const answer = await run('reg', ['query', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Notifications\\Settings', '/v', 'NOC_GLOBAL_SETTING_TOASTS_ENABLED']);
      const value = /NOC_GLOBAL_SETTING_TOASTS_ENABLED\s+REG_DWORD\s+0x([0-9a-f]+)/i.exec(answer)?.[1];
      return value === undefined ? undefined : parseInt(value, 16) === 0;
    }
    return undefined;
  } catch {
    // No gsettings (KDE, a server), no such value (never changed): nothing is known.
    return undefined;
  }
}

export interface DoNotDisturbWatch {
  /** The last state read: false until one says otherwise. */
  active(): boolean;
  stop(): void;
}

/** Follows the OS state; `ended` is called when do-not-disturb turns off (what waited is told then). */
export function watchDoNotDisturb(options: { platform: NodeJS.Platform; ended(): void; run?: CommandRunner; pollMs?: number }): DoNotDisturbWatch {
  let active = false;
  let stopped = false;
  // Nothing to read on macOS: no child process every 30 s for nothing.
  if (options.platform !== 'linux' && options.platform !== 'win32') return { active: () => false, stop: () => undefined };
  const read = async () => {
    const now = (await readDoNotDisturb(options.platform, options.run)) ?? false;
    if (stopped) return;
    const was = active;
    active = now;
    if (was && !now) options.ended();
  };
  void read();
  const timer = setInterval(() => void read(), options.pollMs ?? POLL_MS);
  timer.unref();
  return {
    active: () => active,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
