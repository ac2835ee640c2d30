// The page (DESIGN.md §3): REST `POST /incidents` on the affected service with `incident_key` = the
// declare's id (a repeat finds the first incident instead of making a second), or an Events v2
// trigger with `dedup_key` = the id where only a routing key is configured (or no service was named).
import type { Severity } from '../../../../src-shared/domain.js';
import type { EventSeverity, Urgency } from '../../pagerduty/pagerduty-gateway.js';
import { StepError } from '../../retry/step-error.js';
import { runStep, type StepContext } from '../step-context.js';

const URGENCY: Record<Severity, Urgency> = { SEV1: 'high', SEV2: 'high', SEV3: 'low', SEV4: 'low', SEV5: 'low' };
const EVENT_SEVERITY: Record<Severity, EventSeverity> = { SEV1: 'critical', SEV2: 'error', SEV3: 'warning', SEV4: 'info', SEV5: 'info' };

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function runPagerDutyStep(ctx: StepContext) {
  return runStep(ctx, 'pagerduty', async (state, save) => {
    if (typeof state.incidentId === 'string') return { url: typeof state.url === 'string' ? state.url : undefined };
    if (state.eventSent === true) return {};
    const target = ctx.vendors.pagerduty;
    if (!target) throw new StepError('auth', 'PagerDuty is no longer configured: set an API key or routing key in Settings, then retry');
    const { request } = ctx.declare;
    const title = clip(`[${request.severity}] ${ctx.facts.name}: ${request.title}`, 1024);
    const details = [request.description, `Declared by ${ctx.facts.commander} with incident-tray.`, `Slack: #${ctx.facts.name}`].filter(Boolean).join('\n\n');

    if (target.canUseRest && request.service) {
      const serviceId = typeof state.serviceId === 'string' ? state.serviceId : await target.resolveService(request.service);
      if (!serviceId) throw new StepError('rejected', `no PagerDuty service matches "${request.service}": pick one from the service list`);
      save({ serviceId });
      if (!target.fromEmail) {
        throw new StepError('rejected', 'PagerDuty needs the email of a PagerDuty user for the From header: set PAGERDUTY_FROM_EMAIL (or your email in Settings)');
      }
      const incident = await target.gateway.createIncident({ title, serviceId, urgency: URGENCY[request.severity], incidentKey: ctx.declare.id, details, fromEmail: target.fromEmail });
      save({ incidentId: incident.id, url: incident.url });
      return { url: incident.url };
    }
    if (target.routingKey) {
      await target.gateway.triggerEvent({
        routingKey: target.routingKey,
        dedupKey: ctx.declare.id,
        summary: title,
        severity: EVENT_SEVERITY[request.severity],
        source: 'incident-tray',
        customDetails: { incident: ctx.facts.name, commander: ctx.facts.commander, ...(request.service ? { service: request.service } : {}), ...(request.description ? { description: request.description } : {}) },
        links: [],
      });
      save({ eventSent: true });
      return {};
    }
    throw new StepError('rejected', 'choose the affected service so its on-call can be paged (no PagerDuty Events routing key is set to page without one)');
  });
}
