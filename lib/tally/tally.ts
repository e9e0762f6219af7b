// The tally: every nomination in award order, applying the one-award rule as awards fall.
// Expects input that passed parseTallyInput; plain data in, plain data out, same input same output.

import { decideAward } from './awards';
import type { IndexedDecision } from './decisions';
import { methods } from './methods';
import { displayOrder, rankedCandidate, ranks } from './ranking';
import { scaleSteps, type ScaleSteps } from './scale';
import { buildSheets, type Sheet } from './sheet';
import { headToHead, type HeadToHead } from './ties';
import { chainOf, type IndexedRunoff } from './runoff';
import { runoffElectorate, runoffEligibility } from './runoff-votes';
import type { NominationResult, Reason, TallyInput, TallyResult } from './types';

/** An earlier blocked award and the films whose awards may still change with its resolution. */
interface Unsettled {
  nomination: string;
  films: Set<string>;
}

export function tally(input: TallyInput): TallyResult {
  const scale = scaleSteps(input.scale);
  return tallySheets(input, scale, buildSheets(input, scale), headToHead);
}

/**
 * The tally over prepared score sheets, with head-to-head counts from `duelOf`. `tally` counts them
 * from the sheets; a recomputation from a `distributions` export (distributions.ts), which has
 * no juror linkage, takes them from the export's record instead.
 */
export function tallySheets(input: TallyInput, scale: ScaleSteps, sheets: Sheet[], duelOf: (sheet: Sheet) => HeadToHead): TallyResult {
  const method = methods[input.method];
  const { oneAwardPerFilm, exemptNominations, exAequo } = input.rules;
  const exempt = new Set(exemptNominations);

  const decisionsFor = new Map<string, IndexedDecision[]>();
  input.decisions.forEach((decision, index) => {
    const list = decisionsFor.get(decision.nomination) ?? [];
    list.push({ index, decision });
    decisionsFor.set(decision.nomination, list);
  });

  const runoffsFor = new Map<string, IndexedRunoff[]>();
  (input.runoffs ?? []).forEach((runoff, index) => {
    const list = runoffsFor.get(runoff.nomination) ?? [];
    list.push({ index, runoff });
    runoffsFor.set(runoff.nomination, list);
  });
  const eligibility = runoffEligibility(input);
  const tellNext = input.rules.tieBreak !== undefined;

  const wonIn = new Map<string, string>();
  const unsettled: Unsettled[] = [];

  const nominations = sheets.map((sheet): NominationResult => {
    const { nomination } = sheet;
    const candidates = nomination.candidates;
    const bound = oneAwardPerFilm && !exempt.has(nomination.code);
    const reasons: Reason[] = [];

    const films = new Set(candidates.map((c) => c.filmId));
    if (bound) {
      for (const u of unsettled) {
        if (![...films].some((f) => u.films.has(f))) continue;
        reasons.push({ code: 'depends_on_blocked', params: { nomination: u.nomination } });
        // This award may change too, and with it any film it goes to.
        for (const f of films) u.films.add(f);
      }
    }

    const passedOver = candidates.map((c) => (bound ? wonIn.get(c.filmId) : undefined));
    const inContention = passedOver.map((w) => w === undefined);
    const eligible = inContention.map((ok, c) => ok && sheet.counted[c] > 0);

    const standing = method(sheet, scale);
    const duel = duelOf(sheet);
    const order = displayOrder(sheet, standing, duel);
    const rank = ranks(sheet, standing, order);
    const flat = order.flat();
    const position = new Int32Array(sheet.cols);
    flat.forEach((c, i) => (position[c] = i));

    const award = decideAward({
      sheet,
      standing,
      duel,
      eligible,
      inContention,
      position,
      decisions: decisionsFor.get(nomination.code) ?? [],
      exAequo: exAequo[nomination.code],
      chain: {
        code: nomination.code,
        chain: chainOf(input, nomination.code),
        tellNext,
        exAequo: exAequo[nomination.code],
        runoffs: runoffsFor.get(nomination.code) ?? [],
        eligibility,
        // Only with tie-break rules: an input written before runoffs gives what it always gave.
        ...(tellNext && { electorate: runoffElectorate(input, nomination.code) }),
      },
    });

    // Passed-over candidates matter to the reader only where they would have been in the running.
    const bestEligible = flat.find((c) => eligible[c]);
    const cutoff = bestEligible === undefined ? Infinity : rank[bestEligible];
    for (const c of flat) {
      const w = passedOver[c];
      if (w !== undefined && sheet.counted[c] > 0 && rank[c] <= cutoff) {
        reasons.push({ code: 'passed_over_one_award', params: { candidate: candidates[c].id, film: candidates[c].filmId, wonIn: w } });
      }
    }
    const excluded = sheet.recusedExcluded.reduce((a, b) => a + b, 0);
    if (excluded > 0) reasons.push({ code: 'recused_excluded', params: { count: excluded } });
    reasons.push(...award.reasons);

    const ids = (cols: number[]) => cols.map((c) => candidates[c].id);
    if (bound && award.status === 'decided') {
      for (const c of award.winners) if (!wonIn.has(candidates[c].filmId)) wonIn.set(candidates[c].filmId, nomination.code);
    }
    if (bound && award.status === 'blocked') {
      unsettled.push({ nomination: nomination.code, films: new Set(award.tie!.map((c) => candidates[c].filmId)) });
    }

    const ranking = flat.map((c) => rankedCandidate(sheet, standing, c, rank[c], eligible[c], passedOver[c]));

    return {
      code: nomination.code,
      round: nomination.round,
      status: award.status,
      winners: ids(award.winners),
      ranking,
      tie: award.tie ? { candidates: ids(award.tie), places: award.places, ...(award.next && { next: award.next }) } : null,
      margin: award.margin,
      reasons,
      // Only where runoffs applied, so that a result without them is exactly what it was before runoffs.
      ...(award.runoffs.length ? { runoffs: award.runoffs } : {}),
    };
  });

  return { method: input.method, nominations };
}
