// Calls a server action directly over HTTP, as a browser would (or an attacker could): a POST to a
// page with the header `Next-Action: <id>`, the arguments as a JSON array in the body. The id is
// read from the build's server-reference-manifest.json (the action's file and export name), so a
// test can prove that the server itself refuses what the page merely hides.
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { actionResult } from '../tests/rsc';

export type ManifestEntry = { filename: string; exportedName?: string; workers: Record<string, unknown> };

/** Every server action of the build in `distDir`, by id (also read by the reliability tests and the benchmarks). */
export function actionManifest(distDir = process.env.JURY_DIST_DIR || '.next'): Record<string, ManifestEntry> {
  return (JSON.parse(fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as { node: Record<string, ManifestEntry> }).node;
}

/** The action id of `file#export`, e.g. 'app/admin/actions/settings.ts#saveSettings'. */
export function actionId(name: string, distDir = process.env.JURY_DIST_DIR || '.next'): string {
  const [file, exported] = name.split('#');
  const hit = Object.entries(actionManifest(distDir)).find(([, v]) => v.filename === file && v.exportedName === exported);
  if (!hit) throw new Error(`no server action ${name} in ${distDir}: build first (npx next build)`);
  return hit[0];
}

export type ActionResponse = { status: number; body: string; result: unknown };

/**
 * POSTs the action with JSON-serialisable arguments to `pagePath` with the request's cookies.
 * `result` is the action's return value, read from the RSC stream by tests/rsc.ts (undefined if none).
 */
export async function callAction(request: APIRequestContext, pagePath: string, actionName: string, args: unknown[], baseURL?: string): Promise<ActionResponse> {
  const url = baseURL ? new URL(pagePath, baseURL).toString() : pagePath;
  const origin = baseURL ? new URL(baseURL).origin : undefined;
  const res = await request.post(url, {
    headers: {
      'Next-Action': actionId(actionName),
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      ...(origin ? { Origin: origin } : {}),
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const body = await res.text();
  return { status: res.status(), body, result: actionResult(body) };
}
