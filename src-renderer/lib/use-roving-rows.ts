// Keyboard movement through a list of rows (the popover's incidents): one Tab stop for the whole
// list, ↑/↓ move between rows, Home/End jump to the ends, ←/→ move between the buttons of a row.
// The WAI-ARIA "roving tabindex" technique: only the current row's buttons are in the Tab order, so
// 200 incidents cost one Tab stop rather than six hundred, and Tab leaves the list in one press.
//
// Rows carry `data-row-key`; the row's main button carries `data-row-primary`.
import { useCallback, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

const ROW_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

function rowOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('[data-row-key]') : null;
}

export interface RovingRows {
  listRef: RefObject<HTMLUListElement | null>;
  /** The row whose buttons take Tab: the one last focused, else the first. */
  currentKey: string | undefined;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  onFocus(event: FocusEvent<HTMLElement>): void;
}

export function useRovingRows(keys: readonly string[]): RovingRows {
  const listRef = useRef<HTMLUListElement>(null);
  const [chosen, setChosen] = useState<string>();
  // A row that left (filtered out, resolved) hands the Tab stop back to the first row.
  const currentKey = chosen !== undefined && keys.includes(chosen) ? chosen : keys[0];

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const key = rowOf(event.target)?.dataset.rowKey;
    if (key !== undefined) setChosen(key);
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const row = rowOf(event.target);
      const list = listRef.current;
      if (!row || !list) return;
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        const buttons = [...row.querySelectorAll<HTMLElement>('button')];
        const index = buttons.indexOf(event.target as HTMLElement);
        const next = buttons[index + (event.key === 'ArrowRight' ? 1 : -1)];
        if (index >= 0 && next) {
          event.preventDefault();
          next.focus();
        }
        return;
      }
      if (!ROW_KEYS.has(event.key)) return;
      const rows = [...list.querySelectorAll<HTMLElement>(':scope > [data-row-key]')];
      const index = rows.indexOf(row);
      const target =
        event.key === 'Home'
          ? rows[0]
          : event.key === 'End'
            ? rows.at(-1)
            : rows[Math.min(rows.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))];
      // The page must not scroll on these keys even at the ends of the list.
      event.preventDefault();
      const primary = target?.querySelector<HTMLElement>('[data-row-primary]');
      if (!primary || primary === document.activeElement) return;
      primary.focus();
      primary.scrollIntoView({ block: 'nearest' });
    },
    [],
  );

  return { listRef, currentKey, onKeyDown, onFocus };
}
