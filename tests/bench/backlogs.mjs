// Generated backlogs for the benchmarks: `count` initiatives with varied
// per-side RICE estimates, deterministic (a fixed xorshift seed), valid.

/** A deterministic generator of numbers in [0, 1). */
export function generator(seed = 0x2545f491) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

const IMPACTS = [-1, -0.5, 0, 0.25, 0.5, 1, 2, 3];
const CONFIDENCES = [0.5, 0.8, 1];

/** A valid backlog of `count` initiatives. */
export function generatedBacklog(count, seed) {
  const random = generator(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const side = () => ({ reach: Math.round(random() * 10_000), impact: pick(IMPACTS), confidence: pick(CONFIDENCES) });
  const initiatives = [];
  for (let i = 0; i < count; i++) {
    const item = { id: `i${i}`, name: `Initiative ${i}`, effort: 0.5 + Math.round(random() * 40) / 4 };
    if (random() < 0.9) item.buyer = side();
    if (random() < 0.7) item.seller = side();
    initiatives.push(item);
  }
  return { initiatives };
}
