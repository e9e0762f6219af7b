// A jury's address a person can keep (issue 23): /e/<edition>/<jury> makes that jury the one this
// browser works in (a cookie that names it: lib/server/chosen-jury.ts) and opens the home page, which
// leads each person to their part of that jury. The address grants nothing: what the person may do
// there is their membership of the jury. An unknown or malformed address is a plain 404.
import { z } from 'zod';
import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { getDb } from '@/lib/database';
import { festivalAt } from '@/lib/festival/phase';
import { JURY_COOKIE } from '@/lib/server/chosen-jury';

export const dynamic = 'force-dynamic';

const Part = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
const Address = z.object({ edition: Part, jury: Part });

export async function GET(_req: Request, ctx: { params: Promise<{ edition: string; jury: string }> }) {
  const parsed = Address.safeParse(await ctx.params);
  const found = parsed.success ? festivalAt(getDb(), parsed.data.edition, parsed.data.jury) : undefined;
  if (!found) {
    const t = await getTranslations('common');
    return new Response(t('address.unknown'), { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
  const secure = env().https ? '; Secure' : '';
  return new Response(null, {
    status: 303,
    headers: {
      location: '/',
      'cache-control': 'no-store',
      // A year: the person's working jury stays chosen until they choose another address.
      'set-cookie': `${JURY_COOKIE}=${found.id}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${secure}`,
    },
  });
}
