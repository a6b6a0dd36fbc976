//! The Overview the window opens on: how far each part of the plan has got and what it still
//! lacks, the headline cash figures, the readiness score and the most serious findings, all
//! worded here so that the window only lays them out.

use crate::checks::analysis::Analysis;
use crate::checks::submission::MIN_RISKS;
use crate::checks::verdict::{Finding, Severity};
use crate::checks::verdict_words;
use crate::model::catalogue::{part_of, PartId, PARTS};
use crate::model::plan::Plan;
use crate::model::sections::SECTIONS;
use crate::show::forecast_report::HeadlineFigure;
use crate::words::format;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

/// How far a part has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PartState {
    /// Nothing typed in it yet.
    Empty,
    /// Something typed, something still missing.
    Started,
    /// Everything it needs is there.
    Complete,
    /// A check finds an error in one of its fields.
    Errors,
}

/// Something a part still needs, in words, with the path of the field to fill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Missing {
    pub path: String,
    pub words: String,
}

/// One part of the plan on the Overview and in the navigation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PartStatus {
    pub id: PartId,
    pub title: String,
    pub state: PartState,
    /// The state in a few words: "complete", "2 things missing", "not started", "1 error".
    pub words: String,
    pub missing: Vec<Missing>,
}

/// A headline figure, worded as the CLI and the PDF word it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OverviewFigure {
    pub label: String,
    pub value: String,
}

/// The Overview of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Overview {
    pub parts: Vec<PartStatus>,
    /// "8 of 9 parts complete".
    pub completeness: String,
    /// The cash figures a mentor looks at first; empty when the forecast cannot be worked out.
    pub figures: Vec<OverviewFigure>,
    /// "12 of 20".
    pub score: String,
    /// "Nearly ready".
    pub headline: String,
    /// "Readiness criteria 2.0.0".
    pub criteria: String,
    /// The most serious findings, errors first, at most [`TOP_FINDINGS`].
    pub findings: Vec<Finding>,
    /// "1 warning and 6 notes", or "No findings".
    pub findings_summary: String,
    /// The word for a part whose field the window holds in error (text the core refused).
    pub errors_word: String,
}

/// How many findings the Overview lists.
pub const TOP_FINDINGS: usize = 5;

/// The headline figures the Overview shows, in order.
const KEY_FIGURES: [HeadlineFigure; 7] = [
    HeadlineFigure::LowestCash,
    HeadlineFigure::MonthsNegative,
    HeadlineFigure::FirstBelowZero,
    HeadlineFigure::PeakFundingNeed,
    HeadlineFigure::ClosingCash,
    HeadlineFigure::FreeReservesYear1,
    HeadlineFigure::FreeReservesYear2,
];

/// Whether a value holds anything a team typed: text, items, a number, a flag.
fn filled(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => o.values().any(filled),
        Value::Bool(_) | Value::Number(_) => true,
    }
}

fn at<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(root, |v, k| v.get(k))
}

fn need(out: &mut Vec<Missing>, empty: bool, path: &str, words: &str) {
    if empty {
        out.push(Missing {
            path: path.into(),
            words: words.into(),
        });
    }
}

/// What a part still needs before the plan can be submitted.
fn missing(plan: &Plan, id: PartId) -> Vec<Missing> {
    let mut out = Vec::new();
    let blank = |s: &str| s.trim().is_empty();
    let o = &plan.organisation;
    let n = &plan.narrative;
    match id {
        PartId::Organisation => {
            need(&mut out, blank(&plan.title), "title", "The plan's title");
            need(
                &mut out,
                blank(&plan.addressee),
                "addressee",
                "Whom the plan is for",
            );
            need(
                &mut out,
                blank(&o.name),
                "organisation.name",
                "The organisation's name",
            );
            need(
                &mut out,
                blank(&o.parent_body.name),
                "organisation.parent_body.name",
                "The parent body's name",
            );
            need(
                &mut out,
                blank(&o.services),
                "organisation.services",
                "The services it will run",
            );
            need(
                &mut out,
                blank(&o.public_service_mission),
                "organisation.public_service_mission",
                "Its public service mission",
            );
        }
        PartId::Ownership => {
            need(
                &mut out,
                plan.ownership.groups.is_empty(),
                "ownership.groups",
                "The member groups",
            );
            if let Some(g) = plan.ownership.groups.first() {
                need(
                    &mut out,
                    !plan.ownership.members_entered(),
                    &format!("ownership.groups[{}].members", g.id),
                    "How many members each group has",
                );
            }
            need(
                &mut out,
                blank(&plan.ownership.staff_voice),
                "ownership.staff_voice",
                "How staff have their say",
            );
            need(
                &mut out,
                plan.board.is_empty(),
                "board",
                "The board's seats",
            );
        }
        PartId::Contracts => need(
            &mut out,
            plan.forecast.contracts.is_empty(),
            "forecast.contracts",
            "At least one service or contract",
        ),
        PartId::Staff => need(
            &mut out,
            plan.forecast.staff.is_empty(),
            "forecast.staff",
            "The staff who will transfer or be hired",
        ),
        PartId::Costs => need(
            &mut out,
            plan.forecast.costs.is_empty(),
            "forecast.costs",
            "The running costs",
        ),
        PartId::Narrative => {
            for s in SECTIONS {
                let written = n.sections.iter().any(|x| x.id == s.id && !blank(&x.text));
                need(
                    &mut out,
                    !written,
                    &format!("narrative.sections[{}].text", s.id),
                    &format!("The section \"{}\"", s.title),
                );
            }
        }
        PartId::Risks => {
            let have = n.risks.len();
            if have < MIN_RISKS {
                let words = format!(
                    "At least {MIN_RISKS} risks in the register ({} so far)",
                    have
                );
                need(&mut out, true, "narrative.risks", &words);
            }
            need(
                &mut out,
                n.impact.is_empty(),
                "narrative.impact",
                "How impact will be measured",
            );
            need(
                &mut out,
                n.milestones.is_empty(),
                "narrative.milestones",
                "The milestones",
            );
        }
        PartId::Funding | PartId::Settings => {}
    }
    out
}

/// Each part of `plan`: whether anything is typed in it, what is missing, and its errors. A part
/// is started once any of its values differs from what a new plan holds (its defaults): a part
/// nobody has touched is "not started", even where its defaults would pass.
pub fn parts(plan: &Plan, findings: &[Finding]) -> Vec<PartStatus> {
    let json = serde_json::to_value(plan).unwrap_or(Value::Null);
    let template = serde_json::to_value(crate::model::new_plan::new_plan(
        "",
        plan.id.clone(),
        plan.saved_at,
    ))
    .unwrap_or(Value::Null);
    PARTS
        .iter()
        .map(|p| {
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .filter(|f| part_of(&f.path.to_string()).is_some_and(|q| q.id == p.id))
                .count();
            let missing = missing(plan, p.id);
            let started = if p.id == PartId::Narrative {
                plan.narrative
                    .sections
                    .iter()
                    .any(|s| !s.text.trim().is_empty())
            } else {
                p.owns
                    .iter()
                    .any(|o| at(&json, o).is_some_and(filled) && at(&json, o) != at(&template, o))
            };
            let (state, words) = if errors > 0 {
                (PartState::Errors, format::count(errors, "error", "errors"))
            } else if !started {
                (PartState::Empty, "not started".to_string())
            } else if missing.is_empty() {
                (PartState::Complete, "complete".to_string())
            } else {
                (
                    PartState::Started,
                    format!(
                        "{} missing",
                        format::count(missing.len(), "thing", "things")
                    ),
                )
            };
            PartStatus {
                id: p.id,
                title: p.title.into(),
                state,
                words,
                missing,
            }
        })
        .collect()
}

/// "1 warning and 6 notes": how many findings of each severity, in words.
fn findings_summary(findings: &[Finding]) -> String {
    let n = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let parts: Vec<String> = [
        (n(Severity::Error), "error", "errors"),
        (n(Severity::Warning), "warning", "warnings"),
        (n(Severity::Info), "note", "notes"),
    ]
    .into_iter()
    .filter(|(k, _, _)| *k > 0)
    .map(|(k, one, many)| format::count(k, one, many))
    .collect();
    match parts.as_slice() {
        [] => "No findings".into(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The Overview of `plan`, from its analysis.
pub fn overview(plan: &Plan, analysis: &Analysis) -> Overview {
    let parts = parts(plan, &analysis.findings);
    let complete = parts
        .iter()
        .filter(|p| p.state == PartState::Complete)
        .count();
    let figures = match &analysis.forecast {
        Ok((f, _)) => KEY_FIGURES
            .iter()
            .map(|h| OverviewFigure {
                label: h.label().into(),
                value: h.value(f, crate::words::money::pence),
            })
            .collect(),
        Err(_) => vec![],
    };
    let mut findings = analysis.findings.clone();
    // Stable: within a severity the catalogue's order stays.
    findings.sort_by_key(|f| f.severity);
    findings.truncate(TOP_FINDINGS);
    let r = &analysis.readiness;
    Overview {
        completeness: format!("{complete} of {} parts complete", parts.len()),
        parts,
        figures,
        score: format!("{} of {}", r.score, r.max_score),
        headline: verdict_words::headline(r.headline).into(),
        criteria: format!("{} {}", r.criteria.name, r.criteria.version),
        findings,
        findings_summary: findings_summary(&analysis.findings),
        errors_word: "has errors".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::analysis::analyse;
    use crate::checks::criteria::Criteria;
    use crate::model::values::Percent;
    use rust_decimal::Decimal;

    fn sample() -> (Plan, Analysis) {
        let plan = crate::model::samples::riverside().unwrap();
        let a = analyse(&plan, &Criteria::bundled());
        (plan, a)
    }

    #[test]
    fn the_sample_overview_gives_its_score_figures_and_findings() {
        let (plan, a) = sample();
        let o = overview(&plan, &a);
        assert_eq!(o.score, "14 of 20");
        assert_eq!(o.headline, verdict_words::headline(a.readiness.headline));
        let fig = |l: &str| {
            o.figures
                .iter()
                .find(|f| f.label == l)
                .unwrap()
                .value
                .clone()
        };
        // The overdraft keeps cash at nil in April 2027.
        assert_eq!(fig("Lowest cash"), "£0.00 in April 2027");
        assert_eq!(fig("Months with negative cash"), "0");
        assert_eq!(o.figures[0].label, "Lowest cash");
        assert_eq!(o.findings_summary, "1 warning and 12 notes");
        // The most serious first: the warning that the falls prevention classes may be
        // standard-rated for VAT.
        assert_eq!(o.findings[0].rule, "VAT-02");
        assert_eq!(o.findings[0].severity, Severity::Warning);
        assert_eq!(o.findings.len(), TOP_FINDINGS);
        assert!(o.criteria.ends_with(&a.readiness.criteria.version));
    }

    #[test]
    fn every_part_of_the_sample_is_complete() {
        let (plan, a) = sample();
        let o = overview(&plan, &a);
        let ids: Vec<PartId> = o.parts.iter().map(|p| p.id).collect();
        assert_eq!(ids, PARTS.iter().map(|p| p.id).collect::<Vec<_>>());
        for p in &o.parts {
            assert_eq!(p.state, PartState::Complete, "{:?}: {:?}", p.id, p.missing);
            assert_eq!(p.words, "complete");
        }
        assert_eq!(o.completeness, "9 of 9 parts complete");
    }

    #[test]
    fn a_part_says_what_is_missing_and_where() {
        let (mut plan, _) = sample();
        plan.organisation.services.clear();
        plan.narrative.risks.truncate(1);
        plan.forecast.staff.clear();
        let a = analyse(&plan, &Criteria::bundled());
        let ps = parts(&plan, &a.findings);
        let part = |id: &str| ps.iter().find(|p| p.id.as_str() == id).unwrap();
        let org = part("organisation");
        assert_eq!(org.state, PartState::Started);
        assert_eq!(org.words, "1 thing missing");
        assert_eq!(org.missing[0].path, "organisation.services");
        let risks = part("risks");
        assert_eq!(
            risks.missing[0].words,
            "At least 3 risks in the register (1 so far)"
        );
        assert_eq!(part("staff").state, PartState::Empty);
        assert_eq!(part("staff").words, "not started");
    }

    /// File → New makes a plan with no name: nothing is wrong yet, and no part is started, though
    /// Funding (no cash, no loans) and Settings (the default rates) would pass as they stand.
    #[test]
    fn a_new_plan_has_no_errors_and_every_part_is_not_started() {
        let plan = crate::model::new_plan::new_plan(
            "",
            "0123456789abcdef0123456789abcdef".parse().unwrap(),
            "2026-12-03T10:42:00Z".parse().unwrap(),
        );
        let a = analyse(&plan, &Criteria::bundled());
        let errors: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{} {}", f.rule, f.path))
            .collect();
        assert_eq!(errors, Vec::<String>::new());
        for p in parts(&plan, &a.findings) {
            assert_eq!(p.state, PartState::Empty, "{:?}", p.id);
            assert_eq!(p.words, "not started", "{:?}", p.id);
        }
        // What the team must give is listed as missing, where it is typed.
        let ps = parts(&plan, &a.findings);
        let ownership = ps.iter().find(|p| p.id == PartId::Ownership).unwrap();
        assert!(ownership
            .missing
            .iter()
            .any(|m| m.path == "ownership.groups[staff].members"));
        let org = ps.iter().find(|p| p.id.as_str() == "organisation").unwrap();
        assert!(org.missing.iter().any(|m| m.path == "organisation.name"));
    }

    #[test]
    fn a_part_is_started_by_any_change_from_a_new_plans_defaults() {
        let mut plan = crate::model::new_plan::new_plan(
            "",
            "0123456789abcdef0123456789abcdef".parse().unwrap(),
            "2026-12-03T10:42:00Z".parse().unwrap(),
        );
        plan.forecast.settings.pay_award_percent = Percent::new(Decimal::new(25, 1)).unwrap();
        plan.forecast.opening_cash = "4000.00".parse().unwrap();
        plan.forecast.start = plan.forecast.start.plus(9).unwrap();
        let a = analyse(&plan, &Criteria::bundled());
        let ps = parts(&plan, &a.findings);
        let state = |id: &str| ps.iter().find(|p| p.id.as_str() == id).unwrap().state;
        assert_eq!(state("settings"), PartState::Complete);
        assert_eq!(state("funding"), PartState::Complete);
        // The forecast's start is asked beside the spin-out date.
        assert_eq!(state("organisation"), PartState::Started);
        assert_eq!(state("ownership"), PartState::Empty);
    }

    #[test]
    fn a_new_plan_lists_every_unwritten_section_and_errors_mark_their_part() {
        let plan = crate::model::new_plan::new_plan(
            "New organisation",
            "0123456789abcdef0123456789abcdef".parse().unwrap(),
            "2026-11-27T10:15:00Z".parse().unwrap(),
        );
        let a = analyse(&plan, &Criteria::bundled());
        let ps = parts(&plan, &a.findings);
        let narrative = ps.iter().find(|p| p.id.as_str() == "narrative").unwrap();
        assert_eq!(narrative.state, PartState::Empty);
        assert_eq!(narrative.missing.len(), SECTIONS.len());
        assert!(narrative.missing[0].path.starts_with("narrative.sections["));
        for f in a.findings.iter().filter(|f| f.severity == Severity::Error) {
            let p = part_of(&f.path.to_string()).unwrap();
            let s = ps.iter().find(|s| s.id == p.id).unwrap();
            assert_eq!(s.state, PartState::Errors, "{} on {}", f.rule, f.path);
        }
    }

    #[test]
    fn a_path_belongs_to_the_part_that_owns_it() {
        assert_eq!(
            part_of("forecast.contracts[a].annual_value")
                .unwrap()
                .id
                .as_str(),
            "contracts"
        );
        assert_eq!(
            part_of("forecast.settings.vat").unwrap().id.as_str(),
            "settings"
        );
        assert_eq!(part_of("board[x].name").unwrap().id.as_str(), "ownership");
        assert!(part_of("forecast.contractsx").is_none());
        assert!(part_of("review.comments").is_none());
    }
}
