// The order in which a juror sees the candidates: a shuffle seeded by the juror and the film, so it
// is fixed for that juror (the same in every nomination and on every device) but favours no film
// across the jury: each film's position is a hash, not the organisers' list order.
import { createHash } from 'node:crypto';

export function jurorOrderKey(jurorId: number, filmId: number): string {
  return createHash('sha256').update(`jury-order:${jurorId}:${filmId}`).digest('hex');
}

export function orderForJuror<T extends { id: number; filmId: number }>(jurorId: number, items: T[]): T[] {
  return items
    .map((item) => ({ item, key: jurorOrderKey(jurorId, item.filmId) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.item.id - b.item.id))
    .map(({ item }) => item);
}
