// The room display's result of a closed runoff: most votes win the places; a shared last place
// with more candidates than places left is "tied again".
import { describe, expect, it } from 'vitest';
import { runoffResult, type RoomCandidate } from './room';

const c = (id: number): RoomCandidate => ({ id, person: null, originalTitle: `F${id}`, englishTitle: `F${id}`, titleZh: null, titleRu: null, titleKk: null });
const [a, b, d] = [c(1), c(2), c(3)];

describe('runoffResult', () => {
  it('gives the place to the most votes, counting abstentions apart', () => {
    const r = runoffResult([a, b], 1, [1, 1, 2, null, 1]);
    expect(r.winners).toEqual([a]);
    expect(r.counts.map((x) => [x.candidate.id, x.votes])).toEqual([[1, 3], [2, 1]]);
    expect(r.abstentions).toBe(1);
  });
  it('6–6 is tied again, among the tied only', () => {
    const r = runoffResult([a, b, d], 1, [1, 1, 2, 2, 3]);
    expect(r.winners).toBeNull();
    expect(r.stillTied).toEqual([a, b]);
  });
  it('two places: a clear second place wins, a shared second place is tied again', () => {
    expect(runoffResult([a, b, d], 2, [1, 1, 1, 2, 2, 3]).winners).toEqual([a, b]);
    expect(runoffResult([a, b, d], 2, [1, 1, 1, 2, 3]).stillTied).toEqual([b, d]);
  });
  it('no votes at all ties every candidate again', () => {
    expect(runoffResult([a, b], 1, []).winners).toBeNull();
  });
});
