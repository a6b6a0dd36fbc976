//! VAT and SUB: VAT registration and the welfare exemption, and public money that may be a
//! subsidy.

use super::rule::Rule;

pub(super) const RULES: &[Rule] = &[];
