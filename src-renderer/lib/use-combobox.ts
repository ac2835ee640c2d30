// The keyboard and open/active state of an editable combobox with a list popup and manual selection
// (WAI-ARIA APG "combobox with listbox popup"): typing opens the list without choosing anything,
// ↓/↑ move the active option (wrapping), Enter picks it, Escape closes the list (and only the list:
// the window's own Escape must not fire), Tab and blur close it without picking.
import { useCallback, useState, type KeyboardEvent } from 'react';

export interface Combobox {
  open: boolean;
  /** Index of the active option, or -1 when none is. */
  active: number;
  setOpen(open: boolean): void;
  setActive(index: number): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
}

export function useCombobox<T>(options: readonly T[], onPick: (option: T) => void, enabled: boolean): Combobox {
  const [open, setOpenState] = useState(false);
  const [active, setActive] = useState(-1);
  const count = options.length;

  const setOpen = useCallback((next: boolean) => {
    setOpenState(next);
    setActive(-1);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!enabled || event.nativeEvent.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        if (!open) {
          setOpenState(true);
          setActive(count === 0 ? -1 : down ? 0 : count - 1);
        } else if (count > 0) {
          setActive((current) => (current < 0 ? (down ? 0 : count - 1) : (current + (down ? 1 : count - 1)) % count));
        }
        return;
      }
      case 'Enter': {
        const option = open && active >= 0 ? options[active] : undefined;
        // Without an active option Enter does what it does everywhere in the form: declare.
        if (option === undefined) {
          setOpen(false);
          return;
        }
        event.preventDefault();
        onPick(option);
        setOpen(false);
        return;
      }
      case 'Escape':
        if (open) {
          // Marks the event handled, so the window-level Escape (leave the window) lets it be.
          event.preventDefault();
          setOpen(false);
        }
        return;
      case 'Tab':
        if (open) setOpen(false);
        return;
      default:
        return;
    }
  };

  // An index from a longer, older list must not point past the end of the current one.
  const clampedActive = active < count ? active : -1;
  return { open, active: clampedActive, setOpen, setActive, onKeyDown };
}
