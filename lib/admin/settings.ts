// Festival settings: name, city, dates, the scale, the method, the award rules and the quorum. Setup only:
// from voting on, they are frozen (requireSetup).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { METHODS, nomination, PUBLICATION_LEVELS } from '@/db/schema';
import { Refusal, type ActionSpec } from '@/lib/server/action';
import { appendAudit } from '@/lib/audit';
import { requireSetup, updateEdition, updateJury } from '@/lib/festival/phase';
import { checkbox, numeric, text } from '@/lib/server/form';
import { QUORUM_FLOOR } from '@/lib/count/quorum';
import { chainOf, chainProblem, FINAL_STEPS, MAX_RUNOFFS } from '@/lib/runoff/chain';

const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v ?? null), z.string().trim().max(200).nullable());
const date = z.preprocess((v) => (v === '' || v == null ? null : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable());

const NominationRules = z.object({
  id: numeric.pipe(z.number().int().positive()),
  exemptOneAward: checkbox,
  exAequoAllowed: checkbox,
  maxWinners: numeric.pipe(z.number().int().min(1).max(50)),
  // The tie-break chain (lib/runoff/chain.ts): how many runoffs, then what settles the tie. Absent
  // (an older form, a script): the stored chain stays as it is.
  runoffs: numeric.pipe(z.number().int().min(0, 'tie_break_runoffs').max(MAX_RUNOFFS, 'tie_break_runoffs')).optional(),
  finalSteps: z.enum(FINAL_STEPS, { error: 'tie_break' }).optional(),
  runoffAbstention: checkbox,
});

/** FormData carries nomination rules as nom_<id>_exempt / nom_<id>_exaequo / nom_<id>_max. */
function collectNominations(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const r = raw as Record<string, unknown>;
  if (r.nominations !== undefined) return raw;
  const ids = new Set<string>();
  for (const k of Object.keys(r)) {
    const m = /^nom_(\d+)_max$/.exec(k);
    if (m) ids.add(m[1]);
  }
  return {
    ...r,
    nominations: [...ids].map((i) => ({
      id: i, exemptOneAward: r[`nom_${i}_exempt`], exAequoAllowed: r[`nom_${i}_exaequo`], maxWinners: r[`nom_${i}_max`],
      runoffs: r[`nom_${i}_runoffs`], finalSteps: r[`nom_${i}_final`], runoffAbstention: r[`nom_${i}_abstain`],
    })),
  };
}

// A scale's bounds and step have at most two decimals (1–10, 0–20 by 0.5, 1–5 by 0.25): a value such
// as 1e-320 would pass every range check and make no sense as a score.
const scaleNumber = numeric.pipe(z.number().refine((v) => Number(v.toFixed(2)) === v, { message: 'scale_precision' }));

// The quorum (lib/count/quorum.ts): empty for "all active jurors", else a whole number of at least 3.
// Every way of getting it wrong gets the one message that names the field and the rule.
const quorum = z.preprocess(
  (v) => (v === '' || v == null ? null : typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : v),
  z.number({ error: 'quorum' }).int('quorum').min(QUORUM_FLOOR, 'quorum').max(10000, 'quorum').nullable(),
);

export const SettingsInput = z.preprocess(
  collectNominations,
  z
    .object({
      name: text(200),
      city: text(200),
      // The other interface languages: optional here (an empty one is a readiness blocker instead).
      nameZh: optionalText, nameRu: optionalText, nameKk: optionalText,
      cityZh: optionalText, cityRu: optionalText, cityKk: optionalText,
      startsOn: date,
      endsOn: date,
      scaleMin: scaleNumber.pipe(z.number().min(-1000).max(1000)),
      scaleMax: scaleNumber.pipe(z.number().min(-1000).max(1000)),
      scaleStep: scaleNumber.pipe(z.number().positive().max(1000)),
      method: z.enum(METHODS),
      oneAwardPerFilm: checkbox,
      recusalByNationality: checkbox,
      quorum,
      // What the public learns besides the awards (README, "What each role can learn"); frozen with the rest.
      publicationLevel: z.enum(PUBLICATION_LEVELS).default('distributions'),
      nominations: z.array(NominationRules).max(50).default([]),
    })
    .superRefine((v, ctx) => {
      if (v.scaleMax <= v.scaleMin) ctx.addIssue({ code: 'custom', path: ['scaleMax'], message: 'scale_order' });
      const steps = (v.scaleMax - v.scaleMin) / v.scaleStep;
      if (Math.abs(steps - Math.round(steps)) > 1e-9) ctx.addIssue({ code: 'custom', path: ['scaleStep'], message: 'scale_step' });
      else if (steps > 1000) ctx.addIssue({ code: 'custom', path: ['scaleStep'], message: 'scale_step' });
      // With the nationality rule on, a published ballot lacks exactly its juror's country's films, and
      // the jury list with countries is public: the ballot would carry its juror's name.
      if (v.publicationLevel === 'anonymised_ballots' && v.recusalByNationality) ctx.addIssue({ code: 'custom', path: ['publicationLevel'], message: 'publication_nationality' });
      if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'dates_order' });
      for (const [i, n] of v.nominations.entries()) {
        if (!n.exAequoAllowed && n.maxWinners !== 1) ctx.addIssue({ code: 'custom', path: ['nominations', i, 'maxWinners'], message: 'max_winners' });
        // Named by the form field it is about (nom_<id>_final), so the form shows it beside that field.
        // Only on a well-formed count (a bad one already has its own issue, and no chain to check).
        const runoffs = n.runoffs ?? 0;
        if (!Number.isInteger(runoffs) || runoffs < 0 || runoffs > MAX_RUNOFFS) {
          ctx.addIssue({ code: 'custom', path: [`nom_${n.id}_runoffs`], message: 'tie_break_runoffs' });
          continue;
        }
        const problem = chainProblem(chainOf(runoffs, n.finalSteps ?? 'casting_vote,shared'), { allowed: n.exAequoAllowed, maxWinners: n.maxWinners });
        if (problem) ctx.addIssue({ code: 'custom', path: [`nom_${n.id}_final`], message: problem });
      }
    }),
);

export const saveSettingsSpec = {
  name: 'admin.saveSettings',
  roles: ['organiser'],
  schema: SettingsInput,
  revalidate: ['/admin'],
  handler: ({ user, input, tx }) => {
    const fest = requireSetup(tx);
    const { nominations, name, city, nameZh, nameRu, nameKk, cityZh, cityRu, cityKk, startsOn, endsOn, ...rules } = input;
    const known = new Map(tx.select({ id: nomination.id, code: nomination.code }).from(nomination).where(eq(nomination.juryId, fest.id)).all().map((n) => [n.id, n.code]));
    for (const n of nominations) if (!known.has(n.id)) throw new Refusal('nomination:not_found');
    updateEdition(tx, { name, city, nameZh, nameRu, nameKk, cityZh, cityRu, cityKk, startsOn, endsOn });
    updateJury(tx, rules);
    for (const n of nominations) {
      tx.update(nomination)
        .set({
          exemptOneAward: n.exemptOneAward, exAequoAllowed: n.exAequoAllowed, maxWinners: n.maxWinners,
          ...(n.runoffs !== undefined || n.finalSteps !== undefined
            ? { tieBreak: JSON.stringify(chainOf(n.runoffs ?? 0, n.finalSteps ?? 'casting_vote,shared')), runoffAbstention: n.runoffAbstention }
            : {}),
        })
        .where(eq(nomination.id, n.id))
        .run();
    }
    appendAudit(tx, {
      actorId: user.id,
      action: 'festival.settings',
      // What was set (the edition's fields and the jury's rules, as entered), and for which jury.
      payload: {
        jury: fest.id,
        name, city, nameZh, nameRu, nameKk, cityZh, cityRu, cityKk, startsOn, endsOn, ...rules,
        nominations: nominations.map(({ runoffs, finalSteps, ...n }) => ({
          ...n, code: known.get(n.id),
          ...(runoffs !== undefined || finalSteps !== undefined ? { tieBreak: chainOf(runoffs ?? 0, finalSteps ?? 'casting_vote,shared') } : { runoffAbstention: undefined }),
        })),
      },
    });
    return null;
  },
} satisfies ActionSpec<typeof SettingsInput, null>;
