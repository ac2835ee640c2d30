// Fills a hub database with many incidents straight through SQL (a bench needs 100,000 in seconds,
// not the minutes the API would take), in the shape the hub writes them.
import type { Database } from 'better-sqlite3';

export function seedIncidents(db: Database, total: number, openEvery: number): void {
  const insert = db.prepare(
    `INSERT INTO incidents (id, name, title, severity, status, declared_by, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, 'bench@example.com', ?, ?, 1)`,
  );
  const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'];
  const start = Date.parse('2024-01-01T00:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < total; i++) {
      const at = new Date(start + i * 60_000).toISOString();
      const id = `seed-${String(i).padStart(7, '0')}`;
      const status = i % openEvery === 0 ? 'investigating' : 'resolved';
      insert.run(id, `inc-seed-${i}`, `Seeded incident ${i}`, severities[i % 5], status, at, at);
    }
  })();
}
