//! Rules of version 3 of the catalogue: for each, a triggering case and a near miss at its
//! boundary.

/// The rule ids this file tests with a triggering case and a near miss.
pub const TESTED: &[&str] = &[];
