// Whether an element is on screen, through one IntersectionObserver shared by every caller (one per
// countdown cell would be 200 observers in a long list). Rows scrolled out of the popover, or
// skipped by `content-visibility: auto`, report not visible.
import { useEffect, useState, type RefObject } from 'react';

const listeners = new WeakMap<Element, (visible: boolean) => void>();
let observer: IntersectionObserver | undefined;

function sharedObserver(): IntersectionObserver {
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
  });
  return observer;
}

/**
 * True until the browser says otherwise: a cell drawn on screen must not wait a frame for the
 * observer's first answer before it starts moving.
 */
export function useVisible(ref: RefObject<Element | null>): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return undefined;
    listeners.set(element, setVisible);
    sharedObserver().observe(element);
    return () => {
      sharedObserver().unobserve(element);
      listeners.delete(element);
    };
  }, [ref]);
  return visible;
}
