// Type usage of the review API, checked by `tsc --noEmit -p tests/types`.
import {
  exampleBacklog,
  reviewOutcomes,
  applyCorrections,
  score,
  type Backlog,
  type Initiative,
  type Review,
  type Correction,
  type CorrectionInput,
  type CorrectedBacklog,
  type FieldAccuracy,
  type Status,
  type Verdict,
} from "twosided";

const backlog: Backlog = exampleBacklog();
const shipped: Initiative = {
  id: "saved-cards",
  name: "Saved cards",
  effort: 2,
  goal: { baseline: 3.1, target: 3.4, unit: "%" },
  status: "reviewed",
  outcome: { effort: 3, buyer: { reach: 900, impact: 0.5 }, observed: 3.5, learning: "..." },
};
backlog.initiatives.push(shipped);

const review: Review = reviewOutcomes(backlog, { minReviewed: 4 });
const status: Status = review.initiatives[0]?.status ?? "launched";
const verdict: Verdict | undefined = review.initiatives[0]?.verdict;
const effort: FieldAccuracy | undefined = review.overall[0];
const median: number | null = effort?.medianRatio ?? null;
const rate: number | null = review.hitRate.rate;
const suggested: Correction[] = review.corrections;
const own: CorrectionInput[] = [{ field: "effort", factor: 1.6, problemSpace: "checkout" }];
const corrected: CorrectedBacklog = applyCorrections(backlog, [...suggested, ...own]);
const everything: CorrectedBacklog = applyCorrections(backlog);
const explanations: string[] = corrected.changes.map((c) => c.explanation);
const ranked = score(everything.backlog);
export const used = [status, verdict, median, rate, explanations, ranked.length];

// @ts-expect-error: status is one of the five names
const badStatus: Initiative = { id: "x", name: "x", effort: 1, status: "done" };
// @ts-expect-error: impact is never corrected
applyCorrections(backlog, [{ field: "impact", factor: 2 }]);
// @ts-expect-error: a goal needs a target
const badGoal: Initiative = { id: "x", name: "x", effort: 1, goal: { baseline: 1 } };
export const rejected = [badStatus, badGoal];
