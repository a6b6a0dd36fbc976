//! Errors as the window receives them: `{ kind, message, path }`.
//!
//! The kinds are the core's (a plan that does not read, a file that cannot be saved) and the
//! shell's own (no file yet, no name given, a file never chosen, a PDF not made, a failed call).

use mutual_plan::model::error::{ErrorKind as CoreKind, LoadError};
use mutual_plan::storage::error::FileError;
use serde::Serialize;
use ts_rs::TS;

/// Every kind of error the window can receive, as a stable snake_case name to branch on. The UI
/// receives this type, so a kind it does not handle is a type error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    // The core's kinds, from `From<mutual_plan::model::error::ErrorKind>`.
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
    // The shell's own kinds.
    /// Save was asked for a plan that has no file yet.
    NoFile,
    /// A comment or sign-off was asked for before the user said who they are.
    NoIdentity,
    /// The PDF could not be made.
    Pdf,
    /// The Excel workbook could not be made.
    Workbook,
    /// A spreadsheet to import could not be read.
    Spreadsheet,
    /// The window asked for a file the user never chose (in a file dialog, on the command line
    /// or from the recent files): refused, so a page can only touch what the user picked.
    NotChosen,
    /// Something the window did not expect: a call that failed without an error of the shell's.
    /// The UI makes it itself (`backend.ts`); the shell never sends it, but it is in the type.
    #[allow(dead_code)]
    Internal,
}

impl From<CoreKind> for ErrorKind {
    fn from(k: CoreKind) -> Self {
        match k {
            CoreKind::TooLarge => ErrorKind::TooLarge,
            CoreKind::NotText => ErrorKind::NotText,
            CoreKind::Syntax => ErrorKind::Syntax,
            CoreKind::NotAPlan => ErrorKind::NotAPlan,
            CoreKind::NewerVersion => ErrorKind::NewerVersion,
            CoreKind::UnknownVersion => ErrorKind::UnknownVersion,
            CoreKind::UnknownField => ErrorKind::UnknownField,
            CoreKind::BadValue => ErrorKind::BadValue,
            CoreKind::Invalid => ErrorKind::Invalid,
            CoreKind::Locked => ErrorKind::Locked,
            CoreKind::LockedStale => ErrorKind::LockedStale,
            CoreKind::ChangedOnDisk => ErrorKind::ChangedOnDisk,
            CoreKind::ReadOnlyPlan => ErrorKind::ReadOnlyPlan,
            CoreKind::NotFound => ErrorKind::NotFound,
            CoreKind::PermissionDenied => ErrorKind::PermissionDenied,
            CoreKind::ReadOnly => ErrorKind::ReadOnly,
            CoreKind::DiskFull => ErrorKind::DiskFull,
            CoreKind::Io => ErrorKind::Io,
        }
    }
}

/// An error as the UI receives it: a stable kind to branch on, a sentence to show, and the JSON
/// path of the field at fault so the UI can show the message beside it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct IpcError {
    pub kind: ErrorKind,
    pub message: String,
    pub path: Option<String>,
}

impl IpcError {
    /// An error raised by the shell itself.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        IpcError {
            kind,
            message: message.into(),
            path: None,
        }
    }
}

impl From<LoadError> for IpcError {
    /// With a path, the message is the plain reason, since the UI shows it beside that field.
    fn from(e: LoadError) -> Self {
        let path = e.path().map(|p| p.to_string());
        let message = if path.is_some() {
            e.reason()
        } else {
            e.to_string()
        };
        IpcError {
            kind: e.error_kind().into(),
            message,
            path,
        }
    }
}

impl From<FileError> for IpcError {
    fn from(e: FileError) -> Self {
        let path = match &e {
            FileError::Load { source, .. } => source.path().map(|p| p.to_string()),
            _ => None,
        };
        IpcError {
            kind: e.error_kind().into(),
            message: e.to_string(),
            path,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_serialise_to_kind_message_path() {
        let e = IpcError::from(LoadError::Invalid {
            path: "forecast.months".into(),
            message: "too long".into(),
        });
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({ "kind": "invalid", "message": "too long", "path": "forecast.months" })
        );
    }

    fn locked(stale: bool) -> FileError {
        FileError::Locked {
            path: "plan.mutualplan".into(),
            holder: mutual_plan::storage::error::LockHolder {
                user: "tom".into(),
                machine: "ward-3".into(),
                pid: 1,
                since: mutual_plan::model::values::Timestamp::now(),
                stale,
            },
        }
    }

    #[test]
    fn a_stale_lock_reaches_the_window_as_locked_stale_so_it_offers_take_over() {
        let stale = serde_json::to_value(IpcError::from(locked(true))).unwrap();
        assert_eq!(stale["kind"], "locked_stale");
        let live = serde_json::to_value(IpcError::from(locked(false))).unwrap();
        assert_eq!(live["kind"], "locked");
    }

    #[test]
    fn the_cores_kinds_keep_their_names_and_the_shell_adds_its_own() {
        use CoreKind::*;
        for k in [
            TooLarge,
            NotText,
            Syntax,
            NotAPlan,
            NewerVersion,
            UnknownVersion,
            UnknownField,
            BadValue,
            Invalid,
            Locked,
            LockedStale,
            ChangedOnDisk,
            ReadOnlyPlan,
            NotFound,
            PermissionDenied,
            ReadOnly,
            DiskFull,
            Io,
        ] {
            assert_eq!(
                serde_json::to_value(ErrorKind::from(k)).unwrap(),
                k.as_str()
            );
        }
        for (k, name) in [
            (ErrorKind::NoFile, "no_file"),
            (ErrorKind::NoIdentity, "no_identity"),
            (ErrorKind::Pdf, "pdf"),
            (ErrorKind::Workbook, "workbook"),
            (ErrorKind::Spreadsheet, "spreadsheet"),
            (ErrorKind::NotChosen, "not_chosen"),
            (ErrorKind::Internal, "internal"),
        ] {
            assert_eq!(serde_json::to_value(k).unwrap(), name);
        }
    }
}
