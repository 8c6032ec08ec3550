/**
 * How well a query name matches a listed name, from 0 to 1, over distinct normalised tokens (so
 * word order never matters: `PUTIN, Vladimir` = `Vladimir Putin`). With m shared tokens, the two
 * coverages are m / |query| and m / |listed|, and
 *
 *     score = 0.75 × the larger coverage + 0.25 × the smaller one.
 *
 * It is symmetric, 1 only for the same token set, and a name wholly inside the other scores by how
 * much of the other it covers: `Vladimir Putin` for `PUTIN, Vladimir Vladimirovich` 0.92 (a hit
 * at 0.9), `Putin` alone 0.83 (review), `Hassan Ali Mohammed Yusuf` for `ALI, Hassan` 0.88
 * (review). Names that only overlap score low: `Igor Petrov` for `KOROBOV, Igor Valentinovich`
 * 0.46. Rounded to 4 decimals so the figure prints and compares the same everywhere.
 */
export function nameScore(matched: number, queryTokens: number, listedTokens: number): number {
  if (matched === 0 || queryTokens === 0 || listedTokens === 0) return 0;
  const query = matched / queryTokens;
  const listed = matched / listedTokens;
  return Math.round((0.75 * Math.max(query, listed) + 0.25 * Math.min(query, listed)) * 10_000) / 10_000;
}
