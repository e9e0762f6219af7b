// GET /api/live: the live counts as Server-Sent Events, for the signed-in reader's role only (what
// lib/live/view.ts lets each see: counts, never a score, a choice or who voted). One event `counts`
// whenever the reader's view changes, a comment as heartbeat, `end` when the session stops holding.
// The session is checked here (not only by proxy.ts) and again by the watcher at every change. A
// stream lasts at most STREAM_MS: the browser reconnects on its own, and its session is checked
// again then (an expired token ends there).
import { getCurrentUser } from '@/lib/auth';
import { databaseFile } from '@/db';
import { liveWatcher } from '@/lib/live/watcher';
import type { LiveView } from '@/lib/live/view';

export const dynamic = 'force-dynamic';

const STREAM_MS = 10 * 60_000;
const RETRY_MS = 2_000;

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export async function GET(req: Request) {
  let user;
  try {
    user = await getCurrentUser();
  } catch (e) {
    console.error('live counts: session check failed', e);
    return plain(503, 'Live counts are not available right now.');
  }
  if (!user) return plain(401, 'Sign in to follow the counts.');
  if (user.mustChangePassword) return plain(403, 'Choose your own password first.');

  const enc = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let unsubscribe: (() => void) | null = null;
  let lifetime: ReturnType<typeof setTimeout> | null = null;
  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe?.();
    if (lifetime) clearTimeout(lifetime);
    req.signal.removeEventListener('abort', close);
    try {
      controller.close();
    } catch { /* already closed or cancelled by the client */ }
  };
  const write = (text: string) => {
    if (closed) return;
    try {
      controller.enqueue(enc.encode(text));
    } catch {
      close(); // the client went away
    }
  };
  // `start` runs inside the constructor, so `controller` is set before anything is written.
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel: close,
  });
  write(`retry: ${RETRY_MS}\n\n`);
  try {
    unsubscribe = liveWatcher(databaseFile()).subscribe({ uid: user.id, sv: user.sessionVersion }, {
      view: (v: LiveView) => write(`event: counts\ndata: ${JSON.stringify(v)}\n\n`),
      ping: () => write(': keep-alive\n\n'),
      end: () => {
        write('event: end\ndata: {}\n\n');
        close();
      },
    });
  } catch (e) {
    console.error('live counts: watcher failed', e);
    closed = true;
    return plain(503, 'Live counts are not available right now.');
  }
  if (closed) unsubscribe();
  req.signal.addEventListener('abort', close);
  if (req.signal.aborted) close();
  lifetime = setTimeout(close, STREAM_MS);
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: no compression (it would hold events back until a buffer fills).
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
