//! The sample plans bundled with the app, for first runs, demos and tests.

use crate::error::LoadError;
use crate::plan::Plan;
use crate::plan_file::read_plan;

/// Riverside Community Therapies: an NHS community therapy spin-out, in canonical form.
pub const RIVERSIDE: &str = include_str!("../assets/samples/riverside.mutualplan");

/// The Riverside sample plan, parsed.
pub fn riverside() -> Result<Plan, LoadError> {
    read_plan(RIVERSIDE.as_bytes()).map(|l| l.plan)
}
