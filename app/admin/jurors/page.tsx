// The jury and its accounts: add a juror, edit, make one the chair, deactivate or reactivate,
// issue a temporary password. Passwords are never shown except a new temporary one, once.
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { requireRole } from '@/lib/auth';
import { getFestival } from '@/lib/festival/phase';
import { listJuryAccounts } from '@/lib/juror/queries';
import { countryName } from '@/lib/film/countries';
import { localeNames, locales } from '@/i18n/config';
import { ScrollTable } from '@/app/components/ScrollTable';
import ui from '@/app/components/ui.module.css';
import Link from 'next/link';
import { importJurors, makeChair, previewJurorImport, setJurorActive, setSeatActive } from '../actions/jurors';
import { juriesToChoose } from '@/lib/festival/jury-choice';
import { CsvImport } from '../components/CsvImport';
import { JurorAddForm, JurorEditForm, ResetPassword } from '../components/JurorForms';
import { RowAction } from '../components/RemoveButton';
import { countryOptions } from '../countries';
import s from '../components/admin.module.css';
import { Badge } from '@/app/components/Badge';
import { EditDetails } from '../components/EditDetails';
import { OrganiserAddForm, RenameRequestForm, RequestChangeForm } from '../components/AccountRequestForms';
import { needsApproval } from '@/lib/juror/approval-phases';
import { listAccountRequests } from '@/lib/juror/requests';
import { listAccountProposals } from '@/lib/juror/proposals';
import { pendingApprovals } from '@/lib/juror/approvals';
import { listOrganisers } from '@/lib/juror/organisers';
import { AccountRequests } from './AccountRequests';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('jurors.title') };
}

export default async function JurorsPage() {
  const me = await requireRole('organiser');
  const t = await getTranslations('admin');
  const tc = await getTranslations('common');
  const db = getDb();
  const fest = getFestival(db);
  const setup = fest.phase === 'setup';
  const final = fest.phase === 'finalised' || fest.phase === 'published';
  const jury = listJuryAccounts(db);
  // From voting to finalisation account changes are requests that a second person approves.
  const twoPerson = needsApproval(fest.phase);
  // Removing a person from this competition only means something where the edition has others.
  const severalJuries = juriesToChoose(db, { id: me.id, organiser: true }, fest).length > 1;
  const requests = listAccountRequests(db, 'edition');
  const proposals = listAccountProposals(db, 'edition');
  const organisers = listOrganisers(db);
  const ta = await getTranslations('account');
  const requestKinds = (j: { active: boolean; role: string }) => [
    ...(j.active ? ['reset_password'] : []),
    ...(j.active && j.role !== 'chair' ? ['deactivate', 'make_chair'] : []),
    ...(!j.active ? ['reactivate'] : []),
  ].map((k) => ({ value: k, label: ta(`kind.${k}` as 'kind.reset_password') }));
  const locale = await getLocale();
  const countries = [{ value: '', label: t('jurors.noCountry') }, ...countryOptions(locale, '').slice(1)];
  const localeOpts = [{ value: '', label: t('jurors.noLocale') }, ...locales.map((l) => ({ value: l, label: localeNames[l] }))];
  return (
    <main>
      <h1>{t('jurors.title')}</h1>
      <p className={ui.muted}>{t('jurors.intro')}</p>
      {setup && <p><Link href="/admin/jurors/slips" data-testid="slips-link">{t('slips.link')}</Link></p>}
      <ScrollTable label={t('jurors.title')}>
        <table className={s.table} data-testid="admin-jurors">
          <thead>
            <tr>
              <th scope="col">{t('juror.name')}</th>
              <th scope="col">{t('juror.login')}</th>
              <th scope="col">{t('juror.country')}</th>
              <th scope="col">{t('jurors.locale')}</th>
              <th scope="col">{t('juror.role')}</th>
              <th scope="col">{t('jurors.account')}</th>
              {!final && <th scope="col">{t('actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {jury.map((j) => (
              <tr key={j.id} data-login={j.login} data-active={j.active ? 'yes' : 'no'}>
                <td>{j.displayName}{j.latinName && j.latinName !== j.displayName && <span className={ui.muted}> ({j.latinName})</span>}{j.placeholder && <> <Badge>{tc('placeholder')}</Badge></>}</td>
                <td>{j.login}</td>
                <td>{countryName(j.country, locale) ?? '—'}</td>
                <td>{j.locale ? localeNames[j.locale] : '—'}</td>
                <td>{tc(`role.${j.role}`)}</td>
                <td>
                  {!j.seated ? <Badge>{t('jurors.removedHere')}</Badge>
                    : !j.active ? <Badge>{t('jurors.inactive')}</Badge>
                    : !j.hasPassword ? <Badge tone="warn">{t('jurors.noAccount')}</Badge>
                    : j.mustChangePassword ? <Badge tone="warn">{t('jurors.mustChange')}</Badge>
                    : <Badge tone="ok">{t('jurors.ready')}</Badge>}
                </td>
                {!final && (
                  <td>
                    <div className={s.rowActions}>
                      <EditDetails label={t('edit')} name={j.displayName}>
                        <JurorEditForm juror={j} countries={countries} locales={localeOpts} />
                      </EditDetails>
                      {twoPerson ? (
                        <>
                        <EditDetails label={ta('request.open')} name={j.displayName}>
                          <RequestChangeForm jurorId={j.id} kinds={requestKinds(j)} />
                        </EditDetails>
                        <EditDetails label={ta('rename.open')} name={j.displayName}>
                          <RenameRequestForm jurorId={j.id} displayName={j.displayName} latinName={j.latinName} />
                        </EditDetails>
                        </>
                      ) : (
                        <>
                        {setup && j.active && j.role !== 'chair' && (
                          <RowAction action={makeChair} id={j.id} label={t('jurors.makeChair')} confirm={t('jurors.confirmChair', { name: j.displayName })} testId={`chair-${j.login}`} />
                        )}
                        {j.role !== 'chair' && (
                          <RowAction action={setJurorActive} id={j.id} fields={j.active ? {} : { active: 'on' }} variant={j.active ? 'danger' : 'secondary'}
                            label={j.active ? t('jurors.deactivate') : t('jurors.reactivate')}
                            confirm={j.active ? t('jurors.confirmDeactivate', { name: j.displayName }) : undefined} testId={`active-${j.login}`} />
                        )}
                        {j.active && <ResetPassword id={j.id} name={j.displayName} />}
                        {severalJuries && j.role !== 'chair' && (
                          <RowAction action={setSeatActive} id={j.id} fields={j.seated ? {} : { seated: 'on' }} variant="secondary"
                            label={j.seated ? t('jurors.removeHere') : t('jurors.seatHere')}
                            confirm={j.seated ? t('jurors.confirmRemoveHere', { name: j.displayName }) : undefined} testId={`seat-${j.login}`} />
                        )}
                        </>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {(twoPerson || requests.length > 0 || proposals.length > 0) && <AccountRequests me={me} rows={requests} proposals={proposals} pending={pendingApprovals(db, 'edition')} />}
      <section aria-labelledby="organisers-heading" className={ui.card}>
        <h2 id="organisers-heading">{ta('organisers.heading')}</h2>
        <p className={ui.muted}>{ta('organisers.explain')}</p>
        <ul data-testid="organisers">
          {organisers.map((o) => <li key={o.id}>{ta('approval.target', { name: o.displayName, login: o.login })}{!o.active && <> <Badge>{t('jurors.inactive')}</Badge></>}</li>)}
        </ul>
        {!final && <OrganiserAddForm direct={setup} />}
      </section>
      {setup && (
        <section aria-labelledby="juror-add-heading" className={ui.card}>
          <h2 id="juror-add-heading">{t('jurors.addHeading')}</h2>
          <JurorAddForm countries={countries} locales={localeOpts} />
        </section>
      )}
      {setup && (
        <section aria-labelledby="juror-import-heading">
          <h2 id="juror-import-heading">{t('jurors.importHeading')}</h2>
          <p>{t('jurors.importIntro')}</p>
          <CsvImport kind="jurors" preview={previewJurorImport} apply={importJurors} />
        </section>
      )}
    </main>
  );
}
