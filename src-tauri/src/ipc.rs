//! What crosses the IPC boundary besides the plan itself: the commands' results (their errors
//! are in `error.rs`), and the TypeScript bindings generated from them.

use crate::error::IpcError;
use mutual_plan::model::plan::Plan;
use mutual_plan::show::analysis_view::AnalysisView;
use mutual_plan::show::forecast_view::ForecastView;
use mutual_plan::show::review::ReviewView;
use mutual_plan::storage::recovery::Recovery;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A narrative section's fixed id, default title and the prompt shown to the team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SectionPrompt {
    pub id: String,
    pub title: String,
    pub prompt: String,
}

/// How the window asks to open a plan file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OpenAs {
    /// For editing, taking the lock.
    Edit,
    /// For editing, replacing a lock that looks abandoned (`locked_stale`).
    TakeOver,
    /// For reading only; no lock.
    ReadOnly,
    /// An unsaved copy of a plan someone else has open.
    Copy,
}

/// What a file chosen in the Save dialog will hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SaveKind {
    /// The plan itself (`.mutualplan`).
    Plan,
    /// Its printout (`.pdf`).
    Pdf,
    /// Its Excel workbook (`.xlsx`).
    Xlsx,
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
    /// After the first save of a plan read from an older version of the file format: that it is
    /// now written as the current version, and what changes its figures. Empty otherwise.
    pub migration: Vec<String>,
}

/// What a page loaded again (its process stopped) gets back from the shell's copy of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Reopened {
    /// The plan as saved (or as made or opened, for a plan with no file), with its file and any
    /// recovery still waiting for an answer.
    pub opened: OpenedPlan,
    /// The plan as last edited, when it differs from `opened.plan`.
    pub edited: Option<Plan>,
    /// A never-saved plan brought back from its recovery: there is no saved version, so it stays
    /// unsaved however it is edited.
    pub never_saved: bool,
    /// Whether the page was loaded again because its process stopped (said once).
    pub crashed: bool,
}

/// A plan never saved whose autosave was left behind, offered at start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UnsavedPlan {
    pub plan_id: String,
    /// The organisation's name, else the plan's title.
    pub name: String,
    /// When it was autosaved, in the window's local time ("3 December 2026 at 10:42").
    pub written: String,
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
    /// The Forecast view, when it was asked for and the forecast can be worked out.
    pub forecast: Option<ForecastView>,
    /// The review in words, when the plan is valid.
    pub review: Option<ReviewView>,
}

/// Every TypeScript declaration the UI needs, in one file, generated from the Rust types.
#[cfg(test)]
pub fn typescript_bindings() -> String {
    use mutual_plan::words::labels::Choices;
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
    c.visit::<Reopened>();
    c.visit::<UnsavedPlan>();
    c.visit::<PlanCheck>();
    c.visit::<IpcError>();
    c.visit::<Choices>();
    c.visit::<OpenAs>();
    c.visit::<SaveKind>();
    c.visit::<SectionPrompt>();
    c.visit::<mutual_plan::portfolio::report::RowView>();
    c.visit::<mutual_plan::portfolio::SortKey>();
    c.visit::<mutual_plan::show::forecast_view::ForecastView>();
    c.visit::<mutual_plan::show::forecast_view::ContributionView>();
    c.visit::<mutual_plan::show::live_text::AmountToReplace>();
    c.visit::<mutual_plan::show::headroom::HeadroomView>();
    c.visit::<mutual_plan::import::ImportView>();
    c.visit::<mutual_plan::import::Target>();
    c.visit::<mutual_plan::model::catalogue::Catalogue>();
    c.visit::<mutual_plan::model::catalogue::ListKind>();
    c.visit::<mutual_plan::words::input::InputKind>();
    c.visit::<mutual_plan::words::input::TypedValue>();
    c.visit::<crate::user_config::UserConfig>();
    c.visit::<mutual_plan::show::review::ReviewAction>();
    c.visit::<mutual_plan::show::review::ReviewView>();
    c.visit::<mutual_plan::compare::view::CompareView>();
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

    const BINDINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/ipc/bindings.ts");

    const FINDINGS: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../ui/src/lib/document/new-plan-findings.json"
    );

    /// A new plan and the findings the core makes on it, for the UI's test that every one of
    /// them names a field some view shows.
    fn new_plan_findings() -> String {
        let plan = mutual_plan::model::new_plan::new_plan(
            "New organisation",
            "0123456789abcdef0123456789abcdef".parse().unwrap(),
            mutual_plan::model::values::Timestamp::from_unix(1_790_000_000).unwrap(),
        );
        let analysis = mutual_plan::checks::analysis::analyse(
            &plan,
            &mutual_plan::checks::criteria::Criteria::bundled(),
        );
        let mut out = serde_json::to_string_pretty(&serde_json::json!({
            "plan": plan,
            "findings": analysis.findings,
        }))
        .unwrap();
        out.push('\n');
        out
    }

    #[test]
    fn new_plan_findings_are_fresh() {
        let generated = new_plan_findings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(FINDINGS, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(FINDINGS).unwrap_or_default();
        assert!(
            committed == generated,
            "ui/src/lib/document/new-plan-findings.json is stale: run `UPDATE_BINDINGS=1 cargo test -p mutual-plan-app bindings findings`"
        );
    }

    #[test]
    fn bindings_are_fresh() {
        let generated = typescript_bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(BINDINGS, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(BINDINGS).unwrap_or_default();
        assert!(
            committed == generated,
            "ui/src/lib/ipc/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p mutual-plan-app bindings`"
        );
    }
}
