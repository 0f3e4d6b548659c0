// Type usage of the core API: compiled by `tsc --noEmit -p tests/types`, so
// the package's declarations are tested, not hoped for. The expected errors
// at the end must stay errors: they prove the types reject misuse.
import init, {
  exampleBacklog,
  validate,
  score,
  defaultOptions,
  Prioritiser,
  type Backlog,
  type Initiative,
  type Problem,
  type ScoreOptions,
  type ScoreOptionsInput,
  type ScoredInitiative,
  type Order,
  type TwosidedError,
  type ErrorCode,
  type Estimate,
} from "twosided";

// The browser entry: init() then use.
export async function startInBrowser(): Promise<number> {
  await init();
  return score(exampleBacklog()).length;
}

const backlog: Backlog = exampleBacklog();
const first: Initiative | undefined = backlog.initiatives[0];
const effort: Estimate = first?.effort ?? 1;
const range: Estimate = { low: 1, likely: 2, high: 5 };

const handWritten: Backlog = {
  initiatives: [
    {
      id: "filters",
      name: "Search filters",
      effort: range,
      kind: "platform",
      buyer: { reach: 1000, impact: 2, confidence: 0.8 },
      seller: { segments: [{ segment: "small", reach: 10, impact: 1, confidence: 0.5 }] },
      criteria: { conversion: 4, margin: { buyer: 2, seller: 3 } },
    },
  ],
  footing: { kind: "unitValue", buyer: 1, seller: 20, unit: "buyer-equivalents" },
  segments: { seller: [{ id: "small", name: "Small sellers", weight: 1.5 }] },
  scales: { ice: { kind: "range", min: 1, max: 10 } },
};

const problems: Problem[] = validate(handWritten);
const paths: string[] = problems.map((p) => `${p.code} at ${p.path}: ${p.message}`);

const defaults: ScoreOptions = defaultOptions();
const partial: Partial<ScoreOptions> = { framework: "wsjf", buyerWeight: 0.7 };
const input: ScoreOptionsInput = { strategy: "guardrail", guardrail: { delta: 0.5, primary: "seller" } };
const ranked: ScoredInitiative[] = score(backlog, partial);
score(backlog, input);
score(backlog, defaults);
score(backlog);

const top = ranked[0];
if (top) {
  const rank: number | null = top.rank;
  const sentence: string = top.explanation.sentence;
  const dominatedBy: string[] = top.pareto.dominatedBy;
  const buyerValue: number = top.buyer.value;
  void [rank, sentence, dominatedBy, buyerValue];
}

const prioritiser = new Prioritiser(backlog);
const { order, scores }: Order = prioritiser.order({ buyerWeight: 0.25 });
const bestIndex: number | undefined = order[0];
const bestScore: number | undefined = bestIndex === undefined ? undefined : scores[bestIndex];
prioritiser.setSegmentWeight("buyer", "new-buyers", 2);
const again: ScoredInitiative[] = prioritiser.rank();
const kept: Backlog = prioritiser.backlog();
prioritiser.free();

try {
  score({ initiatives: [] });
} catch (caught) {
  if (caught instanceof Error && caught.name === "TwosidedError") {
    const error = caught as TwosidedError;
    const code: ErrorCode = error.code;
    const where: string = error.path;
    const all: Problem[] = error.problems;
    void [code, where, all];
  }
}

// Misuse the types must reject.
// @ts-expect-error: not a framework
score(backlog, { framework: "moscow" });
// @ts-expect-error: buyerWeight is a number
score(backlog, { buyerWeight: "half" });
// @ts-expect-error: a side is "buyer" or "seller"
prioritiser.setSegmentWeight("buyers", "new-buyers", 2);
// @ts-expect-error: an initiative needs an effort
const noEffort: Initiative = { id: "x", name: "X" };
// @ts-expect-error: order is a Uint32Array, not an array of strings
const wrongOrder: string[] = prioritiser.order().order;

export { effort, paths, bestScore, again, kept, noEffort, wrongOrder };
