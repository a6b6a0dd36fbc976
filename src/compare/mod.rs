//! Two versions of a plan compared: the differences (`diff`) and the window's view of them,
//! grouped by the editor's parts (`view`).

pub mod diff;
pub mod view;
