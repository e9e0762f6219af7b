// The words of a sign-in slip in its juror's own language. Not through the request's translator: that
// one speaks the organiser's language (i18n/request.ts), and each slip is printed for its juror.
import { createTranslator } from 'next-intl';
import type { AppLocale } from '@/i18n/config';
import { loadMessages } from '@/i18n/messages';

export type SlipWords = { lang: AppLocale; address: string; login: string; password: string; note: string; role: { juror: string; chair: string } };

export async function slipWords(locale: AppLocale): Promise<SlipWords> {
  const messages = (await loadMessages(locale)) as { admin: { slips: Record<string, string> & { role: Record<'juror' | 'chair', string> } } };
  const t = createTranslator({ locale, messages, namespace: 'admin.slips' });
  return { lang: locale, address: t('address'), login: t('login'), password: t('password'), note: t('note'), role: { juror: t('role.juror'), chair: t('role.chair') } };
}
