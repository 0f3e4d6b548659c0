//! Sensitivity and uncertainty for JavaScript: `sweepWeights`, `simulate`,
//! and the chunked `Simulation` a Web Worker drives.

use super::convert::{from_js, from_js_or_default, to_js};
use crate::sensitivity::{self, SimulationOptions, SweepOptions};
use crate::Backlog;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const SENSITIVITY_TYPES: &'static str = r#"
/** Options for `sweepWeights`; every field may be left out. */
export interface SweepOptionsInput {
  /** Scoring options; `buyerWeight` is the current weight. */
  scoring?: ScoreOptionsInput;
  /** Size of the top group whose membership intervals are reported (default 5). */
  topK?: number;
  /** Follow ranks 1 to depth only (default: every rank). Makes large sweeps cheap. */
  depth?: number;
  /** Grid steps for strategies other than the weighted sum (default 100). */
  gridSteps?: number;
}

/** An interval of the buyer weight. */
export interface WeightInterval {
  from: number;
  to: number;
}

/** A rank held over an interval of w; `rank` is null below the depth or when excluded. */
export interface RankInterval {
  from: number;
  to: number;
  rank: number | null;
}

/** Two balanced scores crossing: above `weight`, `rises` ranks just above `falls`. */
export interface Crossing {
  weight: number;
  rises: string;
  falls: string;
  /** The rank `rises` takes. */
  rank: number;
}

/** One initiative's rank as the buyer weight moves. */
export interface SweepLine {
  id: string;
  name: string;
  index: number;
  /** Buyer value on the common footing (its score at w = 1). */
  buyer: number;
  /** Seller value on the common footing (its score at w = 0). */
  seller: number;
  currentRank: number | null;
  /** Exact: intervals covering [0, 1]. Grid: runs of grid points, with the change somewhere in each gap. */
  ranks: RankInterval[];
  /** Where it is in the top k. */
  topK: WeightInterval[];
  /** For a current top-k member: the interval around the current weight where it stays in the top k. */
  staysInTopK?: WeightInterval;
}

/** How the ranking depends on the buyer weight. */
export interface WeightSweep {
  method: "exact" | "grid";
  currentWeight: number;
  topK: number;
  depth: number;
  /** The weights evaluated (grid only). */
  grid: number[];
  /** Every crossing that changes a rank within the depth (exact only). */
  crossings: Crossing[];
  initiatives: SweepLine[];
}

/** Options for `simulate` and `new Simulation`; every field may be left out. */
export interface SimulationOptionsInput {
  scoring?: ScoreOptionsInput;
  /** The same seed gives the same result everywhere (a whole number up to 2^53 - 1; default 0). */
  seed?: number;
  /** Samples to draw, 1 to 100000 (default 10000). */
  samples?: number;
  /** Size of the top group (default 5). */
  topK?: number;
  /** Also plan every sample's roadmap (leave its `scoring` out) for the probability of making the plan. */
  plan?: PlanOptionsInput;
}

/** How far a simulation has got. */
export interface Progress {
  done: number;
  total: number;
  finished: boolean;
  cancelled: boolean;
}

/** One initiative's spread of outcomes across the samples. */
export interface InitiativeOutlook {
  id: string;
  name: string;
  index: number;
  /** Rank with every estimate at its likely value. */
  likelyRank: number | null;
  likelyScore: number;
  /** In 10% of samples it ranks here or better. */
  rankP10: number | null;
  rankP50: number | null;
  /** In 90% of samples it ranks here or better. */
  rankP90: number | null;
  topKProbability: number;
  expectedScore: number;
  /** With plan options: whether the plan of the likely values includes it. */
  inLikelyPlan?: boolean;
  /** With plan options: the share of samples whose plan includes it. */
  planProbability?: number;
}

/** The outcome of a simulation. */
export interface SimulationResult {
  seed: number;
  samples: number;
  requested: number;
  cancelled: boolean;
  topK: number;
  /** With plan options: samples whose draws no plan could meet. */
  planFailures?: number;
  /** How many estimates are ranges; 0 means every sample is the same. */
  rangedEstimates: number;
  /** Every initiative, in the order of its likely rank. */
  initiatives: InitiativeOutlook[];
}
"#;

/// How the ranking depends on the buyer weight w. For the weighted sum,
/// every crossing point is exact and each initiative's rank is given as
/// intervals of w; for other strategies the weight is sampled on a grid.
/// Current top-k members get the interval of w over which they stay there.
///
/// Throws a `TwosidedError`: "VALIDATION_FAILED", "INVALID_OPTION",
/// "PARSE_ERROR", or "LIMIT_EXCEEDED" when a large backlog's scores cross
/// too often (set `depth`).
///
/// @example
/// ```js
/// const sweep = sweepWeights(backlog, { scoring: { buyerWeight: 0.6 }, topK: 5, depth: 10 });
/// for (const line of sweep.initiatives) {
///   if (line.staysInTopK) console.log(line.name, line.staysInTopK.from, line.staysInTopK.to);
/// }
/// ```
#[wasm_bindgen(js_name = sweepWeights, unchecked_return_type = "WeightSweep")]
pub fn sweep_weights(
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SweepOptionsInput")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let backlog: Backlog = from_js(backlog, "")?;
    let options: SweepOptions = from_js_or_default(options, "options")?;
    to_js(&sensitivity::sweep_weights(&backlog, &options)?)
}

/// Monte Carlo over the estimates given as `{ low, likely, high }`, drawn
/// from triangular distributions with a seeded generator: per initiative its
/// rank distribution (p10, p50, p90), its probability of making the top k
/// and its expected balanced score. The same seed gives the same result as
/// the Rust library. For long runs, use `Simulation` in a Worker instead.
///
/// @example
/// ```js
/// const result = simulate(backlog, { seed: 7, samples: 10000, topK: 5 });
/// for (const i of result.initiatives) console.log(i.name, i.topKProbability);
/// ```
#[wasm_bindgen(unchecked_return_type = "SimulationResult")]
pub fn simulate(
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SimulationOptionsInput")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    let backlog: Backlog = from_js(backlog, "")?;
    let options: SimulationOptions = from_js_or_default(options, "options")?;
    to_js(&sensitivity::simulate(&backlog, &options)?)
}

/// A simulation run in chunks, so a page can report progress and cancel:
/// call `step(n)` until `finished`, then `result()`. Chunking never changes
/// the result. Call `free()` when done with it.
///
/// @example
/// ```js
/// const run = new Simulation(backlog, { seed: 1, samples: 20000 });
/// let progress;
/// do {
///   progress = run.step(500);
///   postMessage({ done: progress.done, total: progress.total });
/// } while (!progress.finished && !progress.cancelled);
/// const result = run.result();
/// run.free();
/// ```
#[wasm_bindgen(js_name = Simulation)]
pub struct JsSimulation {
    inner: sensitivity::Simulation,
}

#[wasm_bindgen(js_class = Simulation)]
impl JsSimulation {
    /// Validates the backlog and options. Throws a `TwosidedError` like
    /// `simulate`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SimulationOptionsInput")] options: Option<
            JsValue,
        >,
    ) -> Result<JsSimulation, JsValue> {
        let backlog: Backlog = from_js(backlog, "")?;
        let options: SimulationOptions = from_js_or_default(options, "options")?;
        Ok(JsSimulation {
            inner: sensitivity::Simulation::new(&backlog, &options)?,
        })
    }

    /// Draws up to `samples` more samples and returns the progress.
    #[wasm_bindgen(unchecked_return_type = "Progress")]
    pub fn step(&mut self, samples: u32) -> Result<JsValue, JsValue> {
        to_js(&self.inner.run(u64::from(samples))?)
    }

    /// How far the run has got.
    #[wasm_bindgen(unchecked_return_type = "Progress")]
    pub fn progress(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.progress())
    }

    /// Stops the run: later steps do nothing, and `result()` covers the
    /// samples drawn so far.
    pub fn cancel(&mut self) {
        self.inner.cancel();
    }

    /// The figures over the samples drawn so far.
    #[wasm_bindgen(unchecked_return_type = "SimulationResult")]
    pub fn result(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.result())
    }
}
