//! The portfolio: every plan under a set of folders, one row each, so that mentors and the
//! Enterprise Incubator Unit can see at a glance which plans are in trouble. See
//! `docs/portfolio.md`.
//!
//! [`row_for`] is pure (a file's path and bytes in, a row out); [`portfolio`] walks the folders,
//! reads each file under the loader's limits and analyses the plans in parallel. Nothing here
//! writes a file or takes a lock, so it works on a read-only share and beside an open editor.

pub mod report;

use crate::checks::analysis::analyse;
use crate::checks::criteria::Criteria;
use crate::checks::verdict::Severity;
use crate::checks::verdict::{Eligible, Headline};
use crate::model::error::LoadError;
use crate::model::plan::{LegalForm, Plan};
use crate::model::plan_file::{fingerprint, read_newer_for_viewing, read_plan};
use crate::model::sections::SECTIONS;
use crate::model::values::{Month, Timestamp};
use crate::show::forecast_report::fixed;
use crate::storage::error::{FileError, LockHolder};
use crate::storage::{lock, read_bytes, RealFs};
use rayon::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The extension of plan files; only these are listed when walking a folder.
pub const EXTENSION: &str = "mutualplan";

/// One file of the portfolio: what the plan is, how its figures stand, and what stops it being
/// read, edited or submitted. Fields about the plan are `None` when the file could not be read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The file, as found under the folder given (or the folder, for a folder that could not be
    /// listed).
    pub path: String,
    /// Why the file could not be read; `None` when it was.
    pub error: Option<RowError>,
    /// The plan id: files with the same id are versions or copies of one plan.
    pub plan_id: Option<String>,
    /// The plan's title.
    pub title: Option<String>,
    /// The new organisation's name.
    pub organisation: Option<String>,
    /// The organisation's legal form.
    pub legal_form: Option<LegalForm>,
    /// The file's revision, counted up by every save.
    pub revision: Option<u32>,
    /// When the file was last saved, and by whom.
    pub saved_at: Option<Timestamp>,
    pub saved_by: Option<String>,
    /// The content fingerprint, as printed on every page of the submission.
    pub fingerprint: Option<String>,
    /// The lowest month-end cash of the base forecast (negative when the plan runs out).
    #[serde(serialize_with = "money")]
    pub lowest_cash: Option<Decimal>,
    /// The month of the lowest cash.
    pub lowest_cash_month: Option<Month>,
    /// Months whose closing cash is below zero.
    pub months_negative: Option<u32>,
    /// The funding needed to keep cash at zero or above through the lowest month.
    #[serde(serialize_with = "money")]
    pub peak_funding_need: Option<Decimal>,
    /// Why the forecast could not be computed, when the plan was read but its figures were not.
    pub forecast_error: Option<String>,
    /// The tightest lever of the plan's headroom (`docs/cashflow.md`, "Headroom and
    /// break-even"); `None` when nothing breaks a test or there is no forecast.
    pub tightest: Option<Tightest>,
    /// The investment-readiness score, of `readiness_max_score` (R1–R10, 2 points each).
    pub readiness_score: Option<u32>,
    pub readiness_max_score: Option<u32>,
    /// The readiness verdict.
    pub headline: Option<Headline>,
    /// Support eligibility criteria passed, of `eligibility_total`.
    pub eligibility_passed: Option<u32>,
    pub eligibility_total: Option<u32>,
    /// Rule findings of severity error and warning.
    pub rule_errors: Option<u32>,
    pub rule_warnings: Option<u32>,
    /// Narrative sections with text, of `sections_total`.
    pub sections_written: Option<u32>,
    pub sections_total: Option<u32>,
    /// The latest sign-off, if there is one.
    pub signoff: Option<SignoffNote>,
    /// Who has the plan open for editing, read from the lock file beside it.
    pub lock: Option<LockHolder>,
    /// Set when other files hold versions of the same plan.
    pub versions: Option<Versions>,
}

/// The plan's tightest lever: a test it fails as it stands, or the lever with least room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tightest {
    /// The lever's key (`price_cut`, …; `None` when the plan fails the test as it stands) and
    /// the test's (`cash`, …).
    pub lever: Option<String>,
    pub test: String,
    /// The limit in the lever's unit, as `mutual-plan headroom` gives it; `None` when the plan
    /// fails the test as it stands.
    pub limit: Option<String>,
    /// In a few words: "Late payment: none (cash)".
    pub words: String,
}

/// Why a file could not be read: the stable kind of `docs/plan-format.md` or `docs/files.md`
/// and the sentence a mentor reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// A stable kind for scripts: `syntax`, `newer_version`, `not_found`, …
    pub kind: String,
    /// What went wrong, in one sentence.
    pub message: String,
}

/// The latest sign-off of a plan, and whether it signed the content now in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignoffNote {
    /// Who signed, in what role, and when.
    pub by: String,
    pub role: String,
    pub at: Timestamp,
    /// The revision and fingerprint of the version signed.
    pub revision: u32,
    pub fingerprint: String,
    /// The sign-off's fingerprint equals the plan's: it signed this version.
    pub this_version: bool,
}

/// Where a file stands among the files holding the same plan (same plan id), newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Versions {
    /// 1 for the newest (highest revision, then latest saved), counting up for older ones.
    pub position: u32,
    /// How many files hold this plan.
    pub count: u32,
}

/// The orders the rows can be shown in. Unreadable files come first in every order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    /// Lowest readiness score first (then lowest cash): the plans most in need of help.
    Readiness,
    /// Lowest cash first: the plans that run out of money soonest come to the top.
    LowestCash,
    /// By title, A to Z.
    Name,
    /// Most recently saved first.
    Saved,
}

fn money<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&fixed(*d, 2)),
        None => s.serialize_none(),
    }
}

impl Row {
    /// A row for a file that could not be read.
    pub fn failed(path: &Path, kind: &str, message: String) -> Row {
        Row {
            error: Some(RowError {
                kind: kind.into(),
                message,
            }),
            ..Row::empty(path)
        }
    }

    /// A row naming the file and nothing else yet.
    fn empty(path: &Path) -> Row {
        Row {
            path: path.display().to_string(),
            error: None,
            plan_id: None,
            title: None,
            organisation: None,
            legal_form: None,
            revision: None,
            saved_at: None,
            saved_by: None,
            fingerprint: None,
            lowest_cash: None,
            lowest_cash_month: None,
            months_negative: None,
            peak_funding_need: None,
            forecast_error: None,
            tightest: None,
            readiness_score: None,
            readiness_max_score: None,
            headline: None,
            eligibility_passed: None,
            eligibility_total: None,
            rule_errors: None,
            rule_warnings: None,
            sections_written: None,
            sections_total: None,
            signoff: None,
            lock: None,
            versions: None,
        }
    }

    /// A row for a file or folder (`what`) the operating system would not let us read, with
    /// the kinds of `docs/files.md` and a message about reading, since nothing here saves.
    fn unreadable(path: &Path, what: &str, e: std::io::Error) -> Row {
        use std::io::ErrorKind::*;
        let message = match e.kind() {
            NotFound => format!("there is no {what} here: it may have been moved or renamed, or its USB stick or network drive disconnected"),
            PermissionDenied => format!("you do not have permission to read this {what}; ask whoever looks after the folder"),
            _ => format!("this {what} could not be read: {e}"),
        };
        let kind = FileError::Io {
            path: path.to_owned(),
            action: "reading",
            source: e,
        }
        .kind();
        Row::failed(path, kind, message)
    }

    /// Fills what identifies the plan: its id, title, organisation, revision, who saved it.
    fn identify(&mut self, plan: &Plan) {
        self.plan_id = Some(plan.id.to_string());
        self.title = Some(plan.title.clone());
        self.organisation = Some(plan.organisation.name.clone());
        self.legal_form = Some(plan.organisation.legal_form);
        self.revision = Some(plan.revision);
        self.saved_at = Some(plan.saved_at);
        self.saved_by = Some(plan.saved_by.clone());
    }
}

/// The row of one plan file from its bytes: the plan read strictly (as the loader reads it),
/// analysed against `criteria`. An unreadable file is a row with its error; a file from a newer
/// version is an error row that still names the plan when it can be read for viewing, without
/// the fingerprint or figures, which would be computed without the fields it does not know.
pub fn row_for(path: &Path, bytes: &[u8], criteria: &Criteria) -> Row {
    let plan = match read_plan(bytes) {
        Ok(loaded) => loaded.plan,
        Err(e) => {
            let mut row = Row::failed(path, e.kind(), e.to_string());
            if matches!(e, LoadError::NewerVersion { .. }) {
                if let Ok((plan, _)) = read_newer_for_viewing(bytes) {
                    row.identify(&plan);
                }
            }
            return row;
        }
    };
    let mut row = Row::empty(path);
    row.identify(&plan);
    let fp = fingerprint(&plan);
    row.signoff = latest_signoff(&plan, &fp);
    row.fingerprint = Some(fp);
    row.sections_written = Some(sections_written(&plan));
    row.sections_total = Some(SECTIONS.len() as u32);
    // The forecast and rules use checked arithmetic and do not panic; should one ever do so on
    // a strange plan, that plan gets an error row and the rest of the folder is still shown.
    let Ok(analysis) = catch_unwind(AssertUnwindSafe(|| analyse(&plan, criteria))) else {
        row.error = Some(RowError {
            kind: "internal".into(),
            message: "this plan was read but could not be analysed because of a fault in Mutual Plan; please report it with the file".into(),
        });
        return row;
    };
    match &analysis.forecast {
        Ok((f, _)) => {
            let s = &f.summary;
            row.lowest_cash = Some(s.lowest_cash);
            row.lowest_cash_month = Some(s.lowest_cash_month);
            row.months_negative = Some(s.months_negative);
            row.peak_funding_need = Some(s.peak_funding_need);
            row.tightest = tightest(&plan, f, &analysis.headroom_thresholds);
        }
        Err(e) => row.forecast_error = Some(e.to_string()),
    }
    let r = &analysis.readiness;
    row.readiness_score = Some(r.score);
    row.readiness_max_score = Some(r.max_score);
    row.headline = Some(r.headline);
    row.eligibility_passed = Some(
        r.eligibility
            .iter()
            .filter(|e| e.result == Eligible::Pass)
            .count() as u32,
    );
    row.eligibility_total = Some(r.eligibility.len() as u32);
    let count = |sev| {
        analysis
            .findings
            .iter()
            .filter(|f| f.severity == sev)
            .count() as u32
    };
    row.rule_errors = Some(count(Severity::Error));
    row.rule_warnings = Some(count(Severity::Warning));
    row
}

/// The plan's tightest lever, from its headroom against the criteria's thresholds.
fn tightest(
    plan: &Plan,
    base: &crate::forecast::Forecast,
    t: &crate::forecast::headroom::Thresholds,
) -> Option<Tightest> {
    use crate::forecast::headroom::Outcome;
    let report = crate::show::headroom::report_with(plan, base, t).ok()?;
    let r = report.headroom.tightest()?;
    Some(Tightest {
        lever: (r.outcome != Outcome::FailsWithoutChange).then(|| r.lever.key().into()),
        test: r.test.key().into(),
        limit: match &r.outcome {
            Outcome::Limit { at, .. } => Some(at.change.normalize().to_string()),
            _ => None,
        },
        words: report.tightest_words()?,
    })
}

/// The sections with text, as the printed plan counts them (a draft until all 13 are written).
fn sections_written(plan: &Plan) -> u32 {
    SECTIONS
        .iter()
        .filter(|spec| {
            plan.narrative
                .sections
                .iter()
                .any(|s| s.id == spec.id && !s.text.trim().is_empty())
        })
        .count() as u32
}

/// The sign-off made last (the later in the list when two share a time).
fn latest_signoff(plan: &Plan, fingerprint: &str) -> Option<SignoffNote> {
    let s = plan
        .review
        .signoffs
        .iter()
        .enumerate()
        .max_by_key(|(i, s)| (s.at, *i))?
        .1;
    Some(SignoffNote {
        by: s.by.clone(),
        role: s.role.clone(),
        at: s.at,
        revision: s.revision,
        fingerprint: s.fingerprint.clone(),
        this_version: s.fingerprint == fingerprint,
    })
}

/// The row of one file on disk: read under the loader's limits, never locked or written, with
/// the lock file beside it (if any) read to say who has it open.
pub fn row_for_file(path: &Path, criteria: &Criteria, now: Timestamp) -> Row {
    let mut row = match read_bytes(&RealFs, path) {
        Ok(bytes) => row_for(path, &bytes, criteria),
        Err(FileError::Io { source, .. }) => Row::unreadable(path, "file", source),
        Err(e) => Row::failed(path, e.kind(), e.to_string()),
    };
    row.lock = lock::read_lock(&RealFs, path, now);
    row
}

/// Every plan file under `roots`, sorted by path, and a row for each folder or named path that
/// could not be read. Folders are walked recursively; symbolic links inside them are not
/// followed (a link to a folder could lead round in a loop or out of the share). A path named
/// directly is taken whatever its extension.
pub fn find_plans(roots: &[PathBuf]) -> (Vec<PathBuf>, Vec<Row>) {
    let mut files = Vec::new();
    let mut failed = Vec::new();
    for root in roots {
        match std::fs::metadata(root) {
            Ok(m) if m.is_dir() => walk(root, &mut files, &mut failed),
            Ok(m) if m.is_file() => files.push(root.clone()),
            Ok(_) => failed.push(Row::failed(
                root,
                "not_a_plan",
                "this is neither a folder nor a plan file".into(),
            )),
            Err(e) => failed.push(Row::unreadable(root, "folder or file", e)),
        }
    }
    files.sort();
    files.dedup();
    (files, failed)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, failed: &mut Vec<Row>) {
    let fail = |failed: &mut Vec<Row>, e| failed.push(Row::unreadable(dir, "folder", e));
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return fail(failed, e),
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                fail(failed, e);
                continue;
            }
        };
        let path = entry.path();
        // The entry's own type: a symbolic link is a link, not what it points to.
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, files, failed),
            Ok(t) if t.is_file() => {
                if path.extension().is_some_and(|x| x == EXTENSION) {
                    files.push(path);
                }
            }
            Ok(_) => {}
            Err(e) => fail(failed, e),
        }
    }
}

/// The portfolio of the plans under `roots`: one row per file (analysed in parallel on the
/// current rayon pool), the rows of folders that could not be listed, and versions of one plan
/// marked. The rows are in path order; [`sort`] puts them in a reading order.
pub fn portfolio(roots: &[PathBuf], criteria: &Criteria, now: Timestamp) -> Vec<Row> {
    let (files, mut failed) = find_plans(roots);
    let mut rows: Vec<Row> = files
        .par_iter()
        .map(|p| row_for_file(p, criteria, now))
        .collect();
    rows.append(&mut failed);
    mark_versions(&mut rows);
    rows
}

/// Marks rows with the same plan id as versions of one plan, numbered newest first: highest
/// revision, then latest saved (then path, so that identical copies get a fixed order).
pub fn mark_versions(rows: &mut [Row]) {
    let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        if let Some(id) = &r.plan_id {
            by_id.entry(id.clone()).or_default().push(i);
        }
    }
    for mut group in by_id.into_values() {
        if group.len() < 2 {
            continue;
        }
        group.sort_by(|&a, &b| newest_first(&rows[a], &rows[b]));
        let count = group.len() as u32;
        for (n, i) in group.into_iter().enumerate() {
            rows[i].versions = Some(Versions {
                position: n as u32 + 1,
                count,
            });
        }
    }
}

fn newest_first(a: &Row, b: &Row) -> Ordering {
    (b.revision, b.saved_at)
        .cmp(&(a.revision, a.saved_at))
        .then_with(|| a.path.cmp(&b.path))
}

/// Puts the rows in the order of `key`, keeping the versions of one plan together, newest first,
/// where the newest of them falls. Unreadable files come first in every order: nothing can be
/// told about them until they are mended.
pub fn sort(rows: Vec<Row>, key: SortKey) -> Vec<Row> {
    let mut groups: Vec<Vec<Row>> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let id = row.versions.and(row.plan_id.clone());
        match id.as_ref().and_then(|id| group_of.get(id)) {
            Some(&g) => groups[g].push(row),
            None => {
                if let Some(id) = id {
                    group_of.insert(id, groups.len());
                }
                groups.push(vec![row]);
            }
        }
    }
    for g in &mut groups {
        g.sort_by_key(|r| r.versions.map_or(0, |v| v.position));
    }
    groups.sort_by(|a, b| compare(&a[0], &b[0], key));
    groups.into_iter().flatten().collect()
}

fn compare(a: &Row, b: &Row, key: SortKey) -> Ordering {
    let unreadable_first = b.error.is_some().cmp(&a.error.is_some());
    let title = |r: &Row| r.title.as_deref().unwrap_or_default().to_lowercase();
    // `None` (no forecast) sorts before every figure: a plan whose cash cannot be told is shown
    // with the plans in trouble.
    let by_key = match key {
        SortKey::Readiness => a
            .readiness_score
            .cmp(&b.readiness_score)
            .then_with(|| a.lowest_cash.cmp(&b.lowest_cash)),
        SortKey::LowestCash => a
            .lowest_cash
            .cmp(&b.lowest_cash)
            .then_with(|| a.readiness_score.cmp(&b.readiness_score)),
        SortKey::Name => title(a).cmp(&title(b)),
        SortKey::Saved => b.saved_at.cmp(&a.saved_at),
    };
    unreadable_first
        .then(by_key)
        .then_with(|| title(a).cmp(&title(b)))
        .then_with(|| a.path.cmp(&b.path))
}
