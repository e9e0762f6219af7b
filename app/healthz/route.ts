// GET /healthz: 200 when the database is writable and its migrations are current, else 503. Public
// (a monitor has no session) and therefore says nothing but which check failed.
import { getDb, migrationsFolder } from '@/lib/database';
import { checkHealth } from '@/lib/http/health';

export const dynamic = 'force-dynamic';

export function GET() {
  let health;
  try {
    health = checkHealth(getDb(), migrationsFolder());
  } catch {
    health = { ok: false, database: false, migrations: false };
  }
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
