//! Side values as plain numbers, for Monte Carlo's hot loop.
//!
//! The scorers in `scoring/` build an explanation sentence with every value;
//! formatting it costs far more than the arithmetic, and a simulation scores
//! every initiative thousands of times. This module repeats the arithmetic of
//! RICE, ICE and WSJF (in the same order of operations, so a draw at the
//! likely values gives bit-identical values: a test checks it against
//! [`crate::rank`]) on estimates that are drawn instead of read.

use super::random::Generator;
use crate::model::{Backlog, Estimate, Footing, IceInputs, Side, WsjfInputs};
use crate::rank::{conversions, largest_magnitudes, side_scores, ScoreOptions};
use crate::scoring::{Framework, IceCombination};
use crate::Error;

/// One side's RICE inputs.
#[derive(Debug, Clone)]
enum RiceSide {
    /// The initiative does not touch this side.
    None,
    /// Reach, impact and confidence for the whole side.
    Whole([Estimate; 3]),
    /// Per segment: its weight, then reach, impact and confidence.
    Segments(Vec<(f64, [Estimate; 3])>),
}

/// What one initiative's side values are computed from.
#[derive(Debug, Clone)]
enum Inputs {
    Rice {
        sides: [RiceSide; 2],
        effort: Estimate,
    },
    Ice(IceInputs),
    Wsjf(WsjfInputs),
    /// Scorecard values are single numbers: nothing to draw.
    Fixed([f64; 2]),
}

/// How a custom formula is evaluated: it may read any estimate, so every
/// sample draws a whole backlog and scores it with the core (slower: the
/// core builds explanations too).
#[derive(Debug, Clone)]
struct Custom {
    backlog: Backlog,
    options: ScoreOptions,
}

/// A backlog prepared for repeated evaluation with drawn estimates.
#[derive(Debug, Clone)]
pub(crate) struct SampleModel {
    inputs: Vec<Inputs>,
    ice: IceCombination,
    footing: Footing,
    /// Whether the framework counts people, so a unit value prices it
    /// (RICE); ICE, WSJF and scorecards are compared as they are.
    counts_people: bool,
    custom: Option<Custom>,
    /// How many estimates are ranges: without one, every sample is alike.
    pub(crate) ranged_estimates: usize,
}

impl SampleModel {
    /// Prepares `backlog` (already valid) for `options`. Fails as
    /// [`crate::score`] would, for example on missing framework inputs.
    pub(crate) fn new(backlog: &Backlog, options: &ScoreOptions) -> Result<Self, Error> {
        // Scoring once with the core reports missing inputs exactly as the
        // core does, and gives the scorecard's fixed values.
        let likely = side_scores(backlog, options)?;
        let mut inputs = Vec::with_capacity(backlog.initiatives.len());
        for (initiative, [buyer, seller]) in backlog.initiatives.iter().zip(&likely) {
            let prepared = match options.framework {
                Framework::Rice => Inputs::Rice {
                    sides: Side::BOTH.map(|side| rice_side(backlog, initiative.side(side), side)),
                    effort: initiative.effort,
                },
                Framework::Ice => Inputs::Ice(initiative.ice.unwrap_or_default()),
                Framework::Wsjf => Inputs::Wsjf(initiative.wsjf.unwrap_or_default()),
                Framework::Scorecard | Framework::Custom => Inputs::Fixed([buyer.raw, seller.raw]),
            };
            inputs.push(prepared);
        }
        let custom = (options.framework == Framework::Custom).then(|| Custom {
            backlog: backlog.clone(),
            options: options.clone(),
        });
        let ranged_estimates = if custom.is_some() {
            backlog
                .initiatives
                .iter()
                .map(|i| {
                    let mut count = 0usize;
                    let mut copy = i.clone();
                    every_estimate(&mut copy, Framework::Custom, &mut |e| {
                        count = count.saturating_add(usize::from(e.is_range()));
                    });
                    count
                })
                .fold(0, usize::saturating_add)
        } else {
            inputs
                .iter()
                .map(Inputs::ranges)
                .fold(0, usize::saturating_add)
        };
        Ok(SampleModel {
            inputs,
            ice: options.ice,
            footing: backlog.footing.clone(),
            counts_people: options.framework == Framework::Rice,
            custom,
            ranged_estimates,
        })
    }

    /// Draws every estimate and writes each initiative's (buyer, seller)
    /// values on the common footing into `values`.
    pub(crate) fn evaluate(
        &self,
        generator: &mut Generator,
        values: &mut Vec<(f64, f64)>,
    ) -> Result<(), Error> {
        values.clear();
        if let Some(custom) = &self.custom {
            let drawn = drawn_backlog(&custom.backlog, Framework::Custom, generator);
            let sides = side_scores(&drawn, &custom.options)?;
            values.extend(sides.iter().map(|[b, s]| (b.value, s.value)));
            return Ok(());
        }
        for inputs in &self.inputs {
            values.push(inputs.raw(generator, self.ice));
        }
        // As the core's footing: a unit value multiplies, scaling divides by
        // the largest magnitude on the side (0 when every value is 0).
        let convert = conversions(&self.footing, self.counts_people, || {
            largest_magnitudes(values.iter().map(|&(b, s)| [b, s]))
        });
        for (index, value) in values.iter_mut().enumerate() {
            let [buyer, seller] = convert;
            *value = (buyer.apply(value.0), seller.apply(value.1));
            if !(value.0.is_finite() && value.1.is_finite()) {
                return Err(Error::NotFinite {
                    path: format!("initiatives[{index}]"),
                    detail: "a sampled side value".into(),
                });
            }
        }
        Ok(())
    }
}

/// Visits every estimate `framework` uses, in the order a sample draws them
/// (the order of [`SampleModel::evaluate`] for RICE, ICE and WSJF). A custom
/// formula may use any estimate, so it visits them all.
fn every_estimate(
    initiative: &mut crate::model::Initiative,
    framework: Framework,
    visit: &mut dyn FnMut(&mut Estimate),
) {
    if matches!(framework, Framework::Rice | Framework::Custom) {
        for side in [&mut initiative.buyer, &mut initiative.seller] {
            let Some(side) = side else { continue };
            if side.is_segmented() {
                for segment in &mut side.segments {
                    visit(&mut segment.reach);
                    visit(&mut segment.impact);
                    visit(&mut segment.confidence);
                }
            } else {
                for estimate in [&mut side.reach, &mut side.impact, &mut side.confidence]
                    .into_iter()
                    .flatten()
                {
                    visit(estimate);
                }
            }
        }
        visit(&mut initiative.effort);
    }
    if matches!(framework, Framework::Ice | Framework::Custom) {
        if let Some(ice) = &mut initiative.ice {
            visit(&mut ice.buyer_impact);
            visit(&mut ice.seller_impact);
            visit(&mut ice.confidence);
            visit(&mut ice.ease);
        }
    }
    if matches!(framework, Framework::Wsjf | Framework::Custom) {
        if let Some(wsjf) = &mut initiative.wsjf {
            visit(&mut wsjf.buyer_value);
            visit(&mut wsjf.seller_value);
            visit(&mut wsjf.time_criticality);
            visit(&mut wsjf.risk_reduction);
            visit(&mut wsjf.job_size);
        }
    }
}

/// A copy of `backlog` with every estimate the framework uses drawn once,
/// in the same order as [`SampleModel::evaluate`] draws them: the same
/// generator state gives the same values either way.
pub(crate) fn drawn_backlog(
    backlog: &Backlog,
    framework: Framework,
    generator: &mut Generator,
) -> Backlog {
    let mut drawn = backlog.clone();
    for initiative in &mut drawn.initiatives {
        every_estimate(initiative, framework, &mut |estimate| {
            *estimate = Estimate::Value(generator.draw(estimate));
        });
    }
    drawn
}

fn rice_side(
    backlog: &Backlog,
    estimate: Option<&crate::model::SideEstimate>,
    side: Side,
) -> RiceSide {
    let Some(estimate) = estimate else {
        return RiceSide::None;
    };
    if estimate.is_segmented() {
        RiceSide::Segments(
            estimate
                .segments
                .iter()
                .map(|segment| {
                    let weight = backlog
                        .segments
                        .weight(side, &segment.segment)
                        .unwrap_or(1.0);
                    (weight, [segment.reach, segment.impact, segment.confidence])
                })
                .collect(),
        )
    } else {
        // Validation guarantees all three; a missing one made the core fail.
        let or_zero = |e: Option<Estimate>| e.unwrap_or_default();
        RiceSide::Whole([
            or_zero(estimate.reach),
            or_zero(estimate.impact),
            or_zero(estimate.confidence),
        ])
    }
}

impl Inputs {
    /// How many of the estimates used are ranges.
    fn ranges(&self) -> usize {
        let count = |estimates: &[Estimate]| estimates.iter().filter(|e| e.is_range()).count();
        match self {
            Inputs::Rice { sides, effort } => {
                let side = |side: &RiceSide| match side {
                    RiceSide::None => 0,
                    RiceSide::Whole(e) => count(e),
                    RiceSide::Segments(parts) => parts
                        .iter()
                        .map(|(_, e)| count(e))
                        .fold(0, usize::saturating_add),
                };
                sides
                    .iter()
                    .map(side)
                    .fold(count(&[*effort]), usize::saturating_add)
            }
            Inputs::Ice(i) => count(&[i.buyer_impact, i.seller_impact, i.confidence, i.ease]),
            Inputs::Wsjf(w) => count(&[
                w.buyer_value,
                w.seller_value,
                w.time_criticality,
                w.risk_reduction,
                w.job_size,
            ]),
            Inputs::Fixed(_) => 0,
        }
    }

    /// The raw (buyer, seller) values, drawing in a fixed order: buyer
    /// inputs, seller inputs, then shared inputs.
    fn raw(&self, generator: &mut Generator, ice: IceCombination) -> (f64, f64) {
        match self {
            Inputs::Rice { sides, effort } => {
                let [buyer, seller] = sides;
                let buyer = rice_numerator(buyer, generator);
                let seller = rice_numerator(seller, generator);
                let effort = generator.draw(effort);
                (
                    buyer.map_or(0.0, |n| n / effort),
                    seller.map_or(0.0, |n| n / effort),
                )
            }
            Inputs::Ice(inputs) => {
                let buyer_impact = generator.draw(&inputs.buyer_impact);
                let seller_impact = generator.draw(&inputs.seller_impact);
                let confidence = generator.draw(&inputs.confidence);
                let ease = generator.draw(&inputs.ease);
                let value = |impact: f64| match ice {
                    IceCombination::Product => impact * confidence * ease,
                    IceCombination::Mean if impact == 0.0 => 0.0,
                    IceCombination::Mean => {
                        impact.signum() * (impact.abs() + confidence + ease) / 3.0
                    }
                };
                (value(buyer_impact), value(seller_impact))
            }
            Inputs::Wsjf(inputs) => {
                let buyer_value = generator.draw(&inputs.buyer_value);
                let seller_value = generator.draw(&inputs.seller_value);
                let time_criticality = generator.draw(&inputs.time_criticality);
                let risk_reduction = generator.draw(&inputs.risk_reduction);
                let job_size = generator.draw(&inputs.job_size);
                let value =
                    |business: f64| (business + time_criticality + risk_reduction) / job_size;
                (value(buyer_value), value(seller_value))
            }
            Inputs::Fixed([buyer, seller]) => (*buyer, *seller),
        }
    }
}

/// RICE's numerator for one side, or `None` when the side is untouched (its
/// value is then exactly 0, as the core's).
fn rice_numerator(side: &RiceSide, generator: &mut Generator) -> Option<f64> {
    match side {
        RiceSide::None => None,
        RiceSide::Whole([reach, impact, confidence]) => {
            let reach = generator.draw(reach);
            let impact = generator.draw(impact);
            let confidence = generator.draw(confidence);
            Some(reach * impact * confidence)
        }
        RiceSide::Segments(parts) => {
            let mut total = 0.0;
            for (weight, [reach, impact, confidence]) in parts {
                let reach = generator.draw(reach);
                let impact = generator.draw(impact);
                let confidence = generator.draw(confidence);
                total += weight * reach * impact * confidence;
            }
            Some(total)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Initiative, SideEstimate};

    /// A generator is never consulted for single values, so any will do.
    fn likely_values(backlog: &Backlog, options: &ScoreOptions) -> Vec<(f64, f64)> {
        let model = SampleModel::new(backlog, options).unwrap();
        let mut values = Vec::new();
        model
            .evaluate(&mut Generator::for_sample(0, 0), &mut values)
            .unwrap();
        values
    }

    #[test]
    fn single_values_reproduce_the_core_bit_for_bit() {
        let backlog = Backlog {
            initiatives: vec![
                Initiative {
                    id: "a".into(),
                    name: "A".into(),
                    buyer: Some(SideEstimate::new(450.0, 3.0, 1.0)),
                    seller: Some(SideEstimate::new(70.0, -0.5, 0.8)),
                    effort: 3.0.into(),
                    ..Initiative::default()
                },
                Initiative {
                    id: "b".into(),
                    name: "B".into(),
                    seller: Some(SideEstimate::new(120.0, 2.0, 0.5)),
                    effort: 0.5.into(),
                    ..Initiative::default()
                },
            ],
            footing: Footing::ScaledToLargest,
            ..Backlog::default()
        };
        let options = ScoreOptions::default();
        let core: Vec<(f64, f64)> = side_scores(&backlog, &options)
            .unwrap()
            .iter()
            .map(|[b, s]| (b.value, s.value))
            .collect();
        let ours = likely_values(&backlog, &options);
        let bits = |v: &[(f64, f64)]| -> Vec<(u64, u64)> {
            v.iter().map(|(b, s)| (b.to_bits(), s.to_bits())).collect()
        };
        assert_eq!(bits(&ours), bits(&core));
    }

    fn estimate(values: &[f64]) -> impl proptest::strategy::Strategy<Value = Estimate> {
        use proptest::prelude::*;
        prop::sample::select(values.to_vec()).prop_map(Estimate::Value)
    }

    proptest::proptest! {
        #[test]
        fn every_framework_reproduces_the_core(
            rows in proptest::collection::vec(
                (0u8..3, 0.0..5000.0f64, estimate(&[3.0, 1.0, 0.5, 0.0, -0.25, -2.0]),
                 estimate(&[0.5, 0.8, 1.0]), estimate(&[0.5, 1.0, 3.0]),
                 estimate(&[-8.0, 0.0, 3.0, 10.0]), estimate(&[1.0, 5.0, 13.0])),
                1..10),
            framework in proptest::sample::select(vec![Framework::Rice, Framework::Ice, Framework::Wsjf]),
            ice in proptest::sample::select(vec![IceCombination::Product, IceCombination::Mean]),
            scaled in proptest::bool::ANY,
        ) {
            use crate::model::{Segment, SegmentEstimate};
            let mut backlog = Backlog {
                footing: if scaled { Footing::ScaledToLargest } else {
                    Footing::UnitValue { buyer: 1.5, seller: 7.0, unit: None }
                },
                ..Backlog::default()
            };
            backlog.segments.seller = vec![
                Segment { id: "small".into(), name: "Small".into(), weight: 2.0 },
                Segment { id: "large".into(), name: "Large".into(), weight: 0.5 },
            ];
            for (i, (shape, reach, impact, confidence, effort, ice_value, wsjf_value)) in rows.into_iter().enumerate() {
                let whole = SideEstimate { reach: Some(reach.into()), impact: Some(impact), confidence: Some(confidence), segments: Vec::new() };
                let segment = |id: &str, share: f64| SegmentEstimate {
                    segment: id.into(), reach: (reach * share).into(), impact, confidence,
                };
                let segmented = SideEstimate {
                    segments: vec![segment("small", 0.7), segment("large", 0.3)],
                    ..SideEstimate::default()
                };
                backlog.initiatives.push(Initiative {
                    id: format!("i{i}"),
                    name: format!("I{i}"),
                    buyer: (shape != 1).then(|| whole.clone()),
                    seller: match shape { 0 => None, 1 => Some(whole), _ => Some(segmented) },
                    effort,
                    ice: Some(IceInputs { buyer_impact: ice_value, seller_impact: 2.0.into(), confidence: 7.0.into(), ease: 3.0.into() }),
                    wsjf: Some(WsjfInputs { buyer_value: wsjf_value, seller_value: 2.0.into(), time_criticality: 3.0.into(), risk_reduction: 1.0.into(), job_size: 5.0.into() }),
                    ..Initiative::default()
                });
            }
            let options = ScoreOptions { framework, ice, ..ScoreOptions::default() };
            proptest::prop_assume!(crate::validate(&backlog).is_empty());
            let core: Vec<(u64, u64)> = side_scores(&backlog, &options)
                .unwrap()
                .iter()
                .map(|[b, s]| (b.value.to_bits(), s.value.to_bits()))
                .collect();
            let ours: Vec<(u64, u64)> = likely_values(&backlog, &options)
                .iter()
                .map(|(b, s)| (b.to_bits(), s.to_bits()))
                .collect();
            proptest::prop_assert_eq!(ours, core);
        }
    }

    #[test]
    fn a_drawn_backlog_holds_the_values_a_sample_draws() {
        use crate::model::{Segment, SegmentEstimate};
        let r = Estimate::range;
        let backlog = Backlog {
            initiatives: vec![
                Initiative {
                    id: "a".into(),
                    name: "A".into(),
                    buyer: Some(SideEstimate {
                        reach: Some(r(100.0, 400.0, 900.0)),
                        impact: Some(r(0.5, 1.0, 2.0)),
                        confidence: Some(0.8.into()),
                        segments: Vec::new(),
                    }),
                    seller: Some(SideEstimate {
                        segments: vec![SegmentEstimate {
                            segment: "small".into(),
                            reach: r(10.0, 20.0, 80.0),
                            impact: r(-1.0, -0.5, 0.25),
                            confidence: 1.0.into(),
                        }],
                        ..SideEstimate::default()
                    }),
                    effort: r(1.0, 2.0, 5.0),
                    ..Initiative::default()
                },
                Initiative {
                    id: "b".into(),
                    name: "B".into(),
                    seller: Some(SideEstimate::new(300.0, 1.0, 0.5)),
                    effort: r(0.5, 1.0, 3.0),
                    ..Initiative::default()
                },
            ],
            ..Backlog::default()
        };
        let mut backlog = backlog;
        backlog.segments.seller = vec![Segment {
            id: "small".into(),
            name: "Small".into(),
            weight: 3.0,
        }];
        let options = ScoreOptions::default();
        for sample in 0..20 {
            let model = SampleModel::new(&backlog, &options).unwrap();
            let mut drawn_values = Vec::new();
            model
                .evaluate(&mut Generator::for_sample(5, sample), &mut drawn_values)
                .unwrap();
            let drawn = drawn_backlog(
                &backlog,
                Framework::Rice,
                &mut Generator::for_sample(5, sample),
            );
            assert!(drawn.initiatives.iter().all(|i| !i.effort.is_range()));
            assert_eq!(likely_values(&drawn, &options), drawn_values);
        }
    }
}
