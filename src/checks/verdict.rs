//! The verdicts of the checks, as plain types: how serious a finding is and the finding itself,
//! an eligibility result, a readiness rating, area and headline. The rules, readiness and their
//! words depend on this module; it depends on nothing of theirs.

use crate::model::field_path::FieldPath;
use serde::Serialize;
use std::fmt;
use ts_rs::TS;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The plan is inconsistent or breaks a legal rule.
    Error,
    /// A mentor would question it.
    Warning,
    /// A fact worth showing.
    Info,
}

/// One result of a check, placed by `path` beside the field or item it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    /// The field or item, with stable item ids: `forecast.contracts[falls-prevention]`.
    pub path: FieldPath,
    /// What is wrong and what to do, in plain English.
    pub message: String,
    pub source: String,
}

/// An eligibility result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Eligible {
    Pass,
    Fail,
    NotKnown,
}

/// A traffic-light rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Red,
    Amber,
    Green,
}

impl Rating {
    /// Green 2, amber 1, red 0.
    pub fn score(self) -> u32 {
        match self {
            Rating::Red => 0,
            Rating::Amber => 1,
            Rating::Green => 2,
        }
    }
}

/// An investment-readiness area of `docs/readiness.md`, written "R1" to "R10".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
pub enum AreaId {
    R1,
    R2,
    R3,
    R4,
    R5,
    R6,
    R7,
    R8,
    R9,
    R10,
}

impl AreaId {
    /// Every area, in the order of the assessment.
    pub const ALL: [AreaId; 10] = [
        AreaId::R1,
        AreaId::R2,
        AreaId::R3,
        AreaId::R4,
        AreaId::R5,
        AreaId::R6,
        AreaId::R7,
        AreaId::R8,
        AreaId::R9,
        AreaId::R10,
    ];

    /// The id as written in files and reports: "R1".
    pub fn as_str(self) -> &'static str {
        match self {
            AreaId::R1 => "R1",
            AreaId::R2 => "R2",
            AreaId::R3 => "R3",
            AreaId::R4 => "R4",
            AreaId::R5 => "R5",
            AreaId::R6 => "R6",
            AreaId::R7 => "R7",
            AreaId::R8 => "R8",
            AreaId::R9 => "R9",
            AreaId::R10 => "R10",
        }
    }
}

impl fmt::Display for AreaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Headline {
    Ready,
    NearlyReady,
    NotYetReady,
}
