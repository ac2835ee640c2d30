// The tray icon and its menu: the app's only permanent presence. Left click toggles the popover;
// the menu reaches everything else.
import { Menu, nativeImage, nativeTheme, Tray, type MenuItemConstructorOptions, type Rectangle } from 'electron';
import type { AppSnapshot } from '../../src-shared/bridge.js';
import { trayIconFile, trayStateFor, trayTitle, trayTooltip, type TrayState } from './tray-icon.js';

export interface TrayActions {
  declare(): void;
  openIncidents(): void;
  openSettings(): void;
  quit(): void;
  togglePopover(anchor: Rectangle): void;
}

export interface AppTray {
  /** Reflects a new snapshot in the icon and tooltip. */
  update(snapshot: AppSnapshot): void;
  bounds(): Rectangle | undefined;
  destroy(): void;
}

export const TRAY_MENU_LABELS = {
  declare: 'Declare incident…',
  incidents: 'Open incidents',
  settings: 'Settings',
  quit: 'Quit incident-tray',
} as const;

export function createAppTray(options: { assets: string; actions: TrayActions; platform?: NodeJS.Platform }): AppTray {
  const platform = options.platform ?? process.platform;
  const { actions } = options;
  let state: TrayState = 'idle';

  const image = () => {
    const choice = trayIconFile(options.assets, state, platform, nativeTheme.shouldUseDarkColors);
    const icon = nativeImage.createFromPath(choice.file);
    if (choice.template) icon.setTemplateImage(true);
    return icon;
  };

  const tray = new Tray(image());
  tray.setToolTip(trayTooltip({ incidents: [], pendingDeclares: 0 }));

  const template: MenuItemConstructorOptions[] = [
    { label: TRAY_MENU_LABELS.declare, click: () => actions.declare() },
    { label: TRAY_MENU_LABELS.incidents, click: () => actions.openIncidents() },
    { label: TRAY_MENU_LABELS.settings, click: () => actions.openSettings() },
    { type: 'separator' },
    { label: TRAY_MENU_LABELS.quit, click: () => actions.quit() },
  ];
  const menu = Menu.buildFromTemplate(template);

  if (platform === 'darwin') {
    // On macOS a context menu set on the tray would swallow the left click meant for the popover.
    tray.on('right-click', () => tray.popUpContextMenu(menu));
  } else {
    // Linux (AppIndicator) shows only this menu, on any click; Windows shows it on right click.
    tray.setContextMenu(menu);
  }
  tray.on('click', (_event, bounds) => actions.togglePopover(bounds));

  const onThemeChange = () => tray.setImage(image());
  nativeTheme.on('updated', onThemeChange);

  let latest: AppSnapshot | undefined;
  let title = '';
  let tooltip = '';
  /** Draws the latest snapshot at the current time: the countdown moves between snapshots. */
  const render = () => {
    if (!latest || tray.isDestroyed()) return;
    const now = Date.now();
    const next = trayStateFor(latest, now);
    if (next !== state) {
      state = next;
      tray.setImage(image());
    }
    const nextTooltip = trayTooltip(latest, now);
    if (nextTooltip !== tooltip) tray.setToolTip((tooltip = nextTooltip));
    if (platform === 'darwin') {
      const nextTitle = trayTitle(latest, now);
      if (nextTitle !== title) tray.setTitle((title = nextTitle), { fontType: 'monospacedDigit' });
    }
  };
  // The countdown ticks every second in the macOS menu bar; elsewhere only the tooltip and the
  // overdue icon need it, and a few seconds late is fine there.
  const ticker = setInterval(render, platform === 'darwin' ? 1_000 : 5_000);
  ticker.unref();

  return {
    update(snapshot) {
      latest = snapshot;
      render();
    },
    bounds: () => (tray.isDestroyed() ? undefined : tray.getBounds()),
    destroy() {
      clearInterval(ticker);
      nativeTheme.off('updated', onThemeChange);
      tray.destroy();
    },
  };
}
