//! The window's comparison of two versions of a plan: the core's diff (`diff.rs`) grouped by the
//! parts of the plan the editor shows (Organisation, Ownership and board, Contracts, …), each
//! change one row with both values in words and the field to open for it in the plan as open.

use crate::checks::analysis::analyse;
use crate::checks::criteria::Criteria;
use crate::checks::verdict::Finding;
use crate::compare::diff::{diff, ChangeKind, FigureChange, PlanDiff};
use crate::model::catalogue::{self, PARTS};
use crate::model::field_path::FieldPath;
use crate::model::plan::Plan;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

/// Which side of the comparison the other file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Other {
    /// A file the user picked (File → Compare with…).
    Picked,
    /// The open file as it is on disk now, saved by someone else meanwhile.
    OnDisk,
    /// The plan as saved against the unsaved changes its recovery file kept (written when the
    /// recovery was, in words), offered back before they are restored.
    Recovery { written: String },
}

/// Two versions side by side: the other file on the left, the plan as open on the right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CompareView {
    /// The heading: "Compared with draft-2.mutualplan".
    pub title: String,
    /// The left column's heading (the other file).
    pub old_heading: String,
    /// The right column's heading (the plan as open).
    pub new_heading: String,
    pub warnings: Vec<String>,
    /// "7 changes" or "The content is the same".
    pub summary: String,
    /// The parts with changes, in the editor's order.
    pub parts: Vec<PartChanges>,
    /// The headline figures of both, side by side.
    pub figures: Vec<FigureChange>,
    pub findings_appeared: Vec<Finding>,
    pub findings_gone: Vec<Finding>,
    /// Headings for the figures and findings.
    pub figures_heading: String,
    pub appeared_heading: String,
    pub gone_heading: String,
}

/// The changes in one part of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PartChanges {
    pub title: String,
    pub changes: Vec<ChangeRow>,
}

/// One change: what, both values in words, and where it is in the plan as open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChangeRow {
    /// "Contract: Adult community therapy — Annual value".
    pub what: String,
    /// "Added", "Removed" or "Changed".
    pub kind: String,
    pub old: String,
    pub new: String,
    /// The field in the plan as open, or `None` when it is only in the other file (removed).
    pub path: Option<String>,
}

/// The index in the catalogue's parts of the part that holds `path`; a field in no part (the
/// plan's id, say) is counted with the last part, Settings.
fn part_of(path: &FieldPath) -> usize {
    catalogue::part_of(&path.to_string())
        .and_then(|p| PARTS.iter().position(|q| q.id == p.id))
        .unwrap_or(PARTS.len() - 1)
}

fn kind_words(k: ChangeKind) -> &'static str {
    match k {
        ChangeKind::Added => "Added",
        ChangeKind::Removed => "Removed",
        ChangeKind::Changed => "Changed",
    }
}

/// The rows of a diff, by part; `exists` says whether a path is in the plan as open.
fn rows(d: &PlanDiff, exists: impl Fn(&FieldPath) -> bool) -> Vec<Vec<ChangeRow>> {
    let mut parts: Vec<Vec<ChangeRow>> = vec![Vec::new(); PARTS.len()];
    let link = |p: &FieldPath| exists(p).then(|| p.to_string());
    for s in &d.sections {
        for para in &s.paragraphs {
            parts[part_of(&s.path)].push(ChangeRow {
                what: format!("Section: {} — paragraph {}", s.title, para.paragraph),
                kind: kind_words(para.kind).into(),
                old: para.old_shown.clone().unwrap_or_default(),
                new: para.new_shown.clone().unwrap_or_default(),
                path: link(&s.path),
            });
        }
    }
    for i in &d.items {
        let part = &mut parts[part_of(&i.path)];
        match i.kind {
            ChangeKind::Changed => part.extend(i.fields.iter().map(|f| ChangeRow {
                what: format!("{} — {}", i.item, f.field),
                kind: kind_words(i.kind).into(),
                old: f.old.clone(),
                new: f.new.clone(),
                path: link(&f.path).or_else(|| link(&i.path)),
            })),
            ChangeKind::Added | ChangeKind::Removed => part.push(ChangeRow {
                what: i.item.clone(),
                kind: kind_words(i.kind).into(),
                old: if i.kind == ChangeKind::Removed {
                    "In this version".into()
                } else {
                    "Not in this version".into()
                },
                new: if i.kind == ChangeKind::Added {
                    "In this version".into()
                } else {
                    "Not in this version".into()
                },
                path: link(&i.path),
            }),
        }
    }
    for f in &d.fields {
        parts[part_of(&f.path)].push(ChangeRow {
            what: f.field.clone(),
            kind: "Changed".into(),
            old: f.old.clone(),
            new: f.new.clone(),
            path: link(&f.path),
        });
    }
    parts
}

/// Whether `path` names something in the plan `json` (list items by id).
pub fn exists(json: &Value, path: &FieldPath) -> bool {
    use crate::model::field_path::Segment;
    let mut v = json;
    for s in path.segments() {
        v = match s {
            Segment::Key(k) => match v.get(k.as_str()) {
                Some(x) => x,
                None => return false,
            },
            Segment::Id(id) => match v.as_array().and_then(|a| {
                a.iter()
                    .find(|i| i.get("id").and_then(Value::as_str) == Some(id))
            }) {
                Some(x) => x,
                None => return false,
            },
            Segment::Index(i) => match v.get(*i) {
                Some(x) => x,
                None => return false,
            },
        };
    }
    true
}

/// The comparison of `other` (a file named `other_name`) with the plan as `open`.
pub fn compare_view(
    other: &Plan,
    open: &Plan,
    criteria: &Criteria,
    other_name: &str,
    side: Other,
) -> CompareView {
    let d = diff(
        other,
        &analyse(other, criteria),
        open,
        &analyse(open, criteria),
    );
    let json = serde_json::to_value(open).unwrap_or(Value::Null);
    let by_part = rows(&d, |p| exists(&json, p));
    let count: usize = by_part.iter().map(Vec::len).sum();
    let (title, old_heading, new_heading) = match side {
        Other::Picked => (
            format!("Compared with {other_name}"),
            format!("In {other_name}"),
            "In the plan as open".to_owned(),
        ),
        Other::OnDisk => (
            format!("Their version of {other_name} against yours"),
            "Theirs: the file as saved now".to_owned(),
            "Yours: not yet saved".to_owned(),
        ),
        Other::Recovery { written } => (
            format!("Unsaved changes to {other_name} from {written}"),
            "As saved".to_owned(),
            "With the unsaved changes".to_owned(),
        ),
    };
    CompareView {
        title,
        old_heading,
        new_heading,
        warnings: d.warnings.clone(),
        summary: match count {
            0 => "The content is the same".to_owned(),
            1 => "1 change".to_owned(),
            n => format!("{n} changes"),
        },
        parts: PARTS
            .iter()
            .zip(by_part)
            .filter(|(_, changes)| !changes.is_empty())
            .map(|(part, changes)| PartChanges {
                title: part.title.to_owned(),
                changes,
            })
            .collect(),
        figures: d.figures,
        findings_appeared: d.findings_appeared,
        findings_gone: d.findings_gone,
        figures_heading: "Figures".into(),
        appeared_heading: "Findings that appeared".into(),
        gone_heading: "Findings that went away".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed() -> (Plan, Plan) {
        let old = crate::model::samples::riverside().unwrap();
        let mut new = old.clone();
        new.forecast.contracts[0].annual_value = "4000000".parse().unwrap();
        let mut risk = new.narrative.risks[0].clone();
        risk.id = "pensions".parse().unwrap();
        risk.description = "Pension costs rise".into();
        new.narrative.risks.push(risk);
        new.forecast.costs.remove(0);
        new.narrative.sections[2]
            .text
            .push_str("\n\nA new paragraph.");
        (old, new)
    }

    #[test]
    fn changes_are_grouped_by_part_with_paths_that_exist_in_the_open_plan() {
        let (old, new) = changed();
        let v = compare_view(
            &old,
            &new,
            &Criteria::bundled(),
            "draft.mutualplan",
            Other::Picked,
        );
        let titles: Vec<&str> = v.parts.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Services and contracts",
                "Costs and other income",
                "Narrative",
                "Risks, impact and milestones"
            ]
        );
        let contract = &v.parts[0].changes[0];
        assert!(
            contract.what.ends_with("— Annual value"),
            "{}",
            contract.what
        );
        assert_eq!(contract.new, "£4,000,000.00");
        assert_eq!(
            contract.path.as_deref(),
            Some("forecast.contracts[community-therapy].annual_value")
        );
        let removed = &v.parts[1].changes[0];
        assert_eq!(removed.kind, "Removed");
        assert_eq!(removed.path, None, "a removed item has nowhere to go");
        let risk = &v.parts[3].changes[0];
        assert_eq!(risk.kind, "Added");
        assert_eq!(risk.path.as_deref(), Some("narrative.risks[pensions]"));
        let json = serde_json::to_value(&new).unwrap();
        for row in v.parts.iter().flat_map(|p| &p.changes) {
            if let Some(p) = &row.path {
                assert!(exists(&json, &FieldPath::parse(p)), "{p}");
            }
        }
        assert_eq!(v.summary, "4 changes");
        assert!(!v.figures.is_empty());
    }

    #[test]
    fn the_diffs_paths_name_fields_of_the_newer_plan() {
        let (old, new) = changed();
        let c = Criteria::bundled();
        let d = diff(&old, &analyse(&old, &c), &new, &analyse(&new, &c));
        let json = serde_json::to_value(&new).unwrap();
        for f in d.items.iter().flat_map(|i| &i.fields).chain(&d.fields) {
            assert!(exists(&json, &f.path), "{}", f.path);
        }
        for s in &d.sections {
            assert!(exists(&json, &s.path), "{}", s.path);
        }
    }

    #[test]
    fn the_same_plan_has_no_changes() {
        let p = crate::model::samples::riverside().unwrap();
        let v = compare_view(&p, &p, &Criteria::bundled(), "x", Other::OnDisk);
        assert!(v.parts.is_empty());
        assert_eq!(v.summary, "The content is the same");
        assert_eq!(v.old_heading, "Theirs: the file as saved now");
    }
}
