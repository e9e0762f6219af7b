// A small closed-loop HTTP load generator: `users` virtual users, each sending its next request as
// soon as the previous one answers, over keep-alive connections (one per user). Counts only what
// completes inside the measured window, after a warm-up.
import http from 'node:http';

export interface Request {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadResult {
  users: number;
  seconds: number;
  completed: number;
  errors: number;
  errorSamples: string[];
  throughput: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Every measured latency (ms), to merge slices of one point. */
  latencies: number[];
  /** Successful requests measured per virtual user (whether a saturated server serves its users alike). */
  perUser: number[];
}

/** One point measured in several slices (interleaved with other systems' slices), as one result. */
export function merge(parts: LoadResult[]): LoadResult {
  const latencies = parts.flatMap((p) => p.latencies);
  const perUser = parts[0].perUser.map((_, u) => parts.reduce((a, p) => a + p.perUser[u], 0));
  return summarise(parts[0].users, parts.reduce((a, p) => a + p.seconds, 0), latencies, parts.reduce((a, p) => a + p.errors, 0), parts.flatMap((p) => p.errorSamples).slice(0, 3), perUser);
}

function summarise(users: number, seconds: number, latencies: number[], errors: number, errorSamples: string[], perUser: number[]): LoadResult {
  const sorted = Float64Array.from(latencies).sort();
  const pick = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
  return {
    users,
    seconds,
    completed: latencies.length,
    errors,
    errorSamples,
    throughput: latencies.length / seconds,
    p50: pick(50),
    p90: pick(90),
    p99: pick(99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    latencies,
    perUser,
  };
}

/** `next(user)` builds a request; `ok(status, body)` says whether the answer counts as a success. */
export async function load(opts: {
  port: number;
  users: number;
  warmupMs: number;
  durationMs: number;
  next: (user: number) => Request;
  ok: (status: number, body: string) => boolean;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.users, maxFreeSockets: opts.users });
  const t0 = performance.now();
  const from = t0 + opts.warmupMs;
  const until = from + opts.durationMs;
  const latencies: number[] = [];
  const perUser: number[] = new Array(opts.users).fill(0);
  let errors = 0;
  const errorSamples: string[] = [];

  const send = (r: Request) =>
    new Promise<{ status: number; body: string }>((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port: opts.port, method: 'POST', path: r.path, agent, headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          res.on('error', (e) => resolve({ status: 0, body: String(e) }));
        },
      );
      req.on('error', (e) => resolve({ status: 0, body: String(e) }));
      req.end(r.body);
    });

  await Promise.all(
    Array.from({ length: opts.users }, async (_, u) => {
      while (performance.now() < until) {
        const start = performance.now();
        const { status, body } = await send(opts.next(u));
        const end = performance.now();
        if (start < from || end > until) continue;
        if (opts.ok(status, body)) {
          latencies.push(end - start);
          perUser[u]++;
        }
        else {
          errors++;
          if (errorSamples.length < 3) errorSamples.push(`HTTP ${status}: ${body.slice(0, 300)}`);
        }
      }
    }),
  );
  agent.destroy();
  return summarise(opts.users, opts.durationMs / 1000, latencies, errors, errorSamples, perUser);
}
