//! Errors of the core, each able to say what went wrong, where, in one plain sentence.

use crate::model::field_path::FieldPath;
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
    NotAPlan { path: FieldPath, message: String },
    /// Written by a newer version of Mutual Plan.
    #[error("this plan was saved with schema version {found}, newer than the version {supported} this copy of Mutual Plan understands; it can be opened read-only, or update Mutual Plan to edit it")]
    NewerVersion { found: u64, supported: u32 },
    /// A schema version that never existed.
    #[error("schema version {found} is not a version of the plan format")]
    UnknownVersion { found: u64 },
    /// A field this version does not know: a typo, or a newer writer's field.
    #[error("unknown field `{}`{}: check its spelling (line {line}, column {column})", path.describe(),
        suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
    UnknownField {
        path: FieldPath,
        suggestion: Option<String>,
        line: usize,
        column: usize,
    },
    /// A field with a value of the wrong type or out of range, or a missing field.
    #[error("`{}`: {message} (line {line}, column {column})", path.describe())]
    BadValue {
        path: FieldPath,
        message: String,
        line: usize,
        column: usize,
    },
    /// The plan breaks a rule of the file format (a limit, a duplicate id).
    #[error("`{}`: {message}", path.describe())]
    Invalid { path: FieldPath, message: String },
}

/// Every kind of error the core's load and file errors have, as a stable snake_case name to
/// branch on. The desktop shell adds kinds of its own for the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    TooLarge,
    NotText,
    Syntax,
    NotAPlan,
    NewerVersion,
    UnknownVersion,
    UnknownField,
    BadValue,
    Invalid,
    /// Someone else has the plan open and their lock is live.
    Locked,
    /// The plan's lock looks abandoned: it may be taken over.
    LockedStale,
    ChangedOnDisk,
    ReadOnlyPlan,
    NotFound,
    PermissionDenied,
    ReadOnly,
    DiskFull,
    Io,
}

impl ErrorKind {
    /// The kind's stable name, as serialised.
    pub fn as_str(self) -> &'static str {
        use ErrorKind::*;
        match self {
            TooLarge => "too_large",
            NotText => "not_text",
            Syntax => "syntax",
            NotAPlan => "not_a_plan",
            NewerVersion => "newer_version",
            UnknownVersion => "unknown_version",
            UnknownField => "unknown_field",
            BadValue => "bad_value",
            Invalid => "invalid",
            Locked => "locked",
            LockedStale => "locked_stale",
            ChangedOnDisk => "changed_on_disk",
            ReadOnlyPlan => "read_only_plan",
            NotFound => "not_found",
            PermissionDenied => "permission_denied",
            ReadOnly => "read_only",
            DiskFull => "disk_full",
            Io => "io",
        }
    }
}

impl LoadError {
    /// A stable kind for the UI and scripts to branch on.
    pub fn kind(&self) -> &'static str {
        self.error_kind().as_str()
    }

    /// The kind as the typed [`ErrorKind`].
    pub fn error_kind(&self) -> ErrorKind {
        match self {
            LoadError::TooLarge { .. } => ErrorKind::TooLarge,
            LoadError::NotText { .. } => ErrorKind::NotText,
            LoadError::Syntax { .. } => ErrorKind::Syntax,
            LoadError::NotAPlan { .. } => ErrorKind::NotAPlan,
            LoadError::NewerVersion { .. } => ErrorKind::NewerVersion,
            LoadError::UnknownVersion { .. } => ErrorKind::UnknownVersion,
            LoadError::UnknownField { .. } => ErrorKind::UnknownField,
            LoadError::BadValue { .. } => ErrorKind::BadValue,
            LoadError::Invalid { .. } => ErrorKind::Invalid,
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

    /// The field at fault, named by item ids, where there is one.
    pub fn path(&self) -> Option<FieldPath> {
        match self {
            LoadError::UnknownField { path, .. }
            | LoadError::BadValue { path, .. }
            | LoadError::Invalid { path, .. }
            | LoadError::NotAPlan { path, .. } => (!path.is_root()).then(|| path.clone()),
            LoadError::NewerVersion { .. } | LoadError::UnknownVersion { .. } => {
                Some(FieldPath::root().key("schema_version"))
            }
            _ => None,
        }
    }
}
