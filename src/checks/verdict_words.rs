//! The words for the checks' coded results: readiness ratings, eligibility results, the readiness
//! headline and finding severities, shared by the window, the CLI and the PDF.

use crate::checks::verdict::{Eligible, Headline, Rating, Severity};
use serde::Serialize;
use ts_rs::TS;

/// The heading of the support eligibility table in the window, the CLI and the PDF: it names the
/// programme and its years so that no reader takes it for a live programme's decision.
pub const ELIGIBILITY_HEADING: &str =
    "Support eligibility (criteria of the Mutuals Support Programme 2, 2018–20)";

/// The words of each readiness rating, one field per value as it serialises, so the window
/// looks a rating's word up by the value it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RatingWords {
    pub red: String,
    pub amber: String,
    pub green: String,
}

/// The words of each eligibility result, keyed like [`RatingWords`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EligibleWords {
    pub pass: String,
    pub fail: String,
    pub not_known: String,
}

/// The heading of each group of findings, keyed by severity like [`RatingWords`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SeverityWords {
    pub error: String,
    pub warning: String,
    pub info: String,
}

/// Every word the window needs to show an analysis as the CLI and the PDF word it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AnalysisWords {
    pub eligibility_heading: String,
    pub ratings: RatingWords,
    pub eligibility_results: EligibleWords,
    /// The heading of a group of findings: "Warnings".
    pub findings_headings: SeverityWords,
    /// The word beside one finding: "Warning".
    pub severities: SeverityWords,
}

/// The words of the analysis' coded values, for the window.
pub fn analysis_words() -> AnalysisWords {
    AnalysisWords {
        eligibility_heading: ELIGIBILITY_HEADING.into(),
        ratings: RatingWords {
            red: rating(Rating::Red).into(),
            amber: rating(Rating::Amber).into(),
            green: rating(Rating::Green).into(),
        },
        eligibility_results: EligibleWords {
            pass: eligible(Eligible::Pass).into(),
            fail: eligible(Eligible::Fail).into(),
            not_known: eligible(Eligible::NotKnown).into(),
        },
        findings_headings: SeverityWords {
            error: findings_heading(Severity::Error).into(),
            warning: findings_heading(Severity::Warning).into(),
            info: findings_heading(Severity::Info).into(),
        },
        severities: SeverityWords {
            error: severity(Severity::Error).into(),
            warning: severity(Severity::Warning).into(),
            info: severity(Severity::Info).into(),
        },
    }
}

/// A readiness area's rating.
pub fn rating(r: Rating) -> &'static str {
    match r {
        Rating::Green => "Green",
        Rating::Amber => "Amber",
        Rating::Red => "Red",
    }
}

/// A support eligibility result.
pub fn eligible(e: Eligible) -> &'static str {
    match e {
        Eligible::Pass => "Pass",
        Eligible::Fail => "Fail",
        Eligible::NotKnown => "Not known",
    }
}

/// The readiness verdict.
pub fn headline(h: Headline) -> &'static str {
    match h {
        Headline::Ready => "Ready",
        Headline::NearlyReady => "Nearly ready",
        Headline::NotYetReady => "Not yet ready",
    }
}

/// The heading of a group of findings of one severity.
pub fn findings_heading(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Errors",
        Severity::Warning => "Warnings",
        Severity::Info => "Information",
    }
}

/// The word beside one finding of a severity: "Warning"; a finding of information is a "Note",
/// as the Overview's count of findings calls it.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_windows_words_are_keyed_by_the_values_they_word() {
        let w = serde_json::to_value(analysis_words()).unwrap();
        for r in [Rating::Red, Rating::Amber, Rating::Green] {
            let key = serde_json::to_value(r).unwrap();
            assert_eq!(w["ratings"][key.as_str().unwrap()], rating(r));
        }
        for e in [Eligible::Pass, Eligible::Fail, Eligible::NotKnown] {
            let key = serde_json::to_value(e).unwrap();
            assert_eq!(w["eligibility_results"][key.as_str().unwrap()], eligible(e));
        }
        for s in [Severity::Error, Severity::Warning, Severity::Info] {
            let key = serde_json::to_value(s).unwrap();
            assert_eq!(
                w["findings_headings"][key.as_str().unwrap()],
                findings_heading(s)
            );
            assert_eq!(w["severities"][key.as_str().unwrap()], severity(s));
        }
    }

    #[test]
    fn one_finding_is_named_in_the_singular() {
        assert_eq!(severity(Severity::Warning), "Warning");
        assert_eq!(severity(Severity::Error), "Error");
        assert_eq!(findings_heading(Severity::Warning), "Warnings");
    }
}
