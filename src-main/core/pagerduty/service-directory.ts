// PagerDuty services for the declare form's picker: fetched once and kept for a while, searched
// locally as the person types (no request per key stroke), and used to turn "checkout" into the
// service id `POST /incidents` needs. When PagerDuty cannot be asked, the last list still answers.
import type { ServiceOption, ServiceSearchResult } from '../../../src-shared/domain.js';
import type { Clock } from '../ports.js';
import { asStepError } from '../retry/step-error.js';
import type { PagerDutyGateway } from './pagerduty-gateway.js';

const FRESH_MS = 10 * 60_000;
const RESULTS_MAX = 50;

const normalise = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().trim();

export class ServiceDirectory {
  private services: ServiceOption[] = [];
  private fetchedAt: Date | undefined;
  private loading: Promise<void> | undefined;
  private lastError: string | undefined;

  constructor(
    private readonly gateway: () => PagerDutyGateway | undefined,
    private readonly clock: Clock,
  ) {}

  private load(force = false): Promise<void> {
    const fresh = this.fetchedAt && this.clock.now().getTime() - this.fetchedAt.getTime() < FRESH_MS;
    if (fresh && !force) return Promise.resolve();
    const gateway = this.gateway();
    if (!gateway) return Promise.resolve();
    this.loading ??= gateway
      .listServices('')
      .then((services) => {
        this.services = services.sort((a, b) => a.name.localeCompare(b.name));
        this.fetchedAt = this.clock.now();
        this.lastError = undefined;
      })
      .catch((error: unknown) => {
        this.lastError = asStepError(error).message;
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }

  async search(query: string): Promise<ServiceSearchResult> {
    if (!this.gateway()) return { services: [], configured: false };
    await this.load();
    const wanted = normalise(query);
    const matches = wanted
      ? this.services.filter((s) => normalise(s.name).includes(wanted) || normalise(s.summary ?? '').includes(wanted) || s.id.toLowerCase() === wanted)
      : this.services;
    // Names that start with the query first: "pay" finds "payments" before "gateway-payouts".
    const ranked = [...matches].sort((a, b) => Number(!normalise(a.name).startsWith(wanted)) - Number(!normalise(b.name).startsWith(wanted)));
    return {
      services: ranked.slice(0, RESULTS_MAX),
      configured: true,
      ...(this.fetchedAt ? { fetchedAt: this.fetchedAt.toISOString() } : {}),
      ...(this.lastError ? { error: this.lastError } : {}),
    };
  }

  /** The id for a service named (or identified) by the declarer; undefined when none matches. */
  async resolve(nameOrId: string): Promise<string | undefined> {
    const find = () => this.services.find((s) => s.id === nameOrId || normalise(s.name) === normalise(nameOrId));
    await this.load();
    if (find()) return find()?.id;
    // A service made since the list was fetched: ask once more before saying there is none.
    await this.load(true);
    if (this.lastError && this.services.length === 0) {
      const gateway = this.gateway();
      if (!gateway) return undefined;
      const direct = await gateway.listServices(nameOrId, 100);
      return direct.find((s) => s.id === nameOrId || normalise(s.name) === normalise(nameOrId))?.id;
    }
    return find()?.id;
  }
}
