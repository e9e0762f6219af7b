// The server's settings, all read from the environment here and nowhere else, validated with zod.
// instrumentation.ts (and scripts/start.ts before it spawns Next) calls checkEnv() at start-up, so a
// bad value stops the server with a message naming the variable instead of failing on some later
// request. env() re-reads only when the environment changed (tests point JURY_DB at fresh files).
import path from 'node:path';
import { isIP } from 'node:net';
import { z } from 'zod';

const flag = z.enum(['0', '1']);

const schema = z
  .object({
    /** Public URL of the app; https:// switches on __Secure- cookies and HSTS. */
    NEXTAUTH_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Signs session tokens. Required outside demo mode (at least 32 characters). */
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** The SQLite file (default data/jury.db). */
    JURY_DB: z.string().min(1).optional(),
    /** Folder of the migrations (default db/migrations). */
    JURY_MIGRATIONS: z.string().min(1).optional(),
    /** '0' turns demo mode off: no demo festival, NEXTAUTH_SECRET required. */
    JURY_DEMO: flag.optional(),
    /** The audit chain's HMAC key (lib/audit/key.ts); unset: a key file beside the database. */
    JURY_AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    /** '1' only on the benchmarks' server (their pages exist only in a build made for them). */
    JURY_BENCH: flag.optional(),
    /**
     * Comma-separated addresses of the reverse proxies whose X-Forwarded-For entries are believed
     * (e.g. 127.0.0.1 for nginx on the same machine). Empty: the socket's address is the client's.
     */
    JURY_TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform((s) => (s ?? '').split(',').map((a) => a.trim()).filter(Boolean))
      .refine((list) => list.every((a) => isIP(a) !== 0), 'must be a comma-separated list of IP addresses'),
  })
  .transform((e) => ({
    nextauthUrl: e.NEXTAUTH_URL,
    nextauthSecret: e.NEXTAUTH_SECRET,
    https: e.NEXTAUTH_URL?.startsWith('https://') ?? false,
    dbFile: path.resolve(/*turbopackIgnore: true*/ e.JURY_DB ?? path.join('data', 'jury.db')),
    migrations: path.resolve(/*turbopackIgnore: true*/ e.JURY_MIGRATIONS ?? path.join(process.cwd(), 'db', 'migrations')),
    demo: e.JURY_DEMO !== '0',
    bench: e.JURY_BENCH === '1',
    trustedProxies: e.JURY_TRUSTED_PROXIES,
    auditKey: e.JURY_AUDIT_KEY,
  }));

export type Env = z.output<typeof schema>;
const NAMES = Object.keys(schema.in.shape) as (keyof typeof schema.in.shape)[];

export class EnvError extends Error {}

/** Parses `source`; throws an EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const raw: Record<string, string | undefined> = {};
  // An empty variable counts as unset (`JURY_DB= npm start`).
  for (const n of NAMES) raw[n] = source[n] === '' ? undefined : source[n];
  const r = schema.safeParse(raw);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${String(i.path[0] ?? '?')}: ${i.message}`);
    throw new EnvError(`Jury: invalid environment:\n${lines.join('\n')}`);
  }
  return r.data;
}

let memo: { key: string; env: Env } | undefined;

/** The current settings (throws EnvError on a bad value). */
export function env(): Env {
  const key = NAMES.map((n) => process.env[n] ?? '').join('\0');
  if (memo?.key !== key) memo = { key, env: parseEnv(process.env) };
  return memo.env;
}

/** Start-up check: the settings are valid, and outside demo mode the session secret is set. */
export function checkEnv(source: Record<string, string | undefined> = process.env): Env {
  const e = parseEnv(source);
  if (!e.demo && !e.nextauthSecret) {
    throw new EnvError('Jury: NEXTAUTH_SECRET is not set. Outside demo mode (JURY_DEMO=0) the server needs a fixed secret of at least 32 characters, e.g. from `openssl rand -base64 32`.');
  }
  return e;
}

/** checkEnv() for a server starting up: a bad setting ends the process with the message, no stack. */
export function checkEnvOrExit(): Env {
  try {
    return checkEnv();
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}
