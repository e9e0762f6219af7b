// Reads the live event stream (/api/live) as a browser's EventSource would, up to its first
// `counts` event, then hangs up: a stream never ends by itself, so a plain GET would wait forever.
import type { Client } from './client';

export interface StreamRead {
  status: number;
  headers: Headers;
  body: string;
  /** The first `counts` event's data, parsed; undefined when the answer was not a stream. */
  view?: Record<string, unknown>;
}

export async function readFirstEvent(c: Client, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<StreamRead> {
  const ctl = new AbortController();
  const res = await c.request(path, { method: init.method ?? 'GET', headers: { accept: 'text/event-stream', ...(init.headers ?? {}) }, body: init.body, signal: ctl.signal });
  if (!(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) return { status: res.status, headers: res.headers, body: await res.text() };
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let body = '';
  try {
    for (;;) {
      const m = /event: (counts|end)\ndata: (.*)\n\n/.exec(body);
      if (m) return { status: res.status, headers: res.headers, body, view: m[1] === 'counts' ? (JSON.parse(m[2]) as Record<string, unknown>) : undefined };
      const { value, done } = await reader.read();
      if (done) return { status: res.status, headers: res.headers, body };
      body += dec.decode(value, { stream: true });
    }
  } finally {
    ctl.abort();
  }
}

/** What a reader's first view may hold, by role (lib/live/view.ts): counts only, never a value. */
export function liveViewProblems(who: string, view: Record<string, unknown> | undefined, body: string): string[] {
  const out: string[] = [];
  if (/choice|receipt|salt|steps|"value"|"score|voters|"note/i.test(body)) out.push(`${who}'s stream carried a value field: ${body.slice(0, 200)}`);
  if (!view) return out;
  const keys = Object.keys(view).sort().join(',');
  const allowed = who === 'chair' ? ['ballots,missing,phase,runoffs'] : who === 'organiser' ? ['ballots,phase,runoffs'] : ['phase,runoffs'];
  if (!allowed.includes(keys)) out.push(`${who}'s stream carried ${keys}`);
  for (const r of (view.runoffs as Record<string, unknown>[] | undefined) ?? []) {
    const rk = Object.keys(r).sort().join(',');
    const ok = who === 'organiser' ? 'cast,entitled,id,nomination,open' : 'cast,entitled,id,mayVote,nomination,open,voted';
    if (rk !== ok) out.push(`${who}'s stream carried runoff fields ${rk}`);
  }
  return out;
}
