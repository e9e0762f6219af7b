// Replays the audit log against the stored data: the audited score saves, recusals, submissions,
// reopenings, decisions and the finalisation must rebuild exactly the score, recusal, ballot,
// decision and award tables, every submitted ballot's receipt must recompute from its scores and
// salt, and the chain heads recorded at finalisation and publication must be entries of the log.
// A table edited without the log (a score changed in the file, final_hash recomputed) or a log cut
// short is named here: the first bad row or entry of each kind. Used by npm run audit:verify.
// Also replayed: each close's counted ballots (a digest in its entry), the accounts (login, names,
// role, country, active flag, credential, must-change flag: lib/auth/account-replay.ts), the rules and the films and
// main-round candidates frozen at the opening, the special round's candidates, runoffs, and account
// requests, each account's sign-ins and its owner's answers (lib/account/history-replay.ts), each
// slip row, that each approved rename is the one proposed, and the phase: once the log has changed it,
// the stored phase is the one its last change left, and no ballot was written while no round was open
// on record. Not replayed (a file holder can still edit them unseen): the phase of a log that never
// changed it (tests set it directly), sign-in links (signin_token), retired one-time passwords, the
// published anonymous ids (anon_ballot), and what decides no result (titles, notes, locales, throttling).
// Every jury of every edition is replayed from the one log without mixing them (issue 23): an entry
// about a jury's round (phase, decisions, finalisation, publication, the opening) names its jury
// (`jury` in its payload); a ballot's entry is the jury's of the candidate, film or nomination it
// names; an entry that names none is the jury's the app served when it was written: the first jury of
// the newest edition created by then (an entry from before editions is the first jury's: the upgrade
// made the festival jury 1 of edition 1, created when it ran). Each jury's decision rows, awards, final hash, heads and phase
// are compared with its own entries. The rules frozen at the opening are compared for the jury the
// app serves (lib/festival/frozen.ts reads that one).
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { accountRequest, audit, award, ballot, ballotScore, candidate, decision, edition, film, jury, nomination, recusal, score, user, type AuditEntry, type Jury } from '@/db/schema';
import { canonicalBallot, receiptOf } from '@/lib/ballot/receipt';
import { scaleOf, valueOfSteps, type Scale } from '@/lib/ballot/scale';
import { findFestival } from '@/lib/festival/phase';
import { recusedByNationality } from '@/lib/tally/recused';
import { parseHead, payloadOf } from '@/lib/audit';
import { canonicalJson } from '@/lib/canonical';
import { frozenRules } from '@/lib/festival/frozen';
import { frozenSetupDigest } from '@/lib/festival/frozen-setup';
import { replayRunoffs } from '@/lib/runoff/replay';
import { BASELINE_ACTION } from './baseline';
import { replayAccounts, replaySlips } from '@/lib/auth/account-replay';
import { replayAccountHistory } from '@/lib/account/history-replay';
import { replayProposals } from '@/lib/juror/proposal-replay';
import { countedDigest } from '@/lib/round/counted-digest';
import { RESTORE_ACTION } from '@/lib/audit/roll-back';

type Payload = Record<string, unknown>;
interface Seen { n: number; id: number }
interface AuditedDecision { kind: string; nomination: string | null; tied: number[] | null; chosen: number[] | null; reason: string | null; actor: number | null; seen: Seen; close?: StatedClose }
// What a close states of its row (round, missing ballots, digest of the counted set); only closes
// written since the rule, or recorded by the baseline, state it.
interface StatedClose { round: unknown; chosen: string; counted: unknown }
const at = (s: Seen) => `entry ${s.n} (id ${s.id})`;
// What only an open round lets a juror (or the chair, reopening a ballot) write (lib/ballot/specs.ts), and the phases that open one.
const BALLOT_WRITES = new Set(['ballot.save_score', 'ballot.save_note', 'ballot.submit', 'ballot.declare_recusal', 'ballot.withdraw_recusal', 'ballot.reopen']);
const OPEN_PHASES = new Set(['voting', 'special_voting']);

/** Steps of a save written before scores were stored as steps: its value, as the migration converted it. */
function legacySteps(scale: Scale, value: unknown): number | null {
  if (typeof value !== 'number') return null;
  const k = (value - scale.min) / scale.step;
  return Math.abs(k - Math.round(k)) < 1e-9 && value >= scale.min - 1e-9 && value <= scale.max + 1e-9 ? Math.round(k) : null;
}

/** A decision's `chosen` column (JSON text) in one canonical spelling. */
function canonicalChosen(text: string): string {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return text;
  }
}

function ids(v: unknown): number[] {
  return Array.isArray(v) ? v.map(Number).sort((a, b) => a - b) : [];
}

/** Whether a ballot's last reopening was made when reopening still voided the receipt (no `submitted` recorded). */
function reopenedBeforeSnapshots(history: string): boolean {
  try {
    const list = JSON.parse(history) as { submitted?: unknown }[];
    return list.length > 0 && list[list.length - 1].submitted === undefined;
  } catch {
    return false;
  }
}

/** What the log says of one jury's round: its decisions, finalisation, publication, opening and phase. */
interface JuryLog {
  decisions: AuditedDecision[];
  finalised: { hash: unknown; awards: { nomination: string; winners: string[] }[]; seen: Seen } | null;
  published: Seen | null;
  opened: { rules: unknown; setup: unknown; seen: Seen } | null;
  specialFilms: { films: number[]; seen: Seen } | null;
  // Ballot writes made while the log has no round of their jury open: the phase was moved in the file to let them in.
  outOfPhase: { action: string; phase: string; seen: Seen }[];
  // The phase the log's last phase change left (null: the log changed no phase: tests and tools set it directly).
  phaseOfLog: { phase: string; seen: Seen } | null;
}

export function replayAudit(db: DB): string[] {
  const problems: string[] = [];
  const fest = findFestival(db);
  if (!fest) return problems;
  const juries = db.select().from(jury).orderBy(asc(jury.id)).all();
  const juryById = new Map<number, Jury>(juries.map((j) => [j.id, j]));
  const firstJury = juries[0].id;
  // An entry that names no jury is the served jury's of its time (lib/festival/phase.ts findFestival):
  // the first jury of the newest edition created by then; before any, the first jury (the upgrade's).
  const editions = db.select({ id: edition.id, createdAt: edition.createdAt }).from(edition).orderBy(desc(edition.id)).all()
    .flatMap((e) => { const first = juries.find((j) => j.editionId === e.id); return first ? [{ createdAt: e.createdAt, jury: first.id }] : []; });
  const servedAt = (at: string) => editions.find((e) => e.createdAt <= at)?.jury ?? firstJury;
  const nominationJury = new Map(db.select({ id: nomination.id, juryId: nomination.juryId }).from(nomination).all().map((n) => [n.id, n.juryId]));
  const filmJury = new Map(db.select({ id: film.id, juryId: film.juryId }).from(film).all().map((f) => [f.id, f.juryId]));
  const candidates = new Map(db.select({ id: candidate.id, nominationId: candidate.nominationId, filmId: candidate.filmId }).from(candidate).all().map((c) => [c.id, c]));
  const candidateJury = (id: number) => nominationJury.get(candidates.get(id)?.nominationId ?? -1);
  // Each jury has its own scale: a score or a receipt is read on its nomination's jury's.
  const scaleOfJury = (id: number | undefined) => scaleOf(juryById.get(id ?? firstJury) ?? fest);
  // With one jury the problems read as they always did; with more, each names its jury.
  const named = (j: number) => (juries.length > 1 ? `jury ${juryById.get(j)?.slug ?? '?'} (${j}): ` : '');
  const entries = db.select().from(audit).orderBy(asc(audit.id)).all();
  /** The jury an entry is about: stated, or the one of the candidate, film or nomination a ballot's entry names. */
  const juryOfEntry = (e: AuditEntry, p: Payload): number => {
    if (typeof p.jury === 'number') return p.jury;
    if (e.action.startsWith('ballot.')) {
      const byId = 'candidateId' in p ? candidateJury(Number(p.candidateId)) : 'filmId' in p ? filmJury.get(Number(p.filmId)) : 'nominationId' in p ? nominationJury.get(Number(p.nominationId)) : undefined;
      if (byId !== undefined) return byId;
    }
    return servedAt(e.at);
  };
  const logs = new Map<number, JuryLog>();
  const logOf = (j: number): JuryLog => {
    let l = logs.get(j);
    if (!l) logs.set(j, (l = { decisions: [], finalised: null, published: null, opened: null, specialFilms: null, outOfPhase: [], phaseOfLog: null }));
    return l;
  };

  // --- the log, replayed ---
  const scores = new Map<string, { steps: number | null; seen: Seen }>();
  const recusals = new Map<string, Seen>();
  const ballots = new Map<string, { submitted: boolean; receipt: string | null; seen: Seen; counted: { candidateId: number; steps: number | null }[] | null }>();
  // Every decision row an action wrote, in order, as its audit entry states it (null: not stated there), per jury.
  let log = logOf(firstJury);
  const decided = (seen: Seen, actor: number | null, d: Partial<AuditedDecision> & { kind: string }) =>
    log.decisions.push({ nomination: null, tied: null, chosen: null, reason: null, ...d, actor, seen });
  const reasonOf = (p: Payload) => (typeof p.reason === 'string' ? p.reason : null);
  // Two-person account changes (lib/juror/requests.ts): each request as its entries left it.
  type AuditedRequest = { kind: string; target: number; jury: number | null; requestedBy: number | null; reason: string; state: string; decidedBy: number | null; decisionReason: string; issued: boolean; seen: boolean; at: Seen };
  const requests = new Map<number, AuditedRequest>();
  const request = (p: Payload) => requests.get(Number(p.request));
  const byPosition = new Map<number, AuditEntry>();
  const baselineCloses = new Map<number, StatedClose & { seen: Seen }>();
  const phaseChange: Record<string, (p: Payload) => string | null> = {
    'festival.open_voting': () => 'voting',
    'round.close': (p) => (p.round === 'main' ? 'main_closed' : p.round === 'special' ? 'special_closed' : null),
    'round.reopen': (p) => (p.round === 'main' ? 'voting' : p.round === 'special' ? 'special_voting' : null),
    'round.open_special': () => 'special_voting',
    'round.finalise': () => 'finalised',
    'round.publish': () => 'published',
    [RESTORE_ACTION]: (p) => { const r = p.restored as { phase?: unknown } | undefined; return typeof r?.phase === 'string' ? r.phase : null; },
  };

  for (const [i, e] of entries.entries()) {
    const seen = { n: i + 1, id: e.id };
    byPosition.set(seen.n, e);
    const p = payloadOf(e);
    const actor = e.actorId;
    const juryId = juryOfEntry(e, p);
    log = logOf(juryId);
    const phase = phaseChange[e.action]?.(p);
    if (phase) log.phaseOfLog = { phase, seen };
    if (log.phaseOfLog && BALLOT_WRITES.has(e.action) && !OPEN_PHASES.has(log.phaseOfLog.phase)) log.outOfPhase.push({ action: e.action, phase: log.phaseOfLog.phase, seen });
    switch (e.action) {
      case 'ballot.save_score': {
        const juror = Number(p.jurorId ?? actor);
        const steps = 'steps' in p ? (p.steps as number | null) : p.value === null ? null : legacySteps(scaleOfJury(juryId), p.value);
        scores.set(`${juror}:${Number(p.candidateId)}`, { steps, seen });
        break;
      }
      case 'ballot.save_note': {
        const k = `${actor}:${Number(p.candidateId)}`;
        if (!scores.has(k)) scores.set(k, { steps: null, seen });
        break;
      }
      case 'ballot.declare_recusal':
        recusals.set(`${actor}:${Number(p.filmId)}`, seen);
        break;
      case 'ballot.withdraw_recusal':
        recusals.delete(`${actor}:${Number(p.filmId)}`);
        break;
      case 'ballot.submit': {
        const cands = Array.isArray(p.candidates) ? ids(p.candidates) : null;
        const counted = cands ? cands.map((c) => ({ candidateId: c, steps: scores.get(`${actor}:${c}`)?.steps ?? null })) : null;
        ballots.set(`${actor}:${Number(p.nominationId)}`, { submitted: true, receipt: typeof p.receipt === 'string' ? p.receipt : null, seen, counted });
        break;
      }
      case 'ballot.reopen': {
        // Unlocked, but counting as last submitted: the receipt and the scores it covers stay.
        const k = `${Number(p.jurorId)}:${Number(p.nominationId)}`;
        const prev = ballots.get(k);
        ballots.set(k, { submitted: false, receipt: prev?.receipt ?? null, seen, counted: prev?.counted ?? null });
        decided(seen, actor, { kind: 'reopen_ballot', nomination: `#${Number(p.nominationId)}`, chosen: [Number(p.jurorId)], reason: reasonOf(p) });
        break;
      }
      case 'round.decide_tie':
        decided(seen, actor, { kind: String(p.kind), nomination: String(p.nomination), tied: ids(p.tied), chosen: ids(p.chosen), reason: reasonOf(p) });
        break;
      case 'round.close': {
        const missing = Array.isArray(p.missing) ? (p.missing as { jurorId: number; nomination: string }[]) : [];
        const close = 'counted' in p ? { round: p.round, chosen: canonicalJson(missing.map((m) => [m.jurorId, m.nomination])), counted: p.counted } : undefined;
        decided(seen, actor, { kind: 'close_round', reason: missing.length ? `closed with ${missing.length} ballots missing` : '', close });
        break;
      }
      case BASELINE_ACTION:
        // Closes recorded before their entries stated the counted set (lib/replay/baseline.ts).
        for (const c of Array.isArray(p.closes) ? (p.closes as { id: number; round: unknown; chosen: string; counted: unknown }[]) : []) {
          baselineCloses.set(Number(c.id), { round: c.round, chosen: canonicalChosen(c.chosen), counted: c.counted, seen });
        }
        break;
      case 'round.reopen':
        decided(seen, actor, { kind: 'reopen_round', reason: reasonOf(p) });
        break;
      case 'round.no_award':
        decided(seen, actor, { kind: 'no_award', nomination: String(p.nomination), reason: reasonOf(p) });
        break;
      case 'round.withdraw_decision':
        decided(seen, actor, { kind: 'withdraw', nomination: typeof p.nomination === 'string' ? p.nomination : '', reason: reasonOf(p) });
        break;
      case 'round.waive_special':
        decided(seen, actor, { kind: 'waive_special', reason: reasonOf(p) });
        break;
      case 'round.finalise':
        // Finalising skips an empty special round with a decision row written just before this entry.
        if (p.special === 'skipped') decided(seen, actor, { kind: 'skip_special', reason: '' });
        log.finalised = { hash: p.hash, awards: Array.isArray(p.awards) ? (p.awards as { nomination: string; winners: string[] }[]) : [], seen };
        break;
      case 'round.publish':
        log.published = seen;
        break;
      case 'account.request':
        requests.set(Number(p.request), { kind: String(p.kind), target: Number(p.target), jury: typeof p.jury === 'number' ? p.jury : null, requestedBy: actor, reason: String(p.reason ?? ''), state: 'pending', decidedBy: null, decisionReason: '', issued: false, seen: false, at: seen });
        break;
      case 'account.approve':
      case 'account.refuse':
      case 'account.cancel': {
        const r = request(p);
        if (r) Object.assign(r, { state: { 'account.approve': 'approved', 'account.refuse': 'refused', 'account.cancel': 'cancelled' }[e.action], decidedBy: actor, decisionReason: e.action === 'account.refuse' ? String(p.reason ?? '') : '', at: seen });
        break;
      }
      case 'account.issue_password': {
        const r = request(p);
        if (r) Object.assign(r, { issued: true, at: seen });
        break;
      }
      case 'account.acknowledge':
        for (const id of ids(p.requests)) {
          const r = requests.get(id);
          if (r) Object.assign(r, { seen: true, at: seen });
        }
        break;
      case 'round.open_special':
        log.specialFilms = { films: ids(p.films), seen };
        break;
      case 'festival.open_voting':
        // Entries written before the opening recorded its rules say nothing to compare with.
        if (p.rules) log.opened = { rules: p.rules, setup: p.setup, seen };
        break;
    }
  }

  // --- scores ---
  const stored = db.select({ id: score.id, jurorId: score.jurorId, candidateId: score.candidateId, steps: score.steps }).from(score).orderBy(asc(score.id)).all();
  const storedKeys = new Set<string>();
  const show = (steps: number | null, candidateId: number) => (steps === null ? 'no score' : `${valueOfSteps(scaleOfJury(candidateJury(candidateId)), steps)} (${steps} steps)`);
  for (const s of stored) {
    const k = `${s.jurorId}:${s.candidateId}`;
    storedKeys.add(k);
    const r = scores.get(k);
    if (!r) problems.push(`score row ${s.id} (juror ${s.jurorId}, candidate ${s.candidateId}): no audited save wrote it`);
    else if (r.steps !== s.steps) problems.push(`score row ${s.id} (juror ${s.jurorId}, candidate ${s.candidateId}): stored ${show(s.steps, s.candidateId)}, but its last audited save, ${at(r.seen)}, says ${show(r.steps, s.candidateId)}`);
  }
  for (const [k, r] of scores) {
    const [j, c] = k.split(':').map(Number);
    if (!storedKeys.has(k) && candidates.has(c)) problems.push(`juror ${j}, candidate ${c}: saved at ${at(r.seen)}, but the score table has no row for it`);
  }

  // --- recusals ---
  const storedRecusals = db.select({ id: recusal.id, jurorId: recusal.jurorId, filmId: recusal.filmId }).from(recusal).orderBy(asc(recusal.id)).all();
  const recusalKeys = new Set<string>();
  for (const r of storedRecusals) {
    const k = `${r.jurorId}:${r.filmId}`;
    recusalKeys.add(k);
    if (!recusals.has(k)) problems.push(`recusal row ${r.id} (juror ${r.jurorId}, film ${r.filmId}): no audited declaration stands for it`);
  }
  for (const [k, seen] of recusals) {
    if (!recusalKeys.has(k)) problems.push(`juror ${k.split(':')[0]}, film ${k.split(':')[1]}: recusal declared at ${at(seen)}, but the recusal table does not hold it`);
  }

  // --- ballots and receipts ---
  const logins = new Map(db.select({ id: user.id, login: user.login, country: user.country }).from(user).all().map((u) => [u.id, u]));
  const codes = new Map(db.select({ id: nomination.id, code: nomination.code }).from(nomination).all().map((n) => [n.id, n.code]));
  const filmCountry = new Map(db.select({ id: film.id, country: film.country }).from(film).all().map((f) => [f.id, f.country]));
  const stepsOfRow = new Map(stored.map((s) => [`${s.jurorId}:${s.candidateId}`, s.steps]));
  const explicit = new Set(storedRecusals.map((r) => `${r.jurorId}:${r.filmId}`));
  const storedBallots = db.select().from(ballot).orderBy(asc(ballot.id)).all();
  const ballotKeys = new Set<string>();
  for (const b of storedBallots) {
    const k = `${b.jurorId}:${b.nominationId}`;
    ballotKeys.add(k);
    const ballotJury = juryById.get(nominationJury.get(b.nominationId) ?? firstJury) ?? fest;
    const scale = scaleOf(ballotJury);
    const r = ballots.get(k);
    const where = `ballot row ${b.id} (juror ${b.jurorId}, nomination ${codes.get(b.nominationId) ?? b.nominationId})`;
    const submitted = b.submittedAt !== null;
    if (submitted !== !!r?.submitted) {
      problems.push(submitted ? `${where}: submitted, but the log's last word on it is ${r ? `a reopening, ${at(r.seen)}` : 'nothing'}` : `${where}: not submitted, but it was submitted at ${at(r!.seen)} and never reopened`);
      continue;
    }
    if (!r) continue;
    // A reopened ballot keeps counting with the receipt it was last submitted with: that one too must
    // be the audited one. Only a ballot reopened before that rule (its last reopening records no
    // `submitted`) lost its receipt then, and does not count.
    if (!submitted && b.receipt === null && reopenedBeforeSnapshots(b.reopened)) continue;
    if (b.receipt !== r.receipt) {
      problems.push(`${where}: its receipt differs from the one audited at ${at(r.seen)}`);
      continue;
    }
    const login = logins.get(b.jurorId)?.login;
    const code = codes.get(b.nominationId);
    if (!b.salt || !b.receipt || !login || !code) continue;
    // The receipt from the scores as audited before the submission...
    if (r.counted) {
      const audited = r.counted.every((c) => c.steps !== null) ? receiptOf(canonicalBallot(login, code, r.counted.map((c) => ({ candidateId: c.candidateId, value: valueOfSteps(scale, c.steps!) })), b.salt)) : null;
      if (audited !== b.receipt) problems.push(`${where}: its receipt does not match the scores saved in the log before its submission, ${at(r.seen)}`);
    }
    // ...and from the scores stored now: a counted score edited in the table breaks it (a reopened
    // ballot's live scores may change: it counts from its snapshot, checked below).
    if (!submitted) continue;
    const jurorCountry = logins.get(b.jurorId)?.country;
    const counted = [...candidates.values()]
      .filter((c) => c.nominationId === b.nominationId)
      .filter((c) => !explicit.has(`${b.jurorId}:${c.filmId}`) && !recusedByNationality(ballotJury.recusalByNationality, jurorCountry, filmCountry.get(c.filmId)))
      .map((c) => ({ candidateId: c.id, steps: stepsOfRow.get(`${b.jurorId}:${c.id}`) ?? null }))
      .filter((c) => c.steps !== null);
    const now = receiptOf(canonicalBallot(login, code, counted.map((c) => ({ candidateId: c.candidateId, value: valueOfSteps(scale, c.steps!) })), b.salt));
    if (now !== b.receipt) problems.push(`${where}: its receipt does not match the scores stored for it now (a counted score was changed)`);
  }
  // Every counted ballot (submitted, or reopened and counting as last submitted) is tallied from its
  // snapshot (lib/ballot/snapshot.ts): the snapshot must recompute the receipt it was submitted with.
  const snapshots = new Map<number, { candidateId: number; steps: number }[]>();
  for (const s of db.select().from(ballotScore).orderBy(asc(ballotScore.ballotId), asc(ballotScore.candidateId)).all()) {
    snapshots.set(s.ballotId, [...(snapshots.get(s.ballotId) ?? []), s]);
  }
  for (const b of storedBallots) {
    const login = logins.get(b.jurorId)?.login;
    const code = codes.get(b.nominationId);
    if (!b.receipt || !b.salt || !login || !code) {
      if (snapshots.has(b.id)) problems.push(`ballot row ${b.id}: counted scores stored for a ballot without a receipt`);
      continue;
    }
    const scale = scaleOfJury(nominationJury.get(b.nominationId));
    const counted = (snapshots.get(b.id) ?? []).map((c) => ({ candidateId: c.candidateId, value: valueOfSteps(scale, c.steps) }));
    if (receiptOf(canonicalBallot(login, code, counted, b.salt)) !== b.receipt) {
      problems.push(`ballot row ${b.id} (juror ${b.jurorId}, nomination ${code}): its receipt does not match its counted scores (ballot_score: a counted score was changed)`);
    }
  }
  for (const [k, r] of ballots) {
    if (r.submitted && !ballotKeys.has(k)) problems.push(`juror ${k.split(':')[0]}, nomination ${codes.get(Number(k.split(':')[1])) ?? k.split(':')[1]}: submitted at ${at(r.seen)}, but the ballot table has no row for it`);
  }

  // --- the chair's decisions: every decision row, in order, is the one its audit entry wrote ---
  const parseIds = (s: string) => {
    try {
      return ids(JSON.parse(s));
    } catch {
      return [];
    }
  };
  // --- account change requests: every row is the one its entries made, and every audited request has its row ---
  const storedRequests = db.select().from(accountRequest).orderBy(asc(accountRequest.id)).all();
  for (const row of storedRequests) {
    const r = requests.get(row.id);
    if (!r) {
      problems.push(`account request row ${row.id}: no audited request stands for it`);
      continue;
    }
    // The jury it was filed in decides who decides it and where a change of chair applies (issue 23).
    const same = row.kind === r.kind && row.targetId === r.target && row.juryId === r.jury && row.requestedBy === r.requestedBy && row.reason === r.reason && row.state === r.state
      && row.decidedBy === r.decidedBy && row.decisionReason === r.decisionReason && (row.passwordIssuedAt !== null) === r.issued && (row.seenAt !== null) === r.seen;
    if (!same) problems.push(`account request row ${row.id}: differs from the request as audited, last at ${at(r.at)}`);
  }
  const requestRows = new Set(storedRequests.map((r) => r.id));
  for (const [id, r] of requests) if (!requestRows.has(id)) problems.push(`account request ${id}: audited at ${at(r.at)}, but the account_request table has no row for it`);

  const storedDecisions = db.select().from(decision).orderBy(asc(decision.id)).all();
  const awards = db.select({ nominationId: award.nominationId, candidateId: award.candidateId }).from(award).orderBy(asc(award.id)).all();
  const checkHead = (j: number, label: string, text: string | null, action: string) => {
    if (text === null) return;
    const problem = headProblem(text, entries.length, byPosition);
    if (problem) problems.push(`${named(j)}the chain head recorded at ${label} (${text}): ${problem}`);
    else if (byPosition.get(parseHead(text)!.entries!)?.action !== action) problems.push(`${named(j)}the chain head recorded at ${label} (${text}) is not the ${action} entry`);
  };
  // Each jury's rows against its own entries (an entry naming a jury no longer stored is named too).
  for (const j of [...new Set([...juries.map((x) => x.id), ...logs.keys()])]) {
    const jr = juryById.get(j);
    const { decisions, finalised: fin, published, opened, specialFilms, outOfPhase, phaseOfLog } = logOf(j);
    if (!jr) {
      if (decisions.length || fin || published || phaseOfLog) problems.push(`entries of the log name jury ${j}, which the jury table does not hold`);
      continue;
    }
    const pre = named(j);
    const jurysDecisions = storedDecisions.filter((d) => d.juryId === j);
    // --- the chair's decisions: every decision row, in order, is the one its audit entry wrote ---
    for (let i = 0; i < Math.max(jurysDecisions.length, decisions.length); i++) {
      const d = jurysDecisions[i];
      const e = decisions[i];
      if (!d) {
        problems.push(`${pre}the ${e.kind} decision audited at ${at(e.seen)} has no row in the decision table`);
        break;
      }
      if (!e) {
        problems.push(`${pre}decision row ${d.id} (${d.kind}): no audited decision stands for it`);
        break;
      }
      const nom = d.nominationId === null ? '' : e.nomination?.startsWith('#') ? `#${d.nominationId}` : codes.get(d.nominationId) ?? '';
      const same = d.kind === e.kind
        && (e.nomination === null || nom === e.nomination)
        && (e.tied === null || parseIds(d.tied).join() === e.tied.join())
        && (e.chosen === null || parseIds(d.chosen).join() === e.chosen.join())
        && (e.reason === null || d.reason === e.reason)
        && d.actorId === e.actor
        && (d.nominationId === null || nominationJury.get(d.nominationId) === j);
      if (!same) {
        problems.push(`${pre}decision row ${d.id} (${d.kind}): differs from the ${e.kind} decision audited at ${at(e.seen)}`);
        break;
      }
      // A close's row also records what it counted (decision.counted, decision.counted_scores): what the
      // desk compares later closes with to tell who changed what, so it must be the one the close wrote.
      const close = d.kind === 'close_round' ? (e.close ? { ...e.close, seen: e.seen } : baselineCloses.get(d.id)) : undefined;
      if (close) {
        if (d.round !== close.round || canonicalChosen(d.chosen) !== close.chosen) problems.push(`${pre}decision row ${d.id} (close_round): its round or missing ballots differ from those audited at ${at(close.seen)}`);
        if (countedDigest(d.counted, d.countedScores) !== close.counted) problems.push(`${pre}decision row ${d.id} (close_round): the ballots it records as counted differ from those audited at ${at(close.seen)}`);
      }
    }

    // --- finalisation, awards, publication ---
    const jurysAwards = awards.filter((a) => nominationJury.get(a.nominationId) === j);
    const isFinal = jr.phase === 'finalised' || jr.phase === 'published';
    if (isFinal && !fin) problems.push(`${pre}the festival is ${jr.phase}, but the log has no round.finalise entry (the log was cut short)`);
    if (jr.phase === 'published' && !published) problems.push(`${pre}the festival is published, but the log has no round.publish entry (the log was cut short)`);
    if (!isFinal && jurysAwards.length > 0) problems.push(`${pre}award rows exist, but the festival is in phase ${jr.phase}`);
    if (fin) {
      if (fin.hash !== jr.finalHash) problems.push(`${pre}festival.final_hash ${jr.finalHash} differs from the hash audited at finalisation, ${at(fin.seen)}`);
      const want = new Map(fin.awards.map((a) => [a.nomination, [...a.winners].map(Number).sort((x, y) => x - y).join()]));
      const have = new Map<string, number[]>();
      for (const a of jurysAwards) {
        const code = codes.get(a.nominationId) ?? String(a.nominationId);
        have.set(code, [...(have.get(code) ?? []), a.candidateId]);
      }
      for (const code of new Set([...want.keys(), ...have.keys()])) {
        const h = (have.get(code) ?? []).sort((x, y) => x - y).join();
        if ((want.get(code) ?? '') !== h) problems.push(`${pre}awards of ${code}: stored [${h}], audited at finalisation, ${at(fin.seen)}: [${want.get(code) ?? ''}]`);
      }
    }

    // --- the phase: the one the log's last phase change left (reopening a closed round in the file alone
    // would let scores change after the close with no reopening on record) ---
    for (const w of outOfPhase.slice(0, 1)) problems.push(`${pre}${at(w.seen)} (${w.action}) was written in phase ${w.phase}, with no round open on record (the phase moved in the file)${outOfPhase.length > 1 ? `; ${outOfPhase.length - 1} more after it` : ''}`);
    if (phaseOfLog && jr.phase !== phaseOfLog.phase) problems.push(`${pre}the festival is in phase ${jr.phase}, but the log's last phase change, ${at(phaseOfLog.seen)}, left it in phase ${phaseOfLog.phase}`);

    // --- the rules frozen at the opening of voting, each jury's against its own opening ---
    if (opened && jr.phase !== 'setup') {
      const now = frozenRules(db, j) as Record<string, unknown>;
      const then = opened.rules as Record<string, unknown>;
      // An opening recorded before the tie-break rules existed froze none: its nominations are compared on what it did record.
      const thenNoms = Array.isArray(then.nominations) ? (then.nominations as Record<string, unknown>[]) : [];
      if (thenNoms.length && !('tieBreak' in thenNoms[0]) && Array.isArray(now.nominations)) {
        now.nominations = (now.nominations as Record<string, unknown>[]).map(({ tieBreak: _t, runoffAbstention: _a, ...n }) => n);
      }
      const changed = Object.keys(now).filter((k) => canonicalJson(now[k]) !== canonicalJson(then[k]));
      if (changed.length) problems.push(`${pre}the rules frozen when voting opened, ${at(opened.seen)}, differ from the stored ones: ${changed.join(', ')}`);
      // Openings recorded before the setup's digest say nothing of films and candidates.
      if (typeof opened.setup === 'string' && opened.setup !== frozenSetupDigest(db, j)) {
        problems.push(`${pre}the films and candidates frozen when voting opened, ${at(opened.seen)}, differ from the stored ones (a film's country or competition flag, or a main-round candidate added, removed or moved)`);
      }
    }

    // --- the special round's candidates: the films its opening named, in every special nomination of the jury ---
    if (specialFilms) {
      const sf = specialFilms;
      const specialNoms = db.select({ id: nomination.id, code: nomination.code }).from(nomination).where(and(eq(nomination.juryId, j), eq(nomination.round, 'special'))).all();
      for (const n of specialNoms) {
        const have = [...candidates.values()].filter((c) => c.nominationId === n.id).map((c) => c.filmId).sort((a, b) => a - b);
        if (have.join() !== sf.films.join()) problems.push(`${pre}the candidates of ${n.code} (films [${have.join()}]) differ from the films its round's opening named, ${at(sf.seen)}: [${sf.films.join()}]`);
      }
    }

    // --- heads recorded in the protocol ---
    if (isFinal && fin && !jr.finalisedHead) problems.push(`${pre}the festival is finalised, but no chain head was recorded at finalisation`);
    checkHead(j, 'finalisation', jr.finalisedHead, 'round.finalise');
    if (jr.phase === 'published' && published && !jr.publishedHead) problems.push(`${pre}the festival is published, but no chain head was recorded at publication`);
    checkHead(j, 'publication', jr.publishedHead, 'round.publish');
  }

  // --- runoffs and their votes (lib/runoff/replay.ts) ---
  problems.push(...replayRunoffs(db, entries));

  // --- accounts: login, names, role, active flag, credential (lib/auth/account-replay.ts) ---
  problems.push(...replayAccounts(db, entries));
  problems.push(...replaySlips(db, entries));
  problems.push(...replayAccountHistory(db, entries));
  problems.push(...replayProposals(entries));

  return problems;
}

/** Why a head ("<entries>:<hash>" or a hash) is not an entry of the log; null when it is. */
export function headProblem(text: string, length: number, byPosition: Map<number, AuditEntry>): string | null {
  const head = parseHead(text);
  if (!head) return 'not a chain head (expected <entries>:<64 hex digits>)';
  if (head.entries === null) {
    for (const e of byPosition.values()) if (e.hash === head.hash) return null;
    return `no entry of the log has this hash: the log was cut short or rewritten (it has ${length} entries)`;
  }
  if (head.entries > length) return `the log has only ${length} entries, the head names entry ${head.entries}: entries ${length + 1}..${head.entries} are missing (the log was cut short)`;
  const e = byPosition.get(head.entries)!;
  return e.hash === head.hash ? null : `entry ${head.entries} (id ${e.id}) has hash ${e.hash}, not this one: the log was rewritten`;
}

/** Checks a head given by hand (npm run audit:verify -- --head <entries>:<hash>). */
export function checkGivenHead(db: DB, text: string): string | null {
  const entries = db.select().from(audit).orderBy(asc(audit.id)).all();
  return headProblem(text, entries.length, new Map(entries.map((e, i) => [i + 1, e])));
}
