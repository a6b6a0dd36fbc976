//! What the printed submission says, section by section, laid out with [`Flow`].

use super::chart::{cash_chart, share_bars};
use super::flow::{Column, Flow, Orientation, BODY, LEFT};
use super::fonts::Face;
use super::layout::{Item, BLUE, GREY, INK, RED};
use crate::checks::analysis::Analysis;
use crate::checks::verdict::Severity;
use crate::checks::verdict_words;
use crate::forecast::{Forecast, LineKey};
use crate::model::plan::*;
use crate::model::plan_file::fingerprint;
use crate::model::sections::SECTIONS;
use crate::show::forecast_report::{headline_figures_in, year_heading};
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
            Some(text) => flow.narrative(text),
            None => flow.paragraph("Not yet written.", Face::Regular, BODY, GREY),
        }
        match spec.id {
            "organisation" => organisation(flow, plan),
            "team" => team(flow, plan),
            "market" => market(flow, plan),
            "impact" => impact(flow, plan),
            "transition" => transition(flow, plan),
            "risks" => risks(flow, plan),
            "finance" => finance(flow, plan, forecast),
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
    assumptions(flow, plan);
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
    flow.figure("Registered charity", &yes(plan.organisation.charity));
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
            vec![
                s.role.clone(),
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
                labels::procurement_route(c.procurement.route).into(),
                labels::renewal(c.renewal.assumption).into(),
            ]
        })
        .collect();
    flow.table(
        &[
            Column::left("Commissioner", 2.2),
            Column::left("Service", 2.0),
            Column::right("A year", 1.3),
            Column::left("Term", 2.0),
            Column::right("Paid after", 1.0),
            Column::left("Route", 1.6),
            Column::left("At the end", 1.1),
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
    for (label, value) in headline_figures_in(f, pounds) {
        flow.figure(label, &value);
    }
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
    let rows: Vec<Vec<String>> = f
        .years
        .iter()
        .map(|y| {
            vec![
                format!("Year {}", y.year),
                pounds(y.closing_cash),
                pounds(y.net_cash),
                y.reserves_months.map_or("—".into(), format::months),
                y.dscr.map_or("—".into(), |d| {
                    format!("{}×", crate::show::forecast_report::fixed(d, 2))
                }),
            ]
        })
        .collect();
    flow.heading(3, "Cash, net reserves and debt cover at each year end");
    flow.table(
        &[
            Column::left("Year", 1.2),
            Column::right("Closing cash", 1.4),
            Column::right("Net of loans", 1.4),
            Column::right("Net reserves", 1.4),
            Column::right("Debt service cover", 1.4),
        ],
        &rows,
        8.5,
    );
    cost_lines(flow, plan);
    flow.heading_with(3, "Monthly closing cash", 224.0);
    let points: Vec<_> = f.months.iter().map(|r| (r.month, r.closing)).collect();
    cash_chart(
        flow,
        &points,
        (f.summary.lowest_cash_month, f.summary.lowest_cash),
        190.0,
    );
    stress(flow, f, scenarios);
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
    if rows.is_empty() {
        flow.paragraph(
            "No grants, share capital or loans: the plan is funded from its opening cash and its income.",
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
    flow.paragraph(
        &format!("How the cash at the start becomes the lowest cash of the first year, {span}: what creates the gap and what covers it."),
        Face::Regular,
        8.5,
        GREY,
    );
    let rows = vec![
        vec!["Opening cash".to_string(), pounds(s.opening_cash)],
        vec!["Add grants received".into(), pounds(s.grants)],
        vec!["Add share capital raised".into(), pounds(s.equity)],
        vec!["Add loans drawn".into(), pounds(s.loans)],
        vec!["Less one-off costs".into(), pounds(-s.one_off_costs)],
        vec![
            "Add net cash from running the service (all other receipts less all other payments)"
                .into(),
            pounds(s.operating),
        ],
        vec![
            format!("Lowest cash of year 1, {}", month_long(s.to_month)),
            pounds(s.lowest_cash),
        ],
    ];
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
            vec![
                c.name.clone(),
                labels::cost_category(c.category).into(),
                pounds(c.amount.get()),
                labels::cost_frequency(c.frequency).into(),
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
            Column::left("How often", 0.9),
            Column::left("When", 2.0),
            Column::right("Inflation", 1.0),
        ],
        &rows,
        8.0,
    );
}

fn stress(flow: &mut Flow, f: &Forecast, scenarios: &[crate::forecast::scenarios::ScenarioResult]) {
    flow.heading(3, "Stress scenarios");
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
    let mut rows = vec![vec![
        "The forecast above".to_string(),
        pounds(f.summary.lowest_cash),
        format::month_short(f.summary.lowest_cash_month),
        "—".into(),
        f.summary.months_negative.to_string(),
        "—".into(),
        pounds(f.summary.closing_cash),
        "—".into(),
    ]];
    rows.extend(scenarios.iter().map(|r| {
        let s = &r.forecast.summary;
        vec![
            r.scenario.title.to_string(),
            pounds(s.lowest_cash),
            format::month_short(s.lowest_cash_month),
            pounds(r.delta.lowest_cash),
            s.months_negative.to_string(),
            signed(r.delta.months_negative),
            pounds(s.closing_cash),
            pounds(r.delta.closing_cash),
        ]
    }));
    flow.table(
        &[
            Column::left("Scenario", 2.6),
            Column::right("Lowest cash", 1.2),
            Column::left("In", 1.2),
            Column::right("Change", 1.1),
            Column::right("Months below zero", 0.9),
            Column::right("Change", 0.7),
            Column::right("Cash at the end", 1.3),
            Column::right("Change", 1.2),
        ],
        &rows,
        7.5,
    );
    flow.paragraph(
        "The scenario in which the largest contract is not renewed counts the lost income only: the staff who would transfer to the next provider under TUPE, and the costs of losing a contract (redundancy, leases, a pension cessation debt), are not modelled.",
        Face::Regular,
        8.5,
        GREY,
    );
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

fn monthly(flow: &mut Flow, f: &Forecast) {
    flow.paragraph(
        "Pounds; receipts and payments in the month they are paid. Net = receipts − payments.",
        Face::Regular,
        8.5,
        GREY,
    );
    let group = |k: &LineKey| match k {
        LineKey::Contract(_) => 0,
        LineKey::Income(_) => 1,
        LineKey::Grant(_) | LineKey::Equity(_) => 2,
        LineKey::LoanDrawdown(_) => 3,
        LineKey::Pay
        | LineKey::EmployerNi
        | LineKey::EmployerPension
        | LineKey::ApprenticeshipLevy => 4,
        LineKey::Cost(_) => 5,
        LineKey::LoanInterest | LineKey::LoanCapital => 6,
        LineKey::CorporationTax => 7,
    };
    let rows: Vec<Vec<String>> = f
        .months
        .iter()
        .map(|r| {
            let mut sums = [Decimal::ZERO; 8];
            for (k, v) in &r.lines {
                sums[group(k)] += *v;
            }
            let mut row = vec![month_long(r.month), pounds(r.opening)];
            row.extend(sums.iter().map(|v| pounds(*v)));
            row.push(pounds(r.net()));
            row.push(pounds(r.closing));
            row
        })
        .collect();
    let cols = [
        Column::left("Month", 1.5),
        Column::right("Opening", 1.2),
        Column::right("Contracts", 1.2),
        Column::right("Other income", 1.1),
        Column::right("Grants, equity", 1.1),
        Column::right("Loans in", 1.0),
        Column::right("Staff", 1.2),
        Column::right("Costs", 1.1),
        Column::right("Loan service", 1.0),
        Column::right("Tax", 0.9),
        Column::right("Net", 1.1),
        Column::right("Closing", 1.2),
    ];
    flow.table(&cols, &rows, 8.0);
}

fn assumptions(flow: &mut Flow, plan: &Plan) {
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
            PayrollTiming::NextMonth => "National Insurance, pension and levy in the month after the month worked; pay in the month worked",
            PayrollTiming::SameMonth => "National Insurance, pension and levy in the month worked, with the pay",
        },
    );
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
        "VAT: amounts are net of VAT. VAT the organisation cannot recover is a cost line of its own; a spin-out loses the VAT refunds its parent body received on contracted-out services, and health and welfare services are mostly exempt, so much of its input VAT is a real cost.",
        "Depreciation, and a balance sheet.",
        "Income earned and costs incurred before the forecast starts: the opening cash is taken to include them.",
        "The rule that can deny the Employment Allowance in the tax year a business is transferred to a new employer, which may apply to transferred staff until the next 6 April.",
        "Employers connected with others, who share one Apprenticeship Levy allowance.",
        "In corporation tax: capital allowances and expenses that are not allowable (taxable profit is taken to be the surplus), associated companies, which divide the limits, quarterly instalment payments for large profits, carrying a loss back to an earlier year, the exemption for mutual trading, and grants that are capital rather than income.",
        "In the scenario where the largest contract is not renewed: the staff who would transfer to the next provider, and the costs of losing a contract, such as redundancy, leases and a pension cessation debt.",
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
