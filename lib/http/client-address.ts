// The client's address for the login throttle and the audit log: never an address the client wrote.
//
// Next.js gives a route handler no socket address. It fills X-Forwarded-For from the socket only
// when the request has none, so a client-supplied one passes through unchanged and cannot be told
// apart. The production server (scripts/server.ts, a Next.js custom server: `npm start`) therefore
// writes the socket's address into SOCKET_HEADER on every request, replacing anything the client
// sent under that name, and marks this process so that the header is believed. Under plain
// `next start` it is not believed (a client could send it) and the address is 'unknown'.
//
// With JURY_TRUSTED_PROXIES naming the reverse proxy (nginx), a request whose socket is that proxy
// is attributed to the rightmost X-Forwarded-For entry that is not a trusted proxy: the address the
// proxy itself appended ($proxy_add_x_forwarded_for), never the ones the client put before it.
import { isIP } from 'node:net';

export const SOCKET_HEADER = 'x-jury-socket-address';
const MARK = Symbol.for('jury.socketAddressHeader');

/** Called by scripts/server.ts: this process's requests carry the true socket address. */
export function trustSocketHeader(): void {
  (globalThis as Record<symbol, unknown>)[MARK] = true;
}

export function socketHeaderTrusted(): boolean {
  return (globalThis as Record<symbol, unknown>)[MARK] === true;
}

/** '::ffff:127.0.0.1' and '127.0.0.1' are the same client. */
export function normaliseAddress(a: string): string {
  const s = a.trim().toLowerCase().replace(/^\[|\]$/g, '');
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  return m ? m[1] : s;
}

export function clientAddressFrom(
  get: (name: string) => string | undefined,
  trustedProxies: readonly string[],
  trustSocket: boolean = socketHeaderTrusted(),
): string {
  const raw = trustSocket ? get(SOCKET_HEADER) : undefined;
  if (!raw || !isIP(normaliseAddress(raw))) return 'unknown';
  let address = normaliseAddress(raw);
  const trusted = new Set(trustedProxies.map(normaliseAddress));
  if (!trusted.has(address)) return address;
  // From the proxy next to us outwards: each trusted hop vouches for the entry before it.
  const hops = (get('x-forwarded-for') ?? '').split(',').map(normaliseAddress).filter(Boolean);
  while (trusted.has(address) && hops.length) {
    const next = hops.pop()!;
    if (!isIP(next)) break; // garbage in the chain: stay with the last address a trusted hop vouched for
    address = next;
  }
  return address;
}
