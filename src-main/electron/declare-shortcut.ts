// The global keyboard shortcut that opens the declare window from anywhere (settings.declareShortcut).
// Re-applied whenever settings may have changed; an invalid or taken accelerator is reported, never fatal.
import { globalShortcut } from 'electron';
import type { Logger } from '../core/ports.js';

export interface DeclareShortcut {
  /** Registers this accelerator instead of the previous one ('' for none). Returns whether it is active. */
  apply(accelerator: string): boolean;
  dispose(): void;
}

export function createDeclareShortcut(onPress: () => void, logger: Logger): DeclareShortcut {
  let current = '';
  let active = false;
  const release = () => {
    if (current && active) globalShortcut.unregister(current);
    active = false;
  };
  return {
    apply(accelerator) {
      const wanted = accelerator.trim();
      if (wanted === current) return active;
      release();
      current = wanted;
      if (!wanted) return false;
      try {
        active = globalShortcut.register(wanted, onPress);
      } catch (error) {
        logger.warn('declare shortcut is not a valid accelerator', { accelerator: wanted, error: String(error) });
        return false;
      }
      if (!active) logger.warn('declare shortcut is taken by another application', { accelerator: wanted });
      return active;
    },
    dispose() {
      release();
      current = '';
    },
  };
}
