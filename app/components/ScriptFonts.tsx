// The @font-face rules for the Chinese, Devanagari and Arabic-script text this response can show
// (lib/fonts/script-faces.ts): the festival's names as this reader sees them and their language's
// messages. React puts the <style> in the <head>; its href follows the content, so a new language
// after router.refresh() brings its own rules.
import { createHash } from 'node:crypto';
import { getLocale, getMessages } from 'next-intl/server';
import type { AppLocale } from '@/i18n/config';
import { getDb } from '@/lib/database';
import { festivalText } from '@/lib/fonts/festival-text';
import { scriptFaces } from '@/lib/fonts/script-faces';

function strings(v: unknown, out: string[]): string[] {
  if (typeof v === 'string') out.push(v);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

export async function ScriptFonts() {
  const [locale, messages] = [(await getLocale()) as AppLocale, await getMessages()];
  const css = scriptFaces(`${festivalText({ db: getDb(), locale })} ${strings(messages, []).join(' ')}`);
  if (!css) return null;
  const href = `script-faces-${createHash('sha256').update(css).digest('hex').slice(0, 12)}`;
  return <style href={href} precedence="fonts">{css}</style>;
}
