//! NAR: the narrative's figures — typed amounts that match nothing in the plan, and live figures
//! that name no figure.

use super::rule::Rule;

pub(super) const RULES: &[Rule] = &[];
