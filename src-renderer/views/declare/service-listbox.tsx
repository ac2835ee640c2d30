import { useEffect, useRef } from 'react';
import type { ServiceOption } from '../../../src-shared/domain.js';

interface ServiceListboxProps {
  /** Kept in the page while closed (hidden), so the input's aria-controls always names something. */
  open: boolean;
  id: string;
  optionId: (index: number) => string;
  options: readonly ServiceOption[];
  active: number;
  /** The text typed, for "No service matches …". */
  query: string;
  loading: boolean;
  /** Set when PagerDuty could not be reached and the list is the cached one. */
  staleNoteId: string | undefined;
  onPick: (option: ServiceOption) => void;
  onHover: (index: number) => void;
}

/** The picker's popup: PagerDuty services with their summary, the active one highlighted. */
export function ServiceListbox(props: ServiceListboxProps) {
  const { open, id, optionId, options, active, query, loading, staleNoteId, onPick, onHover } = props;
  const popup = useRef<HTMLDivElement>(null);

  // The window body scrolls: bring the popup into sight when it opens and again when main's answer
  // makes it taller (more options, the cached-list note), then the active option.
  const empty = options.length === 0;
  useEffect(() => {
    if (open) popup.current?.scrollIntoView({ block: 'nearest' });
  }, [open, options.length, staleNoteId]);
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active, optionId]);

  return (
    <div className="combobox-popup" ref={popup} hidden={!open}>
      {open && staleNoteId ? (
        <p id={staleNoteId} className="combobox-note">
          Couldn't reach PagerDuty, showing cached list.
        </p>
      ) : null}
      <ul id={id} role="listbox" aria-label="PagerDuty services" className="combobox-listbox">
        {options.map((option, index) => (
          <li
            key={option.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'combobox-option is-active' : 'combobox-option'}
            // mousedown, not click: picking must happen before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(option);
            }}
            onMouseMove={() => {
              if (index !== active) onHover(index);
            }}
          >
            <span className="combobox-option-name">{option.name}</span>
            {option.summary ? (
              <span className="combobox-option-summary" title={option.summary}>
                {option.summary}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {open && empty ? (
        <p className="combobox-empty">
          {loading ? 'Loading services…' : query.trim() ? `No PagerDuty service matches “${query.trim()}”.` : 'No PagerDuty services.'}
        </p>
      ) : null}
    </div>
  );
}
