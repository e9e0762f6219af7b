// Exact fractions of BigInts: means and medians are compared with these so that
// a tie is a tie and never an accident of floating point rounding.

export interface Rational {
  readonly n: bigint;
  /** Always positive; the fraction is kept in lowest terms. */
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  let nb = BigInt(n);
  let db = BigInt(d);
  if (db === 0n) throw new RangeError('rational with zero denominator');
  if (db < 0n) {
    nb = -nb;
    db = -db;
  }
  const g = gcd(nb, db);
  return g > 1n ? { n: nb / g, d: db / g } : { n: nb, d: db };
}

export const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rat(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);

export function cmp(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * The exact value a JSON number was written as: 0.1 means 1/10, not the binary float nearest to it.
 * The shortest round-trip decimal that JavaScript prints is what the author typed for any sane scale.
 */
export function fromDecimal(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(x));
  if (!m) throw new RangeError(`cannot read ${x} as a decimal`);
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? 0) - frac.length;
  let n = BigInt(m[2] + frac);
  if (m[1]) n = -n;
  return exp >= 0 ? rat(n * 10n ** BigInt(exp)) : rat(n, 10n ** BigInt(-exp));
}

/** "15/2", or "8" for a whole number. */
export function exact(r: Rational): string {
  return r.d === 1n ? r.n.toString() : `${r.n}/${r.d}`;
}

/** Rounded half away from zero to a fixed number of decimals, e.g. "7.50". */
export function display(r: Rational, decimals = 2): string {
  const scale = 10n ** BigInt(decimals);
  const neg = r.n < 0n;
  const abs = (neg ? -r.n : r.n) * scale;
  let q = abs / r.d;
  if (2n * (abs % r.d) >= r.d) q += 1n;
  const digits = q.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const text = decimals > 0 ? `${whole}.${digits.slice(digits.length - decimals)}` : whole;
  return neg && q !== 0n ? `-${text}` : text;
}
