//! What the printed submission says, section by section, laid out with [`Flow`].

use super::chart::{cash_chart, share_bars};
use super::flow::{Column, Flow, Orientation, BODY, LEFT};
use super::fonts::Face;
use super::layout::{Item, BLUE, GREY, INK, RED};
use crate::checks::analysis::Analysis;
use crate::checks::verdict::Severity;
use crate::checks::verdict_words;
use crate::forecast::{Forecast, LineKey, Year};
use crate::model::plan::*;
use crate::model::plan_file::fingerprint;
use crate::model::sections::SECTIONS;
use crate::show::forecast_report::{
    year_heading, HeadlineFigure, DEBT_SERVICE_COVER_WORDS, FREE_RESERVES_WORDS,
};
use crate::show::live_text::printed;
use crate::words::format;
use crate::words::format::month_long;
use crate::words::labels::{self};
use crate::words::money::pounds;
use rust_decimal::Decimal;

/// What to print beyond the submission itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PrintOptions {
    /// Print the mentors' comments (working notes, not part of a submission). Sign-offs are
    /// always printed.
    pub with_review: bool,
    /// The plan has changes not saved to any file: every page then says so beside the
    /// fingerprint, since that fingerprint matches no file on disk.
    pub unsaved: bool,
}

fn text_or(s: &str, empty: &str) -> String {
    if s.trim().is_empty() {
        empty.into()
    } else {
        s.trim().into()
    }
}

fn yes(b: bool) -> String {
    if b { "Yes" } else { "No" }.into()
}

/// Lays out the whole submission after the cover and the contents page (pages 0 and 1), and
/// returns the section titles with their page indexes for the contents.
pub(super) fn body(
    flow: &mut Flow,
    plan: &Plan,
    analysis: &Analysis,
    options: &PrintOptions,
    draft: &[String],
) -> Vec<(String, usize)> {
    let mut contents = Vec::new();
    let forecast = analysis.forecast.as_ref().ok();
    for (n, spec) in SECTIONS.iter().enumerate() {
        let section = plan.narrative.sections.iter().find(|s| s.id == spec.id);
        let title = section.map_or(spec.title, |s| {
            if s.title.trim().is_empty() {
                spec.title
            } else {
                s.title.trim()
            }
        });
        let heading = format!("{}. {title}", n + 1);
        // Sections follow one another; the heading keeps itself with what comes next.
        if n == 0 {
            flow.new_page(Orientation::Portrait);
        } else {
            flow.space(14.0);
        }
        let page = flow.heading(1, &heading);
        contents.push((heading, page));
        match section.map(|s| s.text.trim()).filter(|t| !t.is_empty()) {
            // Each live figure printed as its value now, worded as everywhere else.
            Some(text) => flow.narrative(&printed(
                text,
                plan.forecast.months,
                forecast.map(|(f, _)| f),
            )),
            None => flow.paragraph("Not yet written.", Face::Regular, BODY, GREY),
        }
        match spec.id {
            "organisation" => organisation(flow, plan),
            "team" => team(flow, plan),
            "market" => market(flow, plan),
            "impact" => impact(flow, plan),
            "transition" => transition(flow, plan),
            "risks" => risks(flow, plan),
            "finance" => finance(flow, plan, forecast, &analysis.headroom_thresholds),
            _ => {}
        }
    }
    flow.new_page(Orientation::Portrait);
    contents.push(("Checks".into(), flow.heading(1, "Checks")));
    checks(flow, analysis);
    flow.new_page(Orientation::Portrait);
    contents.push(("Review".into(), flow.heading(1, "Review")));
    review(flow, plan, options.with_review);
    flow.new_page(Orientation::Portrait);
    if draft.is_empty() {
        contents.push(("Declaration".into(), flow.heading(1, "Declaration")));
        declaration(flow, plan);
    } else {
        let title = "Not yet ready to sign";
        contents.push((title.into(), flow.heading(1, title)));
        not_ready(flow, draft);
    }
    if let Some((f, _)) = forecast {
        flow.new_page(Orientation::Landscape);
        let title = "Appendix A. Monthly cash flow";
        contents.push((title.into(), flow.heading(1, title)));
        monthly(flow, f);
    }
    flow.new_page(Orientation::Portrait);
    let title = "Appendix B. Assumptions and what the model leaves out";
    contents.push((title.into(), flow.heading(1, title)));
    assumptions(flow, plan, forecast.map(|(f, _)| f));
    contents
}

fn organisation(flow: &mut Flow, plan: &Plan) {
    let o = &plan.ownership;
    flow.heading(2, "Legal form and ownership");
    flow.figure(
        "Legal form",
        labels::legal_form(plan.organisation.legal_form),
    );
    flow.figure("Ownership model", labels::ownership_model(o.model));
    flow.figure(
        "Parent body",
        &text_or(&plan.organisation.parent_body.name, "Not named"),
    );
    flow.figure(
        "Spin-out date",
        &format::date_long(plan.organisation.spin_out_date),
    );
    flow.figure("Charity", &yes(plan.organisation.is_charity()));
    flow.figure("Asset lock", &yes(o.asset_lock));
    flow.figure("One member, one vote", &yes(o.one_member_one_vote));
    let surpluses = match o.profit_distribution.policy {
        DistributionPolicy::Reinvest => {
            labels::distribution(o.profit_distribution.policy).to_string()
        }
        p => format!(
            "{} (at most {} of distributable profits)",
            labels::distribution(p),
            format::percent(o.profit_distribution.max_percent_of_distributable.get())
        ),
    };
    flow.figure("Surpluses", &surpluses);
    flow.space(8.0);
    let rows: Vec<Vec<String>> = o
        .groups
        .iter()
        .map(|g| {
            vec![
                g.name.clone(),
                labels::group_kind(g.kind).into(),
                g.members.to_string(),
                format::percent(g.equity_percent.get()),
                format::percent(g.voting_percent.get()),
            ]
        })
        .collect();
    flow.table(
        &[
            Column::left("Group", 3.0),
            Column::left("Kind", 2.0),
            Column::right("Members", 1.0),
            Column::right("Equity", 1.0),
            Column::right("Votes", 1.0),
        ],
        &rows,
        9.0,
    );
    let bars: Vec<(String, Decimal, Decimal)> = o
        .groups
        .iter()
        .map(|g| {
            (
                g.name.clone(),
                g.voting_percent.get(),
                g.equity_percent.get(),
            )
        })
        .collect();
    share_bars(flow, &bars);
    flow.heading(3, "How staff are heard");
    flow.paragraph(
        &text_or(&o.staff_voice, "Not described."),
        Face::Regular,
        BODY,
        INK,
    );
    flow.heading(2, "Board");
    let rows: Vec<Vec<String>> = plan
        .board
        .iter()
        .map(|s| {
            vec![
                text_or(&s.name, "To be recruited"),
                labels::board_role(s.role).into(),
                labels::constituency(s.constituency).into(),
                yes(s.paid_employee),
            ]
        })
        .collect();
    flow.table(
        &[
            Column::left("Seat holder", 3.0),
            Column::left("Role", 1.6),
            Column::left("Represents", 1.8),
            Column::left("Paid employee", 1.2),
        ],
        &rows,
        9.0,
    );
}

fn team(flow: &mut Flow, plan: &Plan) {
    flow.heading(2, "Staff");
    let rows: Vec<Vec<String>> = plan
        .forecast
        .staff
        .iter()
        .map(|s| {
            // A line that works on one of the plan's contracts says which.
            let on = s.contract.as_ref().and_then(|id| {
                plan.forecast
                    .contracts
                    .iter()
                    .find(|c| &c.id == id)
                    .map(|c| c.service.trim())
            });
            vec![
                match on {
                    Some(service) if !service.is_empty() => format!("{} (on {service})", s.role),
                    _ => s.role.clone(),
                },
                s.fte.to_string(),
                pounds(s.annual_salary.get()),
                month_long(s.start),
                s.end.map_or("—".into(), month_long),
                yes(s.transferred),
                format!(
                    "{} {}",
                    labels::pension_scheme(s.pension.scheme),
                    format::percent(s.pension.employer_percent.get())
                ),
            ]
        })
        .collect();
    flow.table(
        &[
            Column::left("Role", 3.0),
            Column::right("FTE", 0.8),
            Column::right("Salary per FTE", 1.4),
            Column::left("From", 1.3),
            Column::left("To", 1.3),
            Column::left("TUPE", 0.8),
            Column::left("Pension (employer)", 1.9),
        ],
        &rows,
        8.5,
    );
}

fn market(flow: &mut Flow, plan: &Plan) {
    flow.heading(2, "Contracts");
    let rows: Vec<Vec<String>> = plan
        .forecast
        .contracts
        .iter()
        .map(|c| {
            vec![
                c.commissioner.clone(),
                c.service.clone(),
                pounds(c.annual_value.get()),
                format!("{} to {}", month_long(c.start), month_long(c.end)),
                format!("{} days", c.payment_terms_days),
                labels::vat_treatment(c.vat).into(),
                labels::procurement_route(c.procurement.route).into(),
                labels::renewal(c.renewal.assumption).into(),
            ]
        })
        .collect();
    flow.table(
        &[
            Column::left("Commissioner", 2.0),
            Column::left("Service", 1.8),
            Column::right("A year", 1.3),
            Column::left("Term", 1.8),
            Column::right("Paid after", 0.9),
            Column::left("VAT", 1.1),
            Column::left("Route", 1.5),
            Column::left("At the end", 1.0),
        ],
        &rows,
        8.5,
    );
}

fn impact(flow: &mut Flow, plan: &Plan) {
    flow.heading(2, "Impact indicators");
    let rows: Vec<Vec<String>> = plan
        .narrative
        .impact
        .iter()
        .map(|i| {
            vec![
                i.outcome.clone(),
                i.indicator.clone(),
                i.baseline.clone(),
                i.target.clone(),
            ]
        })
        .collect();
    flow.table(
        &[
            Column::left("Outcome", 2.0),
            Column::left("Indicator", 3.0),
            Column::left("Baseline", 1.0),
            Column::left("Target", 1.0),
        ],
        &rows,
        9.0,
    );
}

fn transition(flow: &mut Flow, plan: &Plan) {
    flow.heading(2, "Milestones");
    let mut milestones: Vec<&Milestone> = plan.narrative.milestones.iter().collect();
    milestones.sort_by_key(|m| m.date);
    let rows: Vec<Vec<String>> = milestones
        .iter()
        .map(|m| vec![format::date_long(m.date), m.what.clone()])
        .collect();
    flow.table(
        &[Column::left("Date", 1.3), Column::left("Milestone", 5.0)],
        &rows,
        9.0,
    );
}

fn risks(flow: &mut Flow, plan: &Plan) {
    flow.heading(2, "Risk register");
    flow.paragraph(
        "Likelihood and impact are scored 1 to 5; the rating is their product (up to 25).",
        Face::Regular,
        8.5,
        GREY,
    );
    let mut risks: Vec<&Risk> = plan.narrative.risks.iter().collect();
    risks.sort_by_key(|r| std::cmp::Reverse(u32::from(r.likelihood) * u32::from(r.impact)));
    let rows: Vec<Vec<String>> = risks
        .iter()
        .map(|r| {
            vec![
                r.description.clone(),
                r.likelihood.to_string(),
                r.impact.to_string(),
                (u32::from(r.likelihood) * u32::from(r.impact)).to_string(),
                r.mitigation.clone(),
                r.owner.clone(),
            ]
        })
        .collect();
    flow.table(
        &[
            Column::left("Risk", 3.0),
            Column::right("L", 0.4),
            Column::right("I", 0.4),
            Column::right("L×I", 0.5),
            Column::left("Mitigation", 3.0),
            Column::left("Owner", 1.4),
        ],
        &rows,
        8.5,
    );
}

fn finance(
    flow: &mut Flow,
    plan: &Plan,
    forecast: Option<&(Forecast, Vec<crate::forecast::scenarios::ScenarioResult>)>,
    thresholds: &crate::forecast::headroom::Thresholds,
) {
    flow.heading(2, "Financial summary");
    let Some((f, scenarios)) = forecast else {
        flow.paragraph(
            "The forecast cannot be calculated because a figure in the plan is too large to work with: see the checks (FIN-03).",
            Face::Bold,
            BODY,
            INK,
        );
        return;
    };
    let facility = has_facility(plan);
    headline_figures(flow, plan, f, facility);
    funding(flow, plan);
    sources_and_uses(flow, plan, f);
    flow.heading(3, "Income and expenditure by year");
    flow.paragraph(
        crate::show::forecast_report::INCOME_EXPENDITURE_NOTE,
        Face::Regular,
        8.5,
        GREY,
    );
    for chunk in f.years.chunks(5) {
        income_and_expenditure(flow, chunk);
    }
    balance_sheet(flow, plan, &f.years);
    reserves_and_cover(flow, &f.years, facility);
    cost_lines(flow, plan);
    // Kept with the chart: its height, axis labels, caption and, with a facility, legend.
    flow.heading_with(
        3,
        "Monthly closing cash",
        if facility { 250.0 } else { 224.0 },
    );
    let points: Vec<_> = f.months.iter().map(|r| (r.month, r.closing)).collect();
    let drawn: Vec<Decimal> = f.months.iter().map(|r| r.facility_drawn).collect();
    cash_chart(
        flow,
        &points,
        (f.summary.lowest_cash_month, f.summary.lowest_cash),
        facility.then_some(drawn.as_slice()),
        190.0,
    );
    stress(flow, f, scenarios, facility);
    headroom(flow, plan, f, thresholds);
}

/// The headroom table (each lever against each test) and each year's break-even, after the
/// stress scenarios: the reverse question, how far each could go before the plan fails.
fn headroom(
    flow: &mut Flow,
    plan: &Plan,
    f: &Forecast,
    thresholds: &crate::forecast::headroom::Thresholds,
) {
    use crate::forecast::headroom::{BreakEvenOutcome, Lever, Test};
    flow.heading_with(3, "Headroom: how far each could go", 160.0);
    let report = match crate::show::headroom::report_with(plan, f, thresholds) {
        Ok(r) => r,
        Err(e) => {
            flow.paragraph(
                &format!("Headroom could not be worked out: {e}."),
                Face::Regular,
                8.5,
                GREY,
            );
            return;
        }
    };
    flow.paragraph(&report.table_note(), Face::Regular, 8.5, GREY);
    let mut cols = vec![Column::left("What goes wrong", 2.6)];
    cols.extend(
        Test::ALL
            .iter()
            .map(|t| Column::right(&report.test_heading(*t), 1.3)),
    );
    let rows: Vec<Vec<String>> = Lever::ALL
        .iter()
        .map(|&lever| {
            let mut row = vec![report.lever_title(lever)];
            row.extend(
                report
                    .headroom
                    .results
                    .iter()
                    .filter(|r| r.lever == lever)
                    .map(|r| report.cell(r)),
            );
            row
        })
        .collect();
    flow.table(&cols, &rows, 7.5);
    for test in Test::ALL {
        if report
            .headroom
            .results
            .iter()
            .any(|r| r.test == test && !r.base.holds)
        {
            flow.paragraph(
                &format!(
                    "{}. {}",
                    report.test_title(test),
                    report.base_sentence(test)
                ),
                Face::Regular,
                8.5,
                GREY,
            );
        }
    }
    flow.heading_with(3, "Break-even contract income", 100.0);
    flow.paragraph(report.break_even_note(), Face::Regular, 8.5, GREY);
    let rows: Vec<Vec<String>> = report
        .break_even
        .iter()
        .map(|b| {
            let (income, margin, share) = match &b.outcome {
                BreakEvenOutcome::Found {
                    income,
                    margin,
                    margin_percent,
                    ..
                } => (
                    pounds(*income),
                    pounds(*margin),
                    format!(
                        "{}%",
                        crate::show::forecast_report::fixed(*margin_percent, 2)
                            .replace('-', "\u{2212}")
                    ),
                ),
                BreakEvenOutcome::NoContractIncome => {
                    ("no contract income".into(), "—".into(), "—".into())
                }
                BreakEvenOutcome::CoveredWithoutContracts => (
                    "covers its costs without it".into(),
                    pounds(b.contract_income),
                    "100.00%".into(),
                ),
                BreakEvenOutcome::NotFound => ("not found".into(), "—".into(), "—".into()),
            };
            vec![
                format!("Year {}", b.year),
                pounds(b.contract_income),
                income,
                margin,
                share,
            ]
        })
        .collect();
    flow.table(
        &[
            Column::left("Year", 1.0),
            Column::right("Contract income planned", 1.4),
            Column::right("Break-even contract income", 1.6),
            Column::right("Margin of safety", 1.3),
            Column::right("% of planned income", 1.0),
        ],
        &rows,
        7.5,
    );
}

/// Whether the plan has a working-capital facility: then headroom is printed beside cash.
fn has_facility(plan: &Plan) -> bool {
    !plan.forecast.facilities.is_empty()
}

/// The headline figures, lowest headroom beside lowest cash when the plan has a facility (and
/// not at all when it has none: headroom would only repeat the cash).
fn headline_figures(flow: &mut Flow, plan: &Plan, f: &Forecast, facility: bool) {
    for h in HeadlineFigure::ALL {
        if h == HeadlineFigure::LowestHeadroom {
            continue;
        }
        flow.figure(h.label(), &h.value(f, pounds));
        if h == HeadlineFigure::LowestCash && facility {
            let h = HeadlineFigure::LowestHeadroom;
            flow.figure(h.label(), &h.value(f, pounds));
        }
    }
    if let (false, Some(m)) = (
        plan.forecast.settings.vat_registered,
        f.summary.vat_threshold_month,
    ) {
        flow.space(4.0);
        flow.paragraph(
            &format!(
                "Taxable turnover passes the VAT registration threshold in {}.",
                month_long(m)
            ),
            Face::Bold,
            BODY,
            INK,
        );
    }
}

/// A facility's terms in words, for the funding table and the assumptions.
fn facility_terms(fac: &Facility) -> String {
    let to = fac
        .to
        .map_or_else(|| "beyond the forecast".to_string(), month_long);
    format!(
        "up to {} at {} a year from {} to {to}, arrangement fee {}; drawn only when cash would otherwise fall below zero, and repaid as soon as cash allows",
        pounds(fac.limit.get()),
        format::percent(fac.annual_rate_percent.get()),
        month_long(fac.from),
        pounds(fac.arrangement_fee.get()),
    )
}

/// Cash, lowest headroom (with a facility), free reserves and debt service cover at each year
/// end, with what the two measures mean.
fn reserves_and_cover(flow: &mut Flow, years: &[Year], facility: bool) {
    let rows: Vec<Vec<String>> = years
        .iter()
        .map(|y| {
            let mut row = vec![format!("Year {}", y.year), pounds(y.closing_cash)];
            if facility {
                row.push(pounds(y.lowest_headroom));
            }
            row.extend([
                pounds(y.free_reserves),
                y.free_reserves_months.map_or("—".into(), format::months),
                y.debt_service_cover.map_or("—".into(), |d| {
                    format!("{}×", crate::show::forecast_report::fixed(d, 2))
                }),
            ]);
            row
        })
        .collect();
    flow.heading(
        3,
        "Cash, free reserves and debt service cover at each year end",
    );
    let mut cols = vec![
        Column::left("Year", 1.0),
        Column::right("Closing cash", 1.4),
    ];
    if facility {
        cols.push(Column::right("Lowest headroom in the year", 1.4));
    }
    cols.extend([
        Column::right("Free reserves", 1.4),
        Column::right("Free reserves in months", 1.3),
        Column::right("Debt service cover", 1.2),
    ]);
    flow.table(&cols, &rows, 8.5);
    for words in [FREE_RESERVES_WORDS, DEBT_SERVICE_COVER_WORDS] {
        flow.paragraph(words, Face::Regular, 8.5, GREY);
        flow.space(3.0);
    }
}

/// The balance sheet at each year end, five years to a table, with its basis, the identity it
/// holds and what rounding does to its totals.
fn balance_sheet(flow: &mut Flow, plan: &Plan, years: &[Year]) {
    flow.heading_with(3, "Balance sheet at each year end", 160.0);
    flow.paragraph(&balance_sheet_basis(plan), Face::Regular, 8.5, GREY);
    let rows = crate::show::forecast_report::balance_sheet_rows(years);
    for chunk in years.chunks(5) {
        let headers: Vec<String> = chunk
            .iter()
            .map(|y| format!("End of year {} ({})", y.year, month_long(y.last_month)))
            .collect();
        let mut cols = vec![Column::left("", 2.0)];
        cols.extend(headers.iter().map(|h| Column::right(h, 1.25)));
        let from = chunk[0].year as usize - 1;
        let table: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                let mut row = vec![r.label.to_string()];
                row.extend(
                    r.values[from..from + chunk.len()]
                        .iter()
                        .map(|v| v.map_or_else(String::new, pounds)),
                );
                row
            })
            .collect();
        flow.table(&cols, &table, 8.0);
    }
    flow.paragraph(
        crate::show::forecast_report::BALANCE_SHEET_IDENTITY,
        Face::Regular,
        8.5,
        INK,
    );
    flow.space(3.0);
    flow.paragraph(
        crate::show::forecast_report::BALANCE_SHEET_ROUNDING,
        Face::Regular,
        8.5,
        GREY,
    );
}

/// The basis the balance sheet is drawn up on, in the reader's words.
fn balance_sheet_basis(plan: &Plan) -> String {
    let mut words = "On the accruals basis: income is counted when it is earned and costs when they are incurred. All funds are unrestricted. Creditors are shown as negative figures.".to_string();
    if !plan.forecast.equity.is_empty() {
        words.push(' ');
        words.push_str(&capitalised(share_capital_basis(plan)));
        words.push('.');
    }
    words
}

fn funding(flow: &mut Flow, plan: &Plan) {
    let f = &plan.forecast;
    flow.heading(3, "Funding");
    let mut rows: Vec<Vec<String>> = Vec::new();
    for g in &f.grants {
        let terms = if g.match_funding {
            "Matches support"
        } else {
            "—"
        };
        rows.push(vec![
            format!(
                "{}: {}",
                text_or(&g.funder, "Grant"),
                text_or(&g.purpose, "no purpose given")
            ),
            "Grant".into(),
            pounds(g.amount.get()),
            month_long(g.month),
            terms.into(),
        ]);
    }
    for e in &f.equity {
        rows.push(vec![
            text_or(&e.name, "Share capital"),
            "Share capital".into(),
            pounds(e.amount.get()),
            month_long(e.month),
            "—".into(),
        ]);
    }
    for l in &f.loans {
        let holiday = if l.capital_holiday_months > 0 {
            format!(", {}-month capital holiday", l.capital_holiday_months)
        } else {
            String::new()
        };
        let repaid = match l.repayment {
            Repayment::Amortising => "repaid in equal monthly instalments",
            Repayment::Bullet => "repaid in one sum at the end",
        };
        rows.push(vec![
            text_or(&l.lender, "Lender not named"),
            "Loan".into(),
            pounds(l.principal.get()),
            month_long(l.drawdown),
            format!(
                "{} a year over {} months{holiday}; {repaid}",
                format::percent(l.annual_rate_percent.get()),
                l.term_months
            ),
        ]);
    }
    for fac in &f.facilities {
        rows.push(vec![
            text_or(&fac.lender, "Lender not named"),
            "Overdraft facility".into(),
            pounds(fac.limit.get()),
            month_long(fac.from),
            capitalised(&facility_terms(fac)),
        ]);
    }
    if rows.is_empty() {
        flow.paragraph(
            "No grants, share capital, loans or overdraft: the plan is funded from its opening cash and its income.",
            Face::Regular,
            BODY,
            GREY,
        );
        return;
    }
    flow.table(
        &[
            Column::left("Source", 2.8),
            Column::left("Kind", 1.1),
            Column::right("Amount", 1.1),
            Column::left("When", 1.2),
            Column::left("Terms", 3.0),
        ],
        &rows,
        8.5,
    );
}

fn sources_and_uses(flow: &mut Flow, plan: &Plan, f: &Forecast) {
    let s = crate::forecast::funding::sources_and_uses(plan, f);
    let first = f.months[0].month;
    let span = if s.to_month == first {
        format!("in {}", month_long(first))
    } else {
        format!("from {} to {}", month_long(first), month_long(s.to_month))
    };
    flow.heading(3, "Sources and uses of funds to the lowest point of year 1");
    let lowest = if plan.forecast.facilities.is_empty() {
        "the lowest cash of the first year"
    } else {
        "the lowest point of the first year, when the least is left of cash and the undrawn overdraft"
    };
    flow.paragraph(
        &format!("How the cash at the start becomes the cash at {lowest}, {span}: what creates the gap and what covers it."),
        Face::Regular,
        8.5,
        GREY,
    );
    let mut rows = vec![
        vec!["Opening cash".to_string(), pounds(s.opening_cash)],
        vec!["Add grants received".into(), pounds(s.grants)],
        vec!["Add share capital raised".into(), pounds(s.equity)],
        vec!["Add loans drawn".into(), pounds(s.loans)],
    ];
    if !plan.forecast.facilities.is_empty() {
        rows.push(vec![
            "Add overdraft drawn (less repaid)".into(),
            pounds(s.facility),
        ]);
    }
    rows.push(vec![
        "Less one-off costs, with their VAT".into(),
        pounds(-s.one_off_costs),
    ]);
    if !s.capital.is_zero() {
        rows.push(vec![
            "Less capital spending, with its VAT".into(),
            pounds(-s.capital),
        ]);
    }
    rows.push(vec![
        "Add net cash from running the service (all other receipts less all other payments, VAT included)".into(),
        pounds(s.operating),
    ]);
    rows.push(vec![
        format!("Cash at the end of {}", month_long(s.to_month)),
        pounds(s.closing_cash),
    ]);
    flow.table(
        &[Column::left("", 5.5), Column::right("Pounds", 1.5)],
        &rows,
        9.0,
    );
}

fn income_and_expenditure(flow: &mut Flow, years: &[crate::forecast::Year]) {
    let mut cols = vec![Column::left("", 2.6)];
    let headers: Vec<String> = years.iter().map(year_heading).collect();
    for h in &headers {
        cols.push(Column::right(h, 1.25));
    }
    let rows: Vec<Vec<String>> = crate::show::forecast_report::income_and_expenditure(years)
        .into_iter()
        .map(|r| {
            let mut row = vec![r.label];
            row.extend(r.values.into_iter().map(pounds));
            row
        })
        .collect();
    flow.table(&cols, &rows, 8.0);
}

fn cost_lines(flow: &mut Flow, plan: &Plan) {
    flow.heading(3, "Cost lines");
    let rows: Vec<Vec<String>> = plan
        .forecast
        .costs
        .iter()
        .map(|c| {
            let when = match (c.frequency, c.end) {
                (f, _) if f.is_once() => month_long(c.start),
                (_, Some(end)) => format!("{} to {}", month_long(c.start), month_long(end)),
                (_, None) => format!("From {}", month_long(c.start)),
            };
            let how_often = match (c.frequency, c.useful_life_months) {
                (CostFrequency::Capital, Some(life)) => {
                    format!("Capital, depreciated over {life} months")
                }
                (CostFrequency::Capital, None) => "Capital".into(),
                (f, _) => labels::cost_frequency(f).into(),
            };
            vec![
                c.name.clone(),
                labels::cost_category(c.category).into(),
                pounds(c.amount.get()),
                how_often,
                when,
                if c.frequency.is_once() {
                    "—".into()
                } else {
                    format!("{} a year", format::percent(c.inflation_percent.get()))
                },
            ]
        })
        .collect();
    if rows.is_empty() {
        flow.paragraph("No cost lines yet.", Face::Regular, BODY, GREY);
        return;
    }
    flow.table(
        &[
            Column::left("Cost", 2.8),
            Column::left("Category", 1.4),
            Column::right("Amount", 1.1),
            Column::left("How often", 1.2),
            Column::left("When", 1.7),
            Column::right("Inflation", 1.0),
        ],
        &rows,
        8.0,
    );
}

/// What the lost-contract scenario includes and leaves out, printed beside the stress table.
const S1_WORDS: &str = "This scenario stops the lost contract's income and moves the staff linked to it to the next provider, as TUPE would. It does not include the costs of losing a contract: redundancy pay for staff who would not transfer, a pension cessation debt if the organisation's last active member of the Local Government Pension Scheme leaves, payments to end leases early, or savings on other costs of the contract that would stop.";

fn stress(
    flow: &mut Flow,
    f: &Forecast,
    scenarios: &[crate::forecast::scenarios::ScenarioResult],
    facility: bool,
) {
    flow.heading_with(3, "Stress scenarios", 140.0);
    flow.paragraph(
        "Each scenario changes one assumption in a copy of the plan. Each change is the scenario's figure less the forecast's above.",
        Face::Regular,
        8.5,
        GREY,
    );
    let signed = |n: i64| match n {
        0 => "0".to_string(),
        n if n > 0 => format!("+{n}"),
        n => format!("\u{2212}{}", -n),
    };
    let s = &f.summary;
    let base = |tail: &[String]| {
        let mut row = vec!["The forecast above".to_string()];
        row.extend_from_slice(tail);
        row
    };
    let dash = || "—".to_string();
    // Lowest cash and months below zero, and, beside them or in a second table when the plan
    // has a facility (so that every figure keeps a legible width), headroom and the cash at
    // the end.
    let mut cash_rows = vec![base(&[
        pounds(s.lowest_cash),
        format::month_short(s.lowest_cash_month),
        dash(),
        s.months_negative.to_string(),
        dash(),
    ])];
    let mut end_rows = vec![base(&[
        pounds(s.lowest_headroom),
        dash(),
        pounds(s.closing_cash),
        dash(),
    ])];
    for r in scenarios {
        let s = &r.forecast.summary;
        let title = r.scenario.title.to_string();
        cash_rows.push(vec![
            title.clone(),
            pounds(s.lowest_cash),
            format::month_short(s.lowest_cash_month),
            pounds(r.delta.lowest_cash),
            s.months_negative.to_string(),
            signed(r.delta.months_negative),
        ]);
        end_rows.push(vec![
            title,
            pounds(s.lowest_headroom),
            pounds(r.delta.lowest_headroom),
            pounds(s.closing_cash),
            pounds(r.delta.closing_cash),
        ]);
    }
    let cash_cols = [
        Column::left("Scenario", 2.6),
        Column::right("Lowest cash", 1.2),
        Column::left("In", 1.2),
        Column::right("Change", 1.1),
        Column::right("Months below zero", 0.9),
        Column::right("Change", 0.7),
    ];
    let end_cols = [
        Column::right("Cash at the end", 1.3),
        Column::right("Change", 1.2),
    ];
    if facility {
        flow.table(&cash_cols, &cash_rows, 7.5);
        let cols = [
            Column::left("Scenario", 2.6),
            Column::right("Lowest headroom (cash and undrawn overdraft)", 1.5),
            Column::right("Change", 1.2),
            end_cols[0].clone(),
            end_cols[1].clone(),
        ];
        flow.table(&cols, &end_rows, 7.5);
    } else {
        let cols: Vec<Column> = cash_cols.iter().chain(&end_cols).cloned().collect();
        let rows: Vec<Vec<String>> = cash_rows
            .into_iter()
            .zip(end_rows)
            .map(|(mut row, end)| {
                row.extend_from_slice(&end[3..]);
                row
            })
            .collect();
        flow.table(&cols, &rows, 7.5);
    }
    let lost = scenarios
        .iter()
        .find(|r| r.scenario.id.starts_with("S1"))
        .map_or("The largest contract is not renewed", |r| r.scenario.title);
    flow.paragraph(lost, Face::Bold, 8.5, INK);
    flow.paragraph(S1_WORDS, Face::Regular, 8.5, GREY);
}

fn checks(flow: &mut Flow, analysis: &Analysis) {
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let title = verdict_words::findings_heading(sev);
        let rows: Vec<Vec<String>> = analysis
            .findings
            .iter()
            .filter(|f| f.severity == sev)
            .map(|f| vec![f.rule.clone(), f.message.clone(), f.source.clone()])
            .collect();
        flow.heading(2, &format!("{title} ({})", rows.len()));
        if rows.is_empty() {
            flow.paragraph("None.", Face::Regular, BODY, GREY);
        } else {
            flow.table(
                &[
                    Column::left("Rule", 0.8),
                    Column::left("Finding", 4.0),
                    Column::left("Source", 2.0),
                ],
                &rows,
                8.0,
            );
        }
    }
    let r = &analysis.readiness;
    flow.heading(2, verdict_words::ELIGIBILITY_HEADING);
    let rows: Vec<Vec<String>> = r
        .eligibility
        .iter()
        .map(|e| {
            vec![
                format!("{} {}", e.id, e.title),
                verdict_words::eligible(e.result).into(),
                e.reason.clone(),
            ]
        })
        .collect();
    flow.table(
        &[
            Column::left("Criterion", 2.4),
            Column::left("Result", 0.8),
            Column::left("Why", 3.6),
        ],
        &rows,
        8.0,
    );
    flow.heading(2, "Investment readiness");
    flow.paragraph(
        &format!("Judged against {} {}. Green scores 2, amber 1, red 0. This assessment is a guide for the team and its mentor, not a decision.", r.criteria.name, r.criteria.version),
        Face::Regular,
        8.5,
        GREY,
    );
    let rows: Vec<Vec<String>> = r
        .areas
        .iter()
        .map(|a| {
            vec![
                format!("{} {}", a.id, a.title),
                verdict_words::rating(a.rating).into(),
                a.score.to_string(),
                a.figure.clone(),
                a.advice.clone().unwrap_or_default(),
            ]
        })
        .collect();
    flow.table(
        &[
            Column::left("Area", 1.9),
            Column::left("Rating", 0.7),
            Column::right("Score", 0.5),
            Column::left("Judged on", 2.2),
            Column::left("To make it green", 2.4),
        ],
        &rows,
        7.5,
    );
    flow.figure("Score", &format!("{} of {}", r.score, r.max_score));
    flow.figure("Overall", verdict_words::headline(r.headline));
}

fn review(flow: &mut Flow, plan: &Plan, with_comments: bool) {
    let current = fingerprint(plan);
    if with_comments {
        flow.heading(2, "Mentor comments");
        flow.paragraph(
            "Working notes on the plan from its mentors and the team, printed on request; they are not part of the submission.",
            Face::Regular,
            8.5,
            GREY,
        );
        let mut rows = Vec::new();
        for c in &plan.review.comments {
            let status = if c.resolved { "Resolved" } else { "Open" };
            rows.push(vec![
                crate::show::anchors::describe(plan, &c.anchor).words,
                format!("{} ({})", c.author, labels::reviewer_role(c.role)),
                format::date_long(c.at.date()),
                c.text.clone(),
                status.into(),
            ]);
            for r in &c.replies {
                rows.push(vec![
                    String::new(),
                    format!("{} ({})", r.author, labels::reviewer_role(r.role)),
                    format::date_long(r.at.date()),
                    format!("Reply: {}", r.text),
                    String::new(),
                ]);
            }
        }
        if rows.is_empty() {
            flow.paragraph("No comments.", Face::Regular, BODY, GREY);
        } else {
            flow.table(
                &[
                    Column::left("About", 1.7),
                    Column::left("By", 1.5),
                    Column::left("On", 1.2),
                    Column::left("Comment", 3.2),
                    Column::left("Status", 0.8),
                ],
                &rows,
                8.0,
            );
        }
    }
    flow.heading(2, "Sign-offs");
    let rows: Vec<Vec<String>> = plan
        .review
        .signoffs
        .iter()
        .map(|s| {
            let which = if s.fingerprint == current {
                "This version".to_string()
            } else {
                "An earlier version".to_string()
            };
            vec![
                format!("{} ({})", s.by, s.role),
                format::date_long(s.at.date()),
                format!("Revision {}, fingerprint {}", s.revision, s.fingerprint),
                which,
                s.statement.clone(),
            ]
        })
        .collect();
    if rows.is_empty() {
        flow.paragraph("No sign-offs yet.", Face::Regular, BODY, GREY);
    } else {
        flow.table(
            &[
                Column::left("By", 1.8),
                Column::left("On", 1.2),
                Column::left("Revision", 1.5),
                Column::left("Signed", 1.3),
                Column::left("Statement", 3.0),
            ],
            &rows,
            8.0,
        );
    }
}

fn declaration(flow: &mut Flow, plan: &Plan) {
    flow.paragraph(
        &format!(
            "We confirm that this business plan for {} is, to the best of our knowledge, complete and accurate, and that it is the plan held in the file with fingerprint {}.",
            plan.organisation.name,
            fingerprint(plan)
        ),
        Face::Regular,
        BODY,
        INK,
    );
    for who in ["Managing director", "Chair", "Staff representative"] {
        flow.space(18.0);
        flow.heading(3, who);
        for field in ["Name", "Signature", "Date"] {
            let top = flow.reserve(30.0);
            let y = top + 24.0;
            flow.draw(Item::Text {
                x: LEFT,
                baseline: y - 2.0,
                face: Face::Regular,
                size: 9.0,
                color: GREY,
                text: field.into(),
            });
            flow.draw(Item::Line {
                from: (LEFT + 70.0, y),
                to: (LEFT + 330.0, y),
                width: 0.6,
                color: INK,
            });
        }
    }
}

/// In place of the declaration on a draft: why the plan cannot be signed yet.
fn not_ready(flow: &mut Flow, reasons: &[String]) {
    flow.paragraph(
        "This printout is a draft. The declaration is printed once the plan is complete; until then:",
        Face::Regular,
        BODY,
        INK,
    );
    for r in reasons {
        flow.bullet(&format!("{}.", capitalised(r)));
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Appendix A's columns between the opening and the net cash flow: each month's lines summed
/// by what they are. Capital, VAT and overdraft are printed only when some month has them.
const MONTHLY_GROUPS: [(&str, bool); 11] = [
    ("Contracts", true),
    ("Other income", true),
    ("Grants, equity", true),
    ("Loans in", true),
    ("Staff", true),
    ("Costs", true),
    ("Capital", false),
    ("VAT", false),
    ("Loan service", true),
    ("Overdraft", false),
    ("Tax", true),
];

/// The column of [`MONTHLY_GROUPS`] a cash line adds to. Gross pay, irrecoverable VAT and
/// depreciation are income and expenditure kinds, never cash lines; they are placed with what
/// they belong to all the same.
fn monthly_group(k: &LineKey) -> usize {
    match k {
        LineKey::Contract(_) => 0,
        LineKey::Income(_) => 1,
        LineKey::Grant(_) | LineKey::Equity(_) => 2,
        LineKey::LoanDrawdown(_) => 3,
        LineKey::Pay
        | LineKey::NetPay
        | LineKey::PayeIncomeTax
        | LineKey::EmployeeNi
        | LineKey::EmployeePension
        | LineKey::EmployerNi
        | LineKey::EmployerPension
        | LineKey::ApprenticeshipLevy => 4,
        LineKey::Cost(_) => 5,
        LineKey::Capital(_) | LineKey::Depreciation => 6,
        LineKey::VatOutput | LineKey::VatInput | LineKey::VatReturn | LineKey::VatIrrecoverable => {
            7
        }
        LineKey::LoanInterest | LineKey::LoanCapital => 8,
        LineKey::Facility(_) | LineKey::FacilityInterest | LineKey::FacilityFees => 9,
        LineKey::CorporationTax => 10,
    }
}

fn monthly(flow: &mut Flow, f: &Forecast) {
    flow.paragraph(
        "Pounds; receipts and payments in the month they are paid. Staff is net pay with the tax, National Insurance and pension deductions and the employer's National Insurance, pension and levy paid over. VAT is what customers paid less what was paid to suppliers, with what was paid to or repaid by HMRC. Loan service is loan interest and capital repaid; overdraft is drawn less repaid, with its interest and fees. Net = receipts − payments.",
        Face::Regular,
        8.5,
        GREY,
    );
    let sums: Vec<[Decimal; 11]> = f
        .months
        .iter()
        .map(|r| {
            let mut sums = [Decimal::ZERO; 11];
            for (k, v) in &r.lines {
                sums[monthly_group(k)] += *v;
            }
            sums
        })
        .collect();
    let shown: Vec<usize> = (0..MONTHLY_GROUPS.len())
        .filter(|&g| MONTHLY_GROUPS[g].1 || sums.iter().any(|s| !s[g].is_zero()))
        .collect();
    let rows: Vec<Vec<String>> = f
        .months
        .iter()
        .zip(&sums)
        .map(|(r, sums)| {
            let mut row = vec![format::month_short(r.month), pounds(r.opening)];
            row.extend(shown.iter().map(|&g| pounds(sums[g])));
            row.push(pounds(r.net()));
            row.push(pounds(r.closing));
            row
        })
        .collect();
    let mut cols = vec![Column::left("Month", 1.0), Column::right("Opening", 1.2)];
    cols.extend(
        shown
            .iter()
            .map(|&g| Column::right(MONTHLY_GROUPS[g].0, 1.1)),
    );
    cols.push(Column::right("Net", 1.1));
    cols.push(Column::right("Closing", 1.2));
    let size = if shown.len() > 9 { 7.0 } else { 7.5 };
    flow.table(&cols, &rows, size);
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// How each person's pay is split into deductions, and when they are paid over.
fn payroll_deductions(plan: &Plan) -> String {
    let s = &plan.forecast.settings;
    let allowance = if s.personal_allowance.get() == Decimal::from(12_570) {
        "under tax code 1257L".to_string()
    } else {
        format!(
            "with a personal allowance of {} a year",
            pounds(s.personal_allowance.get())
        )
    };
    let rates = if plan.organisation.nation == Nation::Scotland {
        "Scottish"
    } else {
        "England, Wales and Northern Ireland"
    };
    let ni: Vec<String> = s
        .employee_ni_bands
        .iter()
        .filter(|b| !b.percent.get().is_zero())
        .map(|b| format::percent(b.percent.get()))
        .collect();
    let paid = match s.payroll_costs_paid {
        PayrollTiming::NextMonth => "in the month after the pay",
        PayrollTiming::SameMonth => "with the pay",
    };
    format!(
        "Income tax on each person's pay {allowance} with {rates} rates, employee National Insurance at {}, and each scheme's member contributions, worked out month by month; paid over {paid}",
        and_list(&ni)
    )
}

/// The member contribution rates of each pension scheme the staff lines use, one entry a
/// scheme or defined contribution line.
fn member_contributions(plan: &Plan) -> Vec<String> {
    let s = &plan.forecast.settings;
    let d = crate::model::new_plan::default_settings();
    let staff = &plan.forecast.staff;
    let mut parts = Vec::new();
    for (scheme, table, default, year) in [
        (
            PensionScheme::Nhs,
            &s.nhs_pension_member_tiers,
            &d.nhs_pension_member_tiers,
            "2025-26",
        ),
        (
            PensionScheme::Lgps,
            &s.lgps_member_bands,
            &d.lgps_member_bands,
            "2026-27",
        ),
        (
            PensionScheme::CivilService,
            &s.civil_service_member_tiers,
            &d.civil_service_member_tiers,
            "2026-27",
        ),
    ] {
        if staff.iter().any(|l| l.pension.scheme == scheme) {
            let rates = if table == default {
                format!("the published {year} rates")
            } else {
                "rates entered by the team".to_string()
            };
            parts.push(format!(
                "{}: {rates}, by each person's actual pay",
                labels::pension_scheme(scheme)
            ));
        }
    }
    for l in staff
        .iter()
        .filter(|l| l.pension.scheme == PensionScheme::DefinedContribution)
    {
        let rate = l
            .pension
            .employee_percent
            .map_or(Decimal::ZERO, |p| p.get());
        parts.push(format!(
            "{} (defined contribution): {}",
            text_or(&l.role, "staff line not named"),
            format::percent(rate)
        ));
    }
    if parts.is_empty() {
        parts.push("None: no staff line is in a pension scheme".into());
    }
    parts
}

/// VAT registration and recovery, by VAT year when registered.
fn vat_words(plan: &Plan, forecast: Option<&Forecast>) -> String {
    let s = &plan.forecast.settings;
    if !s.vat_registered {
        return "Not registered: VAT on costs is a cost".into();
    }
    let years: Vec<String> = forecast
        .map(|f| f.vat_years.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|y| {
            if y.de_minimis {
                format!(
                    "{} in the VAT year to {} (de minimis: all of it)",
                    format::percent(y.standard_method_percent),
                    month_long(y.end)
                )
            } else {
                format!(
                    "{} in the VAT year to {}",
                    format::percent(y.recovery_percent),
                    month_long(y.end)
                )
            }
        })
        .collect();
    let recovery = if years.is_empty() {
        String::new()
    } else {
        format!(", {}", and_list(&years))
    };
    format!(
        "Registered, quarters ending {}: VAT at {} is charged on standard-rated income; input VAT is recovered by the standard method{recovery}; returns paid or repaid in the second month after each quarter",
        labels::vat_stagger(s.vat_stagger),
        format::percent(s.vat_standard_rate_percent.get()),
    )
}

/// Capital spending and how it is depreciated.
fn capital_words(plan: &Plan) -> String {
    let items: Vec<String> = plan
        .forecast
        .costs
        .iter()
        .filter(|c| c.frequency == CostFrequency::Capital)
        .map(|c| {
            let life = c
                .useful_life_months
                .map_or_else(String::new, |l| format!(", over {l} months"));
            format!(
                "{}: {} in {}{life}",
                text_or(&c.name, "not named"),
                pounds(c.amount.get()),
                month_long(c.start)
            )
        })
        .collect();
    let rule = "depreciated in equal monthly amounts over each item's useful life, from the month after it is bought; VAT that cannot be recovered is part of its cost";
    if items.is_empty() {
        format!("None planned. Capital spending would be {rule}")
    } else {
        format!("{}. {}", capitalised(rule), items.join("; "))
    }
}

/// How share capital is counted: as funds, withdrawable shares included for a society.
fn share_capital_basis(plan: &Plan) -> &'static str {
    match plan.organisation.legal_form {
        LegalForm::CoOperativeSociety | LegalForm::CommunityBenefitSociety => {
            "share capital, withdrawable shares included, is counted as funds, on the assumption that the society's rules let it refuse any withdrawal unconditionally, as FRS 102 (paragraph 22.6) requires for shares to be equity rather than a liability"
        }
        _ => "share capital is counted as funds",
    }
}

fn assumptions(flow: &mut Flow, plan: &Plan, forecast: Option<&Forecast>) {
    let s = &plan.forecast.settings;
    let f = &plan.forecast;
    let charity = plan.organisation.is_charity();
    flow.heading(2, "Assumptions");
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut figure =
        |label: &str, value: &str| rows.push(vec![label.to_string(), value.to_string()]);
    figure(
        "Forecast",
        &format!("{} months from {}", f.months, month_long(f.start)),
    );
    figure("Opening cash", &pounds(f.opening_cash.get()));
    figure(
        "Pay award",
        &format!(
            "{} a year, each {} (salaries are as at the start of the forecast)",
            format::percent(s.pay_award_percent.get()),
            format::month_name(s.pay_award_month)
        ),
    );
    figure(
        "Employer National Insurance",
        &format!(
            "{} of pay above {} a year per person",
            format::percent(s.employer_ni_percent.get()),
            pounds(s.ni_secondary_threshold.get())
        ),
    );
    let ea = if !s.claim_employment_allowance {
        "Not claimed".to_string()
    } else if crate::forecast::employment_allowance_eligible(plan) {
        format!(
            "Claimed: {} a tax year, against employer National Insurance",
            pounds(s.employment_allowance.get())
        )
    } else {
        "Claimed, but not allowed (see check EMP-01), so left out".to_string()
    };
    figure("Employment Allowance", &ea);
    figure(
        "Employer pensions",
        "The rate of each staff line, on its pay (see the staff table)",
    );
    figure(
        "Payroll costs paid",
        match s.payroll_costs_paid {
            PayrollTiming::NextMonth => "Net pay in the month worked; the tax, National Insurance and pension deducted from it, and the employer's National Insurance, pension and levy, in the month after",
            PayrollTiming::SameMonth => "Net pay, the tax, National Insurance and pension deducted from it, and the employer's National Insurance, pension and levy, all in the month worked",
        },
    );
    figure("Payroll deductions", &payroll_deductions(plan));
    // A row for each scheme or line, so that a long staff list never makes one row too tall
    // for a page; the label only on the first.
    for (i, v) in member_contributions(plan).iter().enumerate() {
        figure(
            if i == 0 {
                "Pension member contributions"
            } else {
                ""
            },
            v,
        );
    }
    figure(
        "Apprenticeship Levy",
        &format!(
            "{} of the whole pay bill less an allowance of {} a tax year, built up month by month from April",
            format::percent(s.apprenticeship_levy_percent.get()),
            pounds(s.apprenticeship_levy_allowance.get())
        ),
    );
    let tax = if charity {
        "None: the organisation is a charity, and all its income is treated as from its charitable purpose".to_string()
    } else {
        format!(
            "{} on profits up to {} a year, {} from {}, with marginal relief between them (fraction {}); losses carried forward; each year's tax paid in the tenth month after the year ends",
            format::percent(s.ct_small_profits_rate_percent.get()),
            pounds(s.ct_lower_limit.get()),
            format::percent(s.ct_main_rate_percent.get()),
            pounds(s.ct_upper_limit.get()),
            format::fraction(s.ct_marginal_relief_percent.get()),
        )
    };
    figure("Corporation tax", &tax);
    figure("VAT", &vat_words(plan, forecast));
    let treatments: Vec<String> = f
        .contracts
        .iter()
        .map(|c| (text_or(&c.service, "contract not named"), c.vat))
        .chain(
            f.income
                .iter()
                .map(|i| (text_or(&i.name, "income not named"), i.vat)),
        )
        .map(|(name, v)| format!("{name}: {}", labels::vat_treatment(v).to_lowercase()))
        .collect();
    for (i, v) in treatments.iter().enumerate() {
        figure(if i == 0 { "VAT on income" } else { "" }, v);
    }
    for fac in &f.facilities {
        figure(
            &format!(
                "Overdraft facility: {}",
                text_or(&fac.lender, "lender not named")
            ),
            &capitalised(&facility_terms(fac)),
        );
    }
    figure("Capital spending", &capital_words(plan));
    if !f.loans.is_empty() {
        figure(
            "Loan interest",
            "Charged to the month it is for; paid monthly in arrears",
        );
    }
    let mut basis = "Income is counted when earned and costs when incurred; all funds are unrestricted; costs are paid when incurred".to_string();
    if !f.equity.is_empty() {
        basis.push_str("; ");
        basis.push_str(share_capital_basis(plan));
    }
    figure("Balance sheet", &basis);
    for c in &f.contracts {
        let mut terms = format!(
            "{} a year, indexed by {} a year; paid {} days after each month of service; {}",
            pounds(c.annual_value.get()),
            format::percent(c.indexation_percent.get()),
            c.payment_terms_days,
            labels::renewal(c.renewal.assumption).to_lowercase()
        );
        if c.renewal.assumption == RenewalAssumption::Renewed
            && !c.renewal.value_change_percent.get().is_zero()
        {
            terms.push_str(&format!(
                " with its value changed by {}",
                format::percent(c.renewal.value_change_percent.get())
            ));
        }
        terms.push_str(&format!(" after {}", month_long(c.end)));
        if let Some(p) = &c.pbr {
            terms.push_str(&format!(
                "; {} of its value depends on results, assumed {} achieved and paid {} months later",
                format::percent(p.share_percent.get()),
                format::percent(p.achievement_percent.get()),
                p.lag_months
            ));
        }
        figure(
            &format!("Contract: {}", text_or(&c.service, "not named")),
            &terms,
        );
    }
    flow.table(
        &[
            Column::left("Assumption", 1.6),
            Column::left("In this plan", 5.0),
        ],
        &rows,
        8.5,
    );
    flow.space(6.0);
    flow.paragraph(
        "Contract income is invoiced at the end of each month of service and received after the contract's payment terms (each 30 days, or part of 30 days, is a month). Indexation, growth and inflation step up on each anniversary of a line's start. Every line is worked out exactly and rounded once to the penny each month; this document shows whole pounds.",
        Face::Regular,
        BODY,
        INK,
    );
    flow.heading(2, "What the model leaves out");
    for item in [
        "In payroll: tax codes other than 1257L (such as the personal allowance's taper above £100,000), student loan deductions, salary sacrifice and pension schemes that give relief at source. Scottish income tax follows where each person lives; the model takes everyone to live in the organisation's nation. Deductions are worked out exactly rather than from HMRC's tables, which can differ by about £1 a person a month.",
        "Employer National Insurance relief for employees under 21 and apprentices under 25.",
        "The rule that can deny the Employment Allowance in the tax year a business is transferred to a new employer, which may apply to transferred staff until the next 6 April.",
        "Employers connected with others, who share one Apprenticeship Levy allowance.",
        "In VAT: attributing input VAT directly to taxable or exempt supplies, special recovery methods, the capital goods scheme, the option to tax, reverse charges, VAT that can never be reclaimed (on cars and entertainment), payments on account, monthly returns, the cash, annual and flat rate schemes, bad debt relief, and registering or deregistering partway through the forecast.",
        "In corporation tax: capital allowances (depreciation stands in for them) and expenses that are not allowable, associated companies, which divide the limits, quarterly instalment payments for large profits, carrying a loss back to an earlier year, the exemption for mutual trading, and grants that are capital rather than income.",
        "On the balance sheet: defined benefit pension deficits or surpluses (an admitted body in the Local Government Pension Scheme would show its share of the fund's deficit or surplus), assets transferred from the parent body, provisions for redundancy or a pension cessation debt, and deferred tax.",
        "Bad debts: every invoice is taken to be paid in full on its terms.",
        "Credit from suppliers: costs are paid in the month they are incurred, so there are no trade creditors or prepayments, and no stock.",
        "Restricted and capital grants: every grant is income when it is received, and every fund is unrestricted.",
        "Equipment or other fixed assets bought before the forecast starts: they are not on the balance sheet and are not depreciated, so the surplus and corporation tax are overstated.",
        "For an organisation already trading, what it is owed and what it owes at the start: the opening balance sheet holds only the opening cash and any loans, so these, and income earned or costs incurred before the forecast starts, are taken to be in the opening cash.",
        "In the scenario where the largest contract is not renewed: redundancy pay for staff who would not transfer, a pension cessation debt, payments to end leases early, and savings on other costs of the contract.",
    ] {
        flow.bullet(item);
    }
}

/// The cover page (page 0): for a draft, the marking and why.
pub(super) fn cover(flow: &mut Flow, plan: &Plan, fp: &str, draft: &[String]) {
    flow.new_page(Orientation::Portrait);
    flow.space(if draft.is_empty() { 120.0 } else { 60.0 });
    if !draft.is_empty() {
        flow.paragraph("Draft \u{2014} not for submission", Face::Bold, 16.0, RED);
        for r in draft {
            flow.bullet(&format!("{}.", capitalised(r)));
        }
        flow.space(30.0);
    }
    let addressee = plan.addressee.trim();
    let addressee = if addressee.is_empty() {
        crate::model::plan::DEFAULT_ADDRESSEE
    } else {
        addressee
    };
    flow.paragraph(
        &format!("Submission to {addressee}"),
        Face::Regular,
        12.0,
        GREY,
    );
    flow.space(10.0);
    flow.paragraph(&plan.title, Face::Bold, 24.0, BLUE);
    flow.space(10.0);
    flow.paragraph(&plan.organisation.name, Face::Bold, 15.0, INK);
    flow.paragraph(
        labels::legal_form(plan.organisation.legal_form),
        Face::Regular,
        11.0,
        INK,
    );
    flow.space(40.0);
    let saved = if plan.saved_by.trim().is_empty() {
        format!(
            "Revision {}, saved {}",
            plan.revision,
            format::date_long(plan.saved_at.date())
        )
    } else {
        format!(
            "Revision {}, saved {} by {}",
            plan.revision,
            format::date_long(plan.saved_at.date()),
            plan.saved_by.trim()
        )
    };
    flow.paragraph(&saved, Face::Regular, 11.0, INK);
    flow.paragraph(&format!("Fingerprint {fp}"), Face::Bold, 13.0, INK);
    flow.paragraph(
        "The fingerprint identifies the content of the plan file this document was printed from. Mutual Plan shows the same fingerprint for the same file, so anyone can check that this printout matches it.",
        Face::Regular,
        9.0,
        GREY,
    );
}

/// The contents page (page 1), filled in once the body's page numbers are known.
pub(super) fn contents(flow: &mut Flow, entries: &[(String, usize)]) {
    let fonts = flow.fonts();
    let page = &mut flow.pages[1];
    let right = page.width - super::flow::RIGHT;
    let mut y = super::flow::TOP + 24.0;
    page.items.push(Item::Text {
        x: LEFT,
        baseline: y,
        face: Face::Bold,
        size: 16.0,
        color: BLUE,
        text: "Contents".into(),
    });
    y += 16.0;
    for (title, index) in entries {
        y += 17.0;
        let number = (index + 1).to_string();
        let title = super::text::printable(fonts, Face::Regular, title);
        page.items.push(Item::Text {
            x: LEFT,
            baseline: y,
            face: Face::Regular,
            size: 10.5,
            color: INK,
            text: title,
        });
        let w = fonts.width(Face::Regular, 10.5, &number);
        page.items.push(Item::Text {
            x: right - w,
            baseline: y,
            face: Face::Regular,
            size: 10.5,
            color: INK,
            text: number,
        });
    }
}
