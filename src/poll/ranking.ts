// The visitor's ranking as it is being made: pure moves on an ordered list of option ids, at most
// `max` long (the first is the most important). Every move returns a new list.

/** Puts `id` at place `rank` (1-based; 0: not ranked). An option pushed past the last place drops out. */
export function placeAt(ranking: readonly string[], id: string, rank: number, max: number): string[] {
  const rest = ranking.filter((other) => other !== id);
  if (rank < 1) return rest;
  rest.splice(Math.min(rank - 1, rest.length), 0, id);
  return rest.slice(0, max);
}

/**
 * One place up. An unranked option enters at the last place (taking it when the ranking is full).
 */
export function moveUp(ranking: readonly string[], id: string, max: number): string[] {
  const index = ranking.indexOf(id);
  if (index === 0) return [...ranking];
  return placeAt(ranking, id, index < 0 ? Math.min(ranking.length + 1, max) : index, max);
}

/** One place down; from the last place, out of the ranking. */
export function moveDown(ranking: readonly string[], id: string, max: number): string[] {
  const index = ranking.indexOf(id);
  if (index < 0) return [...ranking];
  return placeAt(ranking, id, index === ranking.length - 1 ? 0 : index + 2, max);
}
