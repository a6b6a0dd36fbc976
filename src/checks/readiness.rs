//! Support eligibility (MSP2) and investment readiness (R1–R10), judged against a criteria set.
//! Every result shows the figure it was judged on and, when not green, what would make it green.

use crate::checks::criteria::{
    CashThresholds, CompletenessThresholds, ComplianceThresholds, Criteria, DebtServiceThresholds,
    DiversificationThresholds, ReservesThresholds, ResilienceThresholds, WorkingCapitalThresholds,
};
use crate::checks::rules::employee_votes;
use crate::checks::verdict::{AreaId, Eligible, Finding, Headline, Rating, Severity};
use crate::forecast::scenarios::{largest_contract, ScenarioResult};
use crate::forecast::{Forecast, ForecastError};
use crate::model::plan::{OrgStatus, PensionScheme, Plan};
use crate::model::values::Month;
use crate::words::format;
use crate::words::format::month_long;
use crate::words::labels::{self};
use crate::words::money::pounds;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use ts_rs::TS;

/// One eligibility criterion's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EligibilityResult {
    pub id: String,
    pub title: String,
    pub result: Eligible,
    pub reason: String,
    pub source: String,
}

/// One readiness area's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AreaResult {
    pub id: AreaId,
    pub title: String,
    pub rating: Rating,
    pub score: u32,
    /// The figure judged, in words.
    pub figure: String,
    /// What would make it green; `None` when it is green.
    pub advice: Option<String>,
    pub source: String,
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
    let cx = Ctx {
        plan,
        criteria,
        findings,
    };
    let mut areas = Vec::new();
    for id in AreaId::ALL {
        let (rating, figure, advice) = judge(id, &cx, forecast);
        let advice = (rating != Rating::Green).then_some(advice).flatten();
        let (title, source) = criteria.areas.words(id);
        areas.push(AreaResult {
            id,
            title: title.into(),
            rating,
            score: rating.score(),
            figure,
            advice,
            source: source.into(),
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
                crate::model::plan::Nation::England => (Pass, "The organisation is based in England.".to_string()),
                n => (Fail, format!("The organisation is based in {}; the programme supported mutuals in England.", labels::nation(n))),
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

/// An area's rating, the figure it was judged on, and what would make it green.
type Judged = (Rating, String, Option<String>);

/// What every area may look at besides the forecast.
struct Ctx<'a> {
    plan: &'a Plan,
    criteria: &'a Criteria,
    findings: &'a [Finding],
}

/// Judges one area. R1–R6 are judged from the forecast and are red, naming the field at fault,
/// when it cannot be computed; R7–R10 are judged from the checks and the narrative regardless.
fn judge(
    id: AreaId,
    cx: &Ctx,
    forecast: &Result<(Forecast, Vec<ScenarioResult>), ForecastError>,
) -> Judged {
    use AreaId::*;
    let a = &cx.criteria.areas;
    match (id, forecast) {
        (R7, _) => r7_governance(cx.findings, &a.r7.thresholds),
        (R8, _) => r8_mutual(cx),
        (R9, _) => r9_impact(cx.plan),
        (R10, _) => r10_complete(cx.plan, &a.r10.thresholds),
        (_, Err(e)) => (
            Rating::Red,
            "the forecast cannot be calculated".into(),
            Some(format!("Correct the forecast first: {e}.")),
        ),
        (R1, Ok((base, _))) => r1_cash(cx.plan, base, &a.r1.thresholds),
        (R2, Ok((base, _))) => r2_working_capital(cx.plan, base, &a.r2.thresholds),
        (R3, Ok((base, _))) => r3_free_reserves(base, &a.r3.thresholds),
        (R4, Ok((base, _))) => r4_diversification(cx.plan, base, &a.r4.thresholds),
        (R5, Ok((base, scenarios))) => {
            r5_losing_the_main_contract(cx.plan, base, scenarios, &a.r5.thresholds)
        }
        (R6, Ok((base, _))) => r6_debt_service(cx.plan, base, &a.r6.thresholds),
    }
}

/// The note every R1, R2 and R5 result adds when a working-capital facility is available in a
/// month the area judges.
pub const FACILITY_NOTE: &str =
    "This counts the working-capital facilities in the plan; have them agreed in writing.";

/// Whether a facility of the plan may be drawn in any month from `first` to `last` inclusive
/// (available at the end of month `m`: `from ≤ m` and `to` null or `m < to`).
fn facility_available(plan: &Plan, first: Month, last: Month) -> bool {
    plan.forecast
        .facilities
        .iter()
        .any(|fa| fa.from <= last && fa.to.is_none_or(|to| first < to && fa.from < to))
}

/// Adds the facility note to a figure when a facility is available in the months judged.
fn with_note(figure: String, noted: bool) -> String {
    if noted {
        format!("{figure}. {FACILITY_NOTE}")
    } else {
        figure
    }
}

/// The forecast's first and last months.
fn horizon(base: &Forecast) -> Option<(Month, Month)> {
    Some((base.months.first()?.month, base.months.last()?.month))
}

/// R1: headroom (cash plus undrawn facilities) never below zero; a dip a modest facility could
/// bridge is amber.
fn r1_cash(plan: &Plan, base: &Forecast, t: &CashThresholds) -> Judged {
    let s = &base.summary;
    let shortfall = -s.lowest_headroom;
    let figure = if plan.forecast.facilities.is_empty() {
        format!(
            "lowest cash {} in {}",
            pounds(s.lowest_cash),
            month_long(s.lowest_cash_month)
        )
    } else {
        format!(
            "lowest headroom (cash plus undrawn facilities) {} in {}",
            pounds(s.lowest_headroom),
            month_long(s.lowest_headroom_month)
        )
    };
    let noted = horizon(base).is_some_and(|(a, b)| facility_available(plan, a, b));
    let rating = if s.lowest_headroom >= Decimal::ZERO {
        Rating::Green
    } else if shortfall <= s.operating_costs_monthly_avg * t.amber_max_shortfall_months {
        Rating::Amber
    } else {
        Rating::Red
    };
    (
        rating,
        with_note(figure, noted),
        Some(format!(
            "Find {} more cash or committed facilities by {} (a larger loan, facility or grant, or payment in advance from the commissioner) so that cash never runs out.",
            pounds(shortfall),
            month_long(s.lowest_headroom_month)
        )),
    )
}

/// R2: every month of year one closes with enough months of operating costs in hand, counting
/// the undrawn facilities.
fn r2_working_capital(plan: &Plan, base: &Forecast, t: &WorkingCapitalThresholds) -> Judged {
    let opex = base.summary.operating_costs_monthly_avg;
    let year1 = &base.months[..base.months.len().min(12)];
    // The first month of the lowest headroom.
    let Some((low, month)) =
        year1
            .iter()
            .fold(None, |best: Option<(Decimal, Month)>, r| match best {
                Some((b, _)) if b <= r.headroom => best,
                _ => Some((r.headroom, r.month)),
            })
    else {
        return (Rating::Red, "no months".into(), None);
    };
    let what = if plan.forecast.facilities.is_empty() {
        "cash"
    } else {
        "headroom"
    };
    let noted = match (year1.first(), year1.last()) {
        (Some(a), Some(b)) => facility_available(plan, a.month, b.month),
        _ => false,
    };
    let Some(cover) = months_of(low, opex) else {
        return (
            Rating::Amber,
            with_note("no operating costs to judge against".into(), noted),
            Some("Add the staff and running costs to the forecast.".into()),
        );
    };
    // Judged on the exact amounts; the months figure is rounded only for showing.
    let green = opex * t.green_min_months;
    let rating = rate(low, green, opex * t.amber_min_months);
    (
        rating,
        with_note(
            format!(
                "lowest year-one {what} {} in {}: {} of operating costs",
                pounds(low),
                month_long(month),
                format::months(cover)
            ),
            noted,
        ),
        Some(format!(
            "Hold at least {} of operating costs ({}) in cash or committed facilities in every month of year one: {} more at the lowest point.",
            format::months(t.green_min_months),
            pounds(green),
            pounds(green - low)
        )),
    )
}

/// R3: free reserves (funds less fixed assets) at the end of the criteria's year, or of the
/// last year of a shorter forecast, in months of that year's own operating costs, judged on the
/// figure as shown (one decimal).
fn r3_free_reserves(base: &Forecast, t: &ReservesThresholds) -> Judged {
    let want = usize::try_from(t.year).unwrap_or(usize::MAX).max(1);
    let Some(year) = base.years.get(want - 1).or(base.years.last()) else {
        return (Rating::Red, "no years".into(), None);
    };
    let Some(reserves) = year.free_reserves_months else {
        return (
            Rating::Amber,
            "no running costs to judge".into(),
            Some("Add the staff and running costs to the forecast.".into()),
        );
    };
    let rating = rate(reserves, t.green_min_months, t.amber_min_months);
    let target = year.operating_costs_monthly * t.green_min_months;
    (
        rating,
        format!(
            "free reserves of {} of operating costs at the end of year {} ({})",
            format::months(reserves),
            year.year,
            pounds(year.free_reserves)
        ),
        Some(format!(
            "Free reserves — reserves not committed to spending or tied up in fixed assets, as the Charity Commission defines them — of {} of operating costs ({}) at the end of year {} would make this green: {} more.",
            format::months(t.green_min_months),
            pounds(target),
            year.year,
            pounds(target - year.free_reserves)
        )),
    )
}

/// One source of earned income for R4: a commissioner (its contracts together) or an
/// other-income line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomeSource {
    pub name: String,
    pub earned: Decimal,
}

/// The sources of earned income over the horizon: each commissioner (contracts grouped by
/// `commissioner`, surrounding spaces removed) and each other-income line on its own. Grants,
/// equity and loans are not income here.
pub fn income_sources(plan: &Plan, base: &Forecast) -> Vec<IncomeSource> {
    let mut out: Vec<IncomeSource> = Vec::new();
    for (id, earned) in &base.summary.contract_earned {
        let Some(c) = plan.forecast.contracts.iter().find(|c| &c.id == id) else {
            continue;
        };
        let name = c.commissioner.trim();
        match out.iter_mut().find(|s| s.name == name) {
            Some(s) => s.earned += *earned,
            None => out.push(IncomeSource {
                name: name.to_owned(),
                earned: *earned,
            }),
        }
    }
    for (id, earned) in &base.summary.income_earned {
        if let Some(l) = plan.forecast.income.iter().find(|l| &l.id == id) {
            out.push(IncomeSource {
                name: l.name.trim().to_owned(),
                earned: *earned,
            });
        }
    }
    out
}

/// R4: no single income source provides too much of the earned income (boundaries inclusive,
/// compared exactly).
fn r4_diversification(plan: &Plan, base: &Forecast, t: &DiversificationThresholds) -> Judged {
    let sources = income_sources(plan, base);
    let total: Decimal = sources.iter().map(|s| s.earned).sum();
    // The largest; on a tie, the name that sorts first.
    let largest = sources
        .iter()
        .fold(None, |best: Option<&IncomeSource>, s| match best {
            Some(b) if b.earned > s.earned || (b.earned == s.earned && b.name <= s.name) => best,
            _ => Some(s),
        });
    let Some(largest) = largest.filter(|_| total > Decimal::ZERO) else {
        return (
            Rating::Amber,
            "no income to judge".into(),
            Some("Add the contracts that will pay for the services.".into()),
        );
    };
    let within = |percent: Decimal| Decimal::ONE_HUNDRED * largest.earned <= percent * total;
    let rating = if within(t.green_max_share_percent.get()) {
        Rating::Green
    } else if within(t.amber_max_share_percent.get()) {
        Rating::Amber
    } else {
        Rating::Red
    };
    let share = largest.earned * Decimal::ONE_HUNDRED / total;
    (
        rating,
        format!("{} of earned income from {}", format::share(share), largest.name),
        Some(format!(
            "Win work from other commissioners or customers until no single source provides more than {} of earned income (contracts and other income; grants, loans and equity do not count).",
            format::percent(t.green_max_share_percent.get())
        )),
    )
}

/// The FTE of the staff lines assigned to a contract, in its shortest form ("40", "2.5").
fn fte_on(plan: &Plan, contract: &crate::model::values::ItemId) -> Option<String> {
    let lines: Vec<_> = plan
        .forecast
        .staff
        .iter()
        .filter(|s| s.contract.as_ref() == Some(contract))
        .collect();
    (!lines.is_empty()).then(|| {
        let fte: Decimal = lines.iter().map(|s| s.fte.get()).sum();
        fte.normalize().to_string()
    })
}

/// R5's advice: plan for the exit of the lost contract, not for carrying its costs.
fn exit_advice(plan: &Plan, c: &crate::model::plan::Contract) -> String {
    let end = month_long(c.end);
    let staff = match fte_on(plan, &c.id) {
        Some(fte) => format!(": {fte} FTE on staff lines assigned to it"),
        None => ": assign staff lines to the contract to see how many".into(),
    };
    let lgps = if plan
        .forecast
        .staff
        .iter()
        .any(|s| s.pension.scheme == PensionScheme::Lgps)
    {
        ", and the LGPS cessation debt that falls due when an admitted body's last active member leaves"
    } else {
        ""
    };
    format!(
        "If \"{}\" ends in {end}, plan for the exit rather than for carrying its costs. Staff who work on it may transfer to the next provider under TUPE (a service provision change){staff}; budget for the exit costs that stay with you — redundancy pay for staff who do not transfer, notice and dilapidations on premises and other commitments that outlast the contract{lgps} — and build reserves to meet them and to bridge to new work before {end}.",
        c.service
    )
}

/// R5: under scenario S1 (the largest contract is not renewed) headroom stays above zero, or
/// runs out only long enough after the contract's end to act.
fn r5_losing_the_main_contract(
    plan: &Plan,
    base: &Forecast,
    scenarios: &[ScenarioResult],
    t: &ResilienceThresholds,
) -> Judged {
    let Some(s1) = scenarios
        .iter()
        .find(|r| r.scenario.id == "S1-largest-contract-ends")
    else {
        return (Rating::Red, "scenario S1 was not run".into(), None);
    };
    let noted = horizon(&s1.forecast).is_some_and(|(a, b)| facility_available(plan, a, b));
    let s1_low = s1.forecast.summary.lowest_headroom;
    let lost =
        largest_contract(base).and_then(|id| plan.forecast.contracts.iter().find(|c| &c.id == id));
    let Some(c) = lost else {
        let rating = if s1_low >= Decimal::ZERO {
            Rating::Green
        } else {
            Rating::Red
        };
        return (
            rating,
            with_note("no contract to lose".into(), noted),
            Some("Add the contracts that will pay for the services.".into()),
        );
    };
    let cash = if plan.forecast.facilities.is_empty() {
        "cash"
    } else {
        "headroom (cash plus undrawn facilities)"
    };
    if s1_low >= Decimal::ZERO {
        return (
            Rating::Green,
            with_note(
                format!(
                    "if \"{}\" is not renewed after {}, {cash} stays above zero (lowest {})",
                    c.service,
                    month_long(c.end),
                    pounds(s1_low)
                ),
                noted,
            ),
            None,
        );
    }
    // Only headroom that goes negative after the lost contract's end measures this loss; an
    // earlier dip is the same with or without it (R1 judges that).
    let runs_out = s1
        .forecast
        .months
        .iter()
        .find(|r| r.month > c.end && r.headroom < Decimal::ZERO)
        .map(|r| r.month);
    let (rating, figure) = match runs_out {
        Some(m) => {
            let after = c.end.months_until(m);
            let rating = if after >= i64::from(t.amber_min_months_after_end) {
                Rating::Amber
            } else {
                Rating::Red
            };
            (rating, format!("if \"{}\" is not renewed after {}, cash runs out in {}, {} later", c.service, month_long(c.end), month_long(m), format::count(usize::try_from(after).unwrap_or_default(), "month", "months")))
        }
        None => (Rating::Amber, format!("if \"{}\" is not renewed, {cash} stays above zero after it ends, but dips to {} earlier", c.service, pounds(s1_low))),
    };
    (rating, with_note(figure, noted), Some(exit_advice(plan, c)))
}

/// R6: no loans or facilities, or the surplus from running the service, after tax paid, covers
/// what is paid to lenders enough times every year (judged on the cover as shown, two
/// decimals).
fn r6_debt_service(plan: &Plan, base: &Forecast, t: &DebtServiceThresholds) -> Judged {
    if plan.forecast.loans.is_empty() && plan.forecast.facilities.is_empty() {
        return (Rating::Green, "no loans".into(), None);
    }
    let worst = base
        .years
        .iter()
        .filter_map(|y| y.debt_service_cover.map(|d| (d, y.year)))
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
        rate(shown, t.green_min_dscr, t.amber_min_dscr),
        format!("lowest debt service cover {shown}× (year {year})"),
        Some(format!("Income after operating costs and tax should cover loan repayments at least {}× every year: borrow less, over a longer term, or raise the surplus.", format_cover(t.green_min_dscr))),
    )
}

/// A cover threshold with at least one decimal ("2.0").
fn format_cover(d: Decimal) -> String {
    let mut d = d.normalize();
    if d.scale() == 0 {
        d.rescale(1);
    }
    d.to_string()
}

/// R7: no error among the governance, legal-form and procurement rules (the criteria's
/// prefixes), and no governance warning.
fn r7_governance(findings: &[Finding], t: &ComplianceThresholds) -> Judged {
    let of = |prefixes: &[String], sev: Severity| {
        findings
            .iter()
            .filter(|f| {
                f.severity == sev
                    && prefixes.iter().any(|p| {
                        f.rule
                            .strip_prefix(p.as_str())
                            .is_some_and(|rest| rest.starts_with('-'))
                    })
            })
            .count()
    };
    let errors = of(&t.error_prefixes, Severity::Error);
    let gov_warnings = of(&t.amber_warning_prefixes, Severity::Warning);
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
            "{}, {}",
            format::count(errors, "governance, legal-form or procurement error", "governance, legal-form or procurement errors"),
            format::count(gov_warnings, "governance warning", "governance warnings")
        ),
        Some("Resolve the governance (GOV), legal-form (LEG) and procurement (PROC) findings in the checks.".into()),
    )
}

/// R8: staff control the organisation and the mutual checks find no error.
fn r8_mutual(cx: &Ctx) -> Judged {
    let votes = employee_votes(cx.plan);
    let mut_error = cx
        .findings
        .iter()
        .any(|f| f.rule.starts_with("MUT-") && f.severity == Severity::Error);
    let policy = &cx.criteria.policy;
    let rating = if mut_error || votes < policy.mutual_min_employee_votes_percent.get() {
        Rating::Red
    } else if votes > policy.employee_control_votes_percent.get() {
        Rating::Green
    } else {
        Rating::Amber
    };
    (
        rating,
        format!(
            "staff hold {} of the votes{}",
            format::percent(votes),
            if mut_error {
                ", with errors in the mutual checks"
            } else {
                ""
            }
        ),
        Some("Staff should control the organisation (more than half the votes) with no errors in the mutual (MUT) checks.".into()),
    )
}

/// R9: an impact indicator with baseline and target, and the social impact section written.
fn r9_impact(plan: &Plan) -> Judged {
    let measured = plan
        .narrative
        .impact
        .iter()
        .filter(|i| !i.baseline.trim().is_empty() && !i.target.trim().is_empty())
        .count();
    let text = plan
        .narrative
        .sections
        .iter()
        .any(|s| s.id == "impact" && !s.text.trim().is_empty());
    let rating = match (measured > 0, text) {
        (true, true) => Rating::Green,
        (false, false) => Rating::Red,
        _ => Rating::Amber,
    };
    let figure = format!(
        "{} with baseline and target; the social impact section is {}",
        format::count(measured, "indicator", "indicators"),
        if text { "written" } else { "empty" }
    );
    (rating, figure, Some("Give at least one impact indicator a baseline and a target, and write the social impact section.".into()))
}

/// R10: every narrative section written (a section missing from the file counts as empty) and
/// enough risks in the register.
fn r10_complete(plan: &Plan, t: &CompletenessThresholds) -> Judged {
    let empty = plan
        .narrative
        .sections
        .iter()
        .filter(|s| s.text.trim().is_empty())
        .count()
        + crate::model::sections::SECTIONS
            .iter()
            .filter(|spec| !plan.narrative.sections.iter().any(|s| s.id == spec.id))
            .count();
    let risks = plan.narrative.risks.len();
    let min_risks = usize::try_from(t.green_min_risks).unwrap_or(usize::MAX);
    let max_empty = usize::try_from(t.amber_max_empty_sections).unwrap_or(usize::MAX);
    let rating = if empty == 0 && risks >= min_risks {
        Rating::Green
    } else if empty <= max_empty {
        Rating::Amber
    } else {
        Rating::Red
    };
    (
        rating,
        format!(
            "{empty} of {} sections empty; {} in the register",
            crate::model::sections::SECTIONS.len(),
            format::count(risks, "risk", "risks")
        ),
        Some(format!(
            "Write every section and record at least {}.",
            format::count(min_risks, "risk", "risks")
        )),
    )
}
