// npm run setup: a real festival in one step, on an empty database (JURY_DB, default data/jury.db).
// Creates the festival (name and city in English, Chinese, Russian and Kazakh; dates; IANA time
// zone), the six standard nominations and one organiser, and prints the organiser's one-time
// password, which must be changed at the first sign-in. Asks for what is missing when run in a
// terminal; takes flags in scripts:
//   npm run setup -- --name-en "…" --name-zh "…" --name-ru "…" --name-kk "…" \
//     --city-en "…" --city-zh "…" --city-ru "…" --city-kk "…" \
//     --starts 2026-06-10 --ends 2026-06-17 --tz Asia/Shanghai --organiser anna [--organiser-name "…"] [--force]
// Refuses a database that already holds a festival; with --force (and no server running on it) it
// keeps that database as <db folder>/backups/jury-before-setup-<time>.db and starts a new one.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import Database from 'better-sqlite3';
import { databaseFile, openDatabase } from '../lib/database';
import { createFestival, hasFestival, SetupInput, type SetupValues } from '../lib/setup/festival';
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
];

const MESSAGES: Record<string, string> = {
  date: 'not a date as YYYY-MM-DD',
  dates_order: 'the last day is before the first',
  time_zone: 'not an IANA time zone (e.g. Asia/Shanghai, Europe/Moscow)',
  login_format: '2 to 40 letters, digits, . _ or -, starting with a letter or digit',
};

function keepAside(file: string): string {
  const kept = path.join(path.dirname(file), 'backups', `jury-before-setup-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.db`);
  fs.mkdirSync(path.dirname(kept), { recursive: true });
  const cur = new Database(file);
  try {
    cur.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    cur.close();
  }
  fs.renameSync(file, kept);
  for (const f of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
  return kept;
}

async function main(): Promise<number> {
  const { values: flags } = parseArgs({
    options: { ...Object.fromEntries(FIELDS.map(([, flag]) => [flag, { type: 'string' as const }])), force: { type: 'boolean' } },
    strict: true,
  });
  const file = databaseFile();
  const pid = runningServer(file);
  if (pid) {
    console.error(`setup refused: a server (pid ${pid}) is running on ${file}: stop it first.`);
    return 1;
  }
  let exists = false;
  if (fs.existsSync(file)) {
    const h = openDatabase(file);
    exists = hasFestival(h.db);
    h.sqlite.close();
    if (exists && !flags.force) {
      console.error(`setup refused: ${file} already holds a festival. Run with --force to keep it aside and start a new one.`);
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
        // Only now, with every answer valid, is a replaced database moved aside.
        if (exists) console.log(`The previous database is kept as ${keepAside(file)}.`);
        const h = openDatabase(file);
        try {
          const out = await createFestival(h.db, parsed.data);
          console.log(`\nFestival "${parsed.data.nameEn}" set up in ${file}.`);
          console.log(`Organiser: ${out.organiser}`);
          console.log(`One-time password (shown only now; to be changed at the first sign-in): ${out.password}`);
          console.log('Next: npm start, sign in at /login, import the films, performances and jurors, print the sign-in slips.');
          return 0;
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
