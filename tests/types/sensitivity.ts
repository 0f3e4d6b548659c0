// Type usage of the sensitivity API, checked with `tsc --noEmit`.
import {
  exampleBacklog,
  simulate,
  sweepWeights,
  Simulation,
  type Progress,
  type SimulationResult,
  type SweepLine,
  type WeightSweep,
} from "twosided";

const backlog = exampleBacklog();

const sweep: WeightSweep = sweepWeights(backlog, { scoring: { buyerWeight: 0.7 }, topK: 3, depth: 8 });
const method: "exact" | "grid" = sweep.method;
const top: SweepLine[] = sweep.initiatives.filter((line) => line.staysInTopK !== undefined);
const firstRank: number | null = sweep.initiatives[0].ranks[0].rank;
const crossingWeights: number[] = sweep.crossings.map((c) => c.weight);
sweepWeights(backlog);

const result: SimulationResult = simulate(backlog, { seed: 7, samples: 1000, topK: 5 });
const probability: number = result.initiatives[0].topKProbability;
const median: number | null = result.initiatives[0].rankP50;

const run = new Simulation(backlog, { seed: 1 });
const progress: Progress = run.step(100);
const finished: boolean = progress.finished;
run.cancel();
const partial: SimulationResult = run.result();
run.free();

// @ts-expect-error seed must be a number
simulate(backlog, { seed: "seven" });
// @ts-expect-error unknown option
sweepWeights(backlog, { steps: 4 });

export { method, top, firstRank, crossingWeights, probability, median, finished, partial };
