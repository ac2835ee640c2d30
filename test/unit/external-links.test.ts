import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../src-main/core/external-links.js';

describe('external link policy', () => {
  it.each([
    'https://acme.slack.com/archives/C123',
    'https://slack.com/app_redirect?channel=C1',
    'https://acme.pagerduty.com/incidents/P1',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://acme.slack.com/archives/C123',
    'https://slack.com.evil.example/',
    'https://evilslack.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user:pw@acme.slack.com/',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));

  it('allows the configured https hub, and only that host', () => {
    expect(isAllowedExternalUrl('https://hub.example.com/v1/incidents/1', 'https://hub.example.com')).toBe(true);
    expect(isAllowedExternalUrl('https://other.example.com/', 'https://hub.example.com')).toBe(false);
    expect(isAllowedExternalUrl('http://hub.example.com/', 'http://hub.example.com')).toBe(false);
  });
});
