import { LockIcon } from '../../components/icons.js';
import { TEXT_FIELDS, type TextFieldMeta, type TextSettingPath } from '../../lib/settings-form.js';
import { useSettings } from '../../store/settings-store.js';

/** One text setting; read-only with a note when an environment variable overrides it. */
export function TextSetting({ path }: { path: TextSettingPath }) {
  const meta: TextFieldMeta = TEXT_FIELDS[path];
  const value = useSettings((s) => s.draft?.text[path] ?? '');
  const error = useSettings((s) => s.fieldErrors[path]);
  const overridden = useSettings((s) => s.view?.environmentOverrides.includes(path) ?? false);
  const setText = useSettings((s) => s.setText);
  const id = `setting-${path.replace('.', '-')}`;
  const noteId = `${id}-note`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : '', overridden || meta.hint ? noteId : ''].filter(Boolean).join(' ');

  return (
    <div className={overridden ? 'field setting is-overridden' : 'field setting'}>
      <label htmlFor={id} className="field-label">
        {meta.label}
        {meta.optional ? <span className="optional">optional</span> : null}
      </label>
      <div className="setting-control">
        <input
          id={id}
          className="input"
          type={meta.type}
          value={value}
          readOnly={overridden}
          placeholder={meta.placeholder}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => setText(path, event.target.value)}
        />
        {error ? (
          <p id={errorId} className="field-error">
            {meta.label}: {error}
          </p>
        ) : null}
        {overridden ? (
          <p id={noteId} className="field-note env-note">
            <LockIcon />
            <span>
              Set by the environment variable <code>{meta.environment}</code>; read-only here.
            </span>
          </p>
        ) : meta.hint ? (
          <p id={noteId} className="field-hint">
            {meta.hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
