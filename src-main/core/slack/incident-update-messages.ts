// The Slack messages of running an incident (issue #7): a status update or the resolution posted in
// the war room, and a one-line notice of it in the digest channel. Same escaping and limits as the
// declare's messages (declare-messages.ts): user text never becomes a mention or a link.
import type { Incident } from '../../../src-shared/domain.js';
import type { SlackMessageContent } from './slack-gateway.js';

const STATUS_WORDS: Record<Incident['status'], string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A section holds 3,000 characters: a long update is split over several, in order. */
function sections(text: string): SlackMessageContent['blocks'] {
  const escaped = escape(text);
  const blocks: SlackMessageContent['blocks'] = [];
  for (let start = 0; start < escaped.length && blocks.length < 45; start += 3000) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: escaped.slice(start, start + 3000) } });
  }
  return blocks;
}

/**
 * Each post carries a block id of its own: after an unclear failure (a timeout, a lost answer) a
 * retry first looks for it in the channel's history instead of posting the update twice.
 */
export function statusUpdateMessage(incident: Incident, message: string, author: string, blockId: string): SlackMessageContent {
  const resolved = incident.status === 'resolved';
  const heading = resolved ? `✅ Resolved: ${incident.title}` : `📣 Status update · ${STATUS_WORDS[incident.status]}`;
  return {
    text: clip(`${incident.name} ${resolved ? 'resolved' : `update (${STATUS_WORDS[incident.status]})`}: ${message}`, 3000),
    blocks: [
      { type: 'header', block_id: blockId, text: { type: 'plain_text', text: clip(heading, 150), emoji: true } },
      ...sections(message),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `${incident.severity} · ${incident.name} · posted by ${escape(author)} with incident-tray` }] },
    ],
  };
}

export function digestUpdateMessage(incident: Incident, message: string, channelId: string | undefined, blockId: string): SlackMessageContent {
  const resolved = incident.status === 'resolved';
  const where = channelId ? ` — <#${channelId}>` : '';
  const what = resolved ? '*resolved*' : `update (${STATUS_WORDS[incident.status]})`;
  return {
    text: clip(`${incident.severity} ${incident.name} ${resolved ? 'resolved' : 'update'}: ${message}`, 3000),
    blocks: [{ type: 'section', block_id: blockId, text: { type: 'mrkdwn', text: clip(`${incident.severity} *${incident.name}* ${what}: ${escape(clip(message, 500))}${where}`, 3000) } }],
  };
}

/** The war room's channel id from the link the declare stored (`…/archives/C123`). */
export function channelIdFromLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const match = /\/archives\/([A-Z0-9]+)\/?$/.exec(new URL(link).pathname);
    return match?.[1];
  } catch {
    return undefined;
  }
}
