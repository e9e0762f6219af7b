// A published jury's exports at its own address (/results/<edition>/<jury>/export/<format>): the same files
// as /results/export/<format> makes for the served jury. Nothing before the jury publishes; an unknown
// address or format is a 404.
import { getDb } from '@/lib/database';
import { juryResultsAt } from '@/lib/festival/archive';
import { exportResponse } from '@/app/results/export-response';

export async function GET(_req: Request, ctx: { params: Promise<{ edition: string; jury: string; format: string }> }) {
  const { format, ...address } = await ctx.params;
  if (format !== 'awards.csv' && format !== 'festival.json') return new Response('Not found', { status: 404 });
  const db = getDb();
  const at = juryResultsAt(db, address);
  if (at.state === 'missing') return new Response('Not found', { status: 404 });
  if (at.state === 'unpublished') return new Response('Not yet published', { status: 404, headers: { 'cache-control': 'no-store' } });
  return exportResponse(db, at.fest, format);
}
