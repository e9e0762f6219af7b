// Exports of the finalised results: the awards as CSV, the full data as JSON (recomputable with
// `npm run tally`). Public once published; before that, for the chair and the organisers only.
import { getDb } from '@/lib/database';
import { getCurrentUser } from '@/lib/auth';
import { awardsCsv, fullExport } from '@/lib/round/results';
import { canSeeResults } from '@/lib/round/visibility';
import { getFestival } from '@/lib/festival/phase';
import { inRequestJury } from '@/lib/server/chosen-jury';

export const GET = inRequestJury(async function GET(_req: Request, ctx: { params: Promise<{ format: string }> }) {
  const { format } = await ctx.params;
  if (format !== 'awards.csv' && format !== 'festival.json') return new Response('Not found', { status: 404 });
  const db = getDb();
  const fest = getFestival(db);
  const user = await getCurrentUser();
  if (!canSeeResults(fest.phase, user)) {
    return new Response(fest.phase === 'finalised' || fest.phase === 'published' ? 'Forbidden' : 'Not yet published', { status: user ? 403 : 401 });
  }
  try {
    if (format === 'awards.csv') {
      return new Response(awardsCsv(db), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="awards.csv"', 'cache-control': 'no-store' } });
    }
    return new Response(JSON.stringify(fullExport(db), null, 2), {
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="festival.json"', 'cache-control': 'no-store' },
    });
  } catch (e) {
    // Only a database edited by hand gets here (rows no action writes): say so rather than fail.
    console.error('export failed', e);
    return new Response('The export cannot be made from the stored data: npm run audit:verify says where.', { status: 409, headers: { 'cache-control': 'no-store' } });
  }
});
