//! Support eligibility (MSP2) and investment readiness (R1–R10), judged against a criteria set.
//! Every result shows the figure it was judged on and, when not green, what would make it green.

use crate::criteria::Criteria;
use crate::forecast::scenarios::{largest_contract, ScenarioResult};
use crate::forecast::{Forecast, ForecastError};
use crate::labels::{self, month_long};
use crate::money::pounds;
use crate::plan::{OrgStatus, Plan};
use crate::rules::{employee_votes, Finding, Severity};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use ts_rs::TS;

/// An eligibility result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Eligible {
    Pass,
    Fail,
    NotKnown,
}

/// One eligibility criterion's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EligibilityResult {
    pub id: String,
    pub title: String,
    pub result: Eligible,
    pub reason: String,
    pub source: String,
}

/// A traffic-light rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Red,
    Amber,
    Green,
}

impl Rating {
    /// Green 2, amber 1, red 0.
    pub fn score(self) -> u32 {
        match self {
            Rating::Red => 0,
            Rating::Amber => 1,
            Rating::Green => 2,
        }
    }
}

/// One readiness area's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AreaResult {
    pub id: String,
    pub title: String,
    pub rating: Rating,
    pub score: u32,
    /// The figure judged, in words.
    pub figure: String,
    /// What would make it green; `None` when it is green.
    pub advice: Option<String>,
    pub source: String,
}

/// The overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Headline {
    Ready,
    NearlyReady,
    NotYetReady,
}

impl Headline {
    /// How the verdict is written.
    pub fn label(self) -> &'static str {
        match self {
            Headline::Ready => "Ready",
            Headline::NearlyReady => "Nearly ready",
            Headline::NotYetReady => "Not yet ready",
        }
    }
}

/// Which criteria set judged the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CriteriaName {
    pub name: String,
    pub version: String,
}

/// Both assessments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Assessment {
    pub criteria: CriteriaName,
    pub eligibility: Vec<EligibilityResult>,
    pub areas: Vec<AreaResult>,
    pub score: u32,
    pub max_score: u32,
    pub headline: Headline,
}

fn months_of(amount: Decimal, per_month: Decimal) -> Option<Decimal> {
    (!per_month.is_zero()).then(|| {
        (amount / per_month).round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
    })
}

fn rate(value: Decimal, green: Decimal, amber: Decimal) -> Rating {
    if value >= green {
        Rating::Green
    } else if value >= amber {
        Rating::Amber
    } else {
        Rating::Red
    }
}

/// Judges the plan. `forecast` is the base forecast with its scenarios, or why it failed.
pub fn assess(
    plan: &Plan,
    criteria: &Criteria,
    forecast: &Result<(Forecast, Vec<ScenarioResult>), ForecastError>,
    findings: &[Finding],
) -> Assessment {
    let eligibility = eligibility(plan, criteria, findings);
    let mut areas = Vec::new();
    for area in &criteria.areas {
        let (rating, figure, advice) = match forecast {
            Err(e) if ["R1", "R2", "R3", "R4", "R5", "R6"].contains(&area.id.as_str()) => (
                Rating::Red,
                "the forecast cannot be calculated".to_string(),
                Some(format!("Correct the forecast first: {e}.")),
            ),
            _ => judge(&area.id, plan, criteria, forecast.as_ref().ok(), findings),
        };
        let advice = (rating != Rating::Green).then_some(advice).flatten();
        areas.push(AreaResult {
            id: area.id.clone(),
            title: area.title.clone(),
            rating,
            score: rating.score(),
            figure,
            advice,
            source: area.source.clone(),
        });
    }
    let score = areas.iter().map(|a| a.score).sum();
    let max_score = 2 * areas.len() as u32;
    let reds = areas.iter().filter(|a| a.rating == Rating::Red).count() as u32;
    let headline = headline(score, max_score, reds, criteria);
    Assessment {
        criteria: CriteriaName {
            name: criteria.name.clone(),
            version: criteria.version.clone(),
        },
        eligibility,
        areas,
        score,
        max_score,
        headline,
    }
}

/// Ready: no red area and at least the criteria's share of the maximum score; nearly ready: at
/// most the allowed number of red areas; otherwise not yet ready.
pub fn headline(score: u32, max_score: u32, reds: u32, criteria: &Criteria) -> Headline {
    let share = Decimal::from(score) * Decimal::ONE_HUNDRED / Decimal::from(max_score.max(1));
    if reds == 0 && share >= criteria.headline.ready_min_score_percent.get() {
        Headline::Ready
    } else if reds <= criteria.headline.nearly_ready_max_red {
        Headline::NearlyReady
    } else {
        Headline::NotYetReady
    }
}

fn eligibility(plan: &Plan, criteria: &Criteria, findings: &[Finding]) -> Vec<EligibilityResult> {
    use Eligible::*;
    let org = &plan.organisation;
    let mut out = Vec::new();
    for c in &criteria.eligibility {
        let (result, reason) = match c.id.as_str() {
            "ELIG-1" => match org.nation {
                crate::plan::Nation::England => (Pass, "The organisation is based in England.".to_string()),
                n => (Fail, format!("The organisation is based in {}; the programme supported mutuals in England.", crate::labels::nation(n))),
            },
            "ELIG-2" => {
                let mut missing = Vec::new();
                if org.parent_body.name.trim().is_empty() {
                    missing.push("no parent body is named");
                }
                if plan.forecast.contracts.is_empty() {
                    missing.push("no public service contract is planned");
                }
                if findings.iter().any(|f| f.rule == "MUT-01") {
                    missing.push("staff do not have a significant say (rule MUT-01)");
                }
                if missing.is_empty() {
                    (Pass, "It leaves the public sector, delivers public services under contract, and staff have a significant say.".into())
                } else {
                    (Fail, format!("Not yet a public service mutual: {}.", missing.join("; ")))
                }
            }
            "ELIG-3" => {
                let years = criteria.policy.live_years_for_support;
                match org.status {
                    OrgStatus::Planned => (Pass, "The organisation has not spun out yet.".into()),
                    OrgStatus::Live if plan.saved_at.date() <= org.spin_out_date.plus_years(years as i32) => {
                        (Pass, format!("It spun out on {}, within {years} years of this plan.", org.spin_out_date))
                    }
                    OrgStatus::Live => (
                        NotKnown,
                        format!("It spun out more than {years} years ago: it is eligible only if it still delivers its original or extended contract without re-tender, which the plan does not record."),
                    ),
                }
            }
            "ELIG-4" => {
                let written = plan.narrative.sections.iter().any(|s| s.id == "growth" && !s.text.trim().is_empty());
                if written {
                    (Pass, "The growth and diversification section says how support will help.".into())
                } else {
                    (Fail, "Write the \"Growth and diversification\" section: how support will help the organisation grow or diversify.".into())
                }
            }
            "ELIG-5" => match plan.forecast.grants.iter().find(|g| g.match_funding) {
                Some(g) => (Pass, format!("{} from {} is marked as match funding.", pounds(g.amount.get()), g.funder)),
                None => (Fail, "No match funding is shown: mark the grant or cash that will match the support.".into()),
            },
            _ => (NotKnown, "This criterion is not known to this version of Mutual Plan.".into()),
        };
        out.push(EligibilityResult {
            id: c.id.clone(),
            title: c.title.clone(),
            result,
            reason,
            source: c.source.clone(),
        });
    }
    out
}

type Judged = (Rating, String, Option<String>);

fn judge(
    id: &str,
    plan: &Plan,
    criteria: &Criteria,
    forecast: Option<&(Forecast, Vec<ScenarioResult>)>,
    findings: &[Finding],
) -> Judged {
    let area = criteria.area(id);
    let t = |name: &str| area.threshold(name);
    let Some((base, scenarios)) = forecast else {
        return (
            Rating::Red,
            "the forecast cannot be calculated".into(),
            None,
        );
    };
    let s = &base.summary;
    let opex = s.operating_costs_monthly_avg;
    match id {
        "R1" => {
            let shortfall = -s.lowest_cash;
            let figure = format!(
                "lowest cash {} in {}",
                pounds(s.lowest_cash),
                month_long(s.lowest_cash_month)
            );
            let rating = if s.lowest_cash >= Decimal::ZERO {
                Rating::Green
            } else if shortfall <= opex * t("amber_max_shortfall_months") {
                Rating::Amber
            } else {
                Rating::Red
            };
            (rating, figure, Some(format!("Find {} more cash by {} (a larger loan or grant, or payment in advance) so that cash never falls below zero.", pounds(shortfall), month_long(s.lowest_cash_month))))
        }
        "R2" => {
            let year1 = &base.months[..base.months.len().min(12)];
            let Some((low, month)) = year1
                .iter()
                .min_by_key(|r| r.closing)
                .map(|r| (r.closing, r.month))
            else {
                return (Rating::Red, "no months".into(), None);
            };
            let Some(cover) = months_of(low, opex) else {
                return (
                    Rating::Amber,
                    "no operating costs to judge against".into(),
                    Some("Add the staff and running costs to the forecast.".into()),
                );
            };
            // Judged on the exact amounts; the months figure is rounded only for showing.
            let rating = rate(
                low,
                opex * t("green_min_months"),
                opex * t("amber_min_months"),
            );
            let green = opex * t("green_min_months");
            (
                rating,
                format!("lowest year-one cash {} in {}: {} of operating costs", pounds(low), month_long(month), labels::months(cover)),
                Some(format!(
                    "Hold at least {} of operating costs ({}) in every month of year one: {} more at the lowest point.",
                    labels::months(t("green_min_months")),
                    pounds(green),
                    pounds(green - low)
                )),
            )
        }
        "R3" => {
            let want = t("year").to_string().parse::<usize>().unwrap_or(2).max(1);
            let Some(year) = base.years.get(want - 1).or(base.years.last()) else {
                return (Rating::Red, "no years".into(), None);
            };
            let Some(reserves) = year.reserves_months else {
                return (
                    Rating::Amber,
                    "no operating costs to judge against".into(),
                    Some("Add the staff and running costs to the forecast.".into()),
                );
            };
            let rating = rate(reserves, t("green_min_months"), t("amber_min_months"));
            let target = opex * t("green_min_months");
            (
                rating,
                format!(
                    "{} of operating costs in hand at the end of year {} ({})",
                    labels::months(reserves),
                    year.year,
                    pounds(year.closing_cash)
                ),
                Some(format!(
                    "Reserves of {} ({}) at the end of year {} would make this green: {} more.",
                    labels::months(t("green_min_months")),
                    pounds(target),
                    year.year,
                    pounds(target - year.closing_cash)
                )),
            )
        }
        "R4" => {
            let (Some(share), Some(who)) = (s.largest_commissioner_share, &s.largest_commissioner)
            else {
                return (
                    Rating::Amber,
                    "no contract income to judge".into(),
                    Some("Add the contracts that will pay for the services.".into()),
                );
            };
            let shown = share.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
            let rating = if share <= t("green_max_share_percent") {
                Rating::Green
            } else if share <= t("amber_max_share_percent") {
                Rating::Amber
            } else {
                Rating::Red
            };
            (
                rating,
                format!("{shown}% of contract income from {who}"),
                Some(format!("Win work from other commissioners or customers until no single commissioner provides more than {}% of contract income.", t("green_max_share_percent").normalize())),
            )
        }
        "R5" => {
            let Some(s1) = scenarios
                .iter()
                .find(|r| r.scenario.id == "S1-largest-contract-ends")
            else {
                return (Rating::Red, "scenario S1 was not run".into(), None);
            };
            let s1_low = s1.forecast.summary.lowest_cash;
            let lost = largest_contract(base)
                .and_then(|id| plan.forecast.contracts.iter().find(|c| &c.id == id));
            let Some(c) = lost else {
                let rating = if s1_low >= Decimal::ZERO {
                    Rating::Green
                } else {
                    Rating::Red
                };
                return (
                    rating,
                    "no contract to lose".into(),
                    Some("Add the contracts that will pay for the services.".into()),
                );
            };
            if s1_low >= Decimal::ZERO {
                return (
                    Rating::Green,
                    format!(
                        "if \"{}\" is not renewed after {}, cash stays above zero (lowest {})",
                        c.service,
                        month_long(c.end),
                        pounds(s1_low)
                    ),
                    None,
                );
            }
            // Only cash that goes negative after the lost contract's end measures this loss; an
            // earlier dip is the same with or without it (R1 judges that).
            let runs_out = s1
                .forecast
                .months
                .iter()
                .find(|r| r.month > c.end && r.closing < Decimal::ZERO)
                .map(|r| r.month);
            let (rating, figure) = match runs_out {
                Some(m) => {
                    let after = c.end.months_until(m);
                    let rating = if Decimal::from(after) >= t("amber_min_months_after_end") { Rating::Amber } else { Rating::Red };
                    (rating, format!("if \"{}\" is not renewed after {}, cash runs out in {}, {} later", c.service, month_long(c.end), month_long(m), labels::count(after as usize, "month", "months")))
                }
                None => (Rating::Amber, format!("if \"{}\" is not renewed, cash stays above zero after it ends, but dips to {} earlier", c.service, pounds(s1_low))),
            };
            (rating, figure, Some(format!("Build reserves or other income to cover the {} shortfall if \"{}\" is lost, so cash never falls below zero.", pounds(-s1_low), c.service)))
        }
        "R6" => {
            if plan.forecast.loans.is_empty() {
                return (Rating::Green, "no loans".into(), None);
            }
            let worst = base
                .years
                .iter()
                .filter_map(|y| y.dscr.map(|d| (d, y.year)))
                .min_by_key(|(d, _)| *d);
            let Some((dscr, year)) = worst else {
                return (
                    Rating::Green,
                    "no loan repayments fall within the forecast".into(),
                    None,
                );
            };
            let shown = dscr.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            (
                rate(dscr, t("green_min_dscr"), t("amber_min_dscr")),
                format!("lowest debt service cover {shown}× (year {year})"),
                Some(format!("Surplus before interest should cover loan repayments at least {}× every year: borrow less, over a longer term, or raise the surplus.", t("green_min_dscr").normalize())),
            )
        }
        "R7" => {
            let of = |prefix: &str, sev: Severity| {
                findings
                    .iter()
                    .filter(|f| f.rule.starts_with(prefix) && f.severity == sev)
                    .count()
            };
            let errors = of("GOV-", Severity::Error) + of("LEG-", Severity::Error);
            let gov_warnings = of("GOV-", Severity::Warning);
            let rating = if errors > 0 {
                Rating::Red
            } else if gov_warnings > 0 {
                Rating::Amber
            } else {
                Rating::Green
            };
            (
                rating,
                format!(
                    "{errors} governance or legal-form errors, {gov_warnings} governance warnings"
                ),
                Some(
                    "Resolve the governance (GOV) and legal-form (LEG) findings in the checks."
                        .into(),
                ),
            )
        }
        "R8" => {
            let votes = employee_votes(plan);
            let mut_error = findings
                .iter()
                .any(|f| f.rule.starts_with("MUT-") && f.severity == Severity::Error);
            let rating = if mut_error {
                Rating::Red
            } else if votes >= criteria.policy.employee_control_votes_percent.get() {
                Rating::Green
            } else {
                Rating::Amber
            };
            (
                rating,
                format!("staff hold {}% of the votes{}", votes.normalize(), if mut_error { ", with errors in the mutual checks" } else { "" }),
                Some("Staff should control the organisation (more than half the votes) with no errors in the mutual (MUT) checks.".into()),
            )
        }
        "R9" => {
            let indicator = plan
                .narrative
                .impact
                .iter()
                .any(|i| !i.baseline.trim().is_empty() && !i.target.trim().is_empty());
            let text = plan
                .narrative
                .sections
                .iter()
                .any(|s| s.id == "impact" && !s.text.trim().is_empty());
            let rating = match (indicator, text) {
                (true, true) => Rating::Green,
                (false, false) => Rating::Red,
                _ => Rating::Amber,
            };
            let measured = plan
                .narrative
                .impact
                .iter()
                .filter(|i| !i.baseline.trim().is_empty() && !i.target.trim().is_empty())
                .count();
            let figure = format!(
                "{} with baseline and target; the social impact section is {}",
                labels::count(measured, "indicator", "indicators"),
                if text { "written" } else { "empty" }
            );
            (rating, figure, Some("Give at least one impact indicator a baseline and a target, and write the social impact section.".into()))
        }
        "R10" => {
            let empty = plan
                .narrative
                .sections
                .iter()
                .filter(|s| s.text.trim().is_empty())
                .count()
                + crate::sections::SECTIONS
                    .iter()
                    .filter(|spec| !plan.narrative.sections.iter().any(|s| s.id == spec.id))
                    .count();
            let risks = plan.narrative.risks.len();
            let min_risks = t("green_min_risks")
                .to_string()
                .parse::<usize>()
                .unwrap_or(3);
            let rating = if empty == 0 && risks >= min_risks {
                Rating::Green
            } else if Decimal::from(empty) <= t("amber_max_empty_sections") {
                Rating::Amber
            } else {
                Rating::Red
            };
            (
                rating,
                format!(
                    "{empty} of {} sections empty; {} in the register",
                    crate::sections::SECTIONS.len(),
                    labels::count(risks, "risk", "risks")
                ),
                Some(format!(
                    "Write every section and record at least {min_risks} risks."
                )),
            )
        }
        _ => (
            Rating::Red,
            "this area is not known to this version of Mutual Plan".into(),
            None,
        ),
    }
}
