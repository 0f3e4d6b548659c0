// Type usage of the roadmap API: compiled by `tsc --noEmit -p tests/types`.
// The expected errors at the end must stay errors.
import {
  exampleBacklog,
  planRoadmap,
  compareRoadmaps,
  type PlanOptionsInput,
  type Roadmap,
  type RoadmapComparison,
  type LeftOutReason,
  type NamedRoadmap,
  type PeriodPlan,
  type KindAllocation,
  type ScenarioSummary,
} from "twosided";

const options: PlanOptionsInput = {
  periods: [
    { name: "2027-Q1", capacity: 12 },
    { name: "2027-Q2", capacity: 12, length: 1 },
  ],
  scoring: { buyerWeight: 0.6, strategy: "nash" },
  targets: [{ kind: "platform", min: 0.2 }, { kind: "operational", max: 0.15 }],
  targetScope: "eachPeriod",
  pins: { include: ["a"], exclude: ["b"], fixed: [{ id: "c", period: "2027-Q1" }] },
  costOfDelay: { periodsAfterPlan: 1 },
  teamCapacities: [{ problemSpace: "search", capacity: 4 }],
  timeBudgetMs: 500,
};

const roadmap: Roadmap = planRoadmap(exampleBacklog(), options);
const planned: boolean = roadmap.optimal;
const status: "optimal" | "stoppedEarly" = roadmap.status;
const first: PeriodPlan | undefined = roadmap.plan.periods[0];
const allocation: KindAllocation[] = first?.allocation ?? [];
const reasons: LeftOutReason[] = roadmap.leftOut.map((l) => l.reason);
const gain: number | undefined = roadmap.gainOverGreedy;
const defaults: Roadmap = planRoadmap(exampleBacklog());

const scenarios: NamedRoadmap[] = [
  { name: "Now", roadmap },
  { name: "Defaults", roadmap: defaults },
];
const comparison: RoadmapComparison = compareRoadmaps(scenarios);
const summary: ScenarioSummary | undefined = comparison.scenarios[0];
const moved: (string | null)[] = comparison.differences.flatMap((d) => d.moved.map((m) => m.toPeriod));
const dominant: string[] = comparison.dominance.map((d) => d.dominant);

export const used = [planned, status, allocation, reasons, gain, summary, moved, dominant];

// @ts-expect-error a capacity is a number
planRoadmap(exampleBacklog(), { periods: [{ name: "Q1", capacity: "12" }] });
// @ts-expect-error targets name a kind of work
planRoadmap(exampleBacklog(), { targets: [{ kind: "marketing", min: 0.1 }] });
// @ts-expect-error scenarios need a roadmap
compareRoadmaps([{ name: "Empty" }]);
