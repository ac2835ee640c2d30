// PagerDuty as the declare (page) and the resolve use it: the gateway, which of its APIs the settings
// allow, and who acts (the From: of REST writes).
import type { PagerDutyGateway } from './pagerduty-gateway.js';

export interface PagerDutyAccess {
  gateway: PagerDutyGateway;
  /** A REST API key is set (REST `POST /incidents`, lookups, resolve); otherwise Events v2 only. */
  canUseRest: boolean;
  /** Events v2 integration key, used when no REST key is configured. */
  routingKey?: string;
  /** The email of a PagerDuty user, for the From: header of REST writes. */
  fromEmail?: string;
}
