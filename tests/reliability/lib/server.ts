// The reliability tests' servers: the one harness (tests/server.ts) with what these tests assume of every
// server they start, each on its own port with its own temporary database and a random session secret.
import { startServer as start, type StartOptions, type Server } from '../../server';

export { DIST_DIR, removeDir, stopAll, tempDir, type Server } from '../../server';

export function startServer(opts: StartOptions): Promise<Server> {
  return start({
    tempPrefix: 'jury-rel-',
    ...opts,
    env: {
      HOST: '127.0.0.1',
      // The test clients stand in for a reverse proxy: their X-Forwarded-For spreads the callers over
      // addresses (the login throttle counts per address). Tests of the trust itself override this.
      JURY_TRUSTED_PROXIES: '127.0.0.1',
      ...opts.env,
    },
  });
}
