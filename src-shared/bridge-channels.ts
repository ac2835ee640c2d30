// The names of every bridge command and event, dependency-free so that the sandboxed preload can
// whitelist channels without bundling zod. `bridge.ts` checks at type level that these lists and the
// schema map name exactly the same channels.
export const COMMAND_NAMES = [
  'snapshot.get',
  'incident.declare',
  'declare.retry',
  'declare.get',
  'services.search',
  'page.act',
  'incident.get',
  'incident.edit',
  'incident.postUpdate',
  'incident.resolve',
  'incident.pin',
  'incident.snooze',
  'settings.get',
  'settings.save',
  'settings.testConnection',
  'link.open',
  'window.show',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const EVENT_NAMES = ['snapshot.changed', 'declare.progress'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** Electron IPC channel for a command or event: a prefix keeps ours apart from anything else. */
export const ipcChannel = (name: CommandName | EventName): string => `incident-tray:${name}`;
