//! The monthly cash-flow forecast of `docs/cashflow.md`: a pure function from a plan to monthly
//! rows, yearly income and expenditure, and the named summary figures.
//!
//! Every line item is computed per month exactly (in a rational) and rounded once to pennies, half
//! away from zero; totals are sums of rounded items. All arithmetic is checked: an absurd input
//! gives [`ForecastError::Overflow`] naming the field, never a panic or a wrong number.

mod arith;
mod cash;
mod engine;
mod error;
pub mod explain;
pub mod funding;
pub mod headroom;
mod ledger;
mod lines;
pub mod live_figures;
mod model;
pub mod money_values;
mod payments;
mod receipts;
pub mod scenarios;
mod summary;
mod tax;
mod vat;

pub use engine::{forecast, forecast_with};
pub use error::ForecastError;
pub use lines::{LineKey, MonthRow};
pub use model::{Adjustments, Forecast};
pub use payments::employment_allowance_eligible;
pub use receipts::anniversaries;
pub use summary::{BalanceSheet, Summary, Year};
pub use vat::VatYear;
