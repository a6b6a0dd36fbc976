//! QUAL: regulation of the care the organisation provides.

use super::rule::{Ctx, Rule};
use crate::checks::verdict::{Finding, Severity};
use crate::model::plan::{Contract, Nation};
use crate::model::values::Date;
use crate::words::format::{count, date_long};

pub(super) const RULES: &[Rule] = &[Rule {
    id: "QUAL-01",
    title: "Registration with the care regulator",
    severity: "warning / info",
    source: "England: Health and Social Care Act 2008 s.10 and the Health and Social Care Act 2008 (Regulated Activities) Regulations 2014 Sch. 1 (from memory); Wales: Regulation and Inspection of Social Care (Wales) Act 2016 Part 1 (registration of service providers, s.6; Care Inspectorate Wales), Care Standards Act 2000 Part 2 (Healthcare Inspectorate Wales, independent health care; from memory); Scotland: Public Services Reform (Scotland) Act 2010 s.59 (the Care Inspectorate), National Health Service (Scotland) Act 1978 s.10A and the independent health care sections that follow it (Healthcare Improvement Scotland; section range from memory); Northern Ireland: Health and Personal Social Services (Quality, Improvement and Regulation) (Northern Ireland) Order 2003 (from memory)",
    check: qual_01,
}];

/// A care regulator: its name, as written in the messages, and how a milestone may name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Regulator {
    /// "Care Quality Commission".
    name: &'static str,
    /// Whether the name reads with "the" before it.
    the: bool,
    /// Its abbreviation, if it has one, matched as a whole word in any case.
    short: Option<&'static str>,
    /// Whether the abbreviation counts only in capitals ("HIS", not "his").
    short_in_capitals: bool,
    /// Whether it registers only independent health care, so the service may not need it.
    independent_health_care: bool,
}

impl Regulator {
    /// "the Care Quality Commission", "Healthcare Inspectorate Wales".
    fn in_text(self) -> String {
        if self.the {
            format!("the {}", self.name)
        } else {
            self.name.to_string()
        }
    }

    /// "The Care Quality Commission", at the start of a sentence.
    fn to_start(self) -> String {
        if self.the {
            format!("The {}", self.name)
        } else {
            self.name.to_string()
        }
    }

    /// Whether a milestone's text names this regulator: its name in any case, or its
    /// abbreviation, each as whole words.
    fn named_in(self, what: &str) -> bool {
        let lower = what.to_lowercase();
        let by_name = whole_words(&lower, &self.name.to_lowercase())
            .iter()
            // "Care Inspectorate Wales" is not the Scottish Care Inspectorate.
            .any(|after| !(self.name == "Care Inspectorate" && after.starts_with(" wales")));
        let by_short = self.short.is_some_and(|short| {
            if self.short_in_capitals {
                !whole_words(what, short).is_empty()
            } else {
                !whole_words(&lower, &short.to_lowercase()).is_empty()
            }
        });
        by_name || by_short
    }
}

/// The text after each place where `word` appears in `text` with no letter or digit on either side.
fn whole_words<'t>(text: &'t str, word: &str) -> Vec<&'t str> {
    text.match_indices(word)
        .filter_map(|(at, _)| {
            let after = &text[at + word.len()..];
            let before_ok = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
            (before_ok && after_ok).then_some(after)
        })
        .collect()
}

const CQC: Regulator = Regulator {
    name: "Care Quality Commission",
    the: true,
    short: Some("CQC"),
    short_in_capitals: false,
    independent_health_care: false,
};
const HIW: Regulator = Regulator {
    name: "Healthcare Inspectorate Wales",
    the: false,
    short: Some("HIW"),
    short_in_capitals: false,
    independent_health_care: true,
};
const CIW: Regulator = Regulator {
    name: "Care Inspectorate Wales",
    the: false,
    short: Some("CIW"),
    short_in_capitals: false,
    independent_health_care: false,
};
const HIS: Regulator = Regulator {
    name: "Healthcare Improvement Scotland",
    the: false,
    short: Some("HIS"),
    short_in_capitals: true,
    independent_health_care: true,
};
const CARE_INSPECTORATE: Regulator = Regulator {
    name: "Care Inspectorate",
    the: true,
    short: None,
    short_in_capitals: false,
    independent_health_care: false,
};
const RQIA: Regulator = Regulator {
    name: "Regulation and Quality Improvement Authority",
    the: true,
    short: Some("RQIA"),
    short_in_capitals: false,
    independent_health_care: false,
};

/// The regulator a regulated service needs in `nation`: health care and other care differ in
/// Wales and Scotland.
fn regulator(nation: Nation, health_care: bool) -> Regulator {
    match (nation, health_care) {
        (Nation::England, _) => CQC,
        (Nation::Wales, true) => HIW,
        (Nation::Wales, false) => CIW,
        (Nation::Scotland, true) => HIS,
        (Nation::Scotland, false) => CARE_INSPECTORATE,
        (Nation::NorthernIreland, _) => RQIA,
    }
}

/// "\"Adult community therapy\" is", "\"Adult community therapy\" and 2 other contracts are".
fn services(contracts: &[&Contract]) -> String {
    match contracts {
        [] => String::new(),
        [one] => format!("\"{}\" is", one.service),
        [first, rest @ ..] => format!(
            "\"{}\" and {} are",
            first.service,
            count(rest.len(), "other contract", "other contracts")
        ),
    }
}

fn qual_01(ctx: &Ctx, r: &Rule) -> Vec<Finding> {
    let plan = ctx.plan;
    let nation = plan.organisation.nation;
    let mut out = Vec::new();

    // Regulated contracts, by the regulator each needs, in the order of their first contract.
    let mut needed: Vec<(Regulator, Vec<&Contract>)> = Vec::new();
    for c in plan
        .forecast
        .contracts
        .iter()
        .filter(|c| c.regulated_activity == Some(true))
    {
        let reg = regulator(nation, ctx.policy.is_health_care(&c.procurement.cpv));
        match needed.iter_mut().find(|(r, _)| *r == reg) {
            Some((_, list)) => list.push(c),
            None => needed.push((reg, vec![c])),
        }
    }
    for (reg, contracts) in &needed {
        let Some(first_start) = contracts.iter().map(|c| c.start).min() else {
            continue;
        };
        let by = Date::new(first_start.year(), first_start.month(), 1);
        let registered = format!(
            "{} marked as regulated activity: the provider must be registered with {} before it provides the service, and registration takes months.",
            services(contracts),
            reg.in_text()
        );
        let confirm = if reg.independent_health_care {
            format!(
                " {} registers independent health care services: confirm with it whether this service needs registration.",
                reg.to_start()
            )
        } else {
            String::new()
        };
        let planned = by.and_then(|by| {
            plan.narrative
                .milestones
                .iter()
                .find(|m| m.date <= by && reg.named_in(&m.what))
        });
        match (planned, by) {
            (Some(m), _) => out.push(r.finding(
                Severity::Info,
                format!("narrative.milestones[{}]", m.id),
                format!(
                    "{registered} The plan has it as a milestone by {}.{confirm}",
                    date_long(m.date)
                ),
            )),
            (None, Some(by)) => out.push(r.finding(
                Severity::Warning,
                "narrative.milestones",
                format!(
                    "{registered} Add a milestone for registering with {} on or before {}.{confirm}",
                    reg.in_text(),
                    date_long(by)
                ),
            )),
            (None, None) => {}
        }
    }

    // Care whose regulation is not recorded: one question for the plan.
    let unknown: Vec<&Contract> = plan
        .forecast
        .contracts
        .iter()
        .filter(|c| {
            c.regulated_activity.is_none()
                && (ctx.policy.is_health_care(&c.procurement.cpv)
                    || ctx.policy.is_social_care(&c.procurement.cpv))
        })
        .collect();
    if let Some(first) = unknown.first() {
        let (regulators, what) = match nation {
            Nation::England => (
                "The Care Quality Commission registers",
                "in England, the activities in Schedule 1 to the Regulated Activities Regulations 2014, such as personal care or treatment by health professionals",
            ),
            Nation::Wales => (
                "Healthcare Inspectorate Wales and Care Inspectorate Wales register",
                "in Wales, care services such as care homes and care at home, and independent health care such as independent hospitals, clinics and agencies",
            ),
            Nation::Scotland => (
                "Healthcare Improvement Scotland and the Care Inspectorate register",
                "in Scotland, care services such as care homes and care at home, and independent health care such as independent hospitals, clinics and agencies",
            ),
            Nation::NorthernIreland => (
                "The Regulation and Quality Improvement Authority registers",
                "in Northern Ireland, the care establishments and agencies it regulates",
            ),
        };
        out.push(r.finding(
            Severity::Info,
            format!("forecast.contracts[{}].regulated_activity", first.id),
            format!(
                "Check whether {} regulated activity. {regulators} providers of regulated care: {what}; services such as exercise classes, befriending or advice may not be. Record the answer on each contract.",
                services(&unknown)
            ),
        ));
    }
    out
}
