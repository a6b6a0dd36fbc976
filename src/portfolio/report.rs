//! The portfolio as a table to read, CSV for a spreadsheet and JSON for scripts: the shapes
//! `mutual-plan portfolio` prints. The columns and keys are described in `docs/portfolio.md`.

use super::Row;
use crate::checks::verdict_words;
use crate::show::forecast_report::fixed;
use crate::words::format;
use crate::words::labels;
use crate::words::money::pounds;
use serde::Serialize;
use std::fmt::Write;
use ts_rs::TS;

/// Longest title and organisation shown in the table; CSV and JSON always hold the whole text.
const TITLE_CHARS: usize = 40;
const ORGANISATION_CHARS: usize = 32;

/// The CSV columns, in order; the names are the JSON keys, with nested keys joined by `_`.
pub const CSV_COLUMNS: [&str; 41] = [
    "path",
    "error_kind",
    "error_message",
    "plan_id",
    "title",
    "organisation",
    "legal_form",
    "revision",
    "saved_at",
    "saved_by",
    "fingerprint",
    "lowest_cash",
    "lowest_cash_month",
    "months_negative",
    "peak_funding_need",
    "forecast_error",
    "tightest_lever",
    "tightest_test",
    "tightest_limit",
    "tightest_words",
    "readiness_score",
    "readiness_max_score",
    "headline",
    "eligibility_passed",
    "eligibility_total",
    "rule_errors",
    "rule_warnings",
    "sections_written",
    "sections_total",
    "signoff_by",
    "signoff_role",
    "signoff_at",
    "signoff_revision",
    "signoff_fingerprint",
    "signoff_this_version",
    "lock_user",
    "lock_machine",
    "lock_since",
    "lock_stale",
    "versions_position",
    "versions_count",
];

/// A cell of a CSV row: text that a spreadsheet must not take for a formula, or a plain value.
enum Cell {
    Text(String),
    Plain(String),
}

fn text(s: Option<&str>) -> Cell {
    Cell::Text(s.unwrap_or_default().to_owned())
}

fn plain<T: ToString>(v: Option<T>) -> Cell {
    Cell::Plain(v.map(|v| v.to_string()).unwrap_or_default())
}

/// The value of an enum as serde writes it (`cic_limited_by_shares`), the same as in JSON.
fn code<T: serde::Serialize>(v: Option<T>) -> Cell {
    let s = v
        .and_then(|v| serde_json::to_value(v).ok())
        .and_then(|v| v.as_str().map(str::to_owned));
    Cell::Plain(s.unwrap_or_default())
}

fn csv_cells(r: &Row) -> Vec<Cell> {
    let s = r.signoff.as_ref();
    let l = r.lock.as_ref();
    vec![
        Cell::Text(r.path.clone()),
        plain(r.error.as_ref().map(|e| e.kind.clone())),
        text(r.error.as_ref().map(|e| e.message.as_str())),
        plain(r.plan_id.as_ref()),
        text(r.title.as_deref()),
        text(r.organisation.as_deref()),
        code(r.legal_form),
        plain(r.revision),
        plain(r.saved_at),
        text(r.saved_by.as_deref()),
        plain(r.fingerprint.as_ref()),
        plain(r.lowest_cash.map(|d| fixed(d, 2))),
        plain(r.lowest_cash_month),
        plain(r.months_negative),
        plain(r.peak_funding_need.map(|d| fixed(d, 2))),
        text(r.forecast_error.as_deref()),
        plain(r.tightest.as_ref().and_then(|t| t.lever.clone())),
        plain(r.tightest.as_ref().map(|t| t.test.clone())),
        plain(r.tightest.as_ref().and_then(|t| t.limit.clone())),
        text(r.tightest.as_ref().map(|t| t.words.as_str())),
        plain(r.readiness_score),
        plain(r.readiness_max_score),
        code(r.headline),
        plain(r.eligibility_passed),
        plain(r.eligibility_total),
        plain(r.rule_errors),
        plain(r.rule_warnings),
        plain(r.sections_written),
        plain(r.sections_total),
        text(s.map(|s| s.by.as_str())),
        text(s.map(|s| s.role.as_str())),
        plain(s.map(|s| s.at)),
        plain(s.map(|s| s.revision)),
        text(s.map(|s| s.fingerprint.as_str())),
        plain(s.map(|s| s.this_version)),
        text(l.map(|l| l.user.as_str())),
        text(l.map(|l| l.machine.as_str())),
        plain(l.map(|l| l.since)),
        plain(l.map(|l| l.stale)),
        plain(r.versions.map(|v| v.position)),
        plain(r.versions.map(|v| v.count)),
    ]
}

/// One CSV field, quoted as RFC 4180 requires when it holds a comma, a quote or a line break.
/// Text that begins like a formula (`=`, `+`, `-`, `@`) gets a leading apostrophe, so that a
/// spreadsheet shows a title from a file received by email instead of running it.
fn csv_field(cell: &Cell) -> String {
    let value = match cell {
        Cell::Text(t) if t.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{t}"),
        Cell::Text(t) | Cell::Plain(t) => t.clone(),
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The rows as CSV: one header line, then one line per row, lines ended by CRLF (RFC 4180).
/// Money is a plain number with two decimals (`-12345.67`), months `2027-04`, times as in the
/// file; an absent value is an empty field.
pub fn to_csv(rows: &[Row]) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for r in rows {
        let fields: Vec<String> = csv_cells(r).iter().map(csv_field).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The rows as a JSON array of row objects (the serde form of [`Row`]).
pub fn to_json(rows: &[Row]) -> serde_json::Value {
    serde_json::to_value(rows).unwrap_or_default()
}

/// Text from a file as one table cell: control characters (line breaks, tabs, terminal escapes)
/// become spaces, and text longer than `max` characters is cut with an ellipsis.
fn cell(s: &str, max: usize) -> String {
    let clean: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.chars().count() <= max {
        clean
    } else {
        clean.chars().take(max - 1).collect::<String>() + "…"
    }
}

/// What the table says about a row beyond its figures: why it was not read, who has it open,
/// and which version of its plan it is.
fn notes(r: &Row) -> String {
    let mut notes = Vec::new();
    if let Some(e) = &r.error {
        // The error's kind is for programs (the JSON has it); people read its sentence.
        notes.push(format!("not read: {}", cell(&e.message, 400)));
    }
    if let Some(e) = &r.forecast_error {
        notes.push(format!("no forecast: {}", cell(e, 200)));
    }
    if let Some(l) = &r.lock {
        notes.push(format!(
            "open for editing by {} on {} since {}{}",
            cell(&l.user, 40),
            cell(&l.machine, 40),
            format::moment(l.since),
            if l.stale {
                " (the lock looks abandoned)"
            } else {
                ""
            }
        ));
    }
    if let Some(v) = r.versions {
        notes.push(if v.position == 1 {
            format!("newest of {} versions of this plan", v.count)
        } else {
            format!(
                "older version ({} of {}, newest first)",
                v.position, v.count
            )
        });
    }
    notes.join("; ")
}

fn signoff(r: &Row) -> String {
    match &r.signoff {
        None if r.error.is_some() => String::new(),
        None => "none".into(),
        Some(s) if s.this_version => format!("{} (this version)", cell(&s.by, 30)),
        Some(s) => format!(
            "{} (revision {}, not this version)",
            cell(&s.by, 30),
            s.revision
        ),
    }
}

fn of(n: Option<u32>, total: Option<u32>) -> String {
    match (n, total) {
        (Some(n), Some(t)) => format!("{n} of {t}"),
        _ => String::new(),
    }
}

/// The rows as an aligned table for the terminal: money in whole pounds, months and dates in
/// words, long titles cut, and a closing line that counts the files.
pub fn to_table(rows: &[Row]) -> String {
    if rows.is_empty() {
        return "No plan files (.mutualplan) were found.\n".into();
    }
    // (heading, right-aligned)
    let columns = [
        ("File", false),
        ("Plan", false),
        ("Organisation", false),
        ("Legal form", false),
        ("Rev", true),
        ("Saved", false),
        ("By", false),
        ("Fingerprint", false),
        ("Lowest cash", true),
        ("In", false),
        ("Months < £0", true),
        ("Peak need", true),
        ("Tightest", false),
        ("Score", true),
        ("Readiness", false),
        ("Eligible", false),
        ("Errors", true),
        ("Warnings", true),
        ("Sections", false),
        ("Sign-off", false),
        ("Notes", false),
    ];
    let opt = |v: Option<String>| v.unwrap_or_default();
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                cell(&r.path, 200),
                opt(r.title.as_deref().map(|t| cell(t, TITLE_CHARS))),
                opt(r
                    .organisation
                    .as_deref()
                    .map(|t| cell(t, ORGANISATION_CHARS))),
                opt(r.legal_form.map(|f| labels::legal_form(f).to_owned())),
                opt(r.revision.map(|n| n.to_string())),
                opt(r.saved_at.map(|t| format::date_long(t.date()))),
                opt(r.saved_by.as_deref().map(|t| cell(t, 30))),
                opt(r.fingerprint.clone()),
                opt(r.lowest_cash.map(pounds)),
                opt(r.lowest_cash_month.map(format::month_long)),
                opt(r.months_negative.map(|n| n.to_string())),
                opt(r.peak_funding_need.map(pounds)),
                opt(r.tightest.as_ref().map(|t| t.words.clone())),
                opt(r
                    .readiness_score
                    .zip(r.readiness_max_score)
                    .map(|(s, m)| format!("{s}/{m}"))),
                opt(r.headline.map(|h| verdict_words::headline(h).to_owned())),
                of(r.eligibility_passed, r.eligibility_total),
                opt(r.rule_errors.map(|n| n.to_string())),
                opt(r.rule_warnings.map(|n| n.to_string())),
                of(r.sections_written, r.sections_total),
                signoff(r),
                notes(r),
            ]
        })
        .collect();
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, (h, _))| {
            body.iter()
                .map(|cells| cells[i].chars().count())
                .chain([h.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[&str]| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            let w = widths[i];
            if columns[i].1 {
                let _ = write!(s, "{c:>w$}");
            } else {
                let _ = write!(s, "{c:<w$}");
            }
        }
        s.trim_end().to_owned() + "\n"
    };
    let headings: Vec<&str> = columns.iter().map(|(h, _)| *h).collect();
    let mut out = line(&headings);
    for (r, cells) in rows.iter().zip(&body) {
        if r.title.is_none() {
            // Nothing is known of the plan: its note runs on from the file's name.
            let notes = cells.last().map_or("", String::as_str);
            let _ = writeln!(out, "{:<w$}  {notes}", cells[0], w = widths[0]);
            continue;
        }
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        out.push_str(&line(&cells));
    }
    let unread = rows.iter().filter(|r| r.error.is_some()).count();
    let _ = write!(out, "\n{}", format::count(rows.len(), "file", "files"));
    if unread > 0 {
        let _ = write!(out, ", {unread} not read");
    }
    out.push_str(".\n");
    out
}

/// One row as the window shows it: every figure and word already put as the table puts it, so
/// that the window formats nothing itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RowView {
    /// The file, as found under the folder given; the window opens the plan from it.
    pub path: String,
    /// The file's name without its folder.
    pub file: String,
    /// Why the file could not be read (its kind and message), shown in place of the figures.
    pub error: Option<String>,
    /// The plan's title and organisation (empty when not known).
    pub title: String,
    pub organisation: String,
    /// The revision, the date saved in words and by whom.
    pub revision: String,
    pub saved: String,
    pub saved_by: String,
    /// The lowest cash in whole pounds (`−£76,664`) and its month in words (`April 2027`).
    pub lowest_cash: String,
    pub lowest_cash_month: String,
    /// Whether the lowest cash is below zero, for the window to mark it.
    pub runs_out: bool,
    /// Months whose closing cash is below zero.
    pub months_negative: String,
    /// The tightest lever in a few words ("Late payment: none (cash)"); empty when none.
    pub tightest: String,
    /// The readiness score (`14/20`) and verdict in words.
    pub score: String,
    pub headline: String,
    /// Rule errors and warnings.
    pub rule_errors: String,
    pub rule_warnings: String,
    /// Sections written (`13 of 13`).
    pub sections: String,
    /// The latest sign-off, and whether it signed this version.
    pub signoff: String,
    /// Why there is no forecast, who has the plan open, which version of its plan it is.
    pub notes: String,
}

/// The rows as the window shows them, in the order given.
pub fn to_view(rows: &[Row]) -> Vec<RowView> {
    rows.iter().map(view).collect()
}

/// One row as the window shows it (see [`RowView`]).
pub fn view(r: &Row) -> RowView {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let n = |v: Option<u32>| opt(v.map(|n| n.to_string()));
    // The error is shown in its own place, so the notes hold only the rest.
    let rest = Row {
        error: None,
        ..r.clone()
    };
    RowView {
        path: r.path.clone(),
        file: std::path::Path::new(&r.path)
            .file_name()
            .map_or_else(|| r.path.clone(), |f| f.to_string_lossy().into_owned()),
        error: r
            .error
            .as_ref()
            .map(|e| format!("Not read: {}", cell(&e.message, 400))),
        title: opt(r.title.as_deref().map(|t| cell(t, 200))),
        organisation: opt(r.organisation.as_deref().map(|t| cell(t, 200))),
        revision: n(r.revision),
        saved: opt(r.saved_at.map(|t| format::date_long(t.date()))),
        saved_by: opt(r.saved_by.as_deref().map(|t| cell(t, 60))),
        lowest_cash: opt(r.lowest_cash.map(pounds)),
        lowest_cash_month: opt(r.lowest_cash_month.map(format::month_long)),
        runs_out: r
            .lowest_cash
            .is_some_and(|d| d.is_sign_negative() && !d.is_zero()),
        months_negative: n(r.months_negative),
        tightest: opt(r.tightest.as_ref().map(|t| t.words.clone())),
        score: opt(r
            .readiness_score
            .zip(r.readiness_max_score)
            .map(|(s, m)| format!("{s}/{m}"))),
        headline: opt(r.headline.map(|h| verdict_words::headline(h).to_owned())),
        rule_errors: n(r.rule_errors),
        rule_warnings: n(r.rule_warnings),
        sections: of(r.sections_written, r.sections_total),
        signoff: signoff(r),
        notes: notes(&rest),
    }
}
