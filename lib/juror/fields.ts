// The form fields the account actions share (lib/juror/*specs.ts, requests.ts, proposals.ts,
// organisers.ts), so that a login or a reason is checked the same way everywhere.
import { z } from 'zod';
import { LOGIN } from './import';

export const login = z.string().trim().toLowerCase().regex(LOGIN, 'login_format');

/** Why a request or proposal is filed, or refused: read by the one who decides it. */
export const reason = z.string().trim().min(3, 'reason_short').max(500);
