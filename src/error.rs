//! Errors of the core, each able to say what went wrong, where, in one plain sentence.

use std::path::PathBuf;
use thiserror::Error;

/// Why a plan file could not be read.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The file is larger than the format allows.
    #[error("the file is {size} bytes; a plan file may be at most {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    /// The bytes are not UTF-8 text.
    #[error("the file is not UTF-8 text (line {line}, column {column})")]
    NotText { line: usize, column: usize },
    /// The JSON is malformed or truncated.
    #[error("the file is not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON, but not a plan file.
    #[error("this is not a Mutual Plan file: {message}")]
    NotAPlan { message: String },
    /// Written by a newer version of Mutual Plan.
    #[error("this plan was saved with schema version {found}, newer than the version {supported} this copy of Mutual Plan understands; it can be opened read-only, or update Mutual Plan to edit it")]
    NewerVersion { found: u64, supported: u32 },
    /// A schema version that never existed.
    #[error("schema version {found} is not a version of the plan format")]
    UnknownVersion { found: u64 },
    /// A field this version does not know: a typo, or a newer writer's field.
    #[error("unknown field `{path}`{}: check its spelling (line {line}, column {column})",
        suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
    UnknownField {
        path: String,
        suggestion: Option<String>,
        line: usize,
        column: usize,
    },
    /// A field with a value of the wrong type or out of range, or a missing field.
    #[error("`{path}`: {message} (line {line}, column {column})")]
    BadValue {
        path: String,
        message: String,
        line: usize,
        column: usize,
    },
    /// The plan breaks a rule of the file format (a limit, a duplicate id).
    #[error("`{path}`: {message}")]
    Invalid { path: String, message: String },
}

impl LoadError {
    /// A stable kind for the UI and scripts to branch on.
    pub fn kind(&self) -> &'static str {
        match self {
            LoadError::TooLarge { .. } => "too_large",
            LoadError::NotText { .. } => "not_text",
            LoadError::Syntax { .. } => "syntax",
            LoadError::NotAPlan { .. } => "not_a_plan",
            LoadError::NewerVersion { .. } => "newer_version",
            LoadError::UnknownVersion { .. } => "unknown_version",
            LoadError::UnknownField { .. } => "unknown_field",
            LoadError::BadValue { .. } => "bad_value",
            LoadError::Invalid { .. } => "invalid",
        }
    }

    /// What is wrong, without the path or position: the sentence to show beside the field.
    pub fn reason(&self) -> String {
        match self {
            LoadError::BadValue { message, .. } | LoadError::Invalid { message, .. } => {
                message.clone()
            }
            LoadError::UnknownField {
                suggestion: Some(s),
                ..
            } => format!("this field is not known; did you mean `{s}`?"),
            LoadError::UnknownField { .. } => "this field is not known: check its spelling".into(),
            other => other.to_string(),
        }
    }

    /// The JSON path of the field at fault, where there is one.
    pub fn path(&self) -> Option<&str> {
        match self {
            LoadError::UnknownField { path, .. }
            | LoadError::BadValue { path, .. }
            | LoadError::Invalid { path, .. } => Some(path),
            LoadError::NewerVersion { .. } | LoadError::UnknownVersion { .. } => {
                Some("schema_version")
            }
            _ => None,
        }
    }
}

/// Why a file could not be read or written on disk.
#[derive(Debug, Error)]
pub enum FileError {
    /// The file was read but is not a valid plan.
    #[error("{}: {source}", path.display())]
    Load { path: PathBuf, source: LoadError },
    /// The operating system refused (missing file, permissions, disk full…).
    #[error("{}: {action} failed: {source}", path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
}

impl FileError {
    /// A stable kind for the UI and scripts to branch on.
    pub fn kind(&self) -> &'static str {
        match self {
            FileError::Load { source, .. } => source.kind(),
            FileError::Io { source, .. } => match source.kind() {
                std::io::ErrorKind::NotFound => "not_found",
                std::io::ErrorKind::PermissionDenied => "permission_denied",
                std::io::ErrorKind::ReadOnlyFilesystem => "read_only",
                std::io::ErrorKind::StorageFull => "disk_full",
                _ => "io",
            },
        }
    }
}
