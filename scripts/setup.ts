// npm run setup: a real festival in one step (JURY_DB, default data/jury.db). On an empty database it
// creates the festival; on one that holds a festival, a new edition beside the earlier ones, which stay
// as they are (read-only, their results published at /results/<edition>/<jury>), and the new edition
// becomes the one served by default. Either way: the edition (name and city in English, Chinese, Russian
// and Kazakh; dates; IANA time zone; optionally its results' address and its competition's name), its
// first jury with the six standard nominations, and its organiser: a new login gets a one-time password,
// printed here and to be changed at the first sign-in; an existing organiser's login is reused as it is
// (never re-passworded). Asks for what is missing when run in a terminal; takes flags in scripts:
//   npm run setup -- --name-en "…" --name-zh "…" --name-ru "…" --name-kk "…" \
//     --city-en "…" --city-zh "…" --city-ru "…" --city-kk "…" \
//     --starts 2026-06-10 --ends 2026-06-17 --tz Asia/Shanghai --organiser anna [--organiser-name "…"] \
//     [--slug 2026] [--competition-en "…" --competition-zh "…" --competition-ru "…" --competition-kk "…"] [--unfinished]
// Refuses while the newest edition has a jury that has not published, unless --unfinished (a rehearsal
// beside an edition still at work: the new edition takes the default address from it), and an address
// an earlier edition has. --force is gone: nothing is set aside any more (a fresh database is a new
// JURY_DB file; a copy is npm run backup).
//   npm run setup -- --link
// prints a one-time set-up link for a new edition instead, for an organiser to fill in in the browser
// (/setup?token=…); the server may be running. It voids any earlier unused link.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { databaseFile, openDatabase } from '../lib/database';
import { createFestival, hasFestival, issueSetupToken, SetupInput, unfinishedJuries, type SetupValues } from '../lib/setup/festival';
import { Refusal } from '../lib/server/refusal';
import { runningServer } from './restore';

const FIELDS: [keyof SetupValues, string, string][] = [
  ['nameEn', 'name-en', 'Festival name in English'],
  ['nameZh', 'name-zh', 'Festival name in Chinese'],
  ['nameRu', 'name-ru', 'Festival name in Russian'],
  ['nameKk', 'name-kk', 'Festival name in Kazakh'],
  ['cityEn', 'city-en', 'City in English'],
  ['cityZh', 'city-zh', 'City in Chinese'],
  ['cityRu', 'city-ru', 'City in Russian'],
  ['cityKk', 'city-kk', 'City in Kazakh'],
  ['startsOn', 'starts', 'First day (YYYY-MM-DD)'],
  ['endsOn', 'ends', 'Last day (YYYY-MM-DD)'],
  ['timeZone', 'tz', 'Time zone (IANA, e.g. Asia/Shanghai)'],
  ['organiser', 'organiser', 'Organiser login (letters, digits, . _ -)'],
  ['organiserName', 'organiser-name', 'Organiser display name (optional)'],
  ['slug', 'slug', 'Address of its results, /results/<this>/main (optional; empty: the year it starts)'],
  ['competitionEn', 'competition-en', 'Competition name in English (optional; empty: the main competition)'],
  ['competitionZh', 'competition-zh', 'Competition name in Chinese (optional)'],
  ['competitionRu', 'competition-ru', 'Competition name in Russian (optional)'],
  ['competitionKk', 'competition-kk', 'Competition name in Kazakh (optional)'],
];

const MESSAGES: Record<string, string> = {
  date: 'not a date as YYYY-MM-DD',
  dates_order: 'the last day is before the first',
  time_zone: 'not an IANA time zone (e.g. Asia/Shanghai, Europe/Moscow)',
  login_format: '2 to 40 letters, digits, . _ or -, starting with a letter or digit',
  slug_format: 'lowercase Latin letters, digits and dashes (at most 40), starting with a letter or digit',
  competition_all: 'the competition name in all four languages, or in none',
};

/** What a refusal of the set-up says on the command line (the browser's words are in messages/<lang>/auth.json). */
function refusalText(code: string, params: Record<string, string | number>): string {
  switch (code) {
    case 'setup:unfinished': return `the newest edition is not finished: its jury ${params.juries} has not published its results. Run again with --unfinished to set up the new edition anyway (a rehearsal); it then becomes the one served by default.`;
    case 'setup:slug_taken': return `an earlier edition already has the address ${params.slug}: choose another --slug.`;
    case 'setup:login_taken': return `the login ${params.login} belongs to an account that is not an active organiser's: choose another --organiser.`;
    default: return code;
  }
}


async function main(): Promise<number> {
  const { values: flags } = parseArgs({
    options: {
      ...Object.fromEntries(FIELDS.map(([, flag]) => [flag, { type: 'string' as const }])),
      force: { type: 'boolean' }, unfinished: { type: 'boolean' }, link: { type: 'boolean' },
    },
    strict: true,
  });
  const file = databaseFile();
  if (flags.force) {
    console.error('setup refused: --force is gone. npm run setup now adds a new edition beside the earlier ones and sets nothing aside; for a fresh database, point JURY_DB at a new file (a copy of this one: npm run backup).');
    return 2;
  }
  if (flags.link) {
    // Only the token's hash is written, in one short transaction: the running server may stay up.
    const h = openDatabase(file);
    try {
      const token = issueSetupToken(h.db, 'edition')!;
      const unfinished = unfinishedJuries(h.db);
      const base = (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
      console.log(`One-time set-up link for ${hasFestival(h.db) ? 'a new edition' : 'the festival'} in ${file} (works once; any earlier unused link is void):\n  ${base}/setup?token=${token}`);
      if (unfinished.length) console.log(`It will be refused until the newest edition's jury ${unfinished.join(', ')} has published.`);
      return 0;
    } finally {
      h.sqlite.close();
    }
  }
  const pid = runningServer(file);
  if (pid) {
    console.error(`setup refused: a server (pid ${pid}) is running on ${file}: stop it first (or print a set-up link for the browser with --link).`);
    return 1;
  }
  if (fs.existsSync(file)) {
    const h = openDatabase(file);
    const unfinished = hasFestival(h.db) ? unfinishedJuries(h.db) : [];
    h.sqlite.close();
    // Before any question: nothing to answer for a set-up that cannot run.
    if (unfinished.length && !flags.unfinished) {
      console.error(`setup refused: ${file} already holds a festival, and ${refusalText('setup:unfinished', { juries: unfinished.join(', ') })}`);
      return 1;
    }
  }
  const raw: Record<string, string> = {};
  const interactive = process.stdin.isTTY && process.stdout.isTTY;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : null;
  try {
    for (;;) {
      for (const [key, flag, label] of FIELDS) {
        const given = (flags as Record<string, string | undefined>)[flag];
        if (given !== undefined) raw[key] ??= given;
        else if (rl && raw[key] === undefined) raw[key] = await rl.question(`${label}: `);
      }
      const parsed = SetupInput.safeParse(raw);
      if (parsed.success) {
        const h = openDatabase(file);
        try {
          const out = await createFestival(h.db, parsed.data, { allowUnfinished: flags.unfinished });
          console.log(out.earlier > 0
            ? `\nA new edition, "${parsed.data.nameEn}", set up in ${file} beside ${out.earlier} earlier one(s), which stay as they were. It is now the one served by default; its results will be at /results/${out.edition}/main.`
            : `\nFestival "${parsed.data.nameEn}" set up in ${file}; its results will be at /results/${out.edition}/main.`);
          console.log(`Organiser: ${out.organiser}`);
          if (out.password === null) console.log('An existing organiser account: it keeps its own password.');
          else console.log(`One-time password (shown only now; to be changed at the first sign-in): ${out.password}`);
          console.log('Next: npm start, sign in at /login, import the films, performances and jurors, print the sign-in slips.');
          return 0;
        } catch (e) {
          if (!(e instanceof Refusal)) throw e;
          console.error(`setup refused: ${refusalText(e.code, e.params)}`);
          return 1;
        } finally {
          h.sqlite.close();
        }
      }
      for (const issue of parsed.error.issues) {
        const field = FIELDS.find(([k]) => k === issue.path[0]);
        console.error(`--${field?.[1] ?? issue.path.join('.')}: ${MESSAGES[issue.message] ?? (raw[String(issue.path[0])] ? issue.message : 'required')}`);
        if (rl) delete raw[String(issue.path[0])]; // asked again
      }
      if (!rl) return 2;
    }
  } finally {
    rl?.close();
  }
}

if (/scripts[\\/]setup\.ts$/.test(process.argv[1] ?? '')) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`setup refused: ${e instanceof Refusal ? e.code : e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
