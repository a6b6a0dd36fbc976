//! Stress scenarios: named changes to a copy of the plan, and their effect on the forecast.

use super::engine::{forecast, forecast_with};
use super::error::ForecastError;
use super::model::{Adjustments, Forecast};
use crate::model::plan::{Plan, RenewalAssumption};
use crate::model::values::{ItemId, Percent};
use rust_decimal::Decimal;

/// What a scenario changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The contract with the largest earned value is not renewed.
    EndLargestContract,
    /// Every contract's value is cut by this percentage from its second year.
    CutContractValues { percent: Decimal },
    /// Every contract's payment terms rise by this many days.
    LatePayment { days: u32 },
    /// The pay award rises by this many percentage points.
    PayAwardPlus { points: Decimal },
    /// Every staff line's employer pension rises by this many points.
    PensionPlus { points: Decimal },
    /// Every payment-by-results achievement falls by this many points (not below 0).
    ResultsShortfall { points: Decimal },
}

/// A named stress scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    pub id: &'static str,
    pub title: &'static str,
    pub change: Change,
}

/// The six scenarios every plan is tested against.
pub fn default_scenarios() -> Vec<Scenario> {
    let d = Decimal::from;
    vec![
        Scenario {
            id: "S1-largest-contract-ends",
            title: "The largest contract is not renewed (its linked staff transfer)",
            change: Change::EndLargestContract,
        },
        Scenario {
            id: "S2-price-cut-5",
            title: "Contract prices cut by 5% from their second year",
            change: Change::CutContractValues { percent: d(5) },
        },
        Scenario {
            id: "S3-late-payment-30",
            title: "Commissioners pay 30 days later",
            change: Change::LatePayment { days: 30 },
        },
        Scenario {
            id: "S4-pay-award-plus-2",
            title: "Pay awards 2 points higher",
            change: Change::PayAwardPlus { points: d(2) },
        },
        Scenario {
            id: "S5-pension-plus-3",
            title: "Employer pension contributions 3 points higher",
            change: Change::PensionPlus { points: d(3) },
        },
        Scenario {
            id: "S6-results-shortfall-20",
            title: "Payment-by-results achievement 20 points lower",
            change: Change::ResultsShortfall { points: d(20) },
        },
    ]
}

/// The contract with the most earned value over the horizon (ties: the first in the plan): the
/// one scenario S1 loses. `None` when no contract earns anything.
pub fn largest_contract(base: &Forecast) -> Option<&ItemId> {
    base.summary
        .contract_earned
        .iter()
        .fold(None::<&(ItemId, Decimal)>, |best, c| match best {
            Some(b) if b.1 >= c.1 => best,
            _ => Some(c),
        })
        .filter(|(_, earned)| *earned > Decimal::ZERO)
        .map(|(id, _)| id)
}

fn capped(p: Percent, by: Decimal) -> Percent {
    // Clamped into range, with no more decimal places than its parts: always a valid percentage.
    Percent::new((p.get() + by).clamp(Decimal::ZERO, Decimal::ONE_HUNDRED)).unwrap_or(p)
}

/// The changed copy of the plan, and any adjustment the engine applies beyond it.
pub fn apply(plan: &Plan, base: &Forecast, change: Change) -> (Plan, Adjustments) {
    let mut p = plan.clone();
    let mut adj = Adjustments::default();
    let f = &mut p.forecast;
    match change {
        Change::EndLargestContract => {
            // A contract that already ends, or none earning anything, leaves nothing to lose:
            // its linked staff stay as the plan has them too.
            if let Some(id) = largest_contract(base) {
                if let Some(c) = f.contracts.iter_mut().find(|c| &c.id == id) {
                    if c.renewal.assumption == RenewalAssumption::Renewed {
                        c.renewal.assumption = RenewalAssumption::Ends;
                        let end = c.end;
                        // The staff working on it transfer to the next provider (TUPE).
                        for s in f
                            .staff
                            .iter_mut()
                            .filter(|s| s.contract.as_ref() == Some(id))
                        {
                            s.end = Some(s.end.map_or(end, |e| e.min(end)));
                        }
                    }
                }
            }
        }
        Change::CutContractValues { percent } => {
            adj.contract_cut_from_second_year_percent = Some(percent)
        }
        Change::LatePayment { days } => f
            .contracts
            .iter_mut()
            .for_each(|c| c.payment_terms_days = c.payment_terms_days.saturating_add(days)),
        Change::PayAwardPlus { points } => {
            f.settings.pay_award_percent = capped(f.settings.pay_award_percent, points)
        }
        Change::PensionPlus { points } => f
            .staff
            .iter_mut()
            .for_each(|s| s.pension.employer_percent = capped(s.pension.employer_percent, points)),
        Change::ResultsShortfall { points } => f
            .contracts
            .iter_mut()
            .filter_map(|c| c.pbr.as_mut())
            .for_each(|p| p.achievement_percent = capped(p.achievement_percent, -points)),
    }
    (p, adj)
}

/// How a scenario's figures differ from the base: scenario minus base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delta {
    pub lowest_cash: Decimal,
    /// Months later (positive) or earlier (negative) that the lowest point falls.
    pub lowest_cash_month: i64,
    pub peak_funding_need: Decimal,
    pub months_negative: i64,
    /// Months later (positive) or earlier that cash first goes below zero; `None` when either
    /// forecast never goes below zero.
    pub first_negative_month: Option<i64>,
    pub lowest_headroom: Decimal,
    /// Months later or earlier that the lowest headroom falls.
    pub lowest_headroom_month: i64,
    pub closing_cash: Decimal,
}

/// A scenario's forecast and its difference from the base.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioResult {
    pub scenario: Scenario,
    pub forecast: Forecast,
    pub delta: Delta,
}

/// The difference between two forecasts' summaries.
pub fn delta(base: &Forecast, other: &Forecast) -> Delta {
    let (b, o) = (&base.summary, &other.summary);
    Delta {
        lowest_cash: o.lowest_cash - b.lowest_cash,
        lowest_cash_month: b.lowest_cash_month.months_until(o.lowest_cash_month),
        peak_funding_need: o.peak_funding_need - b.peak_funding_need,
        months_negative: i64::from(o.months_negative) - i64::from(b.months_negative),
        first_negative_month: b
            .first_negative_month
            .zip(o.first_negative_month)
            .map(|(b, o)| b.months_until(o)),
        lowest_headroom: o.lowest_headroom - b.lowest_headroom,
        lowest_headroom_month: b
            .lowest_headroom_month
            .months_until(o.lowest_headroom_month),
        closing_cash: o.closing_cash - b.closing_cash,
    }
}

/// Runs one scenario against a base forecast.
pub fn run(
    plan: &Plan,
    base: &Forecast,
    scenario: &Scenario,
) -> Result<ScenarioResult, ForecastError> {
    let (changed, adj) = apply(plan, base, scenario.change);
    let forecast = forecast_with(&changed, &adj)?;
    Ok(ScenarioResult {
        scenario: scenario.clone(),
        delta: delta(base, &forecast),
        forecast,
    })
}

/// The plan without what the forecast does not read (its narrative, review and board), so that
/// each scenario's copy is quick to make.
pub(crate) fn forecast_part(plan: &Plan) -> Plan {
    use crate::model::plan::{Narrative, Review};
    Plan {
        format: plan.format.clone(),
        schema_version: plan.schema_version,
        addressee: String::new(),
        id: plan.id.clone(),
        revision: plan.revision,
        saved_at: plan.saved_at,
        saved_by: String::new(),
        title: String::new(),
        organisation: plan.organisation.clone(),
        ownership: plan.ownership.clone(),
        board: Vec::new(),
        forecast: plan.forecast.clone(),
        narrative: Narrative {
            sections: Vec::new(),
            risks: Vec::new(),
            impact: Vec::new(),
            milestones: Vec::new(),
        },
        review: Review {
            comments: Vec::new(),
            signoffs: Vec::new(),
        },
    }
}

/// The base forecast and every default scenario.
pub fn run_all(plan: &Plan) -> Result<(Forecast, Vec<ScenarioResult>), ForecastError> {
    let base = forecast(plan)?;
    let lean = forecast_part(plan);
    let results = default_scenarios()
        .iter()
        .map(|s| run(&lean, &base, s))
        .collect::<Result<_, _>>()?;
    Ok((base, results))
}
