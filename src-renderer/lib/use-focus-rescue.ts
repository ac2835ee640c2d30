import { useEffect, useRef, type RefObject } from 'react';

/**
 * Keeps keyboard focus in a list whose rows change under it. When the focused control goes away
 * (an acknowledged page loses its Acknowledge button, a resolved page its row) the browser drops
 * focus to <body>, and a keyboard user would have to start again from the top. Instead, focus moves
 * to the first control of the same row, or of the row that took its place.
 *
 * Rows carry `data-row-key`. `changes` is whatever re-renders the list (the rows, what is busy).
 */
export function useFocusRescue(container: RefObject<HTMLElement | null>, changes: readonly unknown[]): void {
  const last = useRef<{ inside: boolean; rowKey: string | undefined; rowIndex: number }>({ inside: false, rowKey: undefined, rowIndex: 0 });

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const rows = () => [...element.querySelectorAll<HTMLElement>('[data-row-key]')];
    const onFocusIn = (event: FocusEvent) => {
      const row = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-row-key]') : null;
      last.current = { inside: true, rowKey: row?.dataset.rowKey, rowIndex: row ? Math.max(0, rows().indexOf(row)) : 0 };
    };
    // Focus taken elsewhere on purpose (Tab out, a click outside) is not ours to bring back. A control
    // removed or disabled under the focus leaves with no related target: that one is.
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget instanceof Node && !element.contains(event.relatedTarget)) last.current.inside = false;
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node && element.contains(event.target))) last.current.inside = false;
    };
    element.addEventListener('focusin', onFocusIn);
    element.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      element.removeEventListener('focusin', onFocusIn);
      element.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [container]);

  useEffect(() => {
    const element = container.current;
    const { inside, rowKey, rowIndex } = last.current;
    if (!element || !inside) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const rows = [...element.querySelectorAll<HTMLElement>('[data-row-key]')];
    const row = rows.find((r) => r.dataset.rowKey === rowKey) ?? rows[Math.min(rowIndex, rows.length - 1)];
    row?.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
    // `changes` is the dependency list itself: after every render that changed the rows.
  }, changes);
}
