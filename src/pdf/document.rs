//! What the printed submission says, section by section, laid out with [`Flow`].

use super::chart::{cash_chart, share_bars};
use super::flow::{Column, Flow, Orientation, BODY, LEFT};
use super::fonts::Face;
use super::layout::{Item, BLUE, GREY, INK};
use super::long_date;
use crate::analysis::Analysis;
use crate::forecast::report::headline_figures;
use crate::forecast::{Forecast, LineKey};
use crate::labels::{self, month_long};
use crate::money::pounds;
use crate::plan::*;
use crate::plan_file::fingerprint;
use crate::rules::Severity;
use crate::sections::SECTIONS;
use rust_decimal::Decimal;

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
pub(super) fn body(flow: &mut Flow, plan: &Plan, analysis: &Analysis) -> Vec<(String, usize)> {
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
            "finance" => finance(flow, forecast),
            _ => {}
        }
    }
    flow.new_page(Orientation::Portrait);
    contents.push(("Checks".into(), flow.heading(1, "Checks")));
    checks(flow, analysis);
    flow.new_page(Orientation::Portrait);
    contents.push(("Review".into(), flow.heading(1, "Review")));
    review(flow, plan);
    flow.new_page(Orientation::Portrait);
    contents.push(("Declaration".into(), flow.heading(1, "Declaration")));
    declaration(flow, plan);
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
    flow.figure("Spin-out date", &long_date(plan.organisation.spin_out_date));
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
            labels::percent(o.profit_distribution.max_percent_of_distributable.get())
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
                labels::percent(g.equity_percent.get()),
                labels::percent(g.voting_percent.get()),
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
                    labels::percent(s.pension.employer_percent.get())
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
        .map(|m| vec![long_date(m.date), m.what.clone()])
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
    forecast: Option<&(Forecast, Vec<crate::forecast::scenarios::ScenarioResult>)>,
) {
    flow.heading(2, "Financial summary");
    let Some((f, scenarios)) = forecast else {
        flow.paragraph(
            "The forecast cannot be calculated: see the checks (FIN-03).",
            Face::Bold,
            BODY,
            INK,
        );
        return;
    };
    for (label, value) in headline_figures(f) {
        flow.figure(label, &value);
    }
    flow.space(6.0);
    flow.heading(3, "Income and expenditure by year");
    let rows: Vec<Vec<String>> = f
        .years
        .iter()
        .map(|y| {
            vec![
                format!(
                    "Year {} ({} – {})",
                    y.year,
                    labels::month_short(y.first_month),
                    labels::month_short(y.last_month)
                ),
                pounds(y.income),
                pounds(y.grants),
                pounds(y.expenditure),
                pounds(y.surplus),
                pounds(y.closing_cash),
                y.reserves_months.map_or("—".into(), labels::months),
                y.dscr.map_or("—".into(), |d| {
                    format!("{}×", crate::forecast::report::fixed(d, 2))
                }),
            ]
        })
        .collect();
    flow.table(
        &[
            Column::left("Year", 2.2),
            Column::right("Income", 1.3),
            Column::right("Grants", 1.0),
            Column::right("Expenditure", 1.3),
            Column::right("Surplus", 1.2),
            Column::right("Closing cash", 1.3),
            Column::right("Reserves", 1.1),
            Column::right("DSCR", 0.8),
        ],
        &rows,
        8.0,
    );
    flow.heading_with(3, "Monthly closing cash", 224.0);
    let points: Vec<_> = f.months.iter().map(|r| (r.month, r.closing)).collect();
    cash_chart(
        flow,
        &points,
        (f.summary.lowest_cash_month, f.summary.lowest_cash),
        190.0,
    );
    flow.heading(3, "Stress scenarios");
    flow.paragraph(
        "Each scenario changes one assumption in a copy of the plan; the change is measured against the forecast above.",
        Face::Regular,
        8.5,
        GREY,
    );
    let rows: Vec<Vec<String>> = scenarios
        .iter()
        .map(|r| {
            let s = &r.forecast.summary;
            vec![
                r.scenario.title.to_string(),
                pounds(s.lowest_cash),
                month_long(s.lowest_cash_month),
                pounds(r.delta.lowest_cash),
                s.months_negative.to_string(),
            ]
        })
        .collect();
    flow.table(
        &[
            Column::left("Scenario", 3.4),
            Column::right("Lowest cash", 1.3),
            Column::left("In", 1.3),
            Column::right("Change", 1.3),
            Column::right("Months below zero", 1.2),
        ],
        &rows,
        8.5,
    );
}

fn checks(flow: &mut Flow, analysis: &Analysis) {
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let title = labels::findings_heading(sev);
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
    flow.heading(2, labels::ELIGIBILITY_HEADING);
    let rows: Vec<Vec<String>> = r
        .eligibility
        .iter()
        .map(|e| {
            vec![
                format!("{} {}", e.id, e.title),
                labels::eligible(e.result).into(),
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
                labels::rating(a.rating).into(),
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
    flow.figure("Overall", labels::headline(r.headline));
}

fn review(flow: &mut Flow, plan: &Plan) {
    let current = fingerprint(plan);
    flow.heading(2, "Comments");
    let mut rows = Vec::new();
    for c in &plan.review.comments {
        let status = if c.resolved { "Resolved" } else { "Open" };
        rows.push(vec![
            c.anchor.clone(),
            format!("{} ({})", c.author, labels::reviewer_role(c.role)),
            long_date(c.at.date()),
            c.text.clone(),
            status.into(),
        ]);
        for r in &c.replies {
            rows.push(vec![
                String::new(),
                format!("{} ({})", r.author, labels::reviewer_role(r.role)),
                long_date(r.at.date()),
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
                Column::left("About", 1.5),
                Column::left("By", 1.5),
                Column::left("On", 1.2),
                Column::left("Comment", 3.4),
                Column::left("Status", 0.8),
            ],
            &rows,
            8.0,
        );
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
                long_date(s.at.date()),
                format!("{} ({})", s.revision, s.fingerprint),
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
            row.push(pounds(r.receipts - r.payments));
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
    flow.heading(2, "Assumptions");
    flow.figure(
        "Forecast",
        &format!("{} months from {}", f.months, month_long(f.start)),
    );
    flow.figure("Opening cash", &pounds(f.opening_cash.get()));
    flow.figure(
        "Employer National Insurance",
        &format!(
            "{} above {} a year per employee",
            labels::percent(s.employer_ni_percent.get()),
            pounds(s.ni_secondary_threshold.get())
        ),
    );
    let ea = if !s.claim_employment_allowance {
        "Not claimed".to_string()
    } else if crate::forecast::employment_allowance_eligible(plan) {
        format!(
            "Claimed: {} a tax year",
            pounds(s.employment_allowance.get())
        )
    } else {
        "Claimed, but not allowed (rule EMP-01): left out".to_string()
    };
    flow.figure("Employment Allowance", &ea);
    flow.figure(
        "Pay award",
        &format!(
            "{} a year, each {}",
            labels::percent(s.pay_award_percent.get()),
            labels::month_name(s.pay_award_month)
        ),
    );
    flow.space(6.0);
    flow.paragraph(
        "Contract income is invoiced at the end of each month of service and paid after the contract's payment terms (each 30 days, or part, is a month). Payment-by-results income follows after its lag. Indexation, growth and inflation step up on each anniversary of a line's start. Every line is rounded to the penny each month.",
        Face::Regular,
        BODY,
        INK,
    );
    flow.heading(2, "What the model leaves out");
    for item in [
        "VAT: amounts are net; irrecoverable VAT is a cost line.",
        "Corporation tax.",
        "Depreciation, and a balance sheet.",
        "Income or costs before the forecast starts: the opening cash is taken to include them.",
    ] {
        flow.bullet(item);
    }
    flow.paragraph(
        "These are candidates for a later version, not silent gaps.",
        Face::Regular,
        BODY,
        GREY,
    );
}

/// The cover page (page 0).
pub(super) fn cover(flow: &mut Flow, plan: &Plan, fp: &str) {
    flow.new_page(Orientation::Portrait);
    flow.space(120.0);
    flow.paragraph(
        "Submission to the Enterprise Incubator Unit",
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
            long_date(plan.saved_at.date())
        )
    } else {
        format!(
            "Revision {}, saved {} by {}",
            plan.revision,
            long_date(plan.saved_at.date()),
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
