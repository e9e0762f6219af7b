// The font route serves the files the per-page rules name (lib/fonts/script-faces.ts), and nothing else.
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/fonts/[file]/route';

describe('GET /fonts/[file]', () => {
  const get = (file: string) => GET(new Request(`http://localhost/fonts/${file}`), { params: Promise.resolve({ file }) });

  it('serves a font file that a rule names, to be cached for good', async () => {
    const res = await get('noto-sans-sc-118-400-normal.woff2');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('font/woff2');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(new TextDecoder().decode((await res.arrayBuffer()).slice(0, 4))).toBe('wOF2');
  });

  it('refuses any other file', async () => {
    for (const file of ['..%2F..%2Fpackage.json', '../../package.json', 'noto-sans-sc-118-400-normal.woff', 'noto-sans-latin-400-normal.woff2', 'x.woff2']) {
      expect((await get(file)).status).toBe(404);
    }
  });
});
