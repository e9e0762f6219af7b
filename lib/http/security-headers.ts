// The security headers of every response (set by proxy.ts). The CSP allows scripts only from this
// origin and with the request's nonce ('strict-dynamic' lets those load Next's chunks); no inline
// script without the nonce, no eval. Inline style attributes stay allowed (components set widths),
// which cannot run code. No framing by anyone (frame-ancestors + X-Frame-Options for old browsers).

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
}

export function contentSecurityPolicy(nonce: string, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    // https: for the stills on a film's page (lib/film/details.ts): an image cannot run code, and
    // keeping them on the festival's own host spares a server-side fetch of organiser-given URLs.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function securityHeaders(https: boolean): Record<string, string> {
  return {
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    // Only when the app is served over https (NEXTAUTH_URL): a plain-http demo must not pin browsers.
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
