// parseTallyInput: the schema, the defaults, and the coded errors for what a schema cannot see.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_ERRORS, parseTallyInput } from '../input';
import { tally } from '../tally';
import type { InputError } from '../types';
import { singleNomination } from './helpers';

const example = JSON.parse(readFileSync(new URL('../../../docs/tally-example.json', import.meta.url), 'utf8'));
const valid = () => JSON.parse(JSON.stringify(singleNomination({ j1: [7, 8], j2: [6, 9] })));

function errorsOf(json: unknown): InputError[] {
  const r = parseTallyInput(json);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}
const codes = (json: unknown) => errorsOf(json).map((e) => `${e.path} ${e.code}`);

describe('parseTallyInput', () => {
  it('accepts a valid input and returns it unchanged', () => {
    const json = valid();
    const r = parseTallyInput(json);
    expect(r).toEqual({ ok: true, input: json });
  });

  it('fills the documented defaults', () => {
    const json = valid();
    delete json.rules;
    delete json.recusals;
    delete json.decisions;
    delete json.method;
    json.jurors = [{ id: 'j1' }, { id: 'j2' }];
    json.nominations[0].candidates.forEach((c: Record<string, unknown>) => delete c.person);
    const r = parseTallyInput(json);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.method).toBe('mean');
    expect(r.input.rules).toEqual({
      oneAwardPerFilm: true,
      exemptNominations: ['best_actor', 'best_actress'],
      exAequo: {},
      recusalByNationality: false,
    });
    expect(r.input.recusals).toEqual([]);
    expect(r.input.decisions).toEqual([]);
    expect(r.input.jurors[0].country).toBeNull();
    expect(r.input.nominations[0].candidates[0].person).toBeNull();
  });

  it('ignores unknown keys, so a larger export file is accepted', () => {
    const json = { ...valid(), festival: { name: 'SCO' }, awards: [], exportedAt: '2018-06-17' };
    const r = parseTallyInput(json);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.input)).not.toContain('festival');
  });

  it('parses the documented example', () => {
    const r = parseTallyInput(example);
    expect(r.ok).toBe(true);
    if (r.ok) expect(tally(r.input).nominations).toHaveLength(4);
  });

  it('never throws on garbage', () => {
    for (const junk of [null, undefined, 42, 'x', [], {}, { version: 1 }, { version: 2, scale: 'big' }]) {
      expect(parseTallyInput(junk).ok).toBe(false);
    }
  });

  it('reports schema errors with paths', () => {
    const json = valid();
    json.version = 2;
    json.method = 'borda';
    json.scores[1].value = '7';
    json.films[0].competition = 'yes';
    expect(codes(json)).toEqual([
      'version schema:invalid_value',
      'method schema:invalid_value',
      'films[0].competition schema:invalid_type',
      'scores[1].value schema:invalid_type',
    ]);
  });

  describe('the scale', () => {
    it('needs max above min', () => {
      const json = valid();
      json.scale = { min: 5, max: 5, step: 1 };
      expect(codes(json)).toEqual(['scale.max invalid:scale']);
    });
    it('needs a whole number of steps', () => {
      const json = valid();
      json.scale = { min: 1, max: 10, step: 2 };
      expect(codes(json)).toEqual(['scale.step invalid:scale_step']);
    });
    it('needs a positive step', () => {
      const json = valid();
      json.scale.step = 0;
      expect(codes(json)).toEqual(['scale.step schema:too_small']);
    });
  });

  describe('scores', () => {
    it('must lie on the scale', () => {
      const json = valid();
      json.scores[0].value = 11;
      json.scores[1].value = 0;
      expect(codes(json)).toEqual(['scores[0].value invalid:score_range', 'scores[1].value invalid:score_range']);
    });

    it('must lie on the step, exactly', () => {
      const json = valid();
      json.scale.step = 0.5;
      json.scores[0].value = 7.25;
      json.scores[1].value = 7.5000000001; // within float noise of 7.5, still not on the step
      json.scores[2].value = 6.5;
      expect(codes(json)).toEqual(['scores[0].value invalid:score_step', 'scores[1].value invalid:score_step']);
    });

    it('accept decimal steps that floats cannot represent', () => {
      const json = valid();
      json.scale = { min: 0, max: 1, step: 0.1 };
      json.scores.forEach((s: { value: number }, i: number) => (s.value = [0.3, 0.7, 0.1, 1][i]));
      expect(parseTallyInput(json).ok).toBe(true);
    });

    it('are one per juror and candidate', () => {
      const json = valid();
      json.scores.push({ ...json.scores[0], value: 3 });
      expect(codes(json)).toEqual(['scores[4] duplicate:score']);
    });

    it('reference known jurors and candidates', () => {
      const json = valid();
      json.scores[0].juror = 'ghost';
      json.scores[1].candidate = 'best_film:Z';
      expect(codes(json)).toEqual(['scores[0].juror unknown:juror', 'scores[1].candidate unknown:candidate']);
    });
  });

  it('wants unique ids and known films', () => {
    const json = valid();
    json.films.push({ ...json.films[0] });
    json.jurors.push({ ...json.jurors[0] });
    json.nominations.push({ ...json.nominations[0], candidates: [{ id: 'best_film:A', filmId: 'Q', person: null }] });
    expect(codes(json)).toEqual([
      'films[2].id duplicate:film',
      'jurors[2].id duplicate:juror',
      'nominations[1].code duplicate:nomination',
      'nominations[1].candidates[0].id duplicate:candidate',
      'nominations[1].candidates[0].filmId unknown:film',
    ]);
  });

  it('checks recusals', () => {
    const json = valid();
    json.recusals = [{ juror: 'j9', film: 'Z' }];
    expect(codes(json)).toEqual(['recusals[0].juror unknown:juror', 'recusals[0].film unknown:film']);
  });

  it('checks decisions', () => {
    const json = valid();
    const [a, b] = ['best_film:A', 'best_film:B'];
    json.decisions = [
      { nomination: 'best_actor', kind: 'casting_vote', tied: [a, b], chosen: [a] },
      { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [a, b] },
      { nomination: 'best_film', kind: 'shared', tied: [a, b], chosen: ['best_film:C'] },
      { nomination: 'best_film', kind: 'casting_vote', tied: [a, 'best_actor:x'], chosen: [a] },
      { nomination: 'best_film', kind: 'casting_vote', tied: [a], chosen: [a] },
      { nomination: 'best_film', kind: 'shared', tied: [a, b], chosen: [] },
    ];
    expect(codes(json)).toEqual([
      'decisions[0].nomination unknown:nomination',
      'decisions[1].chosen invalid:decision',
      'decisions[2].chosen invalid:decision',
      'decisions[3].tied[1] unknown:candidate',
      'decisions[4].tied invalid:decision',
      'decisions[5].chosen invalid:decision',
    ]);
  });

  it('gives every error a readable message', () => {
    const json = valid();
    json.scores[0].value = 99;
    expect(errorsOf(json)[0].message).toBe('The score 99 is outside the scale 1..10.');
  });

  it('caps the list of errors', () => {
    const json = valid();
    json.scores = Array.from({ length: 500 }, () => ({ juror: 'nobody', candidate: 'best_film:A', value: 5 }));
    const errors = errorsOf(json);
    expect(errors).toHaveLength(MAX_ERRORS + 1);
    expect(errors[MAX_ERRORS].code).toBe('too_many_errors');
  });
});
