//! What crosses the IPC boundary besides the plan itself: results and errors the UI can place.

use mutual_plan::analysis::Analysis;
use mutual_plan::error::{FileError, LoadError};
use mutual_plan::forecast::report::headline_figures;
use mutual_plan::labels::{self, AnalysisWords};
use mutual_plan::readiness::Assessment;
use mutual_plan::rules::Finding;
use mutual_plan::storage::recovery::Recovery;
use mutual_plan::Plan;
use serde::Serialize;
use ts_rs::TS;

/// An error as the UI receives it: a stable kind to branch on, a sentence to show, and the JSON
/// path of the field at fault so the UI can show the message beside it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct IpcError {
    pub kind: String,
    pub message: String,
    pub path: Option<String>,
}

impl IpcError {
    /// An error raised by the shell itself.
    pub fn new(kind: &str, message: impl Into<String>) -> Self {
        IpcError {
            kind: kind.into(),
            message: message.into(),
            path: None,
        }
    }
}

impl From<LoadError> for IpcError {
    /// With a path, the message is the plain reason, since the UI shows it beside that field.
    fn from(e: LoadError) -> Self {
        let path = e.path().map(|p| p.to_string());
        let message = if path.is_some() {
            e.reason()
        } else {
            e.to_string()
        };
        IpcError {
            kind: e.kind().into(),
            message,
            path,
        }
    }
}

impl From<FileError> for IpcError {
    fn from(e: FileError) -> Self {
        let path = match &e {
            FileError::Load { source, .. } => source.path().map(|p| p.to_string()),
            _ => None,
        };
        IpcError {
            kind: e.kind().into(),
            message: e.to_string(),
            path,
        }
    }
}

/// A plan open in the window.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OpenedPlan {
    /// Where it is saved; `None` for a new plan or the bundled sample (Save asks where).
    pub file: Option<String>,
    pub plan: Plan,
    pub fingerprint: String,
    /// Why it cannot be saved in place, when it cannot.
    pub read_only: Option<String>,
    /// A newer autosaved version to offer back.
    pub recovery: Option<Recovery>,
}

/// The core's verdict on the plan as currently edited.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlanCheck {
    /// The fingerprint of the plan as edited, when it is valid.
    pub fingerprint: Option<String>,
    /// The first format error, with the path of its field.
    pub error: Option<IpcError>,
    /// Everything computed from the plan, when it is valid.
    pub analysis: Option<AnalysisView>,
}

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
}

impl From<&Analysis> for AnalysisView {
    fn from(a: &Analysis) -> Self {
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
            headline: labels::headline(a.readiness.headline).into(),
            words: labels::analysis_words(),
        }
    }
}

/// Every TypeScript declaration the UI needs, in one file, generated from the Rust types.
#[cfg(test)]
pub fn typescript_bindings() -> String {
    use mutual_plan::labels::Choices;
    use std::collections::BTreeMap;
    use ts_rs::{Config, TypeVisitor};

    struct Collect<'a> {
        cfg: &'a Config,
        decls: BTreeMap<String, String>,
    }
    impl TypeVisitor for Collect<'_> {
        fn visit<T: TS + 'static + ?Sized>(&mut self) {
            let Some(_) = T::output_path() else { return };
            let name = T::ident(self.cfg);
            if self.decls.contains_key(&name) {
                return;
            }
            self.decls
                .insert(name, format!("export {}", T::decl(self.cfg)));
            T::visit_dependencies(self);
        }
    }
    let cfg = Config::new();
    let mut c = Collect {
        cfg: &cfg,
        decls: BTreeMap::new(),
    };
    c.visit::<OpenedPlan>();
    c.visit::<PlanCheck>();
    c.visit::<IpcError>();
    c.visit::<Choices>();
    let mut out = String::from(
        "// Generated from the Rust types by `typescript_bindings()` in src-tauri/src/ipc.rs.\n\
         // Do not edit: run `UPDATE_BINDINGS=1 cargo test -p mutual-plan-app bindings` to regenerate.\n\n",
    );
    for decl in c.decls.values() {
        out.push_str(decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BINDINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/bindings.ts");

    #[test]
    fn bindings_are_fresh() {
        let generated = typescript_bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(BINDINGS, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(BINDINGS).unwrap_or_default();
        assert!(
            committed == generated,
            "ui/src/lib/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p mutual-plan-app bindings`"
        );
    }

    #[test]
    fn errors_serialise_to_kind_message_path() {
        let e = IpcError::from(LoadError::Invalid {
            path: "forecast.months".into(),
            message: "too long".into(),
        });
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({ "kind": "invalid", "message": "too long", "path": "forecast.months" })
        );
    }
}
