//! Everything the window shows of a plan's analysis beside the fields: the headline figures,
//! the findings, readiness and the words for their coded values, the Overview and the ownership
//! figures. The navigation, the side panel, the Overview, Checks, Readiness and the ownership
//! figures all draw this one result, so they change together.

use crate::checks::analysis::Analysis;
use crate::checks::criteria::Policy;
use crate::checks::readiness::Assessment;
use crate::checks::verdict::Finding;
use crate::checks::verdict_words::{self, AnalysisWords};
use crate::model::plan::Plan;
use crate::show::forecast_report::headline_figures;
use crate::show::live_text::{choices, pieces, FigureChoice, SectionPieces};
use crate::show::overview::{overview, Overview};
use crate::show::ownership::{ownership_view, OwnershipView};
use serde::Serialize;
use ts_rs::TS;

/// A headline figure, worded by the core exactly as the CLI and the PDF word it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Figure {
    pub label: String,
    pub value: String,
}

/// The forecast's headline figures, the rule findings and the readiness assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AnalysisView {
    pub figures: Vec<Figure>,
    /// Why there are no figures, when the forecast cannot be computed.
    pub forecast_error: Option<String>,
    pub findings: Vec<Finding>,
    pub readiness: Assessment,
    /// The readiness headline in words.
    pub headline: String,
    /// The words of ratings, results and severities, and the eligibility heading.
    pub words: AnalysisWords,
    /// What the Overview shows: each part's progress, the key figures, score and findings.
    pub overview: Overview,
    /// The ownership figures: votes and equity by group, the board, the tier in words.
    pub ownership: OwnershipView,
    /// Every figure a live figure may name, with its current value: what "Insert figure" lists.
    pub live_figures: Vec<FigureChoice>,
    /// Each narrative section's text as shown: typed text, and each live figure with its value.
    pub narrative: Vec<SectionPieces>,
}

impl AnalysisView {
    /// Everything the window shows of `a`, the analysis of `plan` under `policy`.
    pub fn new(plan: &Plan, a: &Analysis, policy: &Policy) -> Self {
        let base = a.forecast.as_ref().ok().map(|(f, _)| f);
        let (figures, forecast_error) = match &a.forecast {
            Ok((f, _)) => (
                headline_figures(f)
                    .into_iter()
                    .map(|(label, value)| Figure {
                        label: label.into(),
                        value,
                    })
                    .collect(),
                None,
            ),
            Err(e) => (vec![], Some(e.to_string())),
        };
        AnalysisView {
            figures,
            forecast_error,
            findings: a.findings.clone(),
            readiness: a.readiness.clone(),
            headline: verdict_words::headline(a.readiness.headline).into(),
            words: verdict_words::analysis_words(),
            overview: overview(plan, a),
            ownership: ownership_view(plan, policy, &a.findings),
            live_figures: choices(plan.forecast.months, base),
            narrative: plan
                .narrative
                .sections
                .iter()
                .map(|s| SectionPieces {
                    id: s.id.clone(),
                    text: s.text.clone(),
                    pieces: pieces(&s.text, plan.forecast.months, base),
                })
                .collect(),
        }
    }
}
