'use server';
// Sign-in as a real form post (issue 20, route 9): the form's action is this server action, so it
// posts with or without JavaScript, and no field ever travels in an address. It runs the same check
// as next-auth's Credentials provider (authorizeCredentials: throttle, active account, password or
// slip) and sets next-auth's own session cookie, encoded with next-auth's public `next-auth/jwt`
// encode, so that /api/auth (sign-out, and whatever signs in through it) keeps working with it.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { encode } from 'next-auth/jwt';
import { authorizeCredentials, SESSION_MAX_AGE_S, SignInRefusal } from '@/lib/auth/options';
import { currentFrom } from '@/lib/auth/from';
import { sessionSecret } from '@/lib/auth/secret';
import { sessionCookieName } from '@/lib/auth/session';
import { env } from '@/lib/env';

export type LoginState =
  | { error: null; login: string }
  | { error: 'missing' | 'wrong' | 'failed'; login: string }
  | { error: 'throttled'; login: string; minutes: number }
  | { error: 'slip_used'; login: string; at: string; device: string };

export async function signInWithPassword(_prev: LoginState, form: FormData): Promise<LoginState> {
  const login = typeof form.get('login') === 'string' ? String(form.get('login')).slice(0, 100) : '';
  const password = typeof form.get('password') === 'string' ? String(form.get('password')) : '';
  if (!login.trim() || !password) return { error: 'missing', login };
  let signedIn: { id: string; sv: number } | null;
  try {
    signedIn = await authorizeCredentials({ login, password }, await currentFrom({ mark: true }));
  } catch (e) {
    if (e instanceof SignInRefusal) {
      if (e.message.startsWith('throttled:')) return { error: 'throttled', login, minutes: Number(e.message.split(':')[1]) || 15 };
      if (e.usedSlip) return { error: 'slip_used', login, ...e.usedSlip };
    }
    console.error('sign-in failed', e);
    return { error: 'failed', login };
  }
  if (!signedIn) return { error: 'wrong', login };
  // The claims next-auth's jwt callback (lib/auth/options.ts) would write; encode adds iat, exp and jti.
  const token = await encode({ token: { sub: signedIn.id, uid: Number(signedIn.id), sv: signedIn.sv }, secret: sessionSecret(), maxAge: SESSION_MAX_AGE_S });
  (await cookies()).set(sessionCookieName(), token, { httpOnly: true, sameSite: 'lax', path: '/', secure: env().https, maxAge: SESSION_MAX_AGE_S });
  redirect('/');
}
