//! The criteria data: policy thresholds for the rules and the readiness criteria, loaded from a
//! versioned JSON file so a mentor's organisation can publish its own set without a new release.
//! A plan's assessment always says which set judged it.

use crate::values::{Money, Percent};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;
use thiserror::Error;

/// The criteria set bundled with the app.
pub const BUNDLED: &str = include_str!("../assets/criteria/readiness-v1.json");

/// The readiness areas the code knows how to judge, in order.
pub const AREA_IDS: [&str; 10] = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10"];
/// The eligibility criteria the code knows how to judge, in order.
pub const ELIGIBILITY_IDS: [&str; 5] = ["ELIG-1", "ELIG-2", "ELIG-3", "ELIG-4", "ELIG-5"];

/// Thresholds each area needs, by area id.
const AREA_THRESHOLDS: [(&str, &[&str]); 10] = [
    ("R1", &["amber_max_shortfall_months"]),
    ("R2", &["green_min_months", "amber_min_months"]),
    ("R3", &["year", "green_min_months", "amber_min_months"]),
    (
        "R4",
        &["green_max_share_percent", "amber_max_share_percent"],
    ),
    ("R5", &["amber_min_months_after_end"]),
    ("R6", &["green_min_dscr", "amber_min_dscr"]),
    ("R7", &[]),
    ("R8", &[]),
    ("R9", &[]),
    ("R10", &["amber_max_empty_sections", "green_min_risks"]),
];

/// Why a criteria file cannot be used.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum CriteriaError {
    #[error("the criteria file is not valid: {0}")]
    Parse(String),
    #[error("the criteria file is not valid: `{path}`: {message}")]
    Invalid { path: String, message: String },
}

/// Thresholds that are policy rather than law (marked *policy* in the rule catalogue).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// MUT-01: employee votes below this are not a mutual.
    pub mutual_min_employee_votes_percent: Percent,
    /// MUT-02, MUT-03 and PROC-05: votes above this are control (a majority).
    pub employee_control_votes_percent: Percent,
    /// MUT-05/GOV-03: a stakeholder kind with at least this share of votes counts.
    pub multi_stakeholder_min_votes_percent: Percent,
    /// GOV-01.
    pub board_min_seats: u32,
    /// EMP-03.
    pub nhs_pension_expected_percent: Percent,
    /// MUT-07 and ELIG-3.
    pub live_years_for_support: u32,
    /// PROC-04, PROC-08 and QUAL-01: the CPV codes of health care services under the Provider
    /// Selection Regime, as prefixes (an 8-digit code without its trailing zeros covers its
    /// sub-codes).
    pub health_care_cpv_prefixes: Vec<CpvPrefix>,
    /// FIN-07: a year's taxable profit above this means corporation tax by quarterly instalments.
    pub quarterly_instalments_profit: Money,
}

/// The start of a CPV code: one to eight digits, such as `"85323"`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct CpvPrefix(String);

impl CpvPrefix {
    /// Whether a CPV code (eight digits, perhaps with a check digit) starts with this prefix.
    pub fn covers(&self, cpv: &str) -> bool {
        cpv.trim().starts_with(&self.0)
    }
}

impl TryFrom<String> for CpvPrefix {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        if (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(CpvPrefix(s))
        } else {
            Err(format!(
                "\"{s}\" is not the start of a CPV code: write one to eight digits, such as \"85323\""
            ))
        }
    }
}

/// One criterion: id, title and source.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub title: String,
    pub source: String,
}

/// One readiness area with its thresholds.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub source: String,
    pub thresholds: BTreeMap<String, String>,
}

impl Area {
    /// A threshold of this area (validated when the file was loaded).
    pub fn threshold(&self, name: &str) -> Decimal {
        self.thresholds
            .get(name)
            .and_then(|v| Decimal::from_str(v).ok())
            .unwrap_or_default()
    }
}

/// How the headline is decided.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headline {
    pub ready_min_score_percent: Percent,
    pub nearly_ready_max_red: u32,
}

/// A whole criteria set.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criteria {
    pub name: String,
    pub version: String,
    pub policy: Policy,
    pub eligibility: Vec<Criterion>,
    pub areas: Vec<Area>,
    pub headline: Headline,
}

impl Criteria {
    /// The bundled criteria set.
    pub fn bundled() -> Self {
        // The bundled file is checked by a test; failing here would be a broken build.
        Criteria::parse(BUNDLED)
            .unwrap_or_else(|e| unreachable!("the bundled criteria are valid: {e}"))
    }

    /// Parses and validates a criteria file.
    pub fn parse(text: &str) -> Result<Self, CriteriaError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let c: Criteria = serde_path_to_error::deserialize(de)
            .map_err(|e| CriteriaError::Parse(format!("`{}`: {}", e.path(), e.inner())))?;
        c.validate()?;
        Ok(c)
    }

    fn validate(&self) -> Result<(), CriteriaError> {
        let invalid = |path: String, message: String| Err(CriteriaError::Invalid { path, message });
        if self.name.trim().is_empty() || self.version.trim().is_empty() {
            return invalid(
                "name".into(),
                "a criteria set needs a name and a version".into(),
            );
        }
        let ids: Vec<&str> = self.eligibility.iter().map(|c| c.id.as_str()).collect();
        if ids != ELIGIBILITY_IDS {
            return invalid(
                "eligibility".into(),
                format!(
                    "expected the criteria {} in that order",
                    ELIGIBILITY_IDS.join(", ")
                ),
            );
        }
        let ids: Vec<&str> = self.areas.iter().map(|a| a.id.as_str()).collect();
        if ids != AREA_IDS {
            return invalid(
                "areas".into(),
                format!("expected the areas {} in that order", AREA_IDS.join(", ")),
            );
        }
        for (area, (_, needed)) in self.areas.iter().zip(AREA_THRESHOLDS) {
            for name in needed {
                let path = format!("areas[{}].thresholds.{name}", area.id);
                match area.thresholds.get(*name).map(|v| Decimal::from_str(v)) {
                    Some(Ok(d)) if d >= Decimal::ZERO => {}
                    Some(_) => {
                        return invalid(
                            path,
                            "must be a number such as \"2.5\", written as a string".into(),
                        )
                    }
                    None => return invalid(path, "this threshold is missing".into()),
                }
            }
            if let Some(extra) = area
                .thresholds
                .keys()
                .find(|k| !needed.contains(&k.as_str()))
            {
                return invalid(
                    format!("areas[{}].thresholds.{extra}", area.id),
                    "this area has no such threshold".into(),
                );
            }
        }
        Ok(())
    }

    /// The area with this id.
    pub fn area(&self, id: &str) -> &Area {
        let i = AREA_IDS.iter().position(|a| *a == id).unwrap_or(0);
        &self.areas[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_criteria_are_valid() {
        let c = Criteria::parse(BUNDLED).unwrap();
        assert_eq!(c.version, "1.0.0");
        assert_eq!(
            c.area("R4").threshold("green_max_share_percent"),
            Decimal::from(80)
        );
    }

    #[test]
    fn a_malformed_criteria_file_is_a_clear_error() {
        assert!(matches!(Criteria::parse("{"), Err(CriteriaError::Parse(_))));
        let missing = BUNDLED.replace("\"green_min_dscr\": \"2.0\", ", "");
        assert_eq!(
            Criteria::parse(&missing).unwrap_err(),
            CriteriaError::Invalid {
                path: "areas[R6].thresholds.green_min_dscr".into(),
                message: "this threshold is missing".into()
            }
        );
        let bad = BUNDLED.replace(
            "\"amber_min_dscr\": \"1.25\"",
            "\"amber_min_dscr\": \"lots\"",
        );
        assert!(Criteria::parse(&bad)
            .unwrap_err()
            .to_string()
            .contains("amber_min_dscr"));
        let unknown = BUNDLED.replace("\"board_min_seats\"", "\"board_seats_min\"");
        assert!(Criteria::parse(&unknown)
            .unwrap_err()
            .to_string()
            .contains("board_seats_min"));
        let renamed = BUNDLED.replace("\"id\": \"R10\"", "\"id\": \"R11\"");
        assert!(Criteria::parse(&renamed)
            .unwrap_err()
            .to_string()
            .contains("areas"));
    }
}
