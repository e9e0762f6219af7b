// GET /admin/films/export: the film list as CSV (organisers only), ready to edit and import again.
import { getDb } from '@/lib/database';
import { requireRole } from '@/lib/auth';
import { filmsCsv } from '@/lib/film/export';
import { currentFilms } from '@/lib/film/specs';
import { zoneOrUtc } from '@/lib/film/details';
import { getFestival } from '@/lib/festival/phase';

export async function GET() {
  await requireRole('organiser');
  const db = getDb();
  const csv = db.transaction((tx) => filmsCsv(currentFilms(tx), zoneOrUtc(getFestival(tx).timeZone)));
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="films.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
