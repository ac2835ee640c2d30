// The affected service. With PagerDuty set up it is a searchable picker over PagerDuty's services
// (cached in main, `services.search`); without, a plain text field that says why there is no list.
// It is one <input> either way, so focus and what was typed survive when main's first answer decides
// which of the two it is. A picked service is sent by name: PagerDuty names are unique per account,
// main resolves a name or an id alike (as `incident-tray declare --service` does), and the incident
// record then reads "checkout-api" rather than "P1CHK01".
import { useCallback, useEffect, useId, useMemo } from 'react';
import type { ServiceOption } from '../../../src-shared/domain.js';
import { useCombobox } from '../../lib/use-combobox.js';
import { filterServices } from '../../lib/service-filter.js';
import { useDeclare } from '../../store/declare-store.js';
import { useServiceSearch } from '../../store/service-search-store.js';
import { useSnapshot } from '../../store/snapshot-store.js';
import { ServiceListbox } from './service-listbox.js';

/** Why there is no list, once that is known (nothing is said while main has not answered yet). */
function plainHint(configured: boolean | undefined, unreachable: boolean): string | undefined {
  if (unreachable) return 'The PagerDuty services could not be loaded: type the service’s name.';
  if (configured === false) return 'PagerDuty is not set up, so there is no list to pick from: type the service’s name.';
  return undefined;
}

export function ServiceField() {
  const service = useDeclare((s) => s.draft.service);
  const error = useDeclare((s) => s.fieldErrors.service);
  const setField = useDeclare((s) => s.setField);
  const result = useServiceSearch((s) => s.result);
  const answeredQuery = useServiceSearch((s) => s.answeredQuery);
  const searching = useServiceSearch((s) => s.searching);
  const loadError = useServiceSearch((s) => s.error);
  const search = useServiceSearch((s) => s.search);
  // Until main's first answer, the snapshot's word on whether PagerDuty is set up stands in.
  const pagerdutyInSnapshot = useSnapshot((s) => s.snapshot?.configured.pagerduty);
  const configured = result?.configured ?? pagerdutyInSnapshot;
  const picker = configured === true && !(loadError && !result);
  const hint = !picker ? plainHint(configured, loadError !== undefined && !result) : undefined;

  useEffect(() => {
    void useServiceSearch.getState().searchNow('');
  }, []);

  const options = useMemo(
    () => (answeredQuery === service ? (result?.services ?? []) : filterServices(result?.services ?? [], service)),
    [answeredQuery, service, result],
  );
  const pick = useCallback((option: ServiceOption) => setField('service', option.name), [setField]);
  const combobox = useCombobox(options, pick, picker);

  const baseId = useId();
  const listboxId = `${baseId}-listbox`;
  const optionId = useCallback((index: number) => `${baseId}-option-${index}`, [baseId]);
  const staleNoteId = picker && result?.error ? `${baseId}-stale` : undefined;
  const hintId = `${baseId}-hint`;
  const errorId = `${baseId}-error`;
  const open = picker && combobox.open;
  const describedBy = [hint ? hintId : undefined, open ? staleNoteId : undefined, error ? errorId : undefined]
    .filter(Boolean)
    .join(' ');

  const onChange = (value: string) => {
    setField('service', value);
    if (!picker) return;
    combobox.setOpen(true);
    search(value);
  };

  return (
    <div className="field">
      <label htmlFor="declare-service" className="field-label">
        Affected service <span className="optional">optional</span>
      </label>
      <div className={picker ? 'combobox' : undefined}>
        <input
          id="declare-service"
          className={picker ? 'input combobox-input' : 'input'}
          type="text"
          value={service}
          autoComplete="off"
          spellCheck={false}
          placeholder={picker ? 'Search PagerDuty services' : 'checkout-api'}
          role={picker ? 'combobox' : undefined}
          aria-autocomplete={picker ? 'list' : undefined}
          aria-expanded={picker ? open : undefined}
          aria-controls={picker ? listboxId : undefined}
          aria-activedescendant={open && combobox.active >= 0 ? optionId(combobox.active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={combobox.onKeyDown}
          onClick={() => {
            if (picker && !combobox.open) combobox.setOpen(true);
          }}
          onBlur={() => combobox.setOpen(false)}
        />
        {picker ? (
          <ServiceListbox
            open={open}
            id={listboxId}
            optionId={optionId}
            options={options}
            active={combobox.active}
            query={service}
            loading={searching && !result}
            staleNoteId={staleNoteId}
            onPick={(option) => {
              pick(option);
              combobox.setOpen(false);
            }}
            onHover={combobox.setActive}
          />
        ) : null}
      </div>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
