// Messages whose key is built at run time from a code (a refusal's, an audit action's, a tally
// reason's): the compiler cannot check such a key against the messages' types (i18n/app-config.ts),
// so has() checks it here before it is translated. Keys written in the code are left to the compiler.
export type Values = Record<string, string | number>;

/** A translator from useTranslations or getTranslations, as a function of keys K. */
export type Lookup<K extends string = string> = { (key: K, values?: Values): string; has(key: K): boolean };

/** `t(key, values)` when the messages have `key`, else `fallback()`. */
export function translateKnown<K extends string, F = string>(t: Lookup<K>, key: string, fallback: () => F, values?: Values): string | F {
  return t.has(key as K) ? t(key as K, values) : fallback();
}
