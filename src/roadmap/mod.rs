//! Roadmaps: the best plan under capacity, allocation targets and dependencies.
