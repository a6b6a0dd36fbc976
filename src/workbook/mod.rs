//! The plan as a workbook a finance reviewer can audit (`docs/spreadsheets.md`): the inputs as
//! cells, every forecast line by month, the income and expenditure account, the balance sheet and
//! the cash by year, and the scenarios. Totals, balances and every line that is a simple function
//! of its inputs are formulas, so the workbook recomputes what the forecast computed; a line the
//! forecast computes by a rule a formula would hide is a value, with a note naming the rule.

mod inputs;
mod layout;
mod sheets;

use crate::checks::analysis::Analysis;
use crate::forecast::ForecastError;
use crate::model::plan::Plan;
use thiserror::Error;

pub use layout::{MONTHLY, YEARLY};

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

/// The workbook of `plan` as analysed, as the bytes of an `.xlsx` file.
pub fn workbook(plan: &Plan, analysis: &Analysis) -> Result<Vec<u8>, ExportError> {
    let (forecast, scenarios) = analysis.forecast.as_ref().map_err(Clone::clone)?;
    sheets::write(plan, analysis, forecast, scenarios)
}
