// The font files of the script families whose rules lib/fonts/script-faces.ts writes into each page
// (Noto Sans itself goes through the build's CSS, app/fonts/faces.ts). Only files those rules name are
// served; the URL carries the @fontsource version, so a file may be cached for good.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fontFile } from '@/lib/fonts/script-faces';

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const found = /^[\w.-]+\.woff2$/.test(file) ? fontFile(file) : null;
  if (!found) return new Response('Not found.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const body = await fs.readFile(path.join(process.cwd(), 'node_modules', '@fontsource', found.pkg, 'files', found.file));
  return new Response(new Uint8Array(body), {
    headers: { 'content-type': 'font/woff2', 'cache-control': 'public, max-age=31536000, immutable' },
  });
}
