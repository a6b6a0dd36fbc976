//! Sources and uses of funds to the lowest point of year 1: how the start-up gap arises and what
//! covers it, as a reconciliation a reader can add up.

use super::lines::LineKey;
use super::model::Forecast;
use crate::model::plan::{CostFrequency, Plan};
use crate::model::values::Month;
use rust_decimal::Decimal;

/// From the opening cash to the lowest cash of the first year:
/// `opening + grants + equity + loans − one_off_costs + operating = lowest_cash`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcesAndUses {
    /// The month of the lowest closing cash in the first twelve months (the first, on a tie).
    pub to_month: Month,
    pub opening_cash: Decimal,
    pub grants: Decimal,
    pub equity: Decimal,
    pub loans: Decimal,
    /// One-off costs paid in those months, as a positive amount.
    pub one_off_costs: Decimal,
    /// Every other receipt less every other payment in those months.
    pub operating: Decimal,
    pub lowest_cash: Decimal,
}

/// The reconciliation for the plan's forecast.
pub fn sources_and_uses(plan: &Plan, f: &Forecast) -> SourcesAndUses {
    let year_one = &f.months[..f.months.len().min(12)];
    let lowest = year_one.iter().enumerate().fold(0, |best, (i, r)| {
        if r.closing < year_one[best].closing {
            i
        } else {
            best
        }
    });
    let to_month = year_one[lowest].month;
    let (mut grants, mut equity, mut loans, mut other) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for row in &year_one[..=lowest] {
        for (key, v) in &row.lines {
            match key {
                LineKey::Grant(_) => grants += v,
                LineKey::Equity(_) => equity += v,
                LineKey::LoanDrawdown(_) => loans += v,
                _ => other += v,
            }
        }
    }
    // A one-off cost pays exactly its amount in its month: take it out of its category's line.
    let start = f.months[0].month;
    let one_off_costs: Decimal = plan
        .forecast
        .costs
        .iter()
        .filter(|c| c.frequency == CostFrequency::OneOff && c.start >= start && c.start <= to_month)
        .map(|c| c.amount.get())
        .sum();
    SourcesAndUses {
        to_month,
        opening_cash: f.months[0].opening,
        grants,
        equity,
        loans,
        one_off_costs,
        operating: other + one_off_costs,
        lowest_cash: year_one[lowest].closing,
    }
}
