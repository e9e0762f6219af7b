// Why two candidates with the same aggregate stand at different ranks on the chair's desk: the ranking
// orders equal aggregates by head-to-head (lib/tally/ranking.ts), and a desk that shows 5.40 at 4th and
// 5.40 at 5th must say so. Schulze ranks by its own path strengths, not by an aggregate, so it has none.
// Only between shown aggregates: one withheld (fewer than 3 scores) is never compared aloud.
type Row = { candidate: string; rank: number; aggregate: { exact: string } | null };

/** For each candidate, the others with the same shown aggregate at a different rank. */
export function rankedApart(ranking: Row[], method: string, withheld: Record<string, unknown> = {}): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (method === 'schulze') return out;
  for (const r of ranking) {
    if (!r.aggregate || withheld[r.candidate]) continue;
    const others = ranking.filter((o) => o.candidate !== r.candidate && o.aggregate?.exact === r.aggregate!.exact && o.rank !== r.rank && !withheld[o.candidate]);
    if (others.length) out.set(r.candidate, others.map((o) => o.candidate));
  }
  return out;
}
