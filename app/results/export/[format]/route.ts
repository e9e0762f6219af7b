// Exports of the finalised results: the awards as CSV, the full data as JSON (recomputable with
// `npm run tally`). Public once published; before that, for the chair and the organisers only.
import { getDb } from '@/lib/database';
import { getCurrentUser } from '@/lib/auth';
import { canSeeResults } from '@/lib/round/visibility';
import { getFestival } from '@/lib/festival/phase';
import { exportResponse } from '@/app/results/export-response';
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
  return exportResponse(db, fest, format);
});
