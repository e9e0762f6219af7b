// The jury protocol of the served jury, to print on A4 and sign (ProtocolView); before finalisation the
// draft, for those lib/round/visibility.ts names.
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { getCurrentUser } from '@/lib/auth';
import { canSeeDraftProtocol, canSeeResults } from '@/lib/round/visibility';
import { getFestival } from '@/lib/festival/phase';
import { ProtocolView } from './ProtocolView';

export async function generateMetadata() {
  return { title: (await getTranslations('results'))('protocol') };
}

export default async function ProtocolPage() {
  // The session first: reading it reads the jury this request chose (lib/server/chosen-jury.ts), which
  // the festival read below must be (a page may render before its layout has read the choice).
  const user = await getCurrentUser();
  const db = getDb();
  const fest = getFestival(db);
  // Before finalisation, the draft (lib/round/visibility.ts says who and what it shows).
  const draft = !canSeeResults(fest.phase, user) && canSeeDraftProtocol(fest.phase, user);
  if (!draft && !canSeeResults(fest.phase, user)) notFound();
  return <ProtocolView db={db} fest={fest} user={user} draft={draft} />;
}
