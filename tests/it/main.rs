//! The core's and the CLI's integration tests, in one test binary: each file under `tests/` was
//! its own binary that linked the core (with the PDF writer and reader) again, so a one-line change
//! in the core relinked a dozen of them. Run one area with `cargo test --test it forecast::`.

mod common;

mod catalogue;
mod cli;
mod crash_safety;
mod diff;
mod forecast;
mod forecast_exact;
mod forecast_properties;
mod forecast_v3;
mod headroom;
mod import;
mod layers;
mod live_figures;
mod loader_fuzz;
mod pdf;
mod plan_file;
mod portfolio;
mod readiness;
mod rules;
mod rules_finance;
mod rules_procurement;
mod rules_v3;
mod storage;
mod storage_paths;
mod workbook;
