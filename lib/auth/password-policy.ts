// The one rule for every password a person chooses (first sign-in, every change): at least 10
// characters and judged strong enough by zxcvbn-ts (a maintained strength estimator with common-
// password, name and keyboard-pattern dictionaries), also against the user's own login and name.
// The reason travels as a code (admin.field.password_weak_*), translated on the page.
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

export const MIN_PASSWORD = 10;
/** zxcvbn's score 3: "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  // Built on first use: the dictionaries take a moment to load and only password changes need them.
  factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs });
  return factory;
}

// zxcvbn's warning keys, grouped into the reasons a person can act on.
const REASON: Record<string, string> = {
  simpleRepeat: 'repeat', extendedRepeat: 'repeat',
  sequences: 'sequence', straightRow: 'sequence', keyPattern: 'sequence',
  topTen: 'common', topHundred: 'common', common: 'common', similarToCommon: 'common', pwned: 'common',
  wordByItself: 'words', namesByThemselves: 'words', commonNames: 'words',
  userInputs: 'personal',
  recentYears: 'dates', dates: 'dates',
};

export type PasswordProblem = 'password_short' | `password_weak_${'repeat' | 'sequence' | 'common' | 'words' | 'personal' | 'dates' | 'guessable'}`;

/** Why `password` is refused (a translatable code), or null when it is acceptable. */
export function passwordProblem(password: string, userInputs: readonly string[] = []): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD) return 'password_short';
  // zxcvbn's cost grows with length; beyond 100 characters a password is not guessable anyway.
  const r: ZxcvbnResult = estimator().check(password.slice(0, 100), userInputs.filter(Boolean).map((s) => s.toLowerCase()));
  if (r.score >= MIN_SCORE) return null;
  return `password_weak_${REASON[r.feedback.warning ?? ''] ?? 'guessable'}` as PasswordProblem;
}
