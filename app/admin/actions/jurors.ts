'use server';
// The jury and its accounts. Temporary passwords are generated and hashed here, before the
// transaction, and returned once.
import { serverAction } from '@/lib/server/server-action';
import { getCurrentUser } from '@/lib/auth';
import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { slipWords, type SlipWords } from '@/lib/juror/slip-words';
import type { AppLocale } from '@/i18n/config';
import QRCode from 'qrcode';
import { getDb } from '@/lib/database';
import { env } from '@/lib/env';
import { ISSUE_SLIPS } from '@/lib/juror/slips-confirm';
import type { ActionResult } from '@/lib/server/action';
import { csvBytes, finish, temporaryPasswordAction } from '@/lib/admin/finish';
import { importJurorsSpec, issueSlips, issueSlipsSpec, previewJurorImportSpec, type Slip } from '@/lib/juror/import-specs';
import { addJurorSpec, makeChairSpec, resetPasswordSpec, setJurorActiveSpec, updateJurorSpec } from '@/lib/juror/specs';

export const updateJuror = serverAction(updateJurorSpec);
export const makeChair = serverAction(makeChairSpec);
export const setJurorActive = serverAction(setJurorActiveSpec);

export const addJuror = temporaryPasswordAction(addJurorSpec);
export const resetPassword = temporaryPasswordAction(resetPasswordSpec);

const previewImport = serverAction(previewJurorImportSpec);
const applyImport = serverAction(importJurorsSpec);
export async function previewJurorImport(raw: FormData) {
  return previewImport(await csvBytes(raw));
}
export async function importJurors(raw: FormData) {
  return applyImport(await csvBytes(raw));
}

/**
 * The sign-in slips: a fresh one-time password for every active juror, in one action, returned
 * once with the sign-in address and its QR code (the page prints them; nothing keeps them).
 */
export async function issueSignInSlips(...args: unknown[]): Promise<ActionResult<{ address: string; qrSvg: string; slips: (Slip & { words: SlipWords })[] }>> {
  // Only the page's explicit word issues slips: anything else is refused and no password changes.
  if (args.length !== 1 || args[0] !== ISSUE_SLIPS) return finish(issueSlipsSpec.name, { ok: false, code: 'invalid:input' });
  const out = await finish(issueSlipsSpec.name, await issueSlips(await getCurrentUser(), getDb()), issueSlipsSpec.revalidate);
  if (!out.ok) return out;
  const address = await signInAddress();
  const qrSvg = await QRCode.toString(address, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  // Each slip in its juror's own language (else the organiser's), with the role as a word.
  const organiser = (await getLocale()) as AppLocale;
  const words = new Map<string, SlipWords>();
  for (const locale of new Set(out.data.map((s) => s.locale ?? organiser))) words.set(locale, await slipWords(locale));
  return { ok: true, data: { address, qrSvg, slips: out.data.map((s) => ({ ...s, words: words.get(s.locale ?? organiser)! })) } };
}

/** Where jurors sign in: NEXTAUTH_URL (the address the server is configured for), else this request's host. */
async function signInAddress(): Promise<string> {
  const configured = env().nextauthUrl;
  if (configured) return `${configured.replace(/\/$/, '')}/login`;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}/login`;
}
