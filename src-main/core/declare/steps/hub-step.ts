// The incident record (DESIGN.md §3): `POST /v1/incidents` with an Idempotency-Key, to the team hub or
// the embedded local store. The hub owns name uniqueness: when it answers `name_taken` (a teammate's
// incident, perhaps resolved, has it) the declare takes the next free suffix before Slack uses it.
import { HubError } from '../../../../src-shared/hub-client-contract.js';
import type { CreateIncidentBody } from '../../../../src-shared/hub-api.js';
import { baseIncidentName, uniqueIncidentName } from '../../../../src-shared/incident-name.js';
import { StepError } from '../../retry/step-error.js';
import { hubStepError, runStep, type StepContext } from '../step-context.js';

const RENAMES_MAX = 20;

/** The key depends on the name: a create renamed after `name_taken` is a new request, not a replay. */
export const hubIdempotencyKey = (declareKey: string, name: string) => `${declareKey}.${name}`;

function createBody(ctx: StepContext, name: string): CreateIncidentBody {
  const { request } = ctx.declare;
  // Only fields fixed at the intent: a retry must send the very same body, or the hub answers 422.
  return {
    id: ctx.declare.id,
    name,
    title: request.title,
    severity: request.severity,
    commander: ctx.facts.commander,
    ...(request.description ? { description: request.description } : {}),
    ...(request.service ? { service: request.service } : {}),
  };
}

export function runHubStep(ctx: StepContext, onFirstAttempt: () => void) {
  return runStep(
    ctx,
    'hub',
    async (state, save) => {
      if (state.created === true) return {};
      const tried = new Set<string>();
      for (let renames = 0; renames <= RENAMES_MAX; renames++) {
        const name = ctx.outbox.declare(ctx.declare.id)?.name ?? ctx.declare.name;
        tried.add(name);
        try {
          await ctx.vendors.incidents.createIncident(createBody(ctx, name), { idempotencyKey: hubIdempotencyKey(ctx.declare.idempotencyKey, name) });
          save({ created: true, name });
          return {};
        } catch (error) {
          if (!(error instanceof HubError) || error.code !== 'name_taken') throw hubStepError(error);
          const base = baseIncidentName(ctx.declare.request.title, ctx.declare.request.severity, new Date(ctx.declare.createdAt));
          const next = uniqueIncidentName(base, (candidate) => tried.has(candidate) || ctx.outbox.isNameReserved(candidate));
          ctx.outbox.rename(ctx.declare.id, next);
          ctx.facts.name = next;
          ctx.changed();
        }
      }
      throw new StepError('rejected', `the hub refused ${RENAMES_MAX} names in a row as taken; declare again with a more specific title`);
    },
    onFirstAttempt,
  );
}
