//! Why a file cannot be imported.

use thiserror::Error;

/// Why a file cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("the file is {size} bytes; a file to import may be at most 10 MB")]
    TooLarge { size: u64 },
    #[error("the workbook is protected with a password; save an unprotected copy and import that")]
    Encrypted,
    #[error("the file is not a spreadsheet Mutual Plan can read ({0}); save it as .xlsx or .csv")]
    NotASpreadsheet(String),
    #[error("the workbook has no sheet named \u{201c}{name}\u{201d}; its sheets are {sheets}")]
    NoSuchSheet { name: String, sheets: String },
    #[error("the file has no rows to import")]
    Empty,
    #[error("no column is called \u{201c}{0}\u{201d}")]
    NoSuchColumn(String),
    #[error("there is no field \u{201c}{field}\u{201d} to import into; the fields are {fields}")]
    NoSuchField { field: String, fields: String },
}
