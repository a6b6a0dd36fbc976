//! Mutual Plan's core: the plan model and file format, and everything computed from a plan.
//!
//! The core has no user interface and no dependency on the desktop shell, so the CLI, the PDF and
//! the window all show the same figures from the same functions. Its layers, lowest first, each
//! importing only from those before it (a test holds them so, and finds no import circle):
//! `model`, `words`, `storage` and `import`, `forecast`, `checks`, `show`, `compare`, `pdf` and `workbook`,
//! `portfolio`.

pub mod checks;
pub mod compare;
pub mod forecast;
pub mod import;
pub mod model;
pub mod show;
pub mod storage;
pub mod words;
// Layout measures and places text in points, which are floating point; no figure is.
#[allow(clippy::float_arithmetic)]
pub mod pdf;
pub mod portfolio;
pub mod workbook;
