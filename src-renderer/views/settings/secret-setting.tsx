import type { SecretName } from '../../../src-shared/settings.js';
import { SECRET_FIELDS } from '../../lib/settings-form.js';
import { useSettings } from '../../store/settings-store.js';

/**
 * A write-only secret. The input is uncontrolled on purpose: React mirrors a controlled value into
 * the DOM's value attribute, and a token must never sit in the page's markup. After a save the input
 * is remounted empty; the page then only knows "set" or "not set".
 */
export function SecretSetting({ name }: { name: SecretName }) {
  const meta = SECRET_FIELDS[name];
  const status = useSettings((s) => s.view?.secrets[name]);
  const edit = useSettings((s) => s.secretEdits[name]);
  const generation = useSettings((s) => s.secretGeneration);
  const setSecret = useSettings((s) => s.setSecret);
  const clearSecret = useSettings((s) => s.clearSecret);
  const keepSecret = useSettings((s) => s.keepSecret);
  const id = `secret-${name}`;
  const fromEnvironment = status?.fromEnvironment ?? false;
  const clearing = edit === null;

  const [text, tone] = fromEnvironment
    ? [`set by environment (${meta.environment})`, 'env']
    : clearing
      ? ['will be cleared on save', 'pending']
      : typeof edit === 'string'
        ? ['new value, saved on Save', 'pending']
        : status?.set
          ? ['set', 'set']
          : ['not set', 'unset'];

  return (
    <div className="field setting">
      <label htmlFor={id} className="field-label">
        {meta.label}
      </label>
      <div className="setting-control">
        <div className="secret-row">
          <input
            key={`${generation}-${clearing}`}
            id={id}
            className="input"
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            readOnly={fromEnvironment}
            disabled={clearing}
            placeholder={fromEnvironment ? 'Managed by the environment' : status?.set ? 'Enter a new value to replace it' : 'Paste it here'}
            aria-describedby={`${id}-status`}
            onChange={(event) => setSecret(name, event.target.value)}
          />
          {status?.set && !fromEnvironment ? (
            clearing ? (
              <button type="button" className="btn btn-small" onClick={() => keepSecret(name)} aria-label={`Keep ${meta.label}`}>
                Undo
              </button>
            ) : (
              <button type="button" className="btn btn-small" onClick={() => clearSecret(name)} aria-label={`Clear ${meta.label}`}>
                Clear
              </button>
            )
          ) : null}
        </div>
        <p id={`${id}-status`} className={`secret-status is-${tone}`} data-secret-status={name}>
          {text}
        </p>
      </div>
    </div>
  );
}
