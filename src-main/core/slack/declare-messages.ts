// The Slack messages of a declare (Block Kit): the headline pinned in the war room and the notice in
// the digest channel. Pure functions of the declare and the links known so far, so an update after
// PagerDuty answers re-renders the same message with the link added.
import type { KnownBlock } from '@slack/web-api';
import type { DeclareRequest } from '../../../src-shared/domain.js';
import { SEVERITY_MEANINGS } from '../../../src-shared/domain.js';
import type { SlackMessageContent } from './slack-gateway.js';

export interface DeclareFacts {
  id: string;
  name: string;
  request: DeclareRequest;
  commander: string;
}

export interface KnownLinks {
  pagerduty?: string;
  hub?: string;
}

/** The block ids carry the declare id: how a retry finds a message an earlier try already posted. */
export const headlineBlockId = (declareId: string) => `incident-tray-headline-${declareId}`;
export const digestBlockId = (declareId: string) => `incident-tray-digest-${declareId}`;

const SEVERITY_MARK: Record<DeclareRequest['severity'], string> = { SEV1: '🔴', SEV2: '🟠', SEV3: '🟡', SEV4: '🔵', SEV5: '⚪' };
/** Block Kit text limits: 150 for a header, 3000 for a section. */
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
/** User text must not turn into mentions or links: Slack's mrkdwn escapes. */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function headlineMessage(facts: DeclareFacts, links: KnownLinks): SlackMessageContent {
  const { request } = facts;
  const linkLine = [
    links.pagerduty ? `<${links.pagerduty}|PagerDuty incident>` : 'PagerDuty: not paged',
    ...(links.hub ? [`<${links.hub}|Incident record>`] : []),
  ].join(' · ');
  const blocks: KnownBlock[] = [
    { type: 'header', block_id: headlineBlockId(facts.id), text: { type: 'plain_text', text: clip(`${SEVERITY_MARK[request.severity]} ${request.severity} · ${request.title}`, 150), emoji: true } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Incident*\n${facts.name}` },
        { type: 'mrkdwn', text: `*Severity*\n${request.severity}: ${SEVERITY_MEANINGS[request.severity]}` },
        { type: 'mrkdwn', text: `*Service*\n${escape(request.service ?? 'not given')}` },
        { type: 'mrkdwn', text: `*Commander*\n${escape(facts.commander)}` },
        { type: 'mrkdwn', text: '*Status*\nInvestigating' },
      ],
    },
    ...(request.description ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: clip(escape(request.description), 3000) } }] : []),
    { type: 'context', elements: [{ type: 'mrkdwn', text: linkLine }] },
  ];
  return { text: clip(`${request.severity} ${facts.name}: ${request.title}`, 3000), blocks };
}

export function digestMessage(facts: DeclareFacts, channelId: string): SlackMessageContent {
  const { request } = facts;
  const line = `${SEVERITY_MARK[request.severity]} *${request.severity} declared:* ${escape(clip(request.title, 500))} — join <#${channelId}>`;
  return {
    text: clip(`${request.severity} declared: ${request.title} — join #${facts.name}`, 3000),
    blocks: [
      { type: 'section', block_id: digestBlockId(facts.id), text: { type: 'mrkdwn', text: line } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Commander: ${escape(facts.commander)}${request.service ? ` · Service: ${escape(request.service)}` : ''}` }] },
    ],
  };
}

/** Topic of the war room (Slack allows 250 characters). */
export const channelTopic = (facts: DeclareFacts) => clip(`${facts.request.severity} · ${facts.request.title} · commander ${facts.commander}`, 250);
/** Purpose: marks the channel as this declare's, so a retry after `name_taken` can tell ours apart. */
export const channelPurpose = (facts: DeclareFacts) => `Incident war room ${facts.name} (incident-tray ${facts.id})`;
