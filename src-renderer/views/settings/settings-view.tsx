// The settings window. Secrets are write-only here: main says whether each one is set, and a typed
// value goes to main on save and is then forgotten by the page.
import { useCallback, useEffect, type FormEvent } from 'react';
import { isHarness } from '../../bridge.js';
import { Alert } from '../../components/alert.js';
import { ViewHeader } from '../../components/view-header.js';
import { useEscape } from '../../lib/use-escape.js';
import { useNavigation } from '../../store/navigation-store.js';
import { useSettings } from '../../store/settings-store.js';
import { CadenceSection } from './cadence-section.js';
import { ErrorSummary } from './error-summary.js';
import { NotificationsSection } from './notifications-section.js';
import { PagingSection } from './paging-section.js';
import { SaveBar } from './save-bar.js';
import { SecretSetting } from './secret-setting.js';
import { SettingsSection } from './settings-section.js';
import { TextSetting } from './text-setting.js';

export function SettingsView() {
  const dismiss = useNavigation((s) => s.dismiss);
  const load = useSettings((s) => s.load);
  const save = useSettings((s) => s.save);
  const ready = useSettings((s) => s.view !== undefined && s.draft !== undefined);
  const loadError = useSettings((s) => s.loadError);
  const warning = useSettings((s) => s.view?.secretStorageWarning);
  const back = useCallback(() => void dismiss(), [dismiss]);
  useEscape(back);
  useEffect(() => {
    void load();
  }, [load]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  return (
    <div className="window">
      <ViewHeader title="Settings" onBack={isHarness() ? back : undefined} />
      {!ready ? (
        <div className="window-body">
          {loadError ? (
            <Alert tone="error">
              Settings could not be loaded: {loadError.message}{' '}
              <button type="button" className="btn btn-inline" onClick={() => void load()}>
                Retry
              </button>
            </Alert>
          ) : (
            <p className="loading">Loading settings…</p>
          )}
        </div>
      ) : (
        <form className="window-form" onSubmit={onSubmit} noValidate aria-label="Settings">
          <div className="window-body settings-body">
            {warning ? (
              <Alert tone="warning" className="secret-storage-warning">
                {warning}
              </Alert>
            ) : null}
            <ErrorSummary />
            <SettingsSection id="you" title="You">
              <TextSetting path="user.email" />
              <TextSetting path="user.displayName" />
            </SettingsSection>
            <SettingsSection id="slack" title="Slack" target="slack">
              <TextSetting path="slack.apiUrl" />
              <TextSetting path="slack.digestChannel" />
              <SecretSetting name="slackToken" />
            </SettingsSection>
            <SettingsSection id="pagerduty" title="PagerDuty" target="pagerduty">
              <TextSetting path="pagerduty.apiUrl" />
              <TextSetting path="pagerduty.eventsUrl" />
              <TextSetting path="pagerduty.fromEmail" />
              <SecretSetting name="pagerdutyToken" />
              <SecretSetting name="pagerdutyRoutingKey" />
            </SettingsSection>
            <SettingsSection id="hub" title="Hub" target="hub">
              <TextSetting path="hub.url" />
              <SecretSetting name="hubToken" />
            </SettingsSection>
            <PagingSection />
            <CadenceSection />
            <NotificationsSection />
          </div>
          <SaveBar onCancel={back} />
        </form>
      )}
    </div>
  );
}
