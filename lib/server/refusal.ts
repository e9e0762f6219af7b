// A coded refusal: thrown inside an action's transaction, it rolls the transaction back and becomes
// the caller's translated message. Its own module (no 'server-only'), so that the checks that use it
// also run in the command-line scripts (audit:verify).
export class Refusal extends Error {
  constructor(
    public code: string,
    public params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}
