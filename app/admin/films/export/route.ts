// GET /admin/films/export: the film list as CSV (organisers only), ready to edit and import again.
import { getDb } from '@/lib/database';
import { requireRole } from '@/lib/auth';
import { storedFilmsCsv } from '@/lib/film/export';
import { inRequestJury } from '@/lib/server/chosen-jury';

export const GET = inRequestJury(async function GET() {
  await requireRole('organiser');
  const csv = storedFilmsCsv(getDb());
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="films.csv"',
      'Cache-Control': 'no-store',
    },
  });
});
