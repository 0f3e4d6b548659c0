//! Structured input for the fuzz targets: backlogs and options derived from
//! the fuzzer's bytes, shaped like the real JSON so that almost every input
//! reaches scoring instead of stopping at the parser. Numbers come from a
//! list of awkward values (0, -0, NaN, infinities, the limits and just past
//! them, subnormals) or from raw bits.

use serde_json::{json, Map, Value};

/// Reads the fuzzer's bytes as a stream of choices; zeros once exhausted.
pub struct Source<'a> {
    bytes: &'a [u8],
}

impl<'a> Source<'a> {
    /// A stream over `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Source { bytes }
    }

    /// The next byte (0 when exhausted).
    pub fn byte(&mut self) -> u8 {
        match self.bytes.split_first() {
            Some((first, rest)) => {
                self.bytes = rest;
                *first
            }
            None => 0,
        }
    }

    /// A choice in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::from(self.byte()) % n.max(1)
    }

    /// A coin toss.
    pub fn flip(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    /// One of `items`.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// An awkward or ordinary number.
    pub fn number(&mut self) -> f64 {
        const AWKWARD: [f64; 32] = [
            0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 3.0, 10.0, 100.0, 0.25, 0.8, 13.0, 20.0, 1e5,
            100_000.000_001, 1e6, 1e10, 1.000_000_1e10, 1e300, -1e300, f64::MAX, f64::MIN,
            f64::MIN_POSITIVE, 5e-324, f64::EPSILON, 1e-9, -3.0, -10.0, 11.0, 7.0, 0.999, 450.0,
        ];
        match self.below(4) {
            0 | 1 => self.pick(&AWKWARD),
            2 => f64::from(self.byte()) - 20.0,
            _ => {
                let mut bits = [0u8; 8];
                for b in &mut bits {
                    *b = self.byte();
                }
                f64::from_bits(u64::from_le_bytes(bits))
            }
        }
    }

    /// A number as JSON: non-finite ones as `null` (JSON has none), so the
    /// core's own finiteness checks are reached through `Value` only.
    pub fn json_number(&mut self) -> Value {
        let n = self.number();
        serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
    }

    /// An estimate: a number, or a low/likely/high range (maybe unordered).
    pub fn estimate(&mut self) -> Value {
        if self.below(4) == 0 {
            json!({ "low": self.json_number(), "likely": self.json_number(), "high": self.json_number() })
        } else {
            self.json_number()
        }
    }

    /// Short text, sometimes hostile (markup, quotes, non-ASCII, long).
    pub fn text(&mut self) -> String {
        const TEXTS: [&str; 12] = [
            "a", "b", "c", "", " ", "<script>alert(1)</script>", "é\u{202e}ü", "\"'\\",
            "new", "repeat", "x\u{0}y", "=SUM(A1)",
        ];
        match self.below(6) {
            0 => "w".repeat(self.below(300)),
            1 => format!("id-{}", self.below(12)),
            _ => self.pick(&TEXTS).to_string(),
        }
    }

    /// An id among a few, so dependencies and segments sometimes match.
    pub fn id(&mut self) -> String {
        format!("i{}", self.below(10))
    }
}

fn side(source: &mut Source<'_>, segments: &[String]) -> Value {
    let mut side = Map::new();
    if source.flip() && !segments.is_empty() {
        let count = source.below(4);
        let list: Vec<Value> = (0..count)
            .map(|_| {
                let segment = if source.below(5) == 0 {
                    source.text()
                } else {
                    source.pick(&[0, 1, 2]).to_string()
                };
                let segment = segments.get(segment.parse::<usize>().unwrap_or(99)).cloned().unwrap_or(segment);
                json!({
                    "segment": segment,
                    "reach": source.estimate(),
                    "impact": source.estimate(),
                    "confidence": source.estimate(),
                })
            })
            .collect();
        side.insert("segments".into(), Value::Array(list));
    }
    for field in ["reach", "impact", "confidence"] {
        if source.below(5) != 0 {
            side.insert(field.into(), source.estimate());
        }
    }
    Value::Object(side)
}

fn initiative(source: &mut Source<'_>, index: usize, segments: &[String]) -> Value {
    let mut item = Map::new();
    let id = if source.below(8) == 0 { source.text() } else { format!("i{index}") };
    item.insert("id".into(), json!(id));
    item.insert("name".into(), json!(source.text()));
    item.insert("effort".into(), source.estimate());
    if source.below(3) != 0 {
        item.insert("buyer".into(), side(source, segments));
    }
    if source.below(3) != 0 {
        item.insert("seller".into(), side(source, segments));
    }
    if source.flip() {
        let deps: Vec<Value> = (0..source.below(4)).map(|_| json!(source.id())).collect();
        item.insert("dependencies".into(), Value::Array(deps));
    }
    if source.below(4) == 0 {
        item.insert(
            "ice".into(),
            json!({ "buyerImpact": source.estimate(), "sellerImpact": source.estimate(),
                    "confidence": source.estimate(), "ease": source.estimate() }),
        );
    }
    if source.below(4) == 0 {
        item.insert(
            "wsjf".into(),
            json!({ "buyerValue": source.estimate(), "sellerValue": source.estimate(),
                    "timeCriticality": source.estimate(), "riskReduction": source.estimate(),
                    "jobSize": source.estimate() }),
        );
    }
    if source.below(4) == 0 {
        let mut criteria = Map::new();
        for _ in 0..source.below(4) {
            let key = source.pick(&["conversion", "strategic-fit", "risk", "cost", "x"]);
            let value = if source.flip() {
                source.json_number()
            } else {
                json!({ "buyer": source.json_number(), "seller": source.json_number() })
            };
            criteria.insert(key.into(), value);
        }
        item.insert("criteria".into(), Value::Object(criteria));
    }
    if source.below(4) == 0 {
        item.insert("moscow".into(), json!(source.pick(&["must", "should", "could", "wont"])));
    }
    if source.below(4) == 0 {
        item.insert("tags".into(), json!([source.text(), source.text()]));
        item.insert("description".into(), json!(source.text()));
    }
    Value::Object(item)
}

/// A backlog-shaped JSON value: up to 40 initiatives, maybe segments, a
/// footing, and now and then a field of the wrong shape.
pub fn backlog(source: &mut Source<'_>) -> Value {
    let segments: Vec<String> = (0..source.below(4)).map(|k| format!("s{k}")).collect();
    let count = source.below(41);
    let initiatives: Vec<Value> = (0..count).map(|k| initiative(source, k, &segments)).collect();
    let mut backlog = Map::new();
    backlog.insert("initiatives".into(), Value::Array(initiatives));
    if !segments.is_empty() {
        let declared: Vec<Value> = segments
            .iter()
            .map(|id| json!({ "id": id, "name": id, "weight": source.json_number() }))
            .collect();
        let side = source.pick(&["buyer", "seller"]);
        backlog.insert("segments".into(), json!({ side: declared }));
    }
    match source.below(4) {
        0 => {
            backlog.insert("footing".into(), json!({ "kind": "scaledToLargest" }));
        }
        1 => {
            backlog.insert(
                "footing".into(),
                json!({ "kind": "unitValue", "buyer": source.json_number(), "seller": source.json_number() }),
            );
        }
        _ => {}
    }
    Value::Object(backlog)
}

/// Formulas that exercise every part of the language, and some that do not parse.
pub const FORMULAS: [&str; 10] = [
    "value / effort",
    "segments(weight * reach * impact * confidence) / effort",
    "if(reach > 0, value / reach, 0)",
    "max(ice_impact, 1) * ease",
    "log(effort + 1, 2) ^ -2",
    "sqrt(abs(value)) - round(effort)",
    "(business_value + time_criticality + risk_reduction) / job_size",
    "1 / (effort - 1)",
    "moscow_must * 100 + value",
    "min(",
];

/// Score options as JSON: every framework and strategy, awkward weights.
pub fn options(source: &mut Source<'_>) -> Value {
    let mut options = Map::new();
    options.insert(
        "framework".into(),
        json!(source.pick(&["rice", "ice", "wsjf", "scorecard", "custom"])),
    );
    options.insert(
        "strategy".into(),
        json!(source.pick(&["weightedSum", "nash", "maxMin", "guardrail"])),
    );
    options.insert("buyerWeight".into(), source.json_number());
    let mut guardrail = Map::new();
    guardrail.insert("delta".into(), source.json_number());
    if source.flip() {
        guardrail.insert("primary".into(), json!(source.pick(&["buyer", "seller"])));
    }
    guardrail.insert("violators".into(), json!(source.pick(&["rankLast", "exclude"])));
    options.insert("guardrail".into(), Value::Object(guardrail));
    options.insert("ice".into(), json!(source.pick(&["product", "mean"])));
    if source.flip() {
        options.insert("formula".into(), json!(source.pick(&FORMULAS)));
    }
    if source.below(3) == 0 {
        let criteria: Vec<Value> = (0..source.below(4))
            .map(|_| {
                json!({ "id": source.pick(&["conversion", "risk", "cost", "x"]), "name": "c",
                        "weight": source.json_number(), "scaleMax": source.json_number(),
                        "lowerIsBetter": source.flip() })
            })
            .collect();
        options.insert(
            "scorecard".into(),
            json!({ "criteria": criteria, "normalisation": source.pick(&["absolute", "minMax"]) }),
        );
    }
    Value::Object(options)
}

/// Roadmap planning options as JSON: periods, capacities, targets, pins and
/// a small node budget (so one run stays fast).
pub fn plan_options(source: &mut Source<'_>) -> Value {
    let periods: Vec<Value> = (0..source.below(5))
        .map(|k| json!({ "name": format!("P{k}"), "capacity": source.json_number(), "length": source.json_number() }))
        .collect();
    let mut plan = Map::new();
    plan.insert("periods".into(), Value::Array(periods));
    plan.insert("scoring".into(), options(source));
    plan.insert(
        "value".into(),
        json!(source.pick(&["auto", "scoreTimesEffort", "score"])),
    );
    if source.flip() {
        let targets: Vec<Value> = (0..source.below(3))
            .map(|_| {
                json!({ "kind": source.pick(&["customerFacing", "platform", "operational"]),
                        "min": source.json_number(), "max": source.json_number() })
            })
            .collect();
        plan.insert("targets".into(), Value::Array(targets));
    }
    if source.flip() {
        plan.insert(
            "pins".into(),
            json!({ "include": [source.id()], "exclude": [source.id()],
                    "fixed": [{ "id": source.id(), "period": format!("P{}", source.below(5)) }] }),
        );
    }
    plan.insert("sameperiodDependencies".replace("period", "Period").into(), json!(source.flip()));
    plan.insert("nodeBudget".into(), json!(source.below(2_000)));
    Value::Object(plan)
}
