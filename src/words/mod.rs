//! The words for values: money, percentages, months and dates written as people read them, the
//! labels and choices of every coded value of the plan, and values read back as people type them.

pub mod format;
pub mod input;
pub mod labels;
pub mod money;
