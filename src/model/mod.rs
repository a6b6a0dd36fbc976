//! The plan and its file format: the values a plan holds, the plan itself, the paths that name
//! its fields, the catalogue of its lists and parts, reading and writing files, and new plans.

pub mod catalogue;
pub mod error;
pub mod field_path;
pub mod new_plan;
pub mod plan;
pub mod plan_file;
pub mod samples;
pub mod sections;
pub mod values;
