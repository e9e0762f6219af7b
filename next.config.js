// Next.js configuration. next-intl reads the locale per request (cookie or the user's stored
// preference) from i18n/request.ts; native modules stay outside the server bundle.
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before it builds; checking again here
  // would only double the build time.
  typescript: { ignoreBuildErrors: true },
  // forbidden() renders app/forbidden.tsx with HTTP 403 for a signed-in user without the role.
  experimental: { authInterrupts: true },
  distDir: process.env.JURY_DIST_DIR || '.next',
};

module.exports = withNextIntl(nextConfig);
