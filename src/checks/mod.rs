//! The checks: the rules of `docs/rules.md`, support eligibility and investment readiness against
//! a criteria set, the analysis that runs them once, whether a plan is ready to submit, and the
//! words for their verdicts. `verdict` holds the plain types all of them share.

pub mod analysis;
pub mod criteria;
pub mod readiness;
pub mod rules;
pub mod submission;
pub mod verdict;
pub mod verdict_words;
