// The bridge contract: name lists and schema maps agree, every command has a handler, and a handler
// map that misses one does not compile (the @ts-expect-error below fails tsc if that ever changes).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { commandSchemas, eventSchemas, type CommandHandlers } from '../../src-shared/bridge.js';
import { COMMAND_NAMES, EVENT_NAMES, ipcChannel } from '../../src-shared/bridge-channels.js';
import { ok } from '../../src-shared/result.js';
import { createCommandHandlers } from '../../src-main/core/command-handlers.js';
import type { Core } from '../../src-main/core/create-core.js';

describe('bridge contract', () => {
  it('names every command and event once, with schemas for each', () => {
    expect(Object.keys(commandSchemas).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(Object.keys(eventSchemas).sort()).toEqual([...EVENT_NAMES].sort());
    expect(new Set(COMMAND_NAMES.map(ipcChannel)).size).toBe(COMMAND_NAMES.length);
  });

  it('the core implements a handler for every command', () => {
    const handlers = createCommandHandlers({} as Core, { openExternal: async () => undefined, showWindow: async () => undefined });
    expect(Object.keys(handlers).sort()).toEqual([...COMMAND_NAMES].sort());
    expectTypeOf(handlers).toEqualTypeOf<CommandHandlers>();
  });

  it('a handler map missing a command is a compile error', () => {
    // @ts-expect-error 'window.show' (and others) are missing: the type demands every command.
    const partial: CommandHandlers = { 'snapshot.get': async () => ok({} as never) };
    expect(partial).toBeDefined();
  });

  it('validates command inputs at runtime with the same schemas', () => {
    expect(commandSchemas['window.show'].input.safeParse({ view: 'popover' }).success).toBe(true);
    expect(commandSchemas['window.show'].input.safeParse({ view: 'devtools' }).success).toBe(false);
    expect(commandSchemas['snapshot.get'].input.safeParse(null).success).toBe(true);
    expect(commandSchemas['link.open'].input.safeParse({ url: 'x'.repeat(5000) }).success).toBe(false);
  });
});
