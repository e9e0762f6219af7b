// next-auth's endpoints (sign in, sign out, session, csrf). Options are built per request.
import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth';

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  return NextAuth(req as never, { params: await ctx.params } as never, getAuthOptions());
}

export { handler as GET, handler as POST };
