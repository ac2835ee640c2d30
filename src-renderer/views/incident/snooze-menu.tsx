import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { SNOOZE_MINUTES } from '../../../src-shared/incident-actions.js';

interface SnoozeMenuProps {
  busy: boolean;
  onSnooze: (minutes: number) => void;
}

/**
 * "Snooze" opens a row of durations. Buttons rather than a <select>: a closed select changes its
 * value with the arrow keys, which would snooze on a keypress meant to move on.
 */
export function SnoozeMenu({ busy, onSnooze }: SnoozeMenuProps) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const groupId = useId();
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  // Escape closes the durations only (the window's Escape would leave the incident).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  };
  return (
    <div className="snooze" onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        className="btn btn-small"
        aria-expanded={open}
        aria-controls={groupId}
        aria-disabled={busy || undefined}
        onClick={() => !busy && setOpen((value) => !value)}
      >
        {busy ? 'Snoozing…' : 'Snooze'}
      </button>
      {open ? (
        <div id={groupId} className="snooze-options" role="group" aria-label="Snooze reminders for">
          {SNOOZE_MINUTES.map((minutes, index) => (
            <button
              key={minutes}
              ref={index === 0 ? first : undefined}
              type="button"
              className="btn btn-small"
              aria-label={`Snooze reminders for ${minutes} minutes`}
              onClick={() => {
                onSnooze(minutes);
                close();
              }}
            >
              {minutes}m
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
