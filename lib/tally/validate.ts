// Checks the schema cannot express: a consistent scale, unique ids, references that resolve,
// scores on the scale and its step, one score per juror and candidate, well-formed decisions and runoffs.

import { scaleSteps } from './scale';
import type { InputError, TallyInput } from './types';

/** Beyond this a scale is a mistake, and step counts must stay small integers. */
export const MAX_SCALE_STEPS = 1_000_000;

export function semanticErrors(input: TallyInput, limit = Infinity): InputError[] {
  const errors: InputError[] = [];
  const fail = (path: string, code: string, message: string) => {
    if (errors.length < limit) errors.push({ path, code, message });
  };

  const scale = scaleSteps(input.scale);
  if (!(input.scale.min < input.scale.max)) fail('scale.max', 'invalid:scale', 'The scale maximum must be above its minimum.');
  else if (scale.count === null) {
    fail('scale.step', 'invalid:scale_step', 'The scale must span a whole number of steps from minimum to maximum.');
  } else if (scale.count > MAX_SCALE_STEPS) {
    fail('scale.step', 'invalid:scale_step', `The scale may have at most ${MAX_SCALE_STEPS} steps.`);
  }
  const scaleOk = errors.length === 0;

  const unique = (ids: string[], path: (i: number) => string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) fail(path(i), `duplicate:${what}`, `The ${what} id "${id}" appears more than once.`);
      seen.add(id);
    });
    return seen;
  };
  const films = unique(input.films.map((f) => f.id), (i) => `films[${i}].id`, 'film');
  const jurors = unique(input.jurors.map((j) => j.id), (i) => `jurors[${i}].id`, 'juror');
  unique(input.nominations.map((n) => n.code), (i) => `nominations[${i}].code`, 'nomination');

  const nominationOf = new Map<string, string>();
  const candidateIndex = new Map<string, number>();
  input.nominations.forEach((n, i) =>
    n.candidates.forEach((c, k) => {
      const path = `nominations[${i}].candidates[${k}]`;
      if (candidateIndex.has(c.id)) fail(`${path}.id`, 'duplicate:candidate', `The candidate id "${c.id}" appears more than once.`);
      else {
        candidateIndex.set(c.id, candidateIndex.size);
        nominationOf.set(c.id, n.code);
      }
      if (!films.has(c.filmId)) fail(`${path}.filmId`, 'unknown:film', `No film has the id "${c.filmId}".`);
    }),
  );

  // A juror-by-candidate grid of flags: the tally holds a grid of that size anyway, and it keeps
  // this check linear (and quick) for a million scores.
  const jurorIndex = new Map([...jurors].map((id, i) => [id, i]));
  const stride = candidateIndex.size;
  const seen = new Uint8Array(jurorIndex.size * stride);
  for (let i = 0; i < input.scores.length; i++) {
    const s = input.scores[i];
    const j = jurorIndex.get(s.juror);
    const c = candidateIndex.get(s.candidate);
    const onScale = !scaleOk || scale.toSteps(s.value) !== null;
    if (j !== undefined && c !== undefined) {
      if (seen[j * stride + c]) {
        fail(`scores[${i}]`, 'duplicate:score', `Juror "${s.juror}" has more than one score for candidate "${s.candidate}".`);
      }
      seen[j * stride + c] = 1;
      if (onScale) continue;
    }
    if (j === undefined) fail(`scores[${i}].juror`, 'unknown:juror', `No juror has the id "${s.juror}".`);
    if (c === undefined) fail(`scores[${i}].candidate`, 'unknown:candidate', `No candidate has the id "${s.candidate}".`);
    if (!onScale) {
      const { min, max, step } = input.scale;
      const off = s.value < min || s.value > max;
      fail(
        `scores[${i}].value`,
        off ? 'invalid:score_range' : 'invalid:score_step',
        off ? `The score ${s.value} is outside the scale ${min}..${max}.` : `The score ${s.value} is not on the scale's step of ${step}.`,
      );
    }
  }

  input.recusals.forEach((r, i) => {
    if (!jurors.has(r.juror)) fail(`recusals[${i}].juror`, 'unknown:juror', `No juror has the id "${r.juror}".`);
    if (!films.has(r.film)) fail(`recusals[${i}].film`, 'unknown:film', `No film has the id "${r.film}".`);
  });

  input.decisions.forEach((d, i) => {
    const path = `decisions[${i}]`;
    if (!input.nominations.some((n) => n.code === d.nomination)) {
      fail(`${path}.nomination`, 'unknown:nomination', `No nomination has the code "${d.nomination}".`);
      return;
    }
    if (d.kind === 'no_award') {
      if (d.tied.length || d.chosen.length) fail(path, 'invalid:decision', 'A "no award" decision names no candidates: tied and chosen are empty.');
      return;
    }
    const tied = new Set(d.tied);
    if (tied.size !== d.tied.length || tied.size < 2) {
      fail(`${path}.tied`, 'invalid:decision', 'A tie lists at least two distinct candidates.');
    }
    d.tied.forEach((c, k) => {
      if (nominationOf.get(c) !== d.nomination) {
        fail(`${path}.tied[${k}]`, 'unknown:candidate', `"${c}" is not a candidate of ${d.nomination}.`);
      }
    });
    const chosen = new Set(d.chosen);
    if (chosen.size === 0 || chosen.size !== d.chosen.length || ![...chosen].every((c) => tied.has(c))) {
      fail(`${path}.chosen`, 'invalid:decision', 'The chosen candidates must be distinct and among the tied ones.');
    } else if (d.kind === 'casting_vote' && chosen.size !== 1) {
      fail(`${path}.chosen`, 'invalid:decision', 'A casting vote chooses exactly one candidate.');
    }
  });

  const codes = new Set(input.nominations.map((n) => n.code));
  for (const code of Object.keys(input.rules.tieBreak ?? {})) {
    if (!codes.has(code)) fail(`rules.tieBreak.${code}`, 'unknown:nomination', `No nomination has the code "${code}".`);
  }
  // A juror not on the jury, or recused from a tied film, is not an input error: such a vote is
  // simply not counted (the tally says so), as a recused score is not. These are records no runoff
  // could have produced.
  (input.runoffs ?? []).forEach((r, i) => {
    const path = `runoffs[${i}]`;
    if (!codes.has(r.nomination)) {
      fail(`${path}.nomination`, 'unknown:nomination', `No nomination has the code "${r.nomination}".`);
      return;
    }
    const tied = new Set(r.tied);
    if (tied.size !== r.tied.length || tied.size < 2) fail(`${path}.tied`, 'invalid:runoff', 'A runoff is held among at least two distinct candidates.');
    else if (r.places >= tied.size) fail(`${path}.places`, 'invalid:runoff', 'A runoff is for fewer places than it has candidates.');
    r.tied.forEach((c, k) => {
      if (nominationOf.get(c) !== r.nomination) fail(`${path}.tied[${k}]`, 'unknown:candidate', `"${c}" is not a candidate of ${r.nomination}.`);
    });
    const abstention = input.rules.tieBreak?.[r.nomination]?.abstention ?? false;
    const voted = new Set<string>();
    r.votes.forEach((v, k) => {
      if (voted.has(v.juror)) fail(`${path}.votes[${k}].juror`, 'duplicate:runoff_vote', `Juror "${v.juror}" has more than one vote in this runoff.`);
      voted.add(v.juror);
      if (v.choice === null) {
        if (!abstention) fail(`${path}.votes[${k}].choice`, 'invalid:abstention', `The rules of ${r.nomination} do not allow an abstention in a runoff.`);
      } else if (!tied.has(v.choice)) {
        fail(`${path}.votes[${k}].choice`, 'invalid:runoff_choice', `"${v.choice}" is not one of the candidates this runoff was held among.`);
      }
    });
  });
  return errors;
}
