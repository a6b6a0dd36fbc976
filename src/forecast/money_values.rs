//! Every money value the forecast shows: each amount of `mutual-plan forecast --format json`
//! (months and their lines, years with their expenditure and balance sheets, the summary, the VAT
//! years, and each scenario's summary and changes), and each yearly figure summed over the
//! years. Rule NAR-01 matches amounts typed in the narrative against them.
//!
//! Values are given as that document writes them: rounded to the penny, half away from zero.

use super::model::Forecast;
use super::scenarios::ScenarioResult;
use super::summary::{Summary, Year};
use rust_decimal::{Decimal, RoundingStrategy};

/// An amount as the JSON writes it: to the penny, half away from zero.
fn penny(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

fn summary_money(s: &Summary, out: &mut Vec<Decimal>) {
    out.extend([
        s.lowest_cash,
        s.peak_funding_need,
        s.lowest_headroom,
        s.peak_facility_drawn,
        s.facility_drawn_at_horizon,
        s.operating_costs_monthly_avg,
        s.receivable_at_horizon,
        s.tax_payable_at_horizon,
        s.payroll_payable_at_horizon,
        s.vat_payable_at_horizon,
        s.interest_payable_at_horizon,
        s.taxable_turnover_12m_max,
        s.closing_cash,
    ]);
}

/// A year's money figures with their JSON keys (`expenditure.<kind>`, `balance_sheet.<key>`),
/// each as the JSON writes it.
pub fn year_money(y: &Year) -> Vec<(String, Decimal)> {
    let mut out: Vec<(String, Decimal)> = [
        ("income.contracts", y.contract_income),
        ("income.other", y.other_income),
        ("grants", y.grants),
        ("surplus", y.surplus),
        ("tax", y.tax),
        ("surplus_after_tax", y.surplus_after_tax),
        ("closing_cash", y.closing_cash),
        ("lowest_cash", y.lowest_cash),
        ("lowest_headroom", y.lowest_headroom),
        ("operating_costs", y.operating_costs),
        ("operating_costs_monthly", y.operating_costs_monthly),
        ("free_reserves", y.free_reserves),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), penny(v)))
    .collect();
    out.extend(
        y.expenditure_by_kind
            .iter()
            .map(|(k, v)| (format!("expenditure.{k}"), penny(*v))),
    );
    out.extend(
        y.balance_sheet
            .rows()
            .iter()
            .map(|(k, v)| (format!("balance_sheet.{k}"), penny(*v))),
    );
    out
}

/// Every money value of the forecast's JSON document for this forecast and these scenarios, in
/// no particular order and with repeats.
pub fn json_money(f: &Forecast, scenarios: &[ScenarioResult]) -> Vec<Decimal> {
    let mut out = Vec::new();
    for m in &f.months {
        out.extend([
            m.opening,
            m.receipts,
            m.payments,
            m.closing,
            m.facility_drawn,
            m.headroom,
        ]);
        out.extend(m.lines.iter().map(|(_, v)| *v));
    }
    for y in &f.years {
        out.extend(year_money(y).into_iter().map(|(_, v)| v));
    }
    summary_money(&f.summary, &mut out);
    for v in &f.vat_years {
        out.extend([
            v.taxable_supplies,
            v.exempt_supplies,
            v.input_vat,
            v.exempt_input_vat,
        ]);
    }
    for s in scenarios {
        summary_money(&s.forecast.summary, &mut out);
        let d = &s.delta;
        out.extend([
            d.lowest_cash,
            d.peak_funding_need,
            d.lowest_headroom,
            d.closing_cash,
        ]);
    }
    out.into_iter().map(penny).collect()
}

/// Each yearly money figure summed over every forecast year (a kind of expenditure counts as
/// nil in a year without it), with its key. A sum that would overflow is left out.
pub fn horizon_totals(years: &[Year]) -> Vec<(String, Decimal)> {
    let mut totals: Vec<(String, Option<Decimal>)> = Vec::new();
    for y in years {
        for (key, v) in year_money(y) {
            match totals.iter_mut().find(|(k, _)| *k == key) {
                Some((_, total)) => *total = total.and_then(|t| t.checked_add(v)),
                None => totals.push((key, Some(v))),
            }
        }
    }
    totals
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::samples;

    #[test]
    fn totals_add_each_figure_over_the_years() {
        let p = samples::riverside().unwrap();
        let f = crate::forecast::forecast(&p).unwrap();
        let totals = horizon_totals(&f.years);
        let surplus: Decimal = f.years.iter().map(|y| y.surplus).sum();
        assert!(totals.contains(&("surplus".to_string(), surplus)));
        let fees: Decimal = f
            .years
            .iter()
            .flat_map(|y| y.expenditure_by_kind.iter())
            .filter(|(k, _)| k.to_string() == "facility_fees")
            .map(|(_, v)| *v)
            .sum();
        assert!(totals.contains(&("expenditure.facility_fees".to_string(), fees)));
        let money = json_money(&f, &[]);
        assert!(money.contains(&f.summary.closing_cash));
        assert!(money.contains(&penny(f.summary.operating_costs_monthly_avg)));
    }
}
