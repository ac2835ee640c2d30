// What the incident detail tests share: opening the detail view of one incident in the popover window,
// and speaking to main's bridge from inside the page (as the renderer does) with input no form allows.
import type { Page } from 'playwright-core';

/** Drills the popover window into one incident, as a click on its row does (`#/incident/<id>`). */
export async function openDetail(page: Page, id: string): Promise<void> {
  await page.evaluate((incidentId) => {
    window.location.hash = `#/incident/${encodeURIComponent(incidentId)}`;
  }, id);
  await page.locator('.incident-detail').waitFor();
}

/** `POST /bridge/invoke/<command>` with the page's own token: the harness bridge, by hand. */
export function invokeFromPage(page: Page, command: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  return page.evaluate(
    async ({ command: name, input: payload }) => {
      const token = new URLSearchParams(window.location.search).get('token') ?? '';
      const response = await fetch(`/bridge/invoke/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ input: payload }),
      });
      return response.json();
    },
    { command, input },
  );
}

/** The countdown as the detail view shows it ("Next update in 10:00", "Overdue 3:00"). */
export const countdownText = (page: Page) => page.locator('.detail-countdown').textContent();
