// The runoffs and tie-break rules as tally input (lib/tally Runoff, RunoffRule). Only what is in
// force counts: closed runoffs that a reopened round has not set aside, in the order they closed.
// A festival that names no rule beyond the default chain and held no runoff gets no new field at
// all, so its tally input, result and final hash stay byte for byte what they were before runoffs.
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DB } from '@/db';
import type { Tx } from '@/lib/server/action';
import { nomination, runoff, runoffVote } from '@/db/schema';
import { getFestival } from '@/lib/festival/phase';
import { DEFAULT_TIE_BREAK, type Runoff, type RunoffRule, type TieBreakStep } from '@/lib/tally';

type Reader = DB | Tx;

export interface RunoffInput {
  /** Per nomination code whose chain differs from the default or that allows abstention; undefined when none does. */
  tieBreak: Record<string, RunoffRule> | undefined;
  /** Closed runoffs in force in closing order; undefined when there are none. */
  runoffs: Runoff[] | undefined;
}

/** A stored JSON text as is when it does not parse, so that parseTallyInput names the field instead of this throwing. */
function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const isDefault = (chain: unknown) =>
  Array.isArray(chain) && chain.length === DEFAULT_TIE_BREAK.length && chain.every((s, i) => s === DEFAULT_TIE_BREAK[i]);

/** A jury's rules and runoffs (the served jury's unless another is named). */
export function runoffInput(db: Reader, juryId = getFestival(db).id): RunoffInput {
  const noms = db
    .select({ id: nomination.id, code: nomination.code, tieBreak: nomination.tieBreak, abstention: nomination.runoffAbstention })
    .from(nomination)
    .where(eq(nomination.juryId, juryId))
    .orderBy(asc(nomination.position))
    .all();
  const rules: Record<string, RunoffRule> = {};
  for (const n of noms) {
    const chain = json(n.tieBreak);
    if (isDefault(chain) && !n.abstention) continue;
    rules[n.code] = { chain: chain as TieBreakStep[], abstention: n.abstention };
  }

  const codeOf = new Map(noms.map((n) => [n.id, n.code]));
  const held = db
    .select({ id: runoff.id, nominationId: runoff.nominationId, tied: runoff.tied, places: runoff.places })
    .from(runoff)
    .innerJoin(nomination, eq(nomination.id, runoff.nominationId))
    .where(and(eq(nomination.juryId, juryId), isNotNull(runoff.closedAt), isNull(runoff.setAsideAt)))
    .orderBy(asc(runoff.closedAt), asc(runoff.id))
    .all();
  const votes = new Map<number, Runoff['votes']>();
  if (held.length) {
    const rows = db.select({ runoffId: runoffVote.runoffId, juror: runoffVote.jurorId, choice: runoffVote.choice }).from(runoffVote).orderBy(asc(runoffVote.id)).all();
    for (const v of rows) {
      const list = votes.get(v.runoffId) ?? [];
      list.push({ juror: String(v.juror), choice: v.choice === null ? null : String(v.choice) });
      votes.set(v.runoffId, list);
    }
  }
  const runoffs: Runoff[] = held.map((r) => {
    const tied = json(r.tied);
    return {
      nomination: codeOf.get(r.nominationId) ?? String(r.nominationId),
      tied: (Array.isArray(tied) ? tied.map(String) : tied) as string[],
      places: r.places,
      votes: votes.get(r.id) ?? [],
    };
  });
  return { tieBreak: Object.keys(rules).length ? rules : undefined, runoffs: runoffs.length ? runoffs : undefined };
}

/**
 * The jurors who voted in a runoff that is not set aside (open or closed). By the deactivation rule
 * (lib/juror/standing.ts) a vote cast counts like a submitted ballot: deactivating its juror
 * afterwards never withdraws it. Were it dropped, the chair could have a juror without a counted
 * ballot deactivated after a runoff and read that juror's choice from the tally's difference.
 */
export function runoffVoterIds(db: Reader, juryId = getFestival(db).id): Set<number> {
  return new Set(
    db.select({ juror: runoffVote.jurorId }).from(runoffVote).innerJoin(runoff, eq(runoff.id, runoffVote.runoffId)).innerJoin(nomination, eq(nomination.id, runoff.nominationId))
      .where(and(eq(nomination.juryId, juryId), isNull(runoff.setAsideAt))).all().map((v) => v.juror),
  );
}

/**
 * The receipts of the votes of every runoff in force, for the published results: each juror can
 * check that their vote was counted as cast. By nomination and runoff (its place in closing order,
 * from 1), sorted by receipt so that the list says nothing of who voted what or when.
 */
export function runoffReceiptList(db: Reader, juryId = getFestival(db).id): { nomination: string; runoff: number; receipt: string }[] {
  const held = db
    .select({ id: runoff.id, code: nomination.code })
    .from(runoff)
    .innerJoin(nomination, eq(nomination.id, runoff.nominationId))
    .where(and(eq(nomination.juryId, juryId), isNotNull(runoff.closedAt), isNull(runoff.setAsideAt)))
    .orderBy(asc(runoff.closedAt), asc(runoff.id))
    .all();
  const order = new Map(held.map((r, i) => [r.id, { code: r.code, n: i + 1 }]));
  return db
    .select({ runoffId: runoffVote.runoffId, receipt: runoffVote.receipt })
    .from(runoffVote)
    .all()
    .flatMap((v) => {
      const r = order.get(v.runoffId);
      return r ? [{ nomination: r.code, runoff: r.n, receipt: v.receipt }] : [];
    })
    .sort((a, b) => a.runoff - b.runoff || (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0));
}
