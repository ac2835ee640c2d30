// vitest globalSetup: one throwaway PostgreSQL cluster for the whole run, so the hub tests run on
// both backends. TEST_DATABASE_URL (a database the tests may create schemas in) skips starting one.
// Where PostgreSQL is not installed the PostgreSQL variants skip with one line saying how to install
// it — unless HUB_TEST_REQUIRE_POSTGRES=1 (CI), where that is a failure.
import type { TestProject } from 'vitest/node';
import { POSTGRES_INSTALL_HINT, postgresBinDir, startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the hub's PostgreSQL tests run; '' when they skip. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  let cluster: PostgresCluster | undefined;
  let url = process.env.TEST_DATABASE_URL ?? '';
  let reason = '';
  if (!url) {
    if (postgresBinDir()) {
      cluster = await startPostgresCluster();
      url = cluster.url;
    } else {
      reason = `PostgreSQL is not installed: the hub's PostgreSQL tests are skipped (install it with: ${POSTGRES_INSTALL_HINT}, or set TEST_DATABASE_URL)`;
      if (process.env.HUB_TEST_REQUIRE_POSTGRES === '1') throw new Error(reason.replace('are skipped', 'are required here (HUB_TEST_REQUIRE_POSTGRES=1)'));
      console.warn(reason); // once per run, here, rather than once per test file
    }
  }
  project.provide('postgresUrl', url);
  return () => cluster?.destroy();
}
