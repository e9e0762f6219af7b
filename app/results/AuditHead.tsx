// The audit chain's head ("<entries>:<hash>") recorded when the awards were finalised and when they
// were published: printed with the protocol, so that a log cut short or rewritten later is caught by
// `npm run audit:verify -- --head <value>`. Said in plain sentences; the command is behind a
// disclosure for those who verify.
import { getTranslations } from 'next-intl/server';
import type { Festival } from '@/db/schema';
import { Hash } from '@/app/components/Hash';

export async function AuditHead({ fest, className }: { fest: Pick<Festival, 'finalisedHead' | 'publishedHead'>; className?: string }) {
  if (!fest.finalisedHead && !fest.publishedHead) return null;
  const t = await getTranslations('results');
  return (
    <section aria-labelledby="audit-head-heading" data-testid="audit-head">
      <h2 id="audit-head-heading">{t('auditHead.heading')}</h2>
      <p>{t('auditHead.explain')}</p>
      {/* The command is for the few who verify: behind a disclosure, shown as a command (the same in every language). */}
      <details data-testid="audit-head-verify">
        <summary>{t('auditHead.verifySummary')}</summary>
        <p>{t.rich('auditHead.verifyHow', { cmd: (chunks) => <code data-command>{chunks}</code> })}</p>
      </details>
      <dl>
        {fest.finalisedHead && (<><dt>{t('auditHead.finalised')}</dt><dd className={className}><Hash value={fest.finalisedHead} /></dd></>)}
        {fest.publishedHead && (<><dt>{t('auditHead.published')}</dt><dd className={className}><Hash value={fest.publishedHead} /></dd></>)}
      </dl>
    </section>
  );
}
