// next-auth's endpoints (sign in, sign out, session, csrf). Options are built per request.
import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth';

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  try {
    return await NextAuth(req as never, { params: await ctx.params } as never, getAuthOptions());
  } catch (e) {
    // next-auth throws on some malformed requests (e.g. a callbackUrl that is not a URL): a bad
    // request, not a server error. Nothing has been signed in or written at that point.
    console.error('auth: refused a malformed request', e instanceof Error ? e.message : e);
    return Response.json({ error: 'bad_request' }, { status: 400, headers: { 'cache-control': 'no-store' } });
  }
}

export { handler as GET, handler as POST };
