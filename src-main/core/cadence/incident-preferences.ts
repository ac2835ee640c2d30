// Pin and snooze (issue #7), one person's choices about incidents, in SQLite (migration 005) so they
// survive restarts: a snoozed reminder stays snoozed, the pinned incident stays active.
import type { AppDatabase } from '../store/database.js';

interface PreferenceRow {
  incident_id: string;
  pinned_at: string | null;
  snoozed_until: string | null;
}

export class IncidentPreferences {
  // Every snapshot reads these two: prepared once.
  private readonly pinnedQuery;
  private readonly snoozedQuery;

  constructor(private readonly db: AppDatabase) {
    this.pinnedQuery = db.prepare<[], { incident_id: string }>('SELECT incident_id FROM incident_preferences WHERE pinned_at IS NOT NULL ORDER BY pinned_at DESC LIMIT 1');
    this.snoozedQuery = db.prepare<[string], PreferenceRow>('SELECT * FROM incident_preferences WHERE snoozed_until > ?');
  }

  /** The pinned incident, if any (at most one is pinned). */
  pinned(): string | undefined {
    return this.pinnedQuery.get()?.incident_id;
  }

  /** Pins `incidentId` (unpinning any other), or unpins with undefined. */
  pin(incidentId: string | undefined, at: Date): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE incident_preferences SET pinned_at = NULL WHERE pinned_at IS NOT NULL').run();
      if (incidentId !== undefined) this.upsert(incidentId, { pinned_at: at.toISOString() });
      this.prune();
    })();
  }

  /** Reminders wait until `until`; undefined ends a snooze. */
  snooze(incidentId: string, until: Date | undefined): void {
    this.db.transaction(() => {
      this.upsert(incidentId, { snoozed_until: until?.toISOString() ?? null });
      this.prune();
    })();
  }

  /** Snoozes still running at `now`, by incident. */
  snoozedUntil(now: Date): Map<string, string> {
    const rows = this.snoozedQuery.all(now.toISOString());
    return new Map(rows.map((row) => [row.incident_id, row.snoozed_until ?? '']));
  }

  /** Forgets preferences about incidents that are no longer open. */
  forgetAllBut(openIds: ReadonlySet<string>): void {
    const rows = this.db.prepare<[], PreferenceRow>('SELECT * FROM incident_preferences').all();
    const gone = rows.filter((row) => !openIds.has(row.incident_id));
    if (gone.length === 0) return;
    const remove = this.db.prepare('DELETE FROM incident_preferences WHERE incident_id = ?');
    this.db.transaction(() => {
      for (const row of gone) remove.run(row.incident_id);
    })();
  }

  private upsert(incidentId: string, values: Partial<Pick<PreferenceRow, 'pinned_at' | 'snoozed_until'>>): void {
    this.db.prepare('INSERT OR IGNORE INTO incident_preferences (incident_id) VALUES (?)').run(incidentId);
    for (const [column, value] of Object.entries(values)) {
      this.db.prepare(`UPDATE incident_preferences SET ${column} = ? WHERE incident_id = ?`).run(value, incidentId);
    }
  }

  /** A row that says nothing any more is removed. */
  private prune(): void {
    this.db.prepare('DELETE FROM incident_preferences WHERE pinned_at IS NULL AND snoozed_until IS NULL').run();
  }
}
