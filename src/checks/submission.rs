//! Whether a plan is ready to submit, and if not, why: the printed plan is marked as a draft, and
//! the window can say the same, from this one function.

use crate::checks::verdict::{Finding, Severity};
use crate::model::plan::Plan;
use crate::model::sections::SECTIONS;

/// The fewest risks a register needs before a plan can be submitted.
pub const MIN_RISKS: usize = 3;

/// Why a plan is not yet ready to submit, each in a few words for a cover page ("12 of 13
/// sections not yet written"); empty when the plan is complete. A plan is a draft while any
/// narrative section is empty, any rule gives an error, a section types figures that match nothing
/// in the forecast (NAR-01), no member group has its number of members yet, or the risk register
/// has fewer than [`MIN_RISKS`] risks.
pub fn draft_reasons(plan: &Plan, findings: &[Finding]) -> Vec<String> {
    let mut reasons = Vec::new();
    let written = |id: &str| {
        plan.narrative
            .sections
            .iter()
            .any(|s| s.id == id && !s.text.trim().is_empty())
    };
    let empty = SECTIONS.iter().filter(|s| !written(s.id)).count();
    if empty > 0 {
        reasons.push(format!(
            "{empty} of {} sections not yet written",
            SECTIONS.len()
        ));
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if errors > 0 {
        reasons.push(crate::words::format::count(
            errors,
            "rule error",
            "rule errors",
        ));
    }
    // A narrative that quotes figures the forecast no longer has (NAR-01) is not a plan to
    // declare complete and accurate.
    let stale = findings
        .iter()
        .filter(|f| f.rule == "NAR-01" && f.severity == Severity::Warning)
        .count();
    if stale > 0 {
        reasons.push(format!(
            "figures typed in {} that match nothing in the forecast",
            crate::words::format::count(stale, "section", "sections")
        ));
    }
    if !plan.ownership.members_entered() {
        reasons.push("member numbers not yet entered".into());
    }
    let risks = plan.narrative.risks.len();
    if risks < MIN_RISKS {
        let have = if risks == 0 {
            "no risks".to_string()
        } else {
            crate::words::format::count(risks, "risk", "risks")
        };
        reasons.push(format!(
            "{have} in the risk register (at least {MIN_RISKS} needed)"
        ));
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::new_plan::new_plan;

    fn empty() -> Plan {
        new_plan(
            "Test",
            "0123456789abcdef0123456789abcdef".parse().unwrap(),
            "2026-11-27T10:15:00Z".parse().unwrap(),
        )
    }

    fn error() -> Finding {
        Finding {
            rule: "OWN-01".into(),
            severity: Severity::Error,
            path: "ownership.groups".into(),
            message: "votes".into(),
            source: "arithmetic".into(),
        }
    }

    #[test]
    fn a_new_plan_is_a_draft_for_each_reason() {
        let p = empty();
        assert_eq!(
            draft_reasons(&p, &[error(), error()]),
            [
                "13 of 13 sections not yet written",
                "2 rule errors",
                "member numbers not yet entered",
                "no risks in the risk register (at least 3 needed)"
            ]
        );
    }

    #[test]
    fn a_complete_plan_is_not_a_draft() {
        let mut p = empty();
        for s in &mut p.narrative.sections {
            s.text = "Written.".into();
        }
        let risk = crate::model::plan::Risk {
            id: "r".parse().unwrap(),
            description: "A risk".into(),
            likelihood: 2,
            impact: 3,
            mitigation: "A plan".into(),
            owner: "Chair".into(),
        };
        p.narrative.risks = vec![risk.clone(); 3];
        p.ownership.groups[0].members = 12;
        assert!(draft_reasons(&p, &[]).is_empty());
        // One blank section (spaces only), one error or one risk too few is enough.
        p.narrative.sections[4].text = "  ".into();
        assert_eq!(draft_reasons(&p, &[]), ["1 of 13 sections not yet written"]);
        p.narrative.sections[4].text = "Written.".into();
        assert_eq!(draft_reasons(&p, &[error()]), ["1 rule error"]);
        // Typed figures that match nothing (a warning) are enough too; other warnings are not.
        let stale = |section: &str| Finding {
            rule: "NAR-01".into(),
            severity: Severity::Warning,
            path: format!("narrative.sections[{section}].text")
                .as_str()
                .into(),
            message: "typed figures".into(),
            source: "the forecast itself".into(),
        };
        let mut other = stale("finance");
        other.rule = "FIN-06".into();
        assert!(draft_reasons(&p, &[other]).is_empty());
        assert_eq!(
            draft_reasons(&p, &[stale("finance")]),
            ["figures typed in 1 section that match nothing in the forecast"]
        );
        assert_eq!(
            draft_reasons(&p, &[stale("finance"), stale("risks")]),
            ["figures typed in 2 sections that match nothing in the forecast"]
        );
        p.narrative.risks.pop();
        assert_eq!(
            draft_reasons(&p, &[]),
            ["2 risks in the risk register (at least 3 needed)"]
        );
    }
}
