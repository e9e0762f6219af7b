// The sign-in slips as the organisers' page receives them: issueSlipsSpec (lib/juror/import-specs.ts)
// replaces every active juror's password in one transaction; after the commit, only for the page,
// each slip gets the sign-in address, its QR code and its words in the juror's own language (else
// the organiser's). Nothing keeps them: the page prints them once.
import 'server-only';
import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import QRCode from 'qrcode';
import { env } from '@/lib/env';
import type { AppLocale } from '@/i18n/config';
import { issueSlipsSpec, type Slip } from './import-specs';
import { slipWords, type SlipWords } from './slip-words';

export type PrintedSlips = { address: string; qrSvg: string; slips: (Slip & { words: SlipWords })[] };

async function presentSlips(slips: Slip[]): Promise<PrintedSlips> {
  const address = await signInAddress();
  const qrSvg = await QRCode.toString(address, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  // Each slip in its juror's own language (else the organiser's), with the role as a word.
  const organiser = (await getLocale()) as AppLocale;
  const words = new Map<string, SlipWords>();
  for (const locale of new Set(slips.map((s) => s.locale ?? organiser))) words.set(locale, await slipWords(locale));
  return { address, qrSvg, slips: slips.map((s) => ({ ...s, words: words.get(s.locale ?? organiser)! })) };
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

export const issueSignInSlipsSpec = { ...issueSlipsSpec, present: presentSlips };
