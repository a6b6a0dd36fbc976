//! Reading and writing `.mutualplan` files: strict parsing, version handling, limits and the
//! canonical written form.

use crate::error::LoadError;
use crate::plan::{Plan, FORMAT_NAME, SCHEMA_VERSION};
use crate::sections::{section_spec, SECTIONS};
use serde_json::Value;
use std::collections::HashSet;

/// The largest plan file accepted: 10 MiB.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// The most items any list may hold.
pub const MAX_LIST_ITEMS: usize = 500;
/// The most characters any text may hold.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// A plan read from a file, with anything the reader had to say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The plan.
    pub plan: Plan,
    /// The schema version the file was written with (older versions are migrated in memory).
    pub file_version: u32,
}

/// Reads a plan strictly: any unknown field, bad value, broken limit or newer version is an error.
pub fn read_plan(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let text = as_text(bytes)?;
    let value = parse_json(text)?;
    let version = header(&value)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(LoadError::NewerVersion {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let file_version = migrate_version(version)?;
    let mut unknown = Vec::new();
    let plan = match deserialize(text, &mut unknown) {
        Ok(plan) => plan,
        // A misspelt field also makes the real one "missing": report the misspelling, which is
        // what the user typed, and suggest the field that was expected.
        Err(LoadError::BadValue { message, .. }) if !unknown.is_empty() => {
            let suggestion = message
                .strip_prefix("missing field `")
                .and_then(|m| m.split('`').next())
                .map(str::to_owned);
            return Err(unknown_field(text, unknown.swap_remove(0), suggestion));
        }
        Err(e) => return Err(e),
    };
    if let Some(path) = unknown.into_iter().next() {
        return Err(unknown_field(text, path, None));
    }
    validate(&plan, &value)?;
    Ok(Loaded { plan, file_version })
}

/// Reads a plan written by a newer version so it can be shown read-only: fields this version does
/// not know are skipped, and their paths returned so the UI can say what it cannot show.
pub fn read_newer_for_viewing(bytes: &[u8]) -> Result<(Plan, Vec<String>), LoadError> {
    let mut skipped = Vec::new();
    let text = as_text(bytes)?;
    let value = parse_json(text)?;
    header(&value)?;
    let plan = deserialize(text, &mut skipped)?;
    validate(&plan, &value)?;
    Ok((plan, skipped))
}

fn as_text(bytes: &[u8]) -> Result<&str, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(&bytes[..e.valid_up_to()]);
        LoadError::NotText { line, column }
    })
}

fn line_column(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let last_line = prefix.rsplit(|&b| b == b'\n').next().unwrap_or_default();
    let column = String::from_utf8_lossy(last_line).chars().count() + 1;
    (line, column)
}

fn parse_json(text: &str) -> Result<Value, LoadError> {
    serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column().max(1), // serde_json says 0 right after a line break
        message: syntax_message(&e),
    })
}

/// serde_json's message without its own " at line L column C" suffix, which we report separately.
fn syntax_message(e: &serde_json::Error) -> String {
    if e.classify() == serde_json::error::Category::Eof {
        return "the file ends too early: it may have been cut off while it was copied or saved"
            .into();
    }
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg,
    }
}

/// Checks `format` and returns `schema_version`, before the strict parse, so that a newer file
/// is reported as newer rather than as full of unknown fields.
fn header(value: &Value) -> Result<u64, LoadError> {
    let obj = value.as_object().ok_or_else(|| LoadError::NotAPlan {
        path: "(top level)".into(),
        message: "the file holds JSON, but not a JSON object".into(),
    })?;
    match obj.get("format") {
        Some(Value::String(s)) if s == FORMAT_NAME => {}
        Some(other) => {
            return Err(LoadError::NotAPlan {
                path: "format".into(),
                message: format!("`format` is {other}, not \"{FORMAT_NAME}\""),
            })
        }
        None => {
            return Err(LoadError::NotAPlan {
                path: "format".into(),
                message: "it has no `format` field".into(),
            })
        }
    }
    match obj.get("schema_version") {
        Some(Value::Number(n)) if n.as_u64().is_some() => Ok(n.as_u64().unwrap_or_default()),
        Some(other) => Err(LoadError::Invalid {
            path: "schema_version".into(),
            message: format!("expected a whole number, found {other}"),
        }),
        None => Err(LoadError::Invalid {
            path: "schema_version".into(),
            message: "the field is missing".into(),
        }),
    }
}

/// The in-memory migration path from an older schema version to this one. Version 1 is the first
/// published version, so today this only accepts it; a version 2 reader adds its step here.
fn migrate_version(version: u64) -> Result<u32, LoadError> {
    match version {
        1 => Ok(1),
        found => Err(LoadError::UnknownVersion { found }),
    }
}

fn deserialize(text: &str, unknown: &mut Vec<String>) -> Result<Plan, LoadError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut record = |p: serde_ignored::Path<'_>| unknown.push(json_path(&p));
    let ignoring = serde_ignored::Deserializer::new(&mut de, &mut record);
    let plan: Plan = serde_path_to_error::deserialize(ignoring).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        LoadError::BadValue {
            path: if path == "." {
                "(top level)".into()
            } else {
                path
            },
            message: syntax_message(&inner),
            line: inner.line(),
            column: inner.column().max(1),
        }
    })?;
    de.end().map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column().max(1), // serde_json says 0 right after a line break
        message: syntax_message(&e),
    })?;
    Ok(plan)
}

/// A serde_ignored path in the same notation as serde_path_to_error: `a.b[2].c`.
fn json_path(p: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    match p {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", json_path(parent)),
        Path::Map { parent, key } => {
            let parent = json_path(parent);
            if parent.is_empty() {
                key.clone()
            } else {
                format!("{parent}.{key}")
            }
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => json_path(parent),
    }
}

fn unknown_field(text: &str, path: String, suggestion: Option<String>) -> LoadError {
    let (line, column) = locate_key(text, &path);
    LoadError::UnknownField {
        path,
        suggestion,
        line,
        column,
    }
}

/// Line and column of the key that ends `path`, found by walking the text: good enough to point an
/// editor at an unknown field (serde reports it only after the whole object is read).
fn locate_key(text: &str, path: &str) -> (usize, usize) {
    let key = path.rsplit(['.', ']']).next().unwrap_or(path);
    let needle = format!("\"{key}\"");
    match text.find(&needle) {
        Some(i) => line_column(&text.as_bytes()[..i]),
        None => (0, 0),
    }
}

/// Format rules that serde cannot express: limits, ranges of plain integers, unique ids.
fn validate(plan: &Plan, value: &Value) -> Result<(), LoadError> {
    check_limits(value, &mut String::new())?;
    let invalid = |path: &str, message: String| {
        Err(LoadError::Invalid {
            path: path.into(),
            message,
        })
    };
    if plan.title.contains('\n') {
        return invalid("title", "the title must be one line".into());
    }
    let f = &plan.forecast;
    if !(12..=120).contains(&f.months) {
        return invalid(
            "forecast.months",
            format!(
                "{} months: the forecast must cover 12 to 120 months",
                f.months
            ),
        );
    }
    if f.start.plus(i64::from(f.months)).is_none() {
        return invalid(
            "forecast.start",
            "the forecast runs past the year 2200".into(),
        );
    }
    if !(1..=12).contains(&f.settings.pay_award_month) {
        return invalid(
            "forecast.settings.pay_award_month",
            "the pay award month must be 1 to 12".into(),
        );
    }
    for (i, c) in f.contracts.iter().enumerate() {
        if c.payment_terms_days > 180 {
            return invalid(
                &format!("forecast.contracts[{i}].payment_terms_days"),
                "payment terms must be 0 to 180 days".into(),
            );
        }
        if let Some(p) = &c.pbr {
            if p.lag_months > 12 {
                return invalid(
                    &format!("forecast.contracts[{i}].pbr.lag_months"),
                    "the results lag must be 0 to 12 months".into(),
                );
            }
        }
    }
    for (i, s) in f.staff.iter().enumerate() {
        if s.fte.get().is_zero() {
            return invalid(
                &format!("forecast.staff[{i}].fte"),
                "full-time equivalents must be more than 0".into(),
            );
        }
    }
    for (i, l) in f.loans.iter().enumerate() {
        if !(1..=600).contains(&l.term_months) {
            return invalid(
                &format!("forecast.loans[{i}].term_months"),
                "a loan's term must be 1 to 600 months".into(),
            );
        }
        if l.capital_holiday_months > 600 {
            return invalid(
                &format!("forecast.loans[{i}].capital_holiday_months"),
                "a capital holiday must be at most 600 months".into(),
            );
        }
    }
    for (i, r) in plan.narrative.risks.iter().enumerate() {
        for (name, v) in [("likelihood", r.likelihood), ("impact", r.impact)] {
            if !(1..=5).contains(&v) {
                return invalid(
                    &format!("narrative.risks[{i}].{name}"),
                    format!("{v}: must be 1 to 5"),
                );
            }
        }
    }
    for (i, s) in plan.review.signoffs.iter().enumerate() {
        if s.fingerprint.len() != 12
            || !s
                .fingerprint
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            return invalid(
                &format!("review.signoffs[{i}].fingerprint"),
                "a fingerprint is 12 lower-case hexadecimal digits".into(),
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, s) in plan.narrative.sections.iter().enumerate() {
        let path = format!("narrative.sections[{i}].id");
        if section_spec(&s.id).is_none() {
            let known: Vec<&str> = SECTIONS.iter().map(|s| s.id).collect();
            return invalid(
                &path,
                format!(
                    "\"{}\" is not a section of the plan; the sections are {}",
                    s.id,
                    known.join(", ")
                ),
            );
        }
        if !seen.insert(s.id.as_str()) {
            return invalid(&path, format!("the section \"{}\" appears twice", s.id));
        }
    }
    unique_ids(value)
}

/// Every list of objects with an `id` has unique ids.
fn unique_ids(value: &Value) -> Result<(), LoadError> {
    fn walk(v: &Value, path: &str) -> Result<(), LoadError> {
        match v {
            Value::Object(map) => map.iter().try_for_each(|(k, v)| walk(v, &join(path, k))),
            Value::Array(items) => {
                let mut seen = HashSet::new();
                for (i, item) in items.iter().enumerate() {
                    if let Some(Value::String(id)) = item.get("id") {
                        if !seen.insert(id.as_str()) {
                            return Err(LoadError::Invalid {
                                path: format!("{path}[{i}].id"),
                                message: format!("the id \"{id}\" is used twice in this list; ids must be unique"),
                            });
                        }
                    }
                    walk(item, &format!("{path}[{i}]"))?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
    walk(value, "")
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn check_limits(v: &Value, path: &mut String) -> Result<(), LoadError> {
    match v {
        Value::String(s) if s.chars().count() > MAX_TEXT_CHARS => Err(LoadError::Invalid {
            path: path.clone(),
            message: format!(
                "the text has {} characters; the most allowed is {MAX_TEXT_CHARS}",
                s.chars().count()
            ),
        }),
        Value::Array(items) if items.len() > MAX_LIST_ITEMS => Err(LoadError::Invalid {
            path: path.clone(),
            message: format!(
                "the list has {} items; the most allowed is {MAX_LIST_ITEMS}",
                items.len()
            ),
        }),
        Value::Array(items) => items.iter().enumerate().try_for_each(|(i, item)| {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            let r = check_limits(item, path);
            path.truncate(len);
            r
        }),
        Value::Object(map) => map.iter().try_for_each(|(k, item)| {
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(k);
            let r = check_limits(item, path);
            path.truncate(len);
            r
        }),
        _ => Ok(()),
    }
}

/// The plan as it is written on save: the revision counted up and the save time set.
pub fn stamp_for_save(plan: &Plan, now: crate::values::Timestamp) -> Plan {
    let mut saved = plan.clone();
    saved.revision = plan.revision.saturating_add(1);
    saved.saved_at = now;
    saved
}

/// Reads a plan from its JSON value (as the UI sends it), with the same strictness and paths as a file.
pub fn plan_from_value(value: &Value) -> Result<Plan, LoadError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| LoadError::NotAPlan {
        path: "(top level)".into(),
        message: e.to_string(),
    })?;
    read_plan(text.as_bytes()).map(|l| l.plan)
}

/// The canonical written form: keys in spec order, two-space indentation, money with two
/// decimals, a trailing newline. The same plan always gives the same bytes.
pub fn write_plan(plan: &Plan) -> String {
    let mut out = serde_json::to_string_pretty(plan).unwrap_or_default();
    out.push('\n');
    out
}

/// The plan's fingerprint: the first 12 hex digits of SHA-256 over the canonical JSON of the plan
/// without `revision`, `saved_at` and `saved_by`. A printout showing it matches this content.
pub fn fingerprint(plan: &Plan) -> String {
    use sha2::{Digest, Sha256};
    let mut value = serde_json::to_value(plan).unwrap_or(Value::Null);
    if let Some(obj) = value.as_object_mut() {
        for key in ["revision", "saved_at", "saved_by"] {
            obj.shift_remove(key);
        }
    }
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}
