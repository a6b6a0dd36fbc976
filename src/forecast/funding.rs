//! Sources and uses of funds to the lowest point of year 1: how the start-up gap arises and what
//! covers it, as a reconciliation a reader can add up.

use super::lines::LineKey;
use super::model::Forecast;
use crate::model::plan::{CostFrequency, Plan};
use crate::model::values::Month;
use rust_decimal::{Decimal, RoundingStrategy};

/// From the opening cash to the closing cash of the first month of year 1's lowest headroom
/// (its lowest cash when the plan has no facility):
/// `opening + grants + equity + loans + facility − one_off_costs − capital + operating = closing`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcesAndUses {
    /// The first month of the lowest headroom in the first twelve months.
    pub to_month: Month,
    pub opening_cash: Decimal,
    pub grants: Decimal,
    pub equity: Decimal,
    pub loans: Decimal,
    /// Facilities drawn less repaid in those months.
    pub facility: Decimal,
    /// One-off costs paid in those months, with the VAT paid on them, as a positive amount.
    pub one_off_costs: Decimal,
    /// Capital spending in those months, with the VAT paid on it, as a positive amount.
    pub capital: Decimal,
    /// Every other receipt less every other payment in those months, VAT included.
    pub operating: Decimal,
    /// The closing cash of `to_month`.
    pub closing_cash: Decimal,
}

/// `round(amount × percent / 100)`: the VAT a supplier adds to a line's amount.
fn vat_on(amount: Decimal, percent: Decimal) -> Decimal {
    (amount * percent / Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The reconciliation for the plan's forecast.
pub fn sources_and_uses(plan: &Plan, f: &Forecast) -> SourcesAndUses {
    let year_one = &f.months[..f.months.len().min(12)];
    let lowest = year_one.iter().enumerate().fold(0, |best, (i, r)| {
        if r.headroom < year_one[best].headroom {
            i
        } else {
            best
        }
    });
    let to_month = year_one[lowest].month;
    let (mut grants, mut equity, mut loans, mut facility, mut other) = (
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
        Decimal::ZERO,
    );
    for row in &year_one[..=lowest] {
        for (key, v) in &row.lines {
            match key {
                LineKey::Grant(_) => grants += v,
                LineKey::Equity(_) => equity += v,
                LineKey::LoanDrawdown(_) => loans += v,
                LineKey::Facility(_) => facility += v,
                _ => other += v,
            }
        }
    }
    // A one-off or capital line pays exactly its amount, and its VAT, in its month: take them
    // out of their lines, leaving the rest in the running of the service.
    let start = f.months[0].month;
    let once = |frequency: CostFrequency| -> Decimal {
        plan.forecast
            .costs
            .iter()
            .filter(|c| c.frequency == frequency && c.start >= start && c.start <= to_month)
            .map(|c| c.amount.get() + vat_on(c.amount.get(), c.vat_percent.get()))
            .sum()
    };
    let one_off_costs = once(CostFrequency::OneOff);
    let capital = once(CostFrequency::Capital);
    SourcesAndUses {
        to_month,
        opening_cash: f.months[0].opening,
        grants,
        equity,
        loans,
        facility,
        one_off_costs,
        capital,
        operating: other + one_off_costs + capital,
        closing_cash: year_one[lowest].closing,
    }
}
