//! Dependencies must exist and form no cycle.

use super::truncate;
use crate::limits::MAX_DEPENDENCIES;
use crate::model::Backlog;
use crate::{Problem, ProblemCode};
use std::collections::HashMap;

pub(super) fn check(
    backlog: &Backlog,
    index_of: &HashMap<&str, usize>,
    problems: &mut Vec<Problem>,
) {
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); backlog.initiatives.len()];
    for (index, initiative) in backlog.initiatives.iter().enumerate() {
        if initiative.dependencies.len() > MAX_DEPENDENCIES {
            problems.push(Problem::new(
                ProblemCode::TooMany,
                format!("initiatives[{index}].dependencies"),
                format!("An initiative can depend on at most {MAX_DEPENDENCIES} others."),
            ));
            continue;
        }
        for (d, dependency) in initiative.dependencies.iter().enumerate() {
            let path = format!("initiatives[{index}].dependencies[{d}]");
            match index_of.get(dependency.as_str()) {
                None => problems.push(Problem::new(
                    ProblemCode::UnknownDependency,
                    path,
                    format!(
                        "\"{}\" depends on \"{}\", which is not in the backlog.",
                        truncate(&initiative.name),
                        truncate(dependency)
                    ),
                )),
                Some(&target) if target == index => problems.push(Problem::new(
                    ProblemCode::DependencyCycle,
                    path,
                    format!("\"{}\" depends on itself.", truncate(&initiative.name)),
                )),
                Some(&target) => {
                    if let Some(list) = edges.get_mut(index) {
                        list.push(target);
                    }
                }
            }
        }
    }
    report_cycles(backlog, &edges, problems);
}

/// Most initiatives named in one cycle's message.
const MAX_NAMES_IN_CYCLE: usize = 8;

/// Finds cycles with an iterative depth-first search (no recursion, so a
/// long chain cannot overflow the stack) and reports each once.
fn report_cycles(backlog: &Backlog, edges: &[Vec<usize>], problems: &mut Vec<Problem>) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let mut marks = vec![Mark::New; edges.len()];
    for start in 0..edges.len() {
        if marks.get(start) != Some(&Mark::New) {
            continue;
        }
        // Stack of (node, next edge to follow).
        let mut stack = vec![(start, 0usize)];
        if let Some(m) = marks.get_mut(start) {
            *m = Mark::Active;
        }
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let target = edges.get(node).and_then(|e| e.get(*next)).copied();
            *next = next.saturating_add(1);
            match target {
                None => {
                    if let Some(m) = marks.get_mut(node) {
                        *m = Mark::Done;
                    }
                    stack.pop();
                }
                Some(t) => match marks.get(t).copied() {
                    Some(Mark::New) => {
                        if let Some(m) = marks.get_mut(t) {
                            *m = Mark::Active;
                        }
                        stack.push((t, 0));
                    }
                    Some(Mark::Active) => {
                        let cycle_start = stack.iter().position(|&(n, _)| n == t).unwrap_or(0);
                        let members = stack.get(cycle_start..).unwrap_or(&[]);
                        // A long circle is named by its first few members, so the
                        // message stays readable whatever the backlog's size.
                        let mut names: Vec<String> = members
                            .iter()
                            .take(MAX_NAMES_IN_CYCLE)
                            .chain(std::iter::once(&(t, 0)))
                            .filter_map(|&(n, _)| backlog.initiatives.get(n))
                            .map(|i| format!("\"{}\"", truncate(&i.name)))
                            .collect();
                        if members.len() > MAX_NAMES_IN_CYCLE {
                            let more = members.len().saturating_sub(MAX_NAMES_IN_CYCLE);
                            names.insert(MAX_NAMES_IN_CYCLE, format!("… {more} more"));
                        }
                        problems.push(Problem::new(
                            ProblemCode::DependencyCycle,
                            format!("initiatives[{node}].dependencies"),
                            format!(
                                "These initiatives depend on each other in a circle, so none can start: {}.",
                                names.join(" → ")
                            ),
                        ));
                    }
                    _ => {}
                },
            }
        }
    }
}
