// The health check behind GET /healthz (for the service manager, the proxy or a monitor): the
// database answers and is writable, and every migration shipped with this build has been applied.
// It reports no data: only whether each check passed.
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { DB } from '@/db';

export type Health = { ok: boolean; database: boolean; migrations: boolean };

class Rollback extends Error {}

export function checkHealth(db: DB, migrationsFolder: string): Health {
  let database = false;
  try {
    // A real write, rolled back: a read-only file, a full disk or a lost lock fails here.
    db.$client.transaction(() => {
      db.$client.prepare("insert into login_failure (login, address, at) values ('healthz', 'healthz', 0)").run();
      throw new Rollback();
    }).immediate();
  } catch (e) {
    database = e instanceof Rollback;
  }
  let migrations = false;
  try {
    const shipped = readMigrationFiles({ migrationsFolder });
    const applied = db.$client.prepare('select hash, created_at as at from __drizzle_migrations order by created_at').all() as { hash: string; at: number }[];
    const last = shipped[shipped.length - 1];
    migrations = !last || applied.some((a) => a.hash === last.hash && Number(a.at) === last.folderMillis);
  } catch {
    migrations = false;
  }
  return { ok: database && migrations, database, migrations };
}
