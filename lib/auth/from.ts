// Where a request comes from, for the sign-in records and the owner's history: the client's address
// (lib/http/client-address.ts), a short device summary from the user agent and the device cookie's hash
// (lib/account/device.ts).
import 'server-only';
import { cookies, headers } from 'next/headers';
import { clientAddressFrom } from '@/lib/http/client-address';
import { env } from '@/lib/env';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S, deviceCookieIn, deviceIdOf, deviceSummary, newDeviceCookie, type From } from '@/lib/account/device';

export type HeaderBag = Record<string, string | string[] | undefined> | Headers | undefined;

function header(h: HeaderBag, name: string): string | undefined {
  if (!h) return undefined;
  if (typeof (h as Headers).get === 'function') return (h as Headers).get(name) ?? undefined;
  const v = (h as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v[0] : v;
}

/** From a request's headers (next-auth's route handler passes them to authorize). */
export function requestFrom(h: HeaderBag): From {
  return {
    address: clientAddressFrom((name) => header(h, name), env().trustedProxies),
    device: deviceSummary(header(h, 'user-agent')),
    deviceId: deviceIdOf(deviceCookieIn(header(h, 'cookie'))),
  };
}

/**
 * From the current server action's request. With `mark`, a browser without a device cookie gets
 * one now (the sign-in action), so that its later sign-ins are recognised as the same device.
 */
export async function currentFrom({ mark = false } = {}): Promise<From> {
  const from = requestFrom(await headers());
  if (from.deviceId || !mark) return from;
  const value = newDeviceCookie();
  (await cookies()).set(DEVICE_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: env().https, path: '/', maxAge: DEVICE_COOKIE_MAX_AGE_S });
  return { ...from, deviceId: deviceIdOf(value) };
}

/** The device id of the browser reading a page (null without a device cookie). */
export async function currentDeviceId(): Promise<string | null> {
  return deviceIdOf((await cookies()).get(DEVICE_COOKIE)?.value);
}
