//! The exact sweep for the weighted sum: a kinetic sorted list.
//!
//! Each initiative is the line `score(w) = S + w x (B - S)`. The list starts
//! sorted at w = 0 (ties by id). Only neighbours in the list can swap next,
//! so a heap holds, for each neighbouring pair whose lower line is steeper,
//! the weight where it overtakes the upper one. Popping the earliest swap,
//! swapping, and checking the two new neighbour pairs keeps the list sorted
//! at every w; each swap is one crossing, and each pair of lines crosses at
//! most once (a swap puts the steeper line on top for good).
//!
//! With a depth m below n, initiatives beaten at both w = 0 and w = 1 by m
//! or more others are dropped first: a line above another at both ends is
//! above it everywhere between, so they can never reach rank m. Among the
//! rest, a position of m or better is the true rank, and a worse position
//! means a true rank worse than m (every dropped line that beats one of them
//! brings m undropped lines that beat it too).

use super::intervals::{RankTrace, Traced};
use super::{Crossing, SweepMethod, MAX_SWEEP_CROSSINGS};
use crate::sensitivity::ranking::id_ranks;
use crate::{Backlog, Error};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// A pending swap: at `weight` (as ordered bits: it is never negative), the
/// line at `position + 1` overtakes the one at `position`.
type Event = Reverse<(u64, usize, usize, usize)>;

struct Lines<'a> {
    values: &'a [(f64, f64)],
    id_rank: Vec<u32>,
}

impl Lines<'_> {
    /// (S, B - S, id rank): the intercept at w = 0, the slope, the tie-break.
    fn line(&self, index: usize) -> (f64, f64, u32) {
        let (buyer, seller) = self.values.get(index).copied().unwrap_or((0.0, 0.0));
        let id_rank = self.id_rank.get(index).copied().unwrap_or(u32::MAX);
        (seller, buyer - seller, id_rank)
    }

    /// Where `lower` overtakes `upper`, if it does before w = 1: never
    /// earlier than `now` (rounding may put an overdue swap slightly before).
    fn overtakes(&self, upper: usize, lower: usize, now: f64) -> Option<f64> {
        let (upper_start, upper_slope, _) = self.line(upper);
        let (lower_start, lower_slope, _) = self.line(lower);
        if lower_slope <= upper_slope {
            return None;
        }
        // w* = (S_j - S_i) / ((B_i - S_i) - (B_j - S_j)), i the lower line.
        let weight = (upper_start - lower_start) / (lower_slope - upper_slope);
        let weight = if weight > now { weight } else { now };
        (weight < 1.0).then_some(weight)
    }
}

/// Initiatives that can reach rank `depth` somewhere in [0, 1], in their
/// order at w = 0.
fn candidates(lines: &Lines, count: usize, depth: usize) -> Vec<usize> {
    // At w = 0 a line's score is S, at w = 1 it is B.
    let key = |index: usize, at_one: bool| {
        let (buyer, seller) = lines.values.get(index).copied().unwrap_or((0.0, 0.0));
        let id_rank = lines.id_rank.get(index).copied().unwrap_or(u32::MAX);
        (if at_one { buyer } else { seller }, id_rank)
    };
    let sorted = |at_one: bool| {
        let mut order: Vec<usize> = (0..count).collect();
        order.sort_unstable_by(|&a, &b| {
            let (score_a, id_a) = key(a, at_one);
            let (score_b, id_b) = key(b, at_one);
            score_b.total_cmp(&score_a).then(id_a.cmp(&id_b))
        });
        order
    };
    let at_zero = sorted(false);
    if depth >= count {
        return at_zero;
    }
    let mut place_at_one = vec![0usize; count];
    for (place, index) in sorted(true).into_iter().enumerate() {
        if let Some(slot) = place_at_one.get_mut(index) {
            *slot = place;
        }
    }
    // Walking in order at w = 0, a Fenwick tree over places at w = 1 counts
    // the lines already seen (better at 0) that are also better at 1.
    let mut tree = vec![0usize; count.saturating_add(1)];
    let mut kept = Vec::new();
    for index in at_zero {
        let place = place_at_one.get(index).copied().unwrap_or(0);
        let mut beaten_by = 0;
        let mut i = place;
        while i > 0 {
            beaten_by = tree.get(i).copied().unwrap_or(0).saturating_add(beaten_by);
            // Clear the lowest set bit: the next range to add.
            i &= i.wrapping_sub(1);
        }
        if beaten_by < depth {
            kept.push(index);
        }
        let mut i = place.saturating_add(1);
        while let Some(slot) = tree.get_mut(i) {
            *slot = slot.saturating_add(1);
            // Add the lowest set bit; past the end, `get_mut` stops the loop.
            i = i.saturating_add(i & i.wrapping_neg());
        }
    }
    kept
}

/// The swaps at one weight.
#[derive(Default)]
struct Group {
    bits: Option<u64>,
    /// Each swapped line's position before the group.
    before: HashMap<usize, usize>,
    /// (rises, falls) pairs.
    swaps: Vec<(usize, usize)>,
}

impl Group {
    /// Reports the group's crossings in which both lines rank within the
    /// depth just before or just after it (swaps at w = 0 only settle ties
    /// at the start and are not crossings inside [0, 1]).
    fn flush(
        &mut self,
        backlog: &Backlog,
        place: &[usize],
        depth: usize,
        crossings: &mut Vec<Crossing>,
    ) {
        let weight = self.bits.map_or(0.0, f64::from_bits);
        let after = |index: usize| place.get(index).copied().unwrap_or(usize::MAX);
        let near = |index: usize| {
            let before = self.before.get(&index).copied().unwrap_or(usize::MAX);
            before.min(after(index)) < depth
        };
        let id = |index: usize| {
            backlog
                .initiatives
                .get(index)
                .map(|i| i.id.clone())
                .unwrap_or_default()
        };
        let start = crossings.len();
        if weight > 0.0 {
            for &(rises, falls) in &self.swaps {
                if near(rises) && near(falls) {
                    crossings.push(Crossing {
                        weight,
                        rises: id(rises),
                        falls: id(falls),
                        rank: after(rises).saturating_add(1),
                    });
                }
            }
        }
        if let Some(added) = crossings.get_mut(start..) {
            added.sort_by(|a, b| a.rank.cmp(&b.rank).then_with(|| a.rises.cmp(&b.rises)));
        }
        self.before.clear();
        self.swaps.clear();
    }
}

pub(super) fn sweep(
    backlog: &Backlog,
    values: &[(f64, f64)],
    depth: usize,
) -> Result<Traced, Error> {
    let lines = Lines {
        values,
        id_rank: id_ranks(backlog),
    };
    let mut order = candidates(&lines, values.len(), depth);
    let within = |position: usize| (position < depth).then_some(position.saturating_add(1));
    let mut traces: Vec<RankTrace> = (0..order.len())
        .map(|p| RankTrace::new(within(p)))
        .collect();
    // Traces are kept by position in `order` at w = 0; `slot` maps back.
    let mut slot = vec![usize::MAX; values.len()];
    for (position, &index) in order.iter().enumerate() {
        if let Some(s) = slot.get_mut(index) {
            *s = position;
        }
    }
    let mut heap: BinaryHeap<Event> = BinaryHeap::new();
    let push = |heap: &mut BinaryHeap<Event>, order: &[usize], position: usize, now: f64| {
        let below = position.saturating_add(1);
        if let (Some(&upper), Some(&lower)) = (order.get(position), order.get(below)) {
            if let Some(weight) = lines.overtakes(upper, lower, now) {
                heap.push(Reverse((weight.to_bits(), position, upper, lower)));
            }
        }
    };
    for position in 0..order.len().saturating_sub(1) {
        push(&mut heap, &order, position, 0.0);
    }
    // Where each line is in `order` now.
    let mut place = vec![usize::MAX; values.len()];
    for (position, &index) in order.iter().enumerate() {
        if let Some(p) = place.get_mut(index) {
            *p = position;
        }
    }
    let mut crossings = Vec::new();
    // Swaps at one weight form a group: with several lines through one
    // point, the order they are processed in is arbitrary, so ranks are
    // read before and after the whole group.
    let mut group = Group::default();
    let mut swaps = 0usize;
    while let Some(Reverse((bits, position, upper, lower))) = heap.pop() {
        let below = position.saturating_add(1);
        // Stale: the pair is no longer neighbours at this position.
        if order.get(position) != Some(&upper) || order.get(below) != Some(&lower) {
            continue;
        }
        swaps = swaps.saturating_add(1);
        if swaps > MAX_SWEEP_CROSSINGS {
            return Err(Error::LimitExceeded {
                path: "initiatives".into(),
                message: format!(
                    "the balanced scores of these {} initiatives cross more than {MAX_SWEEP_CROSSINGS} times as the buyer weight moves; set a depth (such as 20) to follow only the top ranks",
                    values.len()
                ),
            });
        }
        if group.bits != Some(bits) {
            group.flush(backlog, &place, depth, &mut crossings);
            group.bits = Some(bits);
        }
        group.before.entry(upper).or_insert(position);
        group.before.entry(lower).or_insert(below);
        group.swaps.push((lower, upper));
        let weight = f64::from_bits(bits);
        order.swap(position, below);
        if let Some(p) = place.get_mut(lower) {
            *p = position;
        }
        if let Some(p) = place.get_mut(upper) {
            *p = below;
        }
        let trace = |index: usize| slot.get(index).copied().unwrap_or(usize::MAX);
        if let Some(t) = traces.get_mut(trace(lower)) {
            t.change(weight, within(position));
        }
        if let Some(t) = traces.get_mut(trace(upper)) {
            t.change(weight, within(below));
        }
        if let Some(above) = position.checked_sub(1) {
            push(&mut heap, &order, above, weight);
        }
        push(&mut heap, &order, below, weight);
    }
    group.flush(backlog, &place, depth, &mut crossings);
    let mut positions_at_zero = vec![0usize; traces.len()];
    for (index, &s) in slot.iter().enumerate() {
        if let Some(p) = positions_at_zero.get_mut(s) {
            *p = index;
        }
    }
    let lines = traces
        .into_iter()
        .zip(positions_at_zero)
        .filter_map(|(trace, index)| trace.finish().map(|ranks| (index, ranks)))
        .collect();
    Ok(Traced {
        method: SweepMethod::Exact,
        grid: Vec::new(),
        crossings,
        lines,
    })
}
