// What the route modules share: the service, the repository for reads, the bus for the change
// sequence, the cursor codec and the database identity.
import type { EventBus } from '../events/event-bus.js';
import type { Lifecycle } from '../http/auth.js';
import type { SseBroadcaster } from '../events/sse-broadcaster.js';
import type { CursorCodec } from '../http/list-cursor.js';
import type { IncidentService } from '../incidents/incident-service.js';
import type { HubIdentity, HubRepository } from '../storage/repository.js';

export interface RouteContext {
  service: IncidentService;
  repository: HubRepository;
  bus: EventBus;
  broadcaster: SseBroadcaster;
  cursors: CursorCodec;
  identity: HubIdentity;
  openApiJson: string;
  lifecycle: Lifecycle;
}

export const PUBLIC_ROUTE = { public: true } as const;
