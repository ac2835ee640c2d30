import type { Migration } from './index.js';

/**
 * What this person said about incidents (issue #7): the one pinned as active (its countdown drives
 * the tray) and reminders snoozed until a time. Kept here, not on the hub: it is one person's view.
 */
export const migration005IncidentPreferences: Migration = {
  version: 5,
  name: 'incident preferences (pin, snooze)',
  up(db) {
    db.exec(`
      CREATE TABLE incident_preferences (
        incident_id TEXT PRIMARY KEY,
        pinned_at TEXT,
        snoozed_until TEXT
      ) STRICT;
    `);
  },
};
