// Next.js configuration. next-intl reads the locale per request (cookie or the user's stored
// preference) from i18n/request.ts; native modules stay outside the server bundle.
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  poweredByHeader: false,
  // Type errors fail the build: `npm start` never serves code that does not type-check. The one exception
  // is `npm test` (scripts/test.mjs), whose type check step has already run `next typegen` and
  // `tsc --noEmit` over the same files (the app's, the route types' validator under .next/types, and
  // everything else) and stopped the run on any error before the build; it sets JURY_TYPES_CHECKED=1
  // so that the build does not check them a second time (docs/TESTING.md, 2026-12-08).
  typescript: { ignoreBuildErrors: process.env.JURY_TYPES_CHECKED === '1' },
  // The benchmark pages (app/bench/**/page.bench.tsx) and, through them, their no-op server action
  // exist only in a build made for the benchmarks (bench/lib/server.ts sets JURY_BENCH_BUILD=1).
  pageExtensions: process.env.JURY_BENCH_BUILD === '1' ? ['bench.tsx', 'tsx', 'ts'] : ['tsx', 'ts'],
  // forbidden() renders app/forbidden.tsx with HTTP 403 for a signed-in user without the role.
  // inlineCss: the stylesheets (about 8 KB gzipped since the script fonts' rules went per page,
  // app/components/ScriptFonts.tsx) come inside the HTML, so a phone paints after one round trip
  // instead of waiting for a render-blocking request that shares a slow link with the scripts
  // (docs/PERFORMANCE.md, section 4).
  // cssChunking: with the CSS inlined there are no stylesheet requests to save, so Turbopack's default
  // merging of other routes' CSS modules into a route's chunks only costs bytes: every page carried the
  // slips', runoff's, admin's and results' rules (about 18 KB of the 28 KB), three times over (in the
  // <head> and twice in the RSC payload), all parsed before the first paint. 'graph' with no price on
  // a request gives each route the CSS of the modules it imports (docs/PERFORMANCE.md, section 4).
  experimental: { authInterrupts: true, inlineCss: true, cssChunking: { type: 'graph', requestCost: 0 } },
  distDir: process.env.JURY_DIST_DIR || '.next',
};

module.exports = withNextIntl(nextConfig);
