//! The catalogue of the plan's parts and lists: the one place that says which lists of items a
//! plan has (where each is, what one item is called, which field names it, the anchor kind a
//! review comment on it takes) and which part of the editor holds which fields. The Overview,
//! the comparison, review anchors, the diff, new items and the window's views all read it; the
//! window gets it as `ui/src/lib/ipc/catalogue.ts`, generated from [`catalogue`].

use crate::model::plan::Plan;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A list of a plan whose items have ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    OwnerGroups,
    Board,
    Contracts,
    Income,
    Grants,
    Equity,
    Loans,
    Facilities,
    Staff,
    Costs,
    Risks,
    Impact,
    Milestones,
}

/// One list of the catalogue.
pub struct ListDef {
    pub kind: ListKind,
    /// Where the list is: `forecast.contracts`.
    pub path: &'static str,
    /// The kind of a review comment's anchor on one of its items: `contract` (`contract:<id>`).
    pub anchor: &'static str,
    /// What one item is called, as a heading: "Contract".
    pub noun: &'static str,
    /// The field that names an item: a contract's `service`.
    pub name_field: &'static str,
    /// Each item's id and name, in the list's order.
    pub items: fn(&Plan) -> Vec<(&str, &str)>,
}

macro_rules! items {
    ($($field:ident).+, $name:ident) => {
        |p: &Plan| p.$($field).+.iter().map(|x| (x.id.as_str(), x.$name.as_str())).collect()
    };
}

/// Every list of the plan, in the order the editor shows them.
pub const LISTS: &[ListDef] = &[
    ListDef {
        kind: ListKind::OwnerGroups,
        path: "ownership.groups",
        anchor: "group",
        noun: "Ownership group",
        name_field: "name",
        items: items!(ownership.groups, name),
    },
    ListDef {
        kind: ListKind::Board,
        path: "board",
        anchor: "seat",
        noun: "Board seat",
        name_field: "name",
        items: items!(board, name),
    },
    ListDef {
        kind: ListKind::Contracts,
        path: "forecast.contracts",
        anchor: "contract",
        noun: "Contract",
        name_field: "service",
        items: items!(forecast.contracts, service),
    },
    ListDef {
        kind: ListKind::Staff,
        path: "forecast.staff",
        anchor: "staff",
        noun: "Staff",
        name_field: "role",
        items: items!(forecast.staff, role),
    },
    ListDef {
        kind: ListKind::Costs,
        path: "forecast.costs",
        anchor: "cost",
        noun: "Cost",
        name_field: "name",
        items: items!(forecast.costs, name),
    },
    ListDef {
        kind: ListKind::Income,
        path: "forecast.income",
        anchor: "income",
        noun: "Income",
        name_field: "name",
        items: items!(forecast.income, name),
    },
    ListDef {
        kind: ListKind::Grants,
        path: "forecast.grants",
        anchor: "grant",
        noun: "Grant",
        name_field: "funder",
        items: items!(forecast.grants, funder),
    },
    ListDef {
        kind: ListKind::Equity,
        path: "forecast.equity",
        anchor: "equity",
        noun: "Share capital",
        name_field: "name",
        items: items!(forecast.equity, name),
    },
    ListDef {
        kind: ListKind::Loans,
        path: "forecast.loans",
        anchor: "loan",
        noun: "Loan",
        name_field: "lender",
        items: items!(forecast.loans, lender),
    },
    ListDef {
        kind: ListKind::Facilities,
        path: "forecast.facilities",
        anchor: "facility",
        noun: "Working-capital facility",
        name_field: "lender",
        items: items!(forecast.facilities, lender),
    },
    ListDef {
        kind: ListKind::Risks,
        path: "narrative.risks",
        anchor: "risk",
        noun: "Risk",
        name_field: "description",
        items: items!(narrative.risks, description),
    },
    ListDef {
        kind: ListKind::Impact,
        path: "narrative.impact",
        anchor: "impact",
        noun: "Impact indicator",
        // The outcome is what the team types first and what the list shows as its title.
        name_field: "outcome",
        items: items!(narrative.impact, outcome),
    },
    ListDef {
        kind: ListKind::Milestones,
        path: "narrative.milestones",
        anchor: "milestone",
        noun: "Milestone",
        name_field: "what",
        items: items!(narrative.milestones, what),
    },
];

/// The list of `kind`.
pub fn list(kind: ListKind) -> &'static ListDef {
    LISTS
        .iter()
        .find(|l| l.kind == kind)
        .expect("every list kind is in the catalogue")
}

/// The list at `path`, if it is one.
pub fn list_at(path: &str) -> Option<&'static ListDef> {
    LISTS.iter().find(|l| l.path == path)
}

/// The list whose items a review anchor of `kind` names.
pub fn list_of_anchor(kind: &str) -> Option<&'static ListDef> {
    LISTS.iter().find(|l| l.anchor == kind)
}

/// The anchor kinds that name something other than a list item: a narrative section, a check
/// and a readiness area.
pub const OTHER_ANCHORS: [&str; 3] = ["section", "rule", "readiness"];

/// Whether `kind` is a kind of anchor a review comment may take.
pub fn is_anchor_kind(kind: &str) -> bool {
    OTHER_ANCHORS.contains(&kind) || list_of_anchor(kind).is_some()
}

/// A part of the plan as the editor shows it: one view of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PartId {
    Organisation,
    Ownership,
    Contracts,
    Staff,
    Costs,
    Funding,
    Narrative,
    Risks,
    Settings,
}

impl PartId {
    /// The id as the window names the part's view: `organisation`.
    pub fn as_str(self) -> &'static str {
        match self {
            PartId::Organisation => "organisation",
            PartId::Ownership => "ownership",
            PartId::Contracts => "contracts",
            PartId::Staff => "staff",
            PartId::Costs => "costs",
            PartId::Funding => "funding",
            PartId::Narrative => "narrative",
            PartId::Risks => "risks",
            PartId::Settings => "settings",
        }
    }
}

/// One part of the catalogue: its view's id, its title, and the field paths it holds (a
/// prefix holds itself and everything inside it).
pub struct PartDef {
    pub id: PartId,
    pub title: &'static str,
    pub owns: &'static [&'static str],
}

/// The parts of the plan in the order a team works through them (the editor's views). Every
/// field of the plan's content is in exactly one.
pub const PARTS: &[PartDef] = &[
    PartDef {
        id: PartId::Organisation,
        title: "Organisation",
        // The forecast's start is asked beside the spin-out date, which it follows.
        owns: &["title", "addressee", "organisation", "forecast.start"],
    },
    PartDef {
        id: PartId::Ownership,
        title: "Ownership and board",
        owns: &["ownership", "board"],
    },
    PartDef {
        id: PartId::Contracts,
        title: "Services and contracts",
        owns: &["forecast.contracts"],
    },
    PartDef {
        id: PartId::Staff,
        title: "Staff",
        owns: &["forecast.staff"],
    },
    PartDef {
        id: PartId::Costs,
        title: "Costs and other income",
        owns: &["forecast.costs", "forecast.income"],
    },
    PartDef {
        id: PartId::Funding,
        title: "Funding",
        owns: &[
            "forecast.opening_cash",
            "forecast.grants",
            "forecast.equity",
            "forecast.loans",
            "forecast.facilities",
        ],
    },
    PartDef {
        id: PartId::Narrative,
        title: "Narrative",
        owns: &["narrative.sections"],
    },
    PartDef {
        id: PartId::Risks,
        title: "Risks, impact and milestones",
        owns: &[
            "narrative.risks",
            "narrative.impact",
            "narrative.milestones",
        ],
    },
    PartDef {
        id: PartId::Settings,
        title: "Settings",
        owns: &["forecast.months", "forecast.settings", "saved_by"],
    },
];

/// The top-level fields that say when and by whom a file was saved, and its review: not the
/// plan's content (a comparison skips them; a save that changes only them changes no figure).
pub const NOT_CONTENT: [&str; 4] = ["revision", "saved_at", "saved_by", "review"];

/// Whether `path` is `prefix` or inside it (`ownership.groups[staff]` is inside `ownership`).
pub fn under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// The part that holds the field at `path`: the part with the longest prefix of it.
pub fn part_of(path: &str) -> Option<&'static PartDef> {
    PARTS
        .iter()
        .flat_map(|p| p.owns.iter().map(move |o| (p, o)))
        .filter(|(_, o)| under(path, o))
        .max_by_key(|(_, o)| o.len())
        .map(|(p, _)| p)
}

/// The part of `id`.
pub fn part(id: PartId) -> &'static PartDef {
    PARTS
        .iter()
        .find(|p| p.id == id)
        .expect("every part id is in the catalogue")
}

/// One list as the window receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CatalogueList {
    pub kind: ListKind,
    pub path: String,
    pub anchor: String,
    pub noun: String,
    pub name_field: String,
}

/// One part as the window receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CataloguePart {
    pub id: PartId,
    pub title: String,
    pub owns: Vec<String>,
}

/// The catalogue as data, for the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Catalogue {
    pub parts: Vec<CataloguePart>,
    pub lists: Vec<CatalogueList>,
    pub other_anchors: Vec<String>,
    pub not_content: Vec<String>,
}

/// The whole catalogue as data.
pub fn catalogue() -> Catalogue {
    Catalogue {
        parts: PARTS
            .iter()
            .map(|p| CataloguePart {
                id: p.id,
                title: p.title.into(),
                owns: p.owns.iter().map(|o| (*o).into()).collect(),
            })
            .collect(),
        lists: LISTS
            .iter()
            .map(|l| CatalogueList {
                kind: l.kind,
                path: l.path.into(),
                anchor: l.anchor.into(),
                noun: l.noun.into(),
                name_field: l.name_field.into(),
            })
            .collect(),
        other_anchors: OTHER_ANCHORS.iter().map(|a| (*a).into()).collect(),
        not_content: NOT_CONTENT.iter().map(|k| (*k).into()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::samples;

    #[test]
    fn every_list_kind_is_listed_once_with_distinct_paths_and_anchors() {
        let all: Vec<ListKind> =
            serde_json::from_str(r#"["owner_groups","board","contracts","income","grants","equity","loans","facilities","staff","costs","risks","impact","milestones"]"#)
                .unwrap();
        for k in all {
            assert_eq!(LISTS.iter().filter(|l| l.kind == k).count(), 1, "{k:?}");
        }
        assert_eq!(LISTS.len(), 13);
        let mut paths: Vec<_> = LISTS.iter().map(|l| l.path).collect();
        paths.sort();
        paths.dedup();
        let mut anchors: Vec<_> = LISTS.iter().map(|l| l.anchor).collect();
        anchors.sort();
        anchors.dedup();
        assert_eq!((paths.len(), anchors.len()), (13, 13));
    }

    #[test]
    fn each_list_is_where_its_path_says_and_named_by_its_name_field() {
        let plan = samples::riverside().unwrap();
        let json = serde_json::to_value(&plan).unwrap();
        for l in LISTS {
            let mut v = &json;
            for k in l.path.split('.') {
                v = &v[k];
            }
            let items = v
                .as_array()
                .unwrap_or_else(|| panic!("{} is not a list", l.path));
            let named: Vec<(String, String)> = items
                .iter()
                .map(|i| {
                    (
                        i["id"].as_str().unwrap().to_owned(),
                        i[l.name_field].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            let listed: Vec<(String, String)> = (l.items)(&plan)
                .into_iter()
                .map(|(a, b)| (a.to_owned(), b.to_owned()))
                .collect();
            assert_eq!(listed, named, "{}", l.path);
            // Each list is held by one part.
            assert!(part_of(l.path).is_some(), "{}", l.path);
        }
    }

    #[test]
    fn a_part_id_is_written_as_it_serialises() {
        for p in PARTS {
            assert_eq!(serde_json::to_value(p.id).unwrap(), p.id.as_str());
        }
    }

    #[test]
    fn every_field_of_the_content_is_in_one_part() {
        let json = serde_json::to_value(samples::riverside().unwrap()).unwrap();
        fn leaves(v: &serde_json::Value, path: String, out: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(o) => {
                    for (k, x) in o {
                        let p = if path.is_empty() {
                            k.clone()
                        } else {
                            format!("{path}.{k}")
                        };
                        leaves(x, p, out);
                    }
                }
                _ => out.push(path),
            }
        }
        let mut all = Vec::new();
        leaves(&json, String::new(), &mut all);
        for p in all {
            let top = p.split('.').next().unwrap();
            if NOT_CONTENT.contains(&top) && top != "saved_by" {
                continue;
            }
            if ["format", "schema_version", "id"].contains(&top) {
                continue;
            }
            assert!(part_of(&p).is_some(), "{p} is in no part");
        }
        assert_eq!(
            part_of("forecast.contracts[a].end").unwrap().id,
            PartId::Contracts
        );
        assert_eq!(part_of("forecast.start").unwrap().id, PartId::Organisation);
        assert_eq!(part_of("forecast.months").unwrap().id, PartId::Settings);
        assert!(part_of("forecast").is_none());
    }
}
