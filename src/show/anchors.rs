//! What a review comment is about, in words: a comment's `anchor` (`contract:community-therapy`,
//! `section:market`, `rule:MUT-02`) names a part of the plan by a stable id; readers see
//! "Contract: Adult community therapy", never the id.

use crate::model::catalogue;
use crate::model::plan::Plan;
use crate::model::sections::section_spec;

/// An anchor in words, and whether what it names is still in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub words: String,
    /// The anchor names an item that is no longer in the plan (the comment is kept and shown).
    pub orphaned: bool,
}

fn found(kind: &str, name: &str) -> Subject {
    let name = name.trim();
    Subject {
        words: if name.is_empty() {
            format!("{kind} (not yet named)")
        } else {
            format!("{kind}: {name}")
        },
        orphaned: false,
    }
}

fn gone(kind: &str) -> Subject {
    Subject {
        words: format!("{kind} since removed from the plan"),
        orphaned: true,
    }
}

/// The words for what `anchor` names in `plan`.
pub fn describe(plan: &Plan, anchor: &str) -> Subject {
    let (kind, id) = anchor.split_once(':').unwrap_or((anchor, ""));
    let n = &plan.narrative;
    if let Some(list) = catalogue::list_of_anchor(kind) {
        return (list.items)(plan)
            .into_iter()
            .find(|(item, _)| *item == id)
            .map_or_else(|| gone(list.noun), |(_, name)| found(list.noun, name));
    }
    match kind {
        "section" => match (section_spec(id), n.sections.iter().find(|s| s.id == id)) {
            (Some(spec), section) => {
                let title = section
                    .map(|s| s.title.trim())
                    .filter(|t| !t.is_empty())
                    .unwrap_or(spec.title);
                found("Section", title)
            }
            (None, _) => gone("A section"),
        },
        "rule" => match crate::checks::rules::catalogue().find(|r| r.id == id) {
            Some(r) => found(&format!("Check {}", r.id), r.title),
            None => gone("A check"),
        },
        "readiness" => match crate::checks::verdict::AreaId::ALL
            .iter()
            .find(|a| a.as_str() == id)
        {
            Some(&a) => found(
                &format!("Readiness area {}", a.as_str()),
                bundled_criteria().areas.words(a).0,
            ),
            None => gone("A readiness area"),
        },
        _ => Subject {
            words: "The plan as a whole".into(),
            orphaned: false,
        },
    }
}

/// The bundled criteria set, read once: it names the readiness areas.
fn bundled_criteria() -> &'static crate::checks::criteria::Criteria {
    static CRITERIA: std::sync::OnceLock<crate::checks::criteria::Criteria> =
        std::sync::OnceLock::new();
    CRITERIA.get_or_init(crate::checks::criteria::Criteria::bundled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        crate::model::samples::riverside().unwrap()
    }

    #[test]
    fn anchors_read_as_words() {
        let p = plan();
        let w = |a: &str| describe(&p, a).words;
        assert_eq!(
            w("contract:community-therapy"),
            "Contract: Adult community therapy"
        );
        assert_eq!(w("section:market"), "Section: Commissioners and market");
        assert_eq!(w("staff:physio"), "Staff: Physiotherapists");
        assert_eq!(
            w("rule:MUT-02"),
            "Check MUT-02: Employee control or a joint-venture mutual"
        );
        assert_eq!(
            w("readiness:R4"),
            "Readiness area R4: Income diversification"
        );
        assert_eq!(w("seat:chair"), "Board seat (not yet named)");
    }

    #[test]
    fn an_anchor_whose_item_is_gone_is_orphaned_not_dropped() {
        let p = plan();
        let s = describe(&p, "contract:no-such-contract");
        assert!(s.orphaned);
        assert_eq!(s.words, "Contract since removed from the plan");
        assert!(describe(&p, "rule:XYZ-99").orphaned);
        assert!(!describe(&p, "section:growth").orphaned);
        assert!(describe(&p, "section:appendix").orphaned);
    }
}
