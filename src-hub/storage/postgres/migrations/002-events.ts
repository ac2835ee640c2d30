import { randomBytes } from 'node:crypto';
import type { PostgresMigration } from './index.js';

/**
 * The change log behind SSE, shared by every hub instance: its id is the change sequence (SSE `id:`,
 * Last-Event-ID, list ETags). Writers insert into it under a transaction-level advisory lock so ids
 * become visible in order (see postgres-hub-repository.ts). hub_meta holds this database's identity;
 * its random values come from Node's CSPRNG (the cursor key signs cursors).
 */
export const pgMigration002Events: PostgresMigration = {
  version: 2,
  name: 'event log and hub identity',
  async up(client) {
    await client.query(`
      CREATE TABLE events (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type         text NOT NULL CHECK (type IN ('incident.created','incident.updated','incident.update_posted','incident.resolved')),
        incident_id  text NOT NULL REFERENCES incidents(id),
        data         text NOT NULL,
        at           timestamptz NOT NULL
      );
      CREATE TABLE hub_meta (
        key    text PRIMARY KEY,
        value  text NOT NULL
      );
    `);
    await client.query(`INSERT INTO hub_meta (key, value) VALUES ('epoch', $1), ('cursor_key', $2)`, [
      randomBytes(6).toString('hex'),
      randomBytes(32).toString('hex'),
    ]);
  },
};
