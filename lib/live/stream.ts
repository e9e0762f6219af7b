// One reader's event stream: the watcher's views as `counts` events, a comment as heartbeat,
// `end` when the session stops holding. Closed, and unsubscribed from the watcher, whichever comes
// first: the client going away (the request's abort signal, or the response stream cancelled), a
// failed write, the end of the session, or `lifetimeMs` (the browser then reconnects on its own and
// its session is checked again: an expired token ends there). Throws when the watcher cannot start.
import 'server-only';
import type { LiveView } from './view';
import type { LiveClaims, LiveWatcher } from './watcher';

export const STREAM_MS = 10 * 60_000;
const RETRY_MS = 2_000;

export function liveEventStream(watcher: LiveWatcher, claims: LiveClaims, signal: AbortSignal, lifetimeMs = STREAM_MS): ReadableStream<Uint8Array> {
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
    signal.removeEventListener('abort', close);
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
  unsubscribe = watcher.subscribe(claims, {
    view: (_v: LiveView, json: string) => write(`event: counts\ndata: ${json}\n\n`),
    ping: () => write(': keep-alive\n\n'),
    end: () => {
      write('event: end\ndata: {}\n\n');
      close();
    },
  });
  if (closed) unsubscribe();
  signal.addEventListener('abort', close);
  if (signal.aborted) close();
  if (!closed) lifetime = setTimeout(close, lifetimeMs);
  return stream;
}
