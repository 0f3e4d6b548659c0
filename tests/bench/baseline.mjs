// The plain-JavaScript baseline: RICE for each side (reach x impact x
// confidence / effort, on the default unit-value footing of 1 per person)
// and a weighted-sum ranking, written the straightforward way. What a team
// would write instead of using the package.

/** RICE of one side; a side the initiative does not touch scores 0. */
function rice(side, effort) {
  if (!side) return 0;
  return (side.reach * side.impact * side.confidence) / effort;
}

/** Scores and ranks: [{ id, index, buyer, seller, score, rank }], best first. */
export function scoreAndRank(backlog, buyerWeight = 0.5) {
  const results = backlog.initiatives.map((item, index) => {
    const buyer = rice(item.buyer, item.effort);
    const seller = rice(item.seller, item.effort);
    return { id: item.id, index, buyer, seller, score: buyerWeight * buyer + (1 - buyerWeight) * seller, rank: 0 };
  });
  results.sort((a, b) => b.score - a.score || a.index - b.index);
  results.forEach((result, k) => { result.rank = k + 1; });
  return results;
}

/** The slider's hot path: side scores already known, re-weigh and re-sort. */
export function reorder(buyer, seller, buyerWeight) {
  const scores = new Float64Array(buyer.length);
  for (let i = 0; i < buyer.length; i++) scores[i] = buyerWeight * buyer[i] + (1 - buyerWeight) * seller[i];
  const order = Uint32Array.from(scores.keys());
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return { order, scores };
}
