// Issue 10, attack 5: anyone links the public export to /results (and the organiser to
// /admin/progress) and names a juror with all their scores. Played through the real actions on a
// whole festival with recusal by nationality on: the only Kazakh juror is recused from the Kazakh
// films, /results lists the jury with countries, the organiser has the progress table. Nothing in
// festival.json may carry a juror's id, name, country or recusal, or an anonymous id anyone can
// derive; the attacker's linking finds nobody at any level.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { anonBallot, ballot, jury, nomination, user, type PublicationLevel } from '@/db/schema';
import { executeAction } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { saveSettingsSpec } from '@/lib/admin/settings';
import { votingProgress } from '@/lib/admin/progress';
import { declareRecusalSpec, reopenBallotSpec, saveScoreSpec, submitBallotSpec } from '@/lib/ballot/specs';
import { parseDistributionsInput, parseTallyInput, tally, tallyDistributions } from '@/lib/tally';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId, voteAndSubmit } from '@/tests/festival';
import { expectRefused, setPhase } from '@/tests/actions';
import { closeRoundSpec, decideTieSpec, finaliseSpec, openSpecialRoundSpec, publishSpec } from './specs';
import { awardsCsv, fullExport, juryList, receiptList } from './results';
import { buildTallyInput } from '@/lib/count/tally-input';
import { finalHashOf } from './hash';
import { verifyAwards } from './verify';

const open: TestDb[] = [];
afterEach(() => open.splice(0).forEach((t) => t.close()));

type Export = ReturnType<typeof fullExport> & Record<string, unknown>;

/**
 * A whole festival through the real actions, published at `level`: every juror scores every
 * candidate they may (the nationality rule refuses the rest), one ballot is reopened by the chair and
 * resubmitted, ties are settled by casting votes, the special round is held.
 */
async function publishedFestival(level: PublicationLevel, opts: { nationality: boolean; declared?: boolean }) {
  const t = await seededDb();
  open.push(t);
  const { chair, juror, organiser, jurors } = demoCast(t.db);
  t.db.update(jury).set({ recusalByNationality: opts.nationality, publicationLevel: level }).where(eq(jury.id, 1)).run();
  // The placeholder jurors get countries too, as a real jury list has them: Azimov stays the only Kazakh.
  jurors.forEach((u, i) => {
    if (u.id !== juror.id && u.id !== chair.id) t.db.update(user).set({ country: ['CN', 'RU', 'IN', 'PK', 'UZ'][i % 5] }).where(eq(user.id, u.id)).run();
  });
  setPhase(t, 'voting');
  const act = (spec: Parameters<typeof executeAction>[0], u: SessionUser, input: unknown) => executeAction(spec, u, input, t.db);
  if (opts.declared) {
    // One juror declares a conflict of interest with a film (not by the nationality rule).
    const film = candidatesOf(t.db, 'best_film')[5].filmId;
    expect(act(declareRecusalSpec, jurors[3], { filmId: film, reason: 'worked on it' }).ok).toBe(true);
  }
  const vote = (code: string, k: number) => {
    const cands = candidatesOf(t.db, code);
    jurors.forEach((u, j) => {
      cands.forEach((c, i) => {
        const out = act(saveScoreSpec, u, { candidateId: c.id, value: 1 + ((j * 7 + i * 3 + k) % 10) });
        if (!out.ok) expect(out.code).toBe('ballot:recused');
      });
      expect(act(submitBallotSpec, u, { nominationId: nominationId(t.db, code) }).ok).toBe(true);
    });
  };
  const settle = (round: 'main' | 'special') => {
    for (let i = 0; i < 6; i++) {
      const blocked = tally(buildTallyInput(t.db)).nominations.find((n) => n.round === round && n.status === 'blocked');
      if (!blocked) return;
      const tied = blocked.tie!.candidates.map(Number);
      expect(act(decideTieSpec, chair, { nomination: blocked.code, kind: 'casting_vote', tied, chosen: [tied[0]], reason: 'The jury prefers it' }).ok).toBe(true);
    }
  };
  const main = t.db.select().from(nomination).where(eq(nomination.round, 'main')).all();
  main.forEach((n, k) => vote(n.code, k));
  // The chair reopens one juror's ballot; the juror submits it again.
  expect(act(reopenBallotSpec, chair, { jurorId: juror.id, nominationId: nominationId(t.db, 'best_film'), reason: 'A typo to correct' }).ok).toBe(true);
  expect(act(submitBallotSpec, juror, { nominationId: nominationId(t.db, 'best_film') }).ok).toBe(true);
  expect(act(closeRoundSpec, chair, {}).ok).toBe(true);
  settle('main');
  expect(act(openSpecialRoundSpec, chair, {}).ok).toBe(true);
  vote('special_jury_prize', 9);
  expect(act(closeRoundSpec, chair, {}).ok).toBe(true);
  settle('special');
  // What the organiser saw during voting (the table does not change after it).
  const progress = votingProgress(t.db);
  expect(act(finaliseSpec, chair, {}).ok).toBe(true);
  const beforePublication = JSON.parse(JSON.stringify(fullExport(t.db))) as Export;
  const csvBefore = awardsCsv(t.db);
  expect(act(publishSpec, organiser, {}).ok).toBe(true);
  const exp = JSON.parse(JSON.stringify(fullExport(t.db))) as Export;
  return { t, exp, beforePublication, csvBefore, jury: juryList(t.db), receipts: receiptList(t.db), progress, jurors, juror };
}

/** Every key and every string in a JSON value, with the path of each. */
function walk(v: unknown, path = '$', out: { path: string; key?: string; value?: unknown }[] = []) {
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push({ path: `${path}.${k}`, key: k, value: x });
      walk(x, `${path}.${k}`, out);
    }
  }
  return out;
}

/**
 * The attacker of attack 5: whatever in the export stands for one juror (an id beside scores or
 * recusals), matched against what is known about the named jurors: the films of their country (from
 * /results and the nationality rule) and, for the organiser, each juror's number of films to score
 * per nomination (/admin/progress). Returns the jurors it names.
 */
function link(exp: Export, jury: { displayName: string; country: string | null }[], progress: ReturnType<typeof votingProgress>) {
  const scores = (exp.scores ?? []) as { juror: string; candidate: string }[];
  const recusals = (exp.recusals ?? []) as { juror: string; film: string }[];
  const films = exp.films as { id: string; country: string }[];
  const nominations = exp.nominations as { code: string; candidates: { id: string; filmId: string }[] }[];
  const entities = new Set([...scores.map((s) => s.juror), ...recusals.map((r) => r.juror)]);
  const named = new Set<string>();
  for (const j of jury) {
    if (!j.country) continue;
    const own = new Set(films.filter((f) => f.country === j.country).map((f) => f.id));
    if (own.size === 0) continue;
    // An entity recused from exactly the films of that country, or that scored none of them where it scored others.
    const match = [...entities].filter((e) => {
      const rec = new Set(recusals.filter((r) => r.juror === e).map((r) => r.film));
      if (rec.size && [...own].every((f) => rec.has(f)) && [...rec].every((f) => own.has(f))) return true;
      const scored = new Set(scores.filter((s) => s.juror === e).map((s) => s.candidate));
      const noms = nominations.filter((n) => n.candidates.some((c) => scored.has(c.id)));
      const skipped = noms.flatMap((n) => n.candidates.filter((c) => !scored.has(c.id)).map((c) => c.filmId));
      return skipped.length > 0 && skipped.every((f) => own.has(f));
    });
    if (match.length === 1 || (match.length > 0 && jury.filter((x) => x.country === j.country).length === 1)) named.add(j.displayName);
  }
  // The organiser: a juror's number of films to score in a nomination, against each entity's count there.
  for (const row of progress.rows) {
    for (const cell of row.cells) {
      const code = progress.nominations.find((n) => n.id === cell.nominationId)!.code;
      const ids = new Set(nominations.find((n) => n.code === code)?.candidates.map((c) => c.id));
      const counts = new Map<string, number>();
      for (const s of scores) if (ids.has(s.candidate)) counts.set(s.juror, (counts.get(s.juror) ?? 0) + 1);
      const same = [...counts.values()].filter((n) => n === cell.total).length;
      const others = progress.rows.filter((r) => r.cells.find((c) => c.nominationId === cell.nominationId)!.total === cell.total).length;
      if (same === 1 && others === 1) named.add(row.displayName);
    }
  }
  return [...named];
}

/** Anonymous ids someone could compute from what they know or guess about a juror. */
function guessable(t: TestDb, jurors: SessionUser[]) {
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const salts = t.db.select().from(ballot).all();
  const codes = t.db.select().from(nomination).all().map((n) => n.code);
  return jurors.flatMap((u) => {
    const mine = salts.filter((b) => b.jurorId === u.id && b.salt).map((b) => b.salt!).sort();
    const seeds = [`jury-anon:${u.id}`, `jury-anon:${mine.join(',')}`, String(u.id), u.login, u.displayName, ...codes.flatMap((c) => [`${u.id}:${c}`, `${u.login}:${c}`, `jury-anon:${u.id}:${c}`])];
    return seeds.map(sha);
  });
}

describe('attack 5: linking the public export to /results and /admin/progress', () => {
  it('at the default level (distributions) with recusal by nationality: nobody is named, no id, country or recusal is exported', async () => {
    const { t, exp, jury, progress, jurors, juror, receipts, beforePublication, csvBefore } = await publishedFestival('distributions', { nationality: true });
    // The premise of the attack holds: /results names the one Kazakh juror, and there are Kazakh films.
    expect(jury.filter((j) => j.country === 'KZ').map((j) => j.displayName)).toEqual([juror.displayName]);
    expect((exp.films as { country: string }[]).some((f) => f.country === 'KZ')).toBe(true);

    expect(link(exp, jury, progress)).toEqual([]);
    expect(exp.publicationLevel).toBe('distributions');
    for (const key of ['jurors', 'scores', 'recusals']) expect(exp).not.toHaveProperty(key);
    const entries = walk(exp);
    const forbidden = ['juror', 'jurorId', 'userId', 'actorId', 'login', 'displayName', 'salt'];
    expect(entries.filter((e) => forbidden.includes(e.key!)).map((e) => e.path)).toEqual([]);
    // Countries only of films (public), never of a person.
    expect(entries.filter((e) => e.key === 'country' && !/^\$\.(films|filmDetails)\[\d+\]\.country$/.test(e.path)).map((e) => e.path)).toEqual([]);
    // No juror's name or login anywhere in the file (the chair's name is not a candidate here).
    const text = JSON.stringify(exp);
    for (const u of jurors) for (const s of [u.login, u.displayName]) expect(text).not.toContain(s);
    // The decision log says what the chair did, not to whom: no user id in a reopened ballot.
    const reopened = (exp.decisionLog as Record<string, unknown>[]).filter((d) => d.kind === 'reopen_ballot');
    expect(reopened).toEqual([expect.objectContaining({ kind: 'reopen_ballot', nomination: 'best_film', by: 'chair', reason: 'A typo to correct' })]);
    expect(reopened[0]).not.toHaveProperty('chosen');
    // The distributions recompute the awards; the receipts stay.
    const dist = exp.distributions as { candidate: string; scores: number[] }[];
    expect(dist.length).toBeGreaterThan(0);
    expect(exp.receipts).toEqual(receipts);
    expect(receipts.length).toBeGreaterThan(0);
    // The recorded hash still verifies against the stored data.
    expect(verifyAwards(t.db)).toMatchObject({ ok: true });
    // Before publication the chair and the organisers download the awards only: no figure yet.
    for (const key of ['distributions', 'headToHead', 'result', 'scores']) expect(beforePublication).not.toHaveProperty(key);
    expect(walk(beforePublication).filter((e) => e.key === 'aggregate' || e.key === 'margin')).toEqual([]);
    expect(csvBefore.split('\n')[0]).not.toMatch(/aggregate/);
    expect(awardsCsv(t.db).split('\n')[0]).toMatch(/aggregate,margin/);
  }, 60_000);

  it('at the awards level: awards, method and rules, no aggregate in the JSON, the CSV or anywhere', async () => {
    const { t, exp, jury, progress } = await publishedFestival('awards', { nationality: true });
    expect(link(exp, jury, progress)).toEqual([]);
    for (const key of ['jurors', 'scores', 'recusals', 'distributions', 'headToHead', 'result']) expect(exp).not.toHaveProperty(key);
    expect(walk(exp).filter((e) => e.key === 'aggregate' || e.key === 'margin')).toEqual([]);
    expect(awardsCsv(t.db).split('\n')[0]).not.toMatch(/aggregate|margin/);
    expect((exp.awards as unknown[]).length).toBeGreaterThan(0);
  }, 60_000);

  it('at the anonymised_ballots level: random ids per ballot, stored, shuffled; recused scores absent; still nobody named', async () => {
    const a = await publishedFestival('anonymised_ballots', { nationality: false });
    const b = await publishedFestival('anonymised_ballots', { nationality: false });
    for (const { t, exp, jury, progress, jurors } of [a, b]) {
      expect(link(exp, jury, progress)).toEqual([]);
      expect(exp.recusals).toEqual([]);
      const ids = (exp.jurors as { id: string; country: string | null }[]);
      expect(ids.every((j) => /^B-[0-9a-f]{24}$/.test(j.id) && j.country === null)).toBe(true);
      // Stored, one per counted ballot, the same on every read.
      const stored = t.db.select().from(anonBallot).all().map((r) => r.anonId).sort();
      expect(ids.map((j) => j.id).sort()).toEqual(stored);
      expect(JSON.parse(JSON.stringify(fullExport(t.db))).jurors).toEqual(exp.jurors);
      // Not derived from anything guessable.
      const digests = guessable(t, jurors);
      for (const { id } of ids) expect(digests.some((d) => d.includes(id.slice(2)))).toBe(false);
      // Shuffled: the ballots' order says nothing of the jurors' order.
      const scores = exp.scores as { juror: string }[];
      expect(scores.map((s) => s.juror)).toEqual([...scores.map((s) => s.juror)].sort());
      expect(verifyAwards(t.db)).toMatchObject({ ok: true });
    }
    // Two festivals with identical data get unrelated ids.
    const idsOf = (e: Export) => new Set((e.jurors as { id: string }[]).map((j) => j.id));
    const [ia, ib] = [idsOf(a.exp), idsOf(b.exp)];
    expect(ia.size).toBe(ib.size);
    expect([...ia].filter((x) => ib.has(x))).toEqual([]);
    // Identical data, identical scores: only the names differ.
    const values = (e: Export) => (e.scores as { candidate: string; value: number }[]).map((s) => `${s.candidate}=${s.value}`).sort();
    expect(values(a.exp)).toEqual(values(b.exp));
  }, 120_000);

  it('in anonymised ballots a declared recusal is simply an absent score', async () => {
    const { t, exp } = await publishedFestival('anonymised_ballots', { nationality: false, declared: true });
    expect(exp.recusals).toEqual([]);
    const film = candidatesOf(t.db, 'best_film')[5];
    const scores = exp.scores as { juror: string; candidate: string }[];
    const onFilm = scores.filter((s) => s.candidate === String(film.id)).length;
    expect(onFilm).toBe(demoCast(t.db).jurors.length - 1);
  }, 60_000);
});

const repo = join(__dirname, '../..');
function tallyCli(json: unknown, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'jury-export-')), 'festival.json');
  writeFileSync(file, JSON.stringify(json));
  return new Promise((resolve) => {
    execFile(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'scripts/tally.ts'), file, ...args], { cwd: repo }, (err, stdout, stderr) => {
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('an export without stored ids', () => {
  it('still answers (the phase set by hand, as the access matrix does), with fresh random ids, never derived ones', async () => {
    const t = await seededDb();
    open.push(t);
    const { jurors } = demoCast(t.db);
    setPhase(t, 'voting');
    voteAndSubmit(t.db, 'best_film', (j, c) => 1 + ((j + c) % 10), jurors);
    t.db.update(jury).set({ phase: 'published', publicationLevel: 'anonymised_ballots' }).where(eq(jury.id, 1)).run();
    const [a, b] = [fullExport(t.db), fullExport(t.db)].map((e) => (e.jurors ?? []).map((j) => j.id));
    expect(a).toHaveLength(jurors.length);
    expect(a.every((id) => /^B-[0-9a-f]{24}$/.test(id))).toBe(true);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    const digests = guessable(t, jurors);
    expect(a.some((id) => digests.some((d) => d.includes(id.slice(2))))).toBe(false);
  });
});

describe('npm run tally on the exports', () => {
  it('recomputes a distributions export, says what needs ballots, and has nothing to recompute at the awards level', async () => {
    const { exp } = await publishedFestival('distributions', { nationality: true });
    const awardsOnly = { ...exp, publicationLevel: 'awards' };
    const [plain, other, compare, awards, asTable] = await Promise.all([
      tallyCli(exp),
      tallyCli(exp, '--method', 'schulze'),
      tallyCli(exp, '--compare'),
      tallyCli(awardsOnly),
      tallyCli(exp, '--format', 'table'),
    ]);
    const parsed = parseDistributionsInput(exp);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const expected = tallyDistributions(parsed.input);
    expect(expected.mismatches).toEqual([]);
    // What this level cannot check (head-to-head needs ballots) is a statement, not a failure: exit 0.
    expect(plain.code, plain.stderr).toBe(0);
    expect(asTable.code).toBe(0);
    // The table names films by their titles, never by ids alone.
    const details = exp.filmDetails as { id: string; englishTitle: string }[];
    for (const a of exp.awards as { nomination: string; film: string }[]) {
      const title = details.find((f) => f.id === a.film)!.englishTitle;
      expect(asTable.stdout).toMatch(new RegExp(`^${a.nomination} \\(.*winners?: [^\\n]*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    }
    const result = JSON.parse(plain.stdout) as ReturnType<typeof tally>;
    const winners = (exp.awards as { nomination: string; candidate: string }[]);
    for (const n of result.nominations) expect([...n.winners].sort()).toEqual(winners.filter((w) => w.nomination === n.code).map((w) => w.candidate).sort());
    for (const u of expected.unverifiable) expect(plain.stderr).toContain(`${(u as { nomination: string }).nomination}: `);
    if (expected.unverifiable.length) expect(plain.stderr).toMatch(/ranked apart by head-to-head, which needs each juror's ballot/);
    expect(other.code).toBe(3);
    expect(other.stdout).toBe('');
    expect(other.stderr).toMatch(/The method schulze needs each juror's ballot: an export at the "anonymised_ballots" level/);
    expect(compare.code).toBe(3);
    expect(compare.stderr).toMatch(/normalized_mean and schulze need each juror's ballot/);
    expect(awards.code).toBe(3);
    expect(awards.stderr).toMatch(/publication level "awards"/);
  }, 90_000);

  it('recomputes an anonymised_ballots export like any tally input', async () => {
    const { exp } = await publishedFestival('anonymised_ballots', { nationality: false });
    const run = await tallyCli(exp);
    const parsed = parseTallyInput(exp);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(tally(parsed.input));
    expect(JSON.parse(run.stdout)).toEqual(exp.result);
    // At this level anyone can recompute the final hash from the file alone.
    expect(finalHashOf(parsed.input, tally(parsed.input))).toBe((exp.festival as { finalHash: string }).finalHash);
  }, 90_000);
});

describe('the publication level setting', () => {
  it('is saved with the settings, refuses published ballots together with recusal by nationality, and is frozen from opening', async () => {
    const t = await seededDb();
    open.push(t);
    const form = (over: Record<string, string>) => {
      const fd = new FormData();
      const base = { name: 'Qingdao SCO Film Festival', city: 'Qingdao', scaleMin: '1', scaleMax: '10', scaleStep: '1', method: 'mean', oneAwardPerFilm: 'on', ...over };
      for (const [k, v] of Object.entries(base)) fd.set(k, v);
      return fd;
    };
    const organiser = demoCast(t.db).organiser;
    expect(t.db.select().from(jury).get()!.publicationLevel).toBe('distributions');
    expect(executeAction(saveSettingsSpec, organiser, form({ publicationLevel: 'anonymised_ballots' }), t.db).ok).toBe(true);
    expect(t.db.select().from(jury).get()!.publicationLevel).toBe('anonymised_ballots');
    const refused = expectRefused(t, saveSettingsSpec, organiser, form({ publicationLevel: 'anonymised_ballots', recusalByNationality: 'on' }), 'invalid:input');
    expect(refused).toMatchObject({ fieldErrors: { publicationLevel: ['publication_nationality'] } });
    expectRefused(t, saveSettingsSpec, organiser, form({ publicationLevel: 'everything' }), 'invalid:input');
    // The database refuses the combination too, whatever writes it.
    expect(() => t.db.update(jury).set({ recusalByNationality: true }).where(eq(jury.id, 1)).run()).toThrow(/CHECK/);
    setPhase(t, 'voting');
    expectRefused(t, saveSettingsSpec, organiser, form({ publicationLevel: 'awards' }), 'phase:frozen');
  });
});
