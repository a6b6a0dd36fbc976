//! The criteria data: policy thresholds for the rules and the readiness criteria, loaded from a
//! versioned JSON file so a mentor's organisation can publish its own set without a new release.
//! A plan's assessment always says which set judged it.
//!
//! Every threshold is a typed field of the area it belongs to, so a misspelt, unknown or missing
//! name in a criteria file is a load error that names it, never a silent zero.

use crate::checks::verdict::AreaId;
use crate::model::values::{parse_plain_decimal, Date, Money, Month, Percent};
use rust_decimal::Decimal;
use serde::{de, Deserialize, Deserializer};
use std::fmt;
use thiserror::Error;

/// The criteria set bundled with the app.
pub const BUNDLED: &str = include_str!("../../assets/criteria/readiness.json");

/// The eligibility criteria the code knows how to judge, in order.
pub const ELIGIBILITY_IDS: [&str; 5] = ["ELIG-1", "ELIG-2", "ELIG-3", "ELIG-4", "ELIG-5"];

/// Why a criteria file cannot be used.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum CriteriaError {
    /// The file is not JSON at all.
    #[error("the criteria file is not valid JSON: {message} (line {line}, column {column})")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// A field is unknown, missing or has a bad value, or two thresholds contradict each other.
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
    /// EMP-03: the NHS Pension Scheme's employer rate.
    pub nhs_pension_expected_percent: Percent,
    /// EMP-03: the last month that rate is known to apply to.
    pub nhs_pension_rate_last_month: Month,
    /// MUT-07 and ELIG-3.
    pub live_years_for_support: u32,
    /// PROC-04, PROC-08 and QUAL-01: the CPV codes of health care services under the Provider
    /// Selection Regime, as prefixes (an 8-digit code without its trailing zeros covers its
    /// sub-codes).
    pub health_care_cpv_prefixes: Vec<CpvPrefix>,
    /// QUAL-01, VAT-02 and the procurement rules: social care services, as CPV prefixes (a code
    /// on the health-care list is health care, not social care).
    pub social_care_cpv_prefixes: Vec<CpvPrefix>,
    /// FIN-07: a year's taxable profit above this means corporation tax by quarterly instalments.
    pub quarterly_instalments_profit: Money,
    /// PROC-10 and PROC-11: the light-touch thresholds of each reserved-contract regime, by the
    /// day they took effect.
    pub reserved_thresholds: Vec<ReservedThreshold>,
    /// NAR-01: typed amounts below this are not checked against the plan's figures.
    pub narrative_amount_min: Money,
}

impl Policy {
    /// Whether a CPV code is a health care service on the health-care list (PROC-04, PROC-08,
    /// QUAL-01).
    pub fn is_health_care(&self, cpv: &str) -> bool {
        self.health_care_cpv_prefixes.iter().any(|p| p.covers(cpv))
    }

    /// Whether a CPV code is social care: on a social-care prefix and not health care.
    pub fn is_social_care(&self, cpv: &str) -> bool {
        !self.is_health_care(cpv) && self.social_care_cpv_prefixes.iter().any(|p| p.covers(cpv))
    }

    /// The threshold of `regime` that applies to a procurement started on `started`: the entry
    /// with the latest `from` on or before it, or, before every entry, the earliest.
    pub fn reserved_threshold(
        &self,
        regime: ThresholdRegime,
        started: Date,
    ) -> Option<&ReservedThreshold> {
        let mut of_regime: Vec<&ReservedThreshold> = self
            .reserved_thresholds
            .iter()
            .filter(|t| t.regime == regime)
            .collect();
        of_regime.sort_by_key(|t| t.from);
        of_regime
            .iter()
            .rev()
            .find(|t| t.from <= started)
            .or(of_regime.first())
            .copied()
    }
}

/// The law a reserved-contract threshold belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdRegime {
    /// The Public Contracts Regulations 2015, regulation 77.
    Reg77,
    /// The Procurement Act 2023, section 33.
    S33,
}

/// One light-touch threshold: from which day it applies, and whether it includes VAT.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReservedThreshold {
    pub regime: ThresholdRegime,
    pub from: Date,
    pub amount: Money,
    pub includes_vat: bool,
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

/// One readiness area: its title, its source and its thresholds (`T`, one struct per area).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area<T> {
    pub title: String,
    pub source: String,
    pub thresholds: T,
}

/// Reads a non-negative number written as a string ("0.5"), as the plan file writes numbers, so
/// that a threshold never passes through floating point.
fn non_negative<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    struct V;
    impl de::Visitor<'_> for V {
        type Value = Decimal;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a number written as a string, such as \"2.5\"")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
            parse_plain_decimal(v, false, 4, "a number such as \"2.5\"").map_err(E::custom)
        }
    }
    d.deserialize_str(V)
}

/// R1: how deep a dip below zero may be, in months of operating costs, and still be amber.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CashThresholds {
    #[serde(deserialize_with = "non_negative")]
    pub amber_max_shortfall_months: Decimal,
}

/// R2: year one's lowest headroom, in months of operating costs.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkingCapitalThresholds {
    #[serde(deserialize_with = "non_negative")]
    pub green_min_months: Decimal,
    #[serde(deserialize_with = "non_negative")]
    pub amber_min_months: Decimal,
}

/// R3: free reserves at the end of forecast year `year`, in months of operating costs.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReservesThresholds {
    /// The forecast year judged, from 1 (the last year when the forecast is shorter).
    pub year: u32,
    #[serde(deserialize_with = "non_negative")]
    pub green_min_months: Decimal,
    #[serde(deserialize_with = "non_negative")]
    pub amber_min_months: Decimal,
}

/// R4: the largest income source's share of earned income, inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiversificationThresholds {
    pub green_max_share_percent: Percent,
    pub amber_max_share_percent: Percent,
}

/// R5: how long after the lost contract's end headroom may first go negative and still be amber.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResilienceThresholds {
    pub amber_min_months_after_end: u32,
}

/// R6: the lowest yearly debt service cover.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DebtServiceThresholds {
    #[serde(deserialize_with = "non_negative")]
    pub green_min_dscr: Decimal,
    #[serde(deserialize_with = "non_negative")]
    pub amber_min_dscr: Decimal,
}

/// R7: the rule prefixes whose errors make the area red, and whose warnings make it amber.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplianceThresholds {
    pub error_prefixes: Vec<String>,
    pub amber_warning_prefixes: Vec<String>,
}

/// R8 and R9 are judged from the checks and the narrative: they have no thresholds.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoThresholds {}

/// R10: how complete the written plan is.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompletenessThresholds {
    pub amber_max_empty_sections: u32,
    pub green_min_risks: u32,
}

/// Every readiness area, one field per id, so an unknown or missing area id is a load error.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Areas {
    #[serde(rename = "R1")]
    pub r1: Area<CashThresholds>,
    #[serde(rename = "R2")]
    pub r2: Area<WorkingCapitalThresholds>,
    #[serde(rename = "R3")]
    pub r3: Area<ReservesThresholds>,
    #[serde(rename = "R4")]
    pub r4: Area<DiversificationThresholds>,
    #[serde(rename = "R5")]
    pub r5: Area<ResilienceThresholds>,
    #[serde(rename = "R6")]
    pub r6: Area<DebtServiceThresholds>,
    #[serde(rename = "R7")]
    pub r7: Area<ComplianceThresholds>,
    #[serde(rename = "R8")]
    pub r8: Area<NoThresholds>,
    #[serde(rename = "R9")]
    pub r9: Area<NoThresholds>,
    #[serde(rename = "R10")]
    pub r10: Area<CompletenessThresholds>,
}

impl Areas {
    /// An area's title and source, which every result carries.
    pub fn words(&self, id: AreaId) -> (&str, &str) {
        fn of<T>(a: &Area<T>) -> (&str, &str) {
            (&a.title, &a.source)
        }
        match id {
            AreaId::R1 => of(&self.r1),
            AreaId::R2 => of(&self.r2),
            AreaId::R3 => of(&self.r3),
            AreaId::R4 => of(&self.r4),
            AreaId::R5 => of(&self.r5),
            AreaId::R6 => of(&self.r6),
            AreaId::R7 => of(&self.r7),
            AreaId::R8 => of(&self.r8),
            AreaId::R9 => of(&self.r9),
            AreaId::R10 => of(&self.r10),
        }
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
    pub areas: Areas,
    pub headline: Headline,
}

impl Criteria {
    /// The thresholds headroom is searched against: the green thresholds of R6 (debt service
    /// cover) and R3 (free reserves, at the end of its year); cash is judged against zero, as R1.
    pub fn headroom_thresholds(&self) -> crate::forecast::headroom::Thresholds {
        crate::forecast::headroom::Thresholds {
            cover_min: self.areas.r6.thresholds.green_min_dscr,
            reserves_year: self.areas.r3.thresholds.year,
            reserves_min_months: self.areas.r3.thresholds.green_min_months,
        }
    }

    /// The bundled criteria set.
    pub fn bundled() -> Self {
        // The bundled file is checked by a test; failing here would be a broken build.
        Criteria::parse(BUNDLED)
            .unwrap_or_else(|e| unreachable!("the bundled criteria are valid: {e}"))
    }

    /// Parses and validates a criteria file.
    pub fn parse(text: &str) -> Result<Self, CriteriaError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let c: Criteria = serde_path_to_error::deserialize(de).map_err(|e| {
            // A file in the first layout listed its areas; say so rather than what broke first.
            let first_layout = serde_json::from_str::<serde_json::Value>(text)
                .is_ok_and(|v| v.get("areas").is_some_and(serde_json::Value::is_array));
            if first_layout {
                CriteriaError::Invalid {
                    path: "areas".into(),
                    message: "the areas are an object keyed by area id, `{ \"R1\": { … }, … }`, since version 2.0.0 of the criteria".into(),
                }
            } else {
                located(e)
            }
        })?;
        c.validate()?;
        Ok(c)
    }

    fn validate(&self) -> Result<(), CriteriaError> {
        let invalid = |path: &str, message: String| {
            Err(CriteriaError::Invalid {
                path: path.into(),
                message,
            })
        };
        if self.name.trim().is_empty() || self.version.trim().is_empty() {
            return invalid("name", "a criteria set needs a name and a version".into());
        }
        let ids: Vec<&str> = self.eligibility.iter().map(|c| c.id.as_str()).collect();
        if ids != ELIGIBILITY_IDS {
            return invalid(
                "eligibility",
                format!(
                    "expected the criteria {} in that order",
                    ELIGIBILITY_IDS.join(", ")
                ),
            );
        }
        let a = &self.areas;
        if a.r3.thresholds.year == 0 {
            return invalid(
                "areas.R3.thresholds.year",
                "the first forecast year is 1".into(),
            );
        }
        // Green must be at least as hard to reach as amber, or no plan could be amber.
        let at_least = [
            (
                "R2",
                &a.r2.thresholds.green_min_months,
                &a.r2.thresholds.amber_min_months,
                "amber_min_months",
                "green_min_months",
            ),
            (
                "R3",
                &a.r3.thresholds.green_min_months,
                &a.r3.thresholds.amber_min_months,
                "amber_min_months",
                "green_min_months",
            ),
            (
                "R6",
                &a.r6.thresholds.green_min_dscr,
                &a.r6.thresholds.amber_min_dscr,
                "amber_min_dscr",
                "green_min_dscr",
            ),
        ];
        for (area, green, amber, amber_name, green_name) in at_least {
            if amber > green {
                return invalid(
                    &format!("areas.{area}.thresholds.{amber_name}"),
                    format!("is above `{green_name}`: no plan could be amber"),
                );
            }
        }
        let r4 = &a.r4.thresholds;
        if r4.green_max_share_percent > r4.amber_max_share_percent {
            return invalid(
                "areas.R4.thresholds.amber_max_share_percent",
                "is below `green_max_share_percent`: no plan could be amber".into(),
            );
        }
        Ok(())
    }
}

/// A deserialisation error as the path of the field at fault and a plain reason: an unknown or
/// missing field is named in the path itself.
fn located(e: serde_path_to_error::Error<serde_json::Error>) -> CriteriaError {
    let parent = e.path().to_string();
    let inner = e.into_inner();
    let full = inner.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    };
    if inner.is_syntax() || inner.is_eof() {
        return CriteriaError::Syntax {
            line: inner.line(),
            column: inner.column().max(1),
            message,
        };
    }
    let join = |field: &str| {
        if parent == "." {
            field.to_owned()
        } else {
            format!("{parent}.{field}")
        }
    };
    let invalid = |path: String, message: String| CriteriaError::Invalid { path, message };
    if let Some((field, expected)) = message
        .strip_prefix("unknown field `")
        .and_then(|m| m.split_once('`'))
    {
        // The path already ends with the unknown field; the reason depends on what holds it.
        let holder = parent
            .strip_suffix(field)
            .and_then(|p| p.strip_suffix('.'))
            .unwrap_or(".");
        let reason = if holder == "areas" {
            format!("there is no area {field}: the areas are R1 to R10")
        } else if holder.ends_with(".thresholds") {
            format!("this area has no threshold `{field}`{expected}")
        } else {
            format!("there is no such field{expected}")
        };
        return invalid(
            parent,
            reason.replace(", there are no fields", ": it has none"),
        );
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.split('`').next())
    {
        let what = if parent == "areas" {
            "this area is missing"
        } else if parent.ends_with(".thresholds") {
            "this threshold is missing"
        } else {
            "this field is missing"
        };
        return invalid(join(field), what.into());
    }
    invalid(parent, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_criteria_are_valid() {
        let c = Criteria::parse(BUNDLED).unwrap();
        assert_eq!(c.version, "3.0.0");
        assert_eq!(
            c.areas.r4.thresholds.green_max_share_percent.get(),
            Decimal::from(80)
        );
        assert_eq!(c.areas.words(AreaId::R3).0, "Free reserves");
        assert_eq!(c.areas.words(AreaId::R7).0, "Governance and compliance");
        let started = Date::new(2021, 6, 1).unwrap();
        let t = c
            .policy
            .reserved_threshold(ThresholdRegime::Reg77, started)
            .unwrap();
        assert_eq!(
            (t.amount.get(), t.includes_vat),
            (Decimal::from(663_540), false)
        );
        let early = Date::new(2014, 6, 1).unwrap();
        let t = c
            .policy
            .reserved_threshold(ThresholdRegime::Reg77, early)
            .unwrap();
        assert_eq!(t.amount.get(), Decimal::from(625_050));
        assert!(c.policy.is_social_care("85311000") && !c.policy.is_social_care("85323000"));
    }
}
