// The exports' files for one jury: the awards as CSV, the full data as JSON (recomputable with
// `npm run tally`), for /results/export/<format> (the served jury) and a jury's own address.
import 'server-only';
import type { DB } from '@/db';
import type { Festival } from '@/db/schema';
import { awardsCsv, fullExport } from '@/lib/round/results';

export function exportResponse(db: DB, fest: Festival, format: 'awards.csv' | 'festival.json'): Response {
  try {
    if (format === 'awards.csv') {
      return new Response(awardsCsv(db, fest), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="awards.csv"', 'cache-control': 'no-store' } });
    }
    return new Response(JSON.stringify(fullExport(db, fest), null, 2), {
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="festival.json"', 'cache-control': 'no-store' },
    });
  } catch (e) {
    // Only a database edited by hand gets here (rows no action writes): say so rather than fail.
    console.error('export failed', e);
    return new Response('The export cannot be made from the stored data: npm run audit:verify says where.', { status: 409, headers: { 'cache-control': 'no-store' } });
  }
}
