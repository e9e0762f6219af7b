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
  const inputs = userInputs.filter(Boolean).map((s) => s.toLowerCase());
  if (onlyUserInputs(password, inputs)) return 'password_weak_personal';
  const r: ZxcvbnResult = estimator().check(password.slice(0, 100), inputs);
  if (r.score >= MIN_SCORE) return null;
  return `password_weak_${REASON[r.feedback.warning ?? ''] ?? 'guessable'}` as PasswordProblem;
}

/**
 * A password that is nothing but the user inputs (names, logins, the festival's names) with digits,
 * spaces or punctuation around them: zxcvbn can rate "Sergey Azimov 2026" just above its threshold,
 * yet it is the first guess of anyone who knows the jury.
 */
function onlyUserInputs(password: string, inputs: string[]): boolean {
  let rest = password.toLowerCase();
  const before = rest.replace(/[\p{N}\p{P}\p{S}\s]+/gu, '');
  for (const input of [...inputs].sort((a, b) => b.length - a.length)) if (input.length >= 3) rest = rest.split(input).join(' ');
  const left = rest.replace(/[\p{N}\p{P}\p{S}\s]+/gu, '');
  return left.length < before.length && [...left].length < 4;
}
