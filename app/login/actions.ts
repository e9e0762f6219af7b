'use server';
// Sign-in as a real form post (issue 20, route 9): the form's action is this server action, so it
// posts with or without JavaScript, and no field ever travels in an address. It runs the same check
// as next-auth's Credentials provider (authorizeCredentials: throttle, active account, password or
// slip) and sets next-auth's own session cookie, encoded with next-auth's public `next-auth/jwt`
// encode, so that /api/auth (sign-out, and whatever signs in through it) keeps working with it.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { whenFormatter } from '@/app/components/when';
import { encode } from 'next-auth/jwt';
import { authorizeCredentials, SESSION_MAX_AGE_S, SignInRefusal } from '@/lib/auth/options';
import { currentFrom } from '@/lib/auth/from';
import { deviceWords } from '@/lib/account/device';
import { sessionSecret } from '@/lib/auth/secret';
import { sessionCookieName } from '@/lib/auth/session';
import { env } from '@/lib/env';

/** A refused sign-in, in words; the login name is kept for the form, never the password. */
export type LoginState = { ok: false; code: string; message: string; login: string } | null;

/**
 * useActionState calls it as (previous state, form); a bare form post as (form). Anything else is
 * a sign-in without its fields.
 */
export async function signInWithPassword(prev: unknown, form?: unknown): Promise<LoginState> {
  const fields = form instanceof FormData ? form : prev instanceof FormData ? prev : null;
  const t = await getTranslations('auth');
  const field = (name: string) => (typeof fields?.get(name) === 'string' ? String(fields.get(name)) : '');
  const login = field('login').slice(0, 100);
  const password = field('password');
  const refuse = (code: string, message: string): LoginState => ({ ok: false, code, message, login });
  if (!login.trim() || !password) return refuse('auth:missing', t('missing'));
  let signedIn: { id: string; sv: number } | null;
  try {
    signedIn = await authorizeCredentials({ login, password }, await currentFrom({ mark: true }));
  } catch (e) {
    if (e instanceof SignInRefusal && e.message.startsWith('throttled:')) {
      return refuse('auth:throttled', t('throttled', { minutes: Number(e.message.split(':')[1]) || 15 }));
    }
    if (e instanceof SignInRefusal && e.usedSlip) {
      const { at } = await whenFormatter();
      const device = deviceWords(e.usedSlip.device, await getTranslations('common'));
      return refuse('auth:slip_used', t('slipUsed', { at: at(e.usedSlip.at), device }));
    }
    console.error('sign-in failed', e);
    return refuse('auth:failed', t('failed'));
  }
  if (!signedIn) return refuse('auth:wrong', t('wrong'));
  // The claims next-auth's jwt callback (lib/auth/options.ts) would write; encode adds iat, exp and jti.
  const token = await encode({ token: { sub: signedIn.id, uid: Number(signedIn.id), sv: signedIn.sv }, secret: sessionSecret(), maxAge: SESSION_MAX_AGE_S });
  (await cookies()).set(sessionCookieName(), token, { httpOnly: true, sameSite: 'lax', path: '/', secure: env().https, maxAge: SESSION_MAX_AGE_S });
  redirect('/');
}
