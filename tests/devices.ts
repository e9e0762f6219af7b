// The browsers the account tests sign in from (lib/account/*.test.ts, tests/attacks/insider-round-two.attacks.test.ts):
// each a device summary from a real user agent, an address and a device cookie's hash, as the
// sign-in records them (lib/account/device.ts). Same address for the organiser's two browsers: a
// festival office shares one.
import { deviceIdOf, deviceSummary, type From } from '@/lib/account/device';
import { authorizeCredentials } from '@/lib/auth/options';

const from = (address: string, userAgent: string, cookie: string): From => ({ address, device: deviceSummary(userAgent), deviceId: deviceIdOf(cookie) });

export const ORGANISER_LAPTOP = from('10.0.0.5', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'organiser-laptop-cookie-0001');
/** The organiser's private window: a browser that never signed in as an organiser. */
export const FRESH_BROWSER = from('10.0.0.5', 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'organiser-private-window-02');
export const JUROR_PHONE = from('192.0.2.44', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'juror-phone-cookie-00002');
export const JUROR_LAPTOP = from('192.0.2.45', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', 'juror-laptop-cookie-0003');

/** A sign-in as the login form makes it (the app's database: set JURY_DB to the test's file). */
export const signIn = (login: string, password: string, where: From) => authorizeCredentials({ login, password }, where);
