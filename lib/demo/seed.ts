// The demo festival: the SCO film festival in Qingdao as FESTIVAL.md gives it. Only what the news
// item states is real; everything else is a clearly marked placeholder for the organisers to replace.
import { count } from 'drizzle-orm';
import type { DB } from '@/db';
import { candidate, edition, film, jury, juryMember, nomination, user } from '@/db/schema';
import { appendAudit } from '@/lib/audit';
import { allAccountStates } from '@/lib/auth/account-state';
import { hashPassword } from '@/lib/auth/password';

export const DEMO_ACCOUNTS = [
  { login: 'organiser', password: 'organiser-demo', displayName: 'Festival organiser', role: 'organiser', country: null, placeholder: true },
  { login: 'hansanping', password: 'chair-demo', displayName: 'Han Sanping', role: 'chair', country: 'CN', placeholder: false },
  { login: 'azimov', password: 'juror-demo', displayName: 'Sergey Azimov', role: 'juror', country: 'KZ', placeholder: false },
  ...Array.from({ length: 10 }, (_, i) => {
    const n = String(i + 3).padStart(2, '0');
    return { login: `juror${n}`, password: 'juror-demo', displayName: `Juror ${n}`, role: 'juror' as const, country: null, placeholder: true };
  }),
] as const;

const NAMED_COMPETITION = [
  { originalTitle: 'Алмас қылыш', englishTitle: 'The Diamond Sword', director: 'Rustem Abdrashev', country: 'KZ' },
  { originalTitle: 'Біздің қаланың ханзадасы', englishTitle: 'The Prince of Our Town', director: 'Talgat Temenov', country: 'KZ' },
];
const OUT_OF_COMPETITION = [
  { originalTitle: 'Анаға апарар жол', englishTitle: 'The Road to Mother', director: 'Akan Satayev', country: 'KZ' },
  { originalTitle: 'Оралман', englishTitle: 'Oralman', director: 'Sabit Kurmanbekov', country: 'KZ' },
];
const COMPETITION_SIZE = 23;
// ISO 3166 user-assigned code, shown as "country not yet entered".
export const UNKNOWN_COUNTRY = 'XX';

export const DEMO_NOMINATIONS = [
  { code: 'best_film', kind: 'film', round: 'main', exemptOneAward: false, exAequoAllowed: false, maxWinners: 1 },
  { code: 'best_director', kind: 'film', round: 'main', exemptOneAward: false, exAequoAllowed: false, maxWinners: 1 },
  { code: 'best_screenplay', kind: 'film', round: 'main', exemptOneAward: false, exAequoAllowed: false, maxWinners: 1 },
  { code: 'best_actor', kind: 'performance', round: 'main', exemptOneAward: true, exAequoAllowed: false, maxWinners: 1 },
  { code: 'best_actress', kind: 'performance', round: 'main', exemptOneAward: true, exAequoAllowed: false, maxWinners: 1 },
  { code: 'special_jury_prize', kind: 'film', round: 'special', exemptOneAward: false, exAequoAllowed: true, maxWinners: 5 },
] as const;

export function isEmpty(db: DB): boolean {
  return (db.select({ n: count() }).from(edition).get()?.n ?? 0) === 0;
}

/** Seeds the demo festival into an empty database; returns false (and writes nothing) otherwise. */
export async function seedDemo(db: DB): Promise<boolean> {
  if (!isEmpty(db)) return false;
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
  return db.transaction(
    (tx) => {
      if ((tx.select({ n: count() }).from(edition).get()?.n ?? 0) > 0) return false; // another process won
      const { id: editionId } = tx.insert(edition)
        .values({
          name: 'SCO Film Festival', city: 'Qingdao', startsOn: null, endsOn: '2018-06-17', demo: true, timeZone: 'Asia/Shanghai',
          // Its results' address: /results/2018/main (the festival of June 2018).
          slug: '2018',
          nameZh: '上海合作组织电影节', nameRu: 'Кинофестиваль ШОС', nameKk: 'ШЫҰ кинофестивалі',
          cityZh: '青岛', cityRu: 'Циндао', cityKk: 'Циндао',
        })
        .returning({ id: edition.id }).get();
      // The main competition's jury only: the demo invents no other jury (FESTIVAL.md).
      const { id: juryId } = tx.insert(jury).values({ editionId, slug: 'main' }).returning({ id: jury.id }).get();
      const films: { id: number; director: string; placeholder: boolean; position: number }[] = [];
      for (let i = 0; i < COMPETITION_SIZE; i++) {
        const named = NAMED_COMPETITION[i];
        const n = String(i + 1).padStart(2, '0');
        const values = named
          ? { ...named, competition: true, position: i + 1, placeholder: false }
          : {
              originalTitle: `Competition film ${n}`,
              englishTitle: `Competition film ${n}`,
              director: `Director of film ${n}`,
              country: UNKNOWN_COUNTRY,
              competition: true,
              position: i + 1,
              placeholder: true,
            };
        const row = tx.insert(film).values({ ...values, juryId }).returning({ id: film.id }).get();
        films.push({ id: row.id, director: values.director, placeholder: values.placeholder, position: i + 1 });
      }
      OUT_OF_COMPETITION.forEach((f, i) =>
        tx.insert(film).values({ ...f, juryId, competition: false, position: COMPETITION_SIZE + i + 1 }).run(),
      );
      DEMO_NOMINATIONS.forEach((nom, i) => {
        const { id } = tx.insert(nomination).values({ ...nom, juryId, position: i + 1 }).returning({ id: nomination.id }).get();
        if (nom.round === 'special') return; // its candidates come when the chair opens the round
        for (const f of films) {
          const n = String(f.position).padStart(2, '0');
          const person =
            nom.code === 'best_director' ? f.director
            : nom.code === 'best_actor' ? `Lead actor, film ${n}`
            : nom.code === 'best_actress' ? `Lead actress, film ${n}`
            : null;
          const placeholder = nom.kind === 'performance' || f.placeholder;
          tx.insert(candidate).values({ nominationId: id, filmId: f.id, person, placeholder }).run();
        }
      });
      DEMO_ACCOUNTS.forEach((a, i) => {
        // The account says only whether it is an organiser's; its role on the jury is its membership (issue 23).
        const { id } = tx.insert(user)
          .values({
            login: a.login,
            displayName: a.displayName,
            role: a.role === 'organiser' ? 'organiser' : 'juror',
            country: a.country,
            passwordHash: hashes[i],
            placeholder: a.placeholder,
          })
          .returning({ id: user.id })
          .get();
        if (a.role !== 'organiser') tx.insert(juryMember).values({ juryId, userId: id, role: a.role }).run();
      });
      appendAudit(tx, { actorId: null, action: 'festival.seed_demo', payload: { films: films.length + OUT_OF_COMPETITION.length, accounts: allAccountStates(tx) } });
      return true;
    },
    { behavior: 'immediate' },
  );
}
