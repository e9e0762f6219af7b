// A published jury's protocol at its own address (/results/<edition>/<jury>/protocol): the same protocol
// as /results/protocol, for the jury the address names. Nothing before it publishes (no draft here: the
// draft is for the served jury's chair and organisers); an unknown address is a 404.
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { juryResultsAt } from '@/lib/festival/archive';
import { ProtocolView } from '@/app/results/protocol/ProtocolView';

type Params = { params: Promise<{ edition: string; jury: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations('results'))('protocol') };
}

export default async function JuryProtocolPage({ params }: Params) {
  const db = getDb();
  const at = juryResultsAt(db, await params);
  if (at.state !== 'published') notFound();
  return <ProtocolView db={db} fest={at.fest} user={null} draft={false} />;
}
