//! How a workbook is made, and why it could not be.

use crate::forecast::ForecastError;
use thiserror::Error;

/// Why a workbook could not be made.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("the forecast cannot be computed, so there are no figures to export: {0}")]
    Forecast(#[from] ForecastError),
    #[error("the workbook could not be made: {0}")]
    Workbook(String),
}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        ExportError::Workbook(e.to_string())
    }
}

/// How a workbook is made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// The plan has changes that are not saved: the Summary says the figures match no saved file.
    pub unsaved: bool,
}
