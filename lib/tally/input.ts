// The input format as a zod schema, and parseTallyInput: schema first, then the checks a schema
// cannot express (references, duplicates, values on the scale). Unknown keys are dropped, so a
// larger export file that contains a tally input is accepted as is.

import { z } from 'zod';
import { TIE_BREAK_STEPS, type InputError, type Method, type ParseResult, type TallyInput } from './types';
import { semanticErrors } from './validate';

const id = z.string().min(1);

const methodNames = ['mean', 'trimmed_mean', 'median', 'normalized_mean', 'schulze'] as const satisfies readonly Method[];

export const DEFAULT_EXEMPT = ['best_actor', 'best_actress'];

const rules = z.object({
  oneAwardPerFilm: z.boolean().default(true),
  exemptNominations: z.array(id).default(() => [...DEFAULT_EXEMPT]),
  exAequo: z
    .record(z.string(), z.object({ allowed: z.boolean(), maxWinners: z.number().int().min(1) }))
    .default(() => ({})),
  recusalByNationality: z.boolean().default(false),
  // Absent in inputs written before runoffs: then every nomination follows DEFAULT_TIE_BREAK.
  tieBreak: z
    .record(z.string(), z.object({ chain: z.array(z.enum(TIE_BREAK_STEPS)).max(20), abstention: z.boolean().default(false) }))
    .optional(),
});

export const tallyInputSchema = z.object({
  version: z.literal(1),
  scale: z.object({ min: z.number(), max: z.number(), step: z.number().positive() }),
  method: z.enum(methodNames).default('mean'),
  rules: rules.prefault({}),
  films: z.array(z.object({ id, country: z.string(), competition: z.boolean() })),
  jurors: z.array(z.object({ id, country: z.string().nullable().default(null), chair: z.boolean().optional(), active: z.boolean().optional() })),
  nominations: z.array(
    z.object({
      code: id,
      kind: z.enum(['film', 'performance']),
      round: z.enum(['main', 'special']),
      candidates: z.array(z.object({ id, filmId: id, person: z.string().nullable().default(null) })),
    }),
  ),
  scores: z.array(z.object({ juror: id, candidate: id, value: z.number() })),
  recusals: z.array(z.object({ juror: id, film: id })).default(() => []),
  decisions: z
    .array(
      z.object({
        nomination: id,
        kind: z.enum(['casting_vote', 'shared', 'no_award']),
        tied: z.array(id),
        chosen: z.array(id),
      }),
    )
    .default(() => []),
  runoffs: z
    .array(
      z.object({
        nomination: id,
        tied: z.array(id),
        places: z.number().int().min(1).default(1),
        votes: z.array(z.object({ juror: id, choice: id.nullable() })),
      }),
    )
    .optional(),
  runoffsSkipped: z
    .array(z.object({ nomination: id, tied: z.array(id), places: z.number().int().min(1).default(1), entitled: z.number().int().min(0) }))
    .max(1_000)
    .optional(),
});

// The schema's output must be exactly the engine's input type.
type Parsed = z.output<typeof tallyInputSchema>;
const sameShape: [Parsed, TallyInput] extends [TallyInput, Parsed] ? true : never = true;
void sameShape;

export const MAX_ERRORS = 100;

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)),
    '',
  );
}

export function parseTallyInput(json: unknown): ParseResult {
  const parsed = tallyInputSchema.safeParse(json);
  let errors: InputError[];
  if (!parsed.success) {
    errors = parsed.error.issues.map((i) => ({ path: formatPath(i.path), code: `schema:${i.code}`, message: i.message }));
  } else {
    errors = semanticErrors(parsed.data, MAX_ERRORS + 1);
    if (errors.length === 0) return { ok: true, input: parsed.data };
  }
  if (errors.length > MAX_ERRORS) {
    errors = errors.slice(0, MAX_ERRORS);
    errors.push({ path: '', code: 'too_many_errors', message: `Only the first ${MAX_ERRORS} errors are listed.` });
  }
  return { ok: false, errors };
}
