//! What is still possible for each initiative (out, or in a range of
//! periods), narrowed along dependencies until nothing changes.

use super::model::Model;

/// The decisions still open for one initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Domain {
    /// It may stay out of the plan.
    pub may_out: bool,
    /// It may be in the plan, in a period from `lo` to `hi`.
    pub may_in: bool,
    pub lo: usize,
    pub hi: usize,
}

impl Default for Domain {
    fn default() -> Self {
        Domain::out()
    }
}

impl Domain {
    /// Anything: out, or any period up to `last`.
    pub fn any(last: usize) -> Self {
        Domain {
            may_out: true,
            may_in: true,
            lo: 0,
            hi: last,
        }
    }

    /// Out only.
    pub fn out() -> Self {
        Domain {
            may_out: true,
            may_in: false,
            lo: 0,
            hi: 0,
        }
    }

    /// In period `t` only.
    pub fn at(t: usize) -> Self {
        Domain {
            may_out: false,
            may_in: true,
            lo: t,
            hi: t,
        }
    }

    /// Whether being in period `t` is allowed.
    pub fn allows(&self, t: usize) -> bool {
        self.may_in && self.lo <= t && t <= self.hi
    }

    /// The single remaining decision, if only one is left: `Some(None)` for
    /// out, `Some(Some(t))` for period t.
    pub fn decided(&self) -> Option<Option<usize>> {
        match (self.may_out, self.may_in) {
            (true, false) => Some(None),
            (false, true) if self.lo == self.hi => Some(Some(self.lo)),
            _ => None,
        }
    }

    fn empty(&self) -> bool {
        !self.may_out && !self.may_in
    }
}

/// Narrows domains along every dependency until nothing changes, starting
/// from the initiatives in `changed`. A prerequisite out forces its
/// dependents out; a dependent that must be in forces its prerequisites in,
/// `lag` periods earlier. Returns the initiative left with no possibility.
pub(crate) fn propagate(
    model: &Model,
    domains: &mut [Domain],
    mut changed: Vec<usize>,
) -> Result<(), usize> {
    let lag = model.lag;
    while let Some(x) = changed.pop() {
        let prerequisites = model.prerequisites.get(x).map(Vec::as_slice);
        let dependents = model.dependents.get(x).map(Vec::as_slice);
        let edges = prerequisites
            .unwrap_or(&[])
            .iter()
            .map(|&j| (j, x))
            .chain(dependents.unwrap_or(&[]).iter().map(|&i| (x, i)));
        for (j, i) in edges {
            let (Some(&before), Some(&after)) = (domains.get(j), domains.get(i)) else {
                continue;
            };
            let (mut pre, mut dep) = (before, after);
            if !pre.may_in {
                dep.may_in = false;
            }
            if dep.may_in {
                dep.lo = dep.lo.max(pre.lo.saturating_add(lag));
                if dep.lo > dep.hi {
                    dep.may_in = false;
                }
            }
            if dep.may_in && !dep.may_out {
                pre.may_out = false;
                match dep.hi.checked_sub(lag) {
                    Some(hi) => {
                        pre.hi = pre.hi.min(hi);
                        if pre.lo > pre.hi {
                            pre.may_in = false;
                        }
                    }
                    None => pre.may_in = false,
                }
            }
            if pre.empty() {
                return Err(j);
            }
            if dep.empty() {
                return Err(i);
            }
            if pre != before {
                if let Some(slot) = domains.get_mut(j) {
                    *slot = pre;
                }
                changed.push(j);
            }
            if dep != after {
                if let Some(slot) = domains.get_mut(i) {
                    *slot = dep;
                }
                changed.push(i);
            }
        }
    }
    Ok(())
}
