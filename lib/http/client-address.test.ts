import { describe, expect, it } from 'vitest';
import { clientAddressFrom, SOCKET_HEADER } from './client-address';

const from = (headers: Record<string, string>, trusted: string[] = [], trustSocket = true) =>
  clientAddressFrom((n) => headers[n], trusted, trustSocket);

describe('client address', () => {
  it('is the socket address whatever X-Forwarded-For or X-Real-IP the client writes', () => {
    expect(from({ [SOCKET_HEADER]: '203.0.113.7', 'x-forwarded-for': '10.1.1.1', 'x-real-ip': '10.2.2.2' })).toBe('203.0.113.7');
    expect(from({ [SOCKET_HEADER]: '::ffff:203.0.113.7', 'x-forwarded-for': '10.1.1.1' })).toBe('203.0.113.7');
  });

  it('a client that is not the trusted proxy cannot borrow its trust', () => {
    expect(from({ [SOCKET_HEADER]: '203.0.113.7', 'x-forwarded-for': '10.1.1.1' }, ['127.0.0.1'])).toBe('203.0.113.7');
  });

  it('behind the trusted proxy: the address the proxy appended, never the ones the client wrote before it', () => {
    // nginx's $proxy_add_x_forwarded_for: the client's own header, then the address nginx saw.
    expect(from({ [SOCKET_HEADER]: '127.0.0.1', 'x-forwarded-for': '10.9.9.9, 198.51.100.4' }, ['127.0.0.1'])).toBe('198.51.100.4');
    expect(from({ [SOCKET_HEADER]: '127.0.0.1', 'x-forwarded-for': '198.51.100.4' }, ['127.0.0.1'])).toBe('198.51.100.4');
    // Two trusted hops: the first untrusted from the right.
    expect(from({ [SOCKET_HEADER]: '127.0.0.1', 'x-forwarded-for': '6.6.6.6, 198.51.100.4, 10.0.0.2' }, ['127.0.0.1', '10.0.0.2'])).toBe('198.51.100.4');
    // Garbage appended by nobody trusted: stay with what a trusted hop vouched for.
    expect(from({ [SOCKET_HEADER]: '127.0.0.1', 'x-forwarded-for': 'evil, 127.0.0.1' }, ['127.0.0.1'])).toBe('127.0.0.1');
  });

  it('is unknown when the socket header is not the production server’s (plain `next start`)', () => {
    expect(from({ [SOCKET_HEADER]: '203.0.113.7' }, [], false)).toBe('unknown');
    expect(from({ 'x-forwarded-for': '10.1.1.1' })).toBe('unknown');
  });
});
