// Which links may leave the app for the OS browser (DESIGN.md §7): https only, and only to Slack,
// PagerDuty and the configured hub. Everything else is refused, whatever the renderer asks.
const ALLOWED_SUFFIXES = ['slack.com', 'pagerduty.com'];

export function isAllowedExternalUrl(raw: string, hubUrl?: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (ALLOWED_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) return true;
  if (hubUrl) {
    try {
      const hub = new URL(hubUrl);
      return hub.protocol === 'https:' && hub.host === url.host;
    } catch {
      return false;
    }
  }
  return false;
}
