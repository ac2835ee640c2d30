import { useSettings } from '../../store/settings-store.js';

export function NotificationsSection() {
  const quiet = useSettings((s) => s.draft?.quiet ?? false);
  const setQuiet = useSettings((s) => s.setQuiet);
  return (
    <section className="settings-section" aria-labelledby="section-notifications">
      <div className="section-head">
        <h2 id="section-notifications" className="section-title">
          Notifications
        </h2>
      </div>
      <div className="section-card">
        <label className="toggle">
          <input type="checkbox" role="switch" checked={quiet} onChange={(event) => setQuiet(event.target.checked)} />
          <span className="toggle-track" aria-hidden="true">
            <span className="toggle-thumb" />
          </span>
          <span className="toggle-text">
            Quiet
            <span className="field-hint">No pop-ups or sounds. Incidents still show here and in the tray.</span>
          </span>
        </label>
      </div>
    </section>
  );
}
