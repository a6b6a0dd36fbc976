//! Findings and readiness as plain text and as the documented JSON, for the command line.

use crate::checks::readiness::Assessment;
use crate::checks::verdict::{Finding, Severity};
use crate::checks::verdict_words;
use serde_json::{json, Value};
use std::fmt::Write;

/// Findings grouped by severity, errors first.
pub fn findings(findings: &[Finding]) -> String {
    let mut out = String::new();
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let group: Vec<&Finding> = findings.iter().filter(|f| f.severity == sev).collect();
        let _ = writeln!(
            out,
            "{} ({})",
            verdict_words::findings_heading(sev),
            group.len()
        );
        for f in group {
            let _ = writeln!(
                out,
                "  {:<8} {}\n           {}\n           Source: {}",
                f.rule, f.path, f.message, f.source
            );
        }
        out.push('\n');
    }
    out
}

/// Both assessments, readable.
pub fn readiness(a: &Assessment) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Judged against: {} {}\n",
        a.criteria.name, a.criteria.version
    );
    let _ = writeln!(out, "{}", verdict_words::ELIGIBILITY_HEADING);
    for e in &a.eligibility {
        let _ = writeln!(
            out,
            "  {:<7} {:<10} {}\n                     {}",
            e.id,
            verdict_words::eligible(e.result),
            e.title,
            e.reason
        );
    }
    let _ = writeln!(out, "\nInvestment readiness");
    for r in &a.areas {
        let _ = writeln!(
            out,
            "  {:<4} {:<6} {}  {}\n              {}",
            r.id,
            verdict_words::rating(r.rating),
            r.score,
            r.title,
            r.figure
        );
        if let Some(advice) = &r.advice {
            let _ = writeln!(out, "              To make it green: {advice}");
        }
    }
    let _ = writeln!(
        out,
        "\nScore {} of {}: {}",
        a.score,
        a.max_score,
        verdict_words::headline(a.headline)
    );
    let _ = writeln!(
        out,
        "This assessment is a guide for the team and its mentor, not a decision."
    );
    out
}

/// The documented JSON shape of `mutual-plan readiness --format json`.
pub fn readiness_json(a: &Assessment) -> Value {
    json!({
        "criteria": { "name": a.criteria.name, "version": a.criteria.version },
        "eligibility": a.eligibility.iter().map(|e| json!({ "id": e.id, "result": e.result, "reason": e.reason })).collect::<Vec<_>>(),
        "areas": a.areas.iter().map(|r| json!({
            "id": r.id, "title": r.title, "rating": r.rating, "score": r.score, "figure": r.figure, "advice": r.advice
        })).collect::<Vec<_>>(),
        "score": a.score,
        "max_score": a.max_score,
        "headline": a.headline,
    })
}
