//! Mutual Plan's core: the plan model and file format, and everything computed from a plan.
//!
//! The core has no user interface and no dependency on the desktop shell, so the CLI, the PDF and
//! the window all show the same figures from the same functions.

pub mod analysis;
pub mod anchors;
pub mod compare;
pub mod criteria;
pub mod diff;
pub mod error;
pub mod field_path;
pub mod forecast;
pub mod input;
pub mod labels;
pub mod money;
pub mod new_plan;
pub mod overview;
pub mod ownership_view;
// Layout measures and places text in points, which are floating point; no figure is.
#[allow(clippy::float_arithmetic)]
pub mod pdf;
pub mod plan;
pub mod plan_file;
pub mod portfolio;
pub mod readiness;
pub mod review;
pub mod rules;
pub mod samples;
pub mod sections;
pub mod storage;
pub mod submission;
pub mod text_report;
pub mod user_config;
pub mod values;

pub use error::{FileError, LoadError};
pub use field_path::FieldPath;
pub use plan::Plan;
pub use plan_file::{fingerprint, read_plan, write_plan};
