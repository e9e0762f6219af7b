// The reliability tests' servers: the one harness (tests/server.ts) with what these tests assume of every
// server they start, each on its own port with its own temporary database and a random session secret.
import { startServer as start, type StartOptions, type Server } from '../../server';

export { DIST_DIR, removeDir, stopAll, tempDir, type Server } from '../../server';

const PORT_SHIFT = Number(process.env.RELIABILITY_PORT_SHIFT ?? 0);

export function startServer(opts: StartOptions): Promise<Server> {
  return start({
    tempPrefix: 'jury-rel-',
    ...opts,
    // RELIABILITY_PORT_SHIFT moves every server of a run (and its NEXTAUTH_URL) off 3400-3499, for a machine where
    // another run holds those ports (not for deploy.rtest.ts, whose proxy keeps its own).
    port: opts.port + PORT_SHIFT,
    ...(opts.nextauthUrl ? { nextauthUrl: opts.nextauthUrl.replace(/:(\d+)/, (_, n: string) => `:${Number(n) + PORT_SHIFT}`) } : {}),
    env: {
      HOST: '127.0.0.1',
      // The test clients stand in for a reverse proxy: their X-Forwarded-For spreads the callers over
      // addresses (the login throttle counts per address). Tests of the trust itself override this.
      JURY_TRUSTED_PROXIES: '127.0.0.1',
      ...opts.env,
    },
  });
}
