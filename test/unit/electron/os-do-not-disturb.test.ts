// Reading the OS's do-not-disturb from the commands each OS answers, with their real output shapes.
import { describe, expect, it, vi } from 'vitest';
import { readDoNotDisturb, watchDoNotDisturb, type CommandRunner } from '../../../src-main/electron/os-do-not-disturb.js';

const answering = (stdout: string): CommandRunner => async () => stdout;
const failing: CommandRunner = async () => {
  throw Object.assign(new Error('spawn gsettings ENOENT'), { code: 'ENOENT' });
};

describe('OS do-not-disturb', () => {
  it('GNOME: show-banners false is Do Not Disturb', async () => {
    const asked: string[][] = [];
    const run: CommandRunner = async (command, args) => {
      asked.push([command, ...args]);
      return 'false\n';
    };
    expect(await readDoNotDisturb('linux', run)).toBe(true);
    expect(asked).toEqual([['gsettings', 'get', 'org.gnome.desktop.notifications', 'show-banners']]);
    expect(await readDoNotDisturb('linux', answering('true\n'))).toBe(false);
    expect(await readDoNotDisturb('linux', answering('No such schema “org.gnome.desktop.notifications”\n'))).toBeUndefined();
    expect(await readDoNotDisturb('linux', failing)).toBeUndefined();
  });

  it('Windows: notifications turned off for every app', async () => {
    const off = '\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Notifications\\Settings\r\n    NOC_GLOBAL_SETTING_TOASTS_ENABLED    REG_DWORD    0x0\r\n\r\n';
    expect(await readDoNotDisturb('win32', answering(off))).toBe(true);
    expect(await readDoNotDisturb('win32', answering(off.replace('0x0', '0x1')))).toBe(false);
    // The value exists only once someone changed it; `reg` then fails.
    expect(await readDoNotDisturb('win32', failing)).toBeUndefined();
  });

  it('macOS: not readable, so never assumed', async () => {
    const run = vi.fn(answering('1'));
    expect(await readDoNotDisturb('darwin', run)).toBeUndefined();
    expect(run).not.toHaveBeenCalled();
    const watch = watchDoNotDisturb({ platform: 'darwin', ended: () => undefined, run });
    expect(watch.active()).toBe(false);
    watch.stop();
    expect(run).not.toHaveBeenCalled();
  });

  it('follows the state and says when do-not-disturb ends', async () => {
    let banners = 'false';
    const ended = vi.fn();
    const watch = watchDoNotDisturb({ platform: 'linux', ended, run: async () => banners, pollMs: 10 });
    await vi.waitFor(() => expect(watch.active()).toBe(true));
    expect(ended).not.toHaveBeenCalled();
    banners = 'true';
    await vi.waitFor(() => expect(watch.active()).toBe(false));
    expect(ended).toHaveBeenCalledTimes(1);
    watch.stop();
  });
});
