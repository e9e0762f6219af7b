// A coded refusal: thrown inside an action's transaction (or its preparation), it rolls the
// transaction back and becomes the caller's translated message. Its own module (no 'server-only'),
// so that the checks that use it also run in the command-line scripts (audit:verify).
export class Refusal extends Error {
  constructor(
    public code: string,
    public params: Record<string, string | number> = {},
    /** What the form shows next to its fields (codes such as `wrong_password`), when the refusal is about one. */
    public fieldErrors?: Record<string, string[]>,
  ) {
    super(code);
  }
}
