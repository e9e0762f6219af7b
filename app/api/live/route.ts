// GET /api/live: the live counts as Server-Sent Events (lib/live/stream.ts), for the signed-in
// reader's role only (lib/live/view.ts: counts, never a score, a choice or who voted). The session
// is checked here (not only by proxy.ts) and again by the watcher at every change. No session: 401;
// a temporary password still to replace: 403; the database unreachable: 503; never a 500.
import { getCurrentUser } from '@/lib/auth';
import { databaseFile } from '@/lib/database';
import { liveWatcher } from '@/lib/live/watcher';
import { liveEventStream } from '@/lib/live/stream';
import { inRequestJury } from '@/lib/server/chosen-jury';

export const dynamic = 'force-dynamic';

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export const GET = inRequestJury(async function GET(req: Request) {
  let user;
  try {
    user = await getCurrentUser();
  } catch (e) {
    console.error('live counts: session check failed', e);
    return plain(503, 'Live counts are not available right now.');
  }
  if (!user) return plain(401, 'Sign in to follow the counts.');
  if (user.mustChangePassword) return plain(403, 'Choose your own password first.');
  // An account on no jury of the one this request chose has no counts to follow there (issue 23).
  if (user.role === null) return plain(403, 'You do not sit on this jury.');
  let stream: ReadableStream<Uint8Array>;
  try {
    stream = liveEventStream(liveWatcher(databaseFile()), { uid: user.id, sv: user.sessionVersion }, req.signal);
  } catch (e) {
    console.error('live counts: watcher failed', e);
    return plain(503, 'Live counts are not available right now.');
  }
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: no compression (it would hold events back until a buffer fills).
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
});
