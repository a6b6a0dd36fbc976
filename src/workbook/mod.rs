//! The plan as a workbook a finance reviewer can audit (`docs/spreadsheets.md`): the inputs as
//! cells, every forecast line by month, the income and expenditure account, the balance sheet and
//! the cash by year, and the scenarios. Totals, balances and every line that is a simple function
//! of its inputs are formulas, so the workbook recomputes what the forecast computed; a line the
//! forecast computes by a rule a formula would hide is a value, with a note naming the rule.

mod inputs;
mod layout;
mod options;
mod sheets;

use crate::checks::analysis::Analysis;
use crate::model::plan::Plan;

pub use layout::{MONTHLY, YEARLY};
pub use options::{ExportError, ExportOptions};

/// The workbook of `plan` as saved and analysed, as the bytes of an `.xlsx` file; the same plan
/// gives the same bytes.
pub fn workbook(plan: &Plan, analysis: &Analysis) -> Result<Vec<u8>, ExportError> {
    workbook_with(plan, analysis, &ExportOptions::default())
}

/// The workbook of `plan` as analysed, made with `options`.
pub fn workbook_with(
    plan: &Plan,
    analysis: &Analysis,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let (forecast, scenarios) = analysis.forecast.as_ref().map_err(Clone::clone)?;
    sheets::write(plan, analysis, forecast, scenarios, options)
}
