// A world for declare tests: the spec-validating Slack and PagerDuty fakes, a real hub (or the
// embedded local store), and a core pointed at them through the environment, as a user would
// configure it. Retries are fast here (small backoff, short deadlines) so failures show quickly.
import { startHub, type RunningHub } from '../../src-hub/server.js';
import { createToken } from '../../src-hub/http/auth.js';
import { SqliteHubRepository } from '../../src-hub/storage/sqlite/sqlite-hub-repository.js';
import type { Core } from '../../src-main/core/create-core.js';
import { createNodeCore } from '../../src-main/core/create-node-core.js';
import type { RetryPolicy } from '../../src-main/core/retry/retry-policy.js';
import type { DeclareProgress } from '../../src-shared/domain.js';
import { startPagerDutyFake, type PagerDutyFake } from '../fakes/pagerduty-fake.js';
import { startSlackFake, botUserId, type SlackFake } from '../fakes/slack-fake.js';
import { makeTempHome } from './temp-home.js';
import { join } from 'node:path';

export const SLACK_TOKEN = 'xoxb-test-token-declare';
export const PAGERDUTY_TOKEN = 'pd-test-token-declare';
export const ROUTING_KEY = 'R0123456789abcdef0123456789abcd0';
export const DECLARER = 'ana@example.com';
export const SERVICES = [
  { id: 'PCHKOUT', name: 'checkout', summary: 'Checkout and payments' },
  { id: 'PSEARCH', name: 'search', summary: 'Product search' },
];
export const FAST_RETRIES: RetryPolicy = { attempts: 4, baseDelayMs: 20, maxDelayMs: 200, maxRetryAfterMs: 5_000 };

export interface DeclareWorld {
  home: string;
  slack: SlackFake;
  pagerduty: PagerDutyFake;
  hub?: { running: RunningHub; token: string; dbPath: string };
  env: NodeJS.ProcessEnv;
  core: Core;
  openCore(env?: NodeJS.ProcessEnv): Promise<Core>;
  declare(input: unknown): Promise<DeclareProgress>;
  close(): Promise<void>;
}

export interface WorldOptions {
  /** A team hub on a real HTTP server; otherwise the embedded local store. */
  hub?: boolean;
  latency?: { slackMs: number; pagerdutyMs: number };
  env?: NodeJS.ProcessEnv;
  retryPolicy?: RetryPolicy;
  httpTimeoutMs?: number;
}

export async function startHubOn(dbPath: string, port = 0): Promise<{ running: RunningHub; token: string; dbPath: string }> {
  const repository = SqliteHubRepository.open(dbPath);
  const token = await createToken(repository, DECLARER, new Date());
  await repository.close();
  const running = await startHub({ dbPath, host: '127.0.0.1', port });
  return { running, token, dbPath };
}

export async function startDeclareWorld(options: WorldOptions = {}): Promise<DeclareWorld> {
  const temp = makeTempHome();
  const slack = await startSlackFake({ token: SLACK_TOKEN, users: [{ id: 'U_ANA', email: DECLARER, name: 'ana' }], latencyMs: options.latency?.slackMs ?? 0 });
  slack.addChannel({ name: 'incidents', creator: 'U_ADMIN', members: [botUserId, 'U_ADMIN'] });
  const pagerduty = await startPagerDutyFake({ token: PAGERDUTY_TOKEN, routingKey: ROUTING_KEY, services: SERVICES, users: [{ id: 'PANA', email: DECLARER }], latencyMs: options.latency?.pagerdutyMs ?? 0 });
  const hub = options.hub ? await startHubOn(join(temp.home, 'team-hub.db')) : undefined;
  const env: NodeJS.ProcessEnv = {
    SLACK_TOKEN,
    SLACK_API_URL: slack.url,
    SLACK_DIGEST_CHANNEL: '#incidents',
    PAGERDUTY_TOKEN,
    PAGERDUTY_API_URL: pagerduty.restUrl,
    PAGERDUTY_EVENTS_URL: pagerduty.eventsUrl,
    PAGERDUTY_FROM_EMAIL: DECLARER,
    ...(hub ? { HUB_URL: hub.running.url, HUB_TOKEN: hub.token } : {}),
    ...options.env,
  };
  const cores: Core[] = [];
  const openCore = async (overrides: NodeJS.ProcessEnv = {}) => {
    const core = createNodeCore({
      home: temp.home,
      env: { ...env, ...overrides },
      retryPolicy: options.retryPolicy ?? FAST_RETRIES,
      httpTimeoutMs: options.httpTimeoutMs ?? 2_000,
      pdjsRateLimitWaitMs: 50,
    });
    // The declarer's own email, as the settings window would save it.
    core.settings.save({ settings: { ...core.settings.effective(), user: { email: DECLARER } } });
    await core.start();
    cores.push(core);
    return core;
  };
  const world: DeclareWorld = {
    home: temp.home,
    slack,
    pagerduty,
    ...(hub ? { hub } : {}),
    env,
    core: await openCore(),
    openCore,
    async declare(input) {
      const started = await world.core.declare(input);
      return (await world.core.runDeclare(started.id)) ?? started;
    },
    async close() {
      for (const core of cores) await core.close().catch(() => undefined);
      await Promise.all([slack.close(), pagerduty.close(), hub?.running.close()]);
      temp.cleanup();
    },
  };
  return world;
}

export const stepOf = (progress: DeclareProgress, step: DeclareProgress['steps'][number]['step']) => {
  const found = progress.steps.find((s) => s.step === step);
  if (!found) throw new Error(`no step ${step}`);
  return found;
};
