//! Reading and writing `.mutualplan` files: strict parsing, version handling, limits and the
//! canonical written form.

use crate::model::error::LoadError;
use crate::model::field_path::FieldPath;
use crate::model::plan::{
    BandList, CostFrequency, PensionScheme, Plan, Settings, DEFAULT_ADDRESSEE, FORMAT_NAME,
    MAX_BAND_ROWS, SCHEMA_VERSION,
};
use crate::model::sections::{section_spec, SECTIONS};
use crate::model::values::Money;
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
    /// For a migrated file, what its first save will tell the user: that it is written as the
    /// current version, and what changes its figures. Empty for a current file.
    pub migration: Vec<String>,
}

/// Reads a plan strictly: any unknown field, bad value, broken limit or newer version is an error.
/// Version 1 and 2 files are migrated in memory (see [`migrate_v1`] and [`migrate_v2`]); a plan
/// is always written as the current version.
pub fn read_plan(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let text = as_text(bytes)?;
    let mut value = parse_json(text)?;
    let version = header(&value)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(LoadError::NewerVersion {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let file_version = match version {
        1 => {
            refuse_later_fields(text, &value, 1)?;
            migrate_v1(&mut value);
            migrate_v2(&mut value);
            1
        }
        2 => {
            refuse_later_fields(text, &value, 2)?;
            migrate_v2(&mut value);
            2
        }
        3 => 3,
        found => return Err(LoadError::UnknownVersion { found }),
    };
    let migrated;
    let source = if file_version == SCHEMA_VERSION {
        text
    } else {
        migrated = serde_json::to_string_pretty(&value).unwrap_or_default();
        &migrated
    };
    let mut unknown = Vec::new();
    let result = deserialize(source, &value, &mut unknown);
    // Positions in a migrated text are not the file's: find the field in the file instead.
    let relocate = |e: LoadError| match e {
        LoadError::BadValue { path, message, .. } if source != text => {
            let (line, column) = locate_key(text, &path);
            LoadError::BadValue {
                path,
                message,
                line,
                column,
            }
        }
        other => other,
    };
    let plan = match result {
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
        Err(e) => return Err(relocate(e)),
    };
    if let Some(path) = unknown.into_iter().next() {
        return Err(unknown_field(text, path, None));
    }
    validate(&plan, &value)?;
    let migration = migration_notes(file_version, &plan);
    Ok(Loaded {
        plan,
        file_version,
        migration,
    })
}

/// What the first save of a file read as `file_version` says: that it will be written as the
/// current version, which older releases open read-only, and each change to its figures.
pub fn migration_notes(file_version: u32, plan: &Plan) -> Vec<String> {
    use crate::model::plan::PayrollTiming;
    if file_version >= SCHEMA_VERSION {
        return Vec::new();
    }
    let mut notes = vec![format!(
        "This plan was saved as version {file_version} of the file format; it will be saved as version {SCHEMA_VERSION}, which older releases of Mutual Plan open read-only."
    )];
    if file_version == 1 {
        notes.push("Its figures now include corporation tax and the Apprenticeship Levy.".into());
    }
    let f = &plan.forecast;
    if file_version == 2
        && f.settings.payroll_costs_paid == PayrollTiming::NextMonth
        && !f.staff.is_empty()
    {
        notes.push("Tax, National Insurance and employee pension contributions are now paid the month after the pay, so cash in each month is higher.".into());
    }
    if f.staff
        .iter()
        .any(|s| s.headcount.is_none() && !s.fte.get().fract().is_zero())
    {
        notes.push("Each part-time person now has a whole National Insurance threshold, so employer NI is lower.".into());
    }
    if !f.loans.is_empty() {
        notes.push("Loan interest is now charged to the month it is for.".into());
    }
    notes.push("Reserves are now free reserves (funds less fixed assets) in months of that year's running costs, and debt service cover is after corporation tax paid and before depreciation and one-off costs.".into());
    notes
}

/// Fields that schema version 3 added, by the object that holds them.
const V3_FIELDS: [(&str, &[&str]); 8] = [
    (
        "forecast.settings",
        &[
            "personal_allowance",
            "income_tax_bands",
            "income_tax_bands_scotland",
            "employee_ni_bands",
            "nhs_pension_member_tiers",
            "lgps_member_bands",
            "civil_service_member_tiers",
            "vat_registered",
            "vat_stagger",
            "vat_standard_rate_percent",
            "vat_registration_threshold",
            "vat_de_minimis_monthly",
        ],
    ),
    ("forecast", &["facilities"]),
    ("forecast.contracts[]", &["regulated_activity", "vat"]),
    (
        "forecast.contracts[].procurement",
        &["psr_process", "justification"],
    ),
    ("forecast.income[]", &["vat"]),
    ("forecast.staff[]", &["contract"]),
    ("forecast.staff[].pension", &["employee_percent"]),
    ("forecast.costs[]", &["useful_life_months", "vat_percent"]),
];

/// Values that a schema version added to an existing field: (version, where, field, value).
const LATER_VALUES: [(u32, &str, &str, &str); 3] = [
    (2, "forecast.staff[].pension", "scheme", "civil_service"),
    (3, "forecast.costs[]", "frequency", "capital"),
    (3, "organisation", "legal_form", "scio"),
];

/// Fields that schema version 2 added, by the object that holds them. A version 1 file holding
/// one was not written by any release: it is refused like any unknown field.
const V2_FIELDS: [(&str, &[&str]); 5] = [
    ("", &["addressee"]),
    ("organisation", &["charity"]),
    (
        "forecast.settings",
        &[
            "payroll_costs_paid",
            "apprenticeship_levy_percent",
            "apprenticeship_levy_allowance",
            "ct_small_profits_rate_percent",
            "ct_main_rate_percent",
            "ct_lower_limit",
            "ct_upper_limit",
            "ct_marginal_relief_percent",
        ],
    ),
    ("forecast.staff[]", &["headcount"]),
    (
        "forecast.contracts[].procurement",
        &["awarded", "extension_months"],
    ),
];

/// The objects at `at` (`a.b[]` means every item of the list `a.b`), with their index paths.
fn objects_at<'a>(value: &'a Value, at: &str) -> Vec<(String, &'a Value)> {
    let mut found = vec![(String::new(), value)];
    for part in at.split('.').filter(|p| !p.is_empty()) {
        let (key, each) = match part.strip_suffix("[]") {
            Some(k) => (k, true),
            None => (part, false),
        };
        found = found
            .into_iter()
            .filter_map(|(p, v)| v.get(key).map(|v| (join(&p, key), v)))
            .flat_map(|(p, v)| match (each, v.as_array()) {
                (true, Some(items)) => items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| (format!("{p}[{i}]"), item))
                    .collect(),
                (true, None) => vec![],
                (false, _) => vec![(p, v)],
            })
            .collect();
    }
    found
}

/// Refuses a file of `version` holding a field or value that a later version added: no release
/// wrote one, so it is refused like any unknown field.
fn refuse_later_fields(text: &str, value: &Value, version: u32) -> Result<(), LoadError> {
    let later: Vec<(&str, &[&str])> = match version {
        1 => V2_FIELDS.iter().chain(V3_FIELDS.iter()).copied().collect(),
        _ => V3_FIELDS.to_vec(),
    };
    for (at, fields) in later {
        for (path, obj) in objects_at(value, at) {
            if let Some(field) = fields.iter().find(|f| obj.get(**f).is_some()) {
                let path = FieldPath::from_index_path(&join(&path, field), value);
                return Err(unknown_field(text, path, None));
            }
        }
    }
    for (added, at, field, word) in LATER_VALUES {
        if added <= version {
            continue;
        }
        for (path, obj) in objects_at(value, at) {
            if obj.get(field).and_then(Value::as_str) == Some(word) {
                let path = FieldPath::from_index_path(&join(&path, field), value);
                let (line, column) = locate_key(text, &path);
                return Err(LoadError::BadValue {
                    path,
                    message: format!("\"{word}\" is new in schema version {added}; a version {version} file cannot hold it"),
                    line,
                    column,
                });
            }
        }
    }
    Ok(())
}

/// Schema version 1 to 2, on the JSON document: `registered_charity` becomes `charity`, the
/// addressee is the Enterprise Incubator Unit, the new settings take their defaults except that
/// payroll costs stay in the month worked (so the plan's payroll timing is unchanged), staff
/// lines have no headcount, and contracts no award date and no extension options.
pub fn migrate_v1(value: &mut Value) {
    let Some(top) = value.as_object_mut() else {
        return;
    };
    top.insert("schema_version".into(), Value::from(2));
    top.insert("addressee".into(), Value::from(DEFAULT_ADDRESSEE));
    if let Some(Value::Object(org)) = top.get_mut("organisation") {
        if let Some(flag) = org.shift_remove("registered_charity") {
            org.insert("charity".into(), flag);
        }
    }
    let Some(Value::Object(forecast)) = top.get_mut("forecast") else {
        return;
    };
    if let Some(Value::Object(settings)) = forecast.get_mut("settings") {
        let mut defaults = crate::model::new_plan::default_settings();
        defaults.payroll_costs_paid = crate::model::plan::PayrollTiming::SameMonth;
        if let Ok(Value::Object(d)) = serde_json::to_value(defaults) {
            for (_, fields) in V2_FIELDS
                .iter()
                .filter(|(at, _)| *at == "forecast.settings")
            {
                for f in fields.iter() {
                    if let Some(v) = d.get(*f) {
                        settings.insert((*f).into(), v.clone());
                    }
                }
            }
        }
    }
    if let Some(Value::Array(staff)) = forecast.get_mut("staff") {
        for line in staff.iter_mut().filter_map(Value::as_object_mut) {
            line.insert("headcount".into(), Value::Null);
        }
    }
    if let Some(Value::Array(contracts)) = forecast.get_mut("contracts") {
        for c in contracts.iter_mut().filter_map(Value::as_object_mut) {
            if let Some(Value::Object(p)) = c.get_mut("procurement") {
                p.insert("awarded".into(), Value::Null);
                p.insert("extension_months".into(), Value::from(0));
            }
        }
    }
}

/// Schema version 2 to 3, on the JSON document: every version 2 figure that version 3 does not
/// redefine is kept. The new settings take their defaults (not registered for VAT), there are no
/// facilities, income is exempt from VAT, costs carry no added VAT and no line is capital, staff
/// lines work on no particular contract, and a defined contribution member pays 5 %.
pub fn migrate_v2(value: &mut Value) {
    let Some(top) = value.as_object_mut() else {
        return;
    };
    top.insert("schema_version".into(), Value::from(3));
    let Some(Value::Object(forecast)) = top.get_mut("forecast") else {
        return;
    };
    if let Some(Value::Object(settings)) = forecast.get_mut("settings") {
        if let Ok(Value::Object(d)) =
            serde_json::to_value(crate::model::new_plan::default_settings())
        {
            for f in V3_FIELDS[0].1 {
                if let Some(v) = d.get(*f) {
                    settings.insert((*f).into(), v.clone());
                }
            }
        }
    }
    forecast.insert("facilities".into(), Value::Array(vec![]));
    let each = |forecast: &mut serde_json::Map<String, Value>,
                list: &str,
                f: &mut dyn FnMut(&mut serde_json::Map<String, Value>)| {
        if let Some(Value::Array(items)) = forecast.get_mut(list) {
            items
                .iter_mut()
                .filter_map(Value::as_object_mut)
                .for_each(&mut *f);
        }
    };
    each(forecast, "contracts", &mut |c| {
        c.insert("regulated_activity".into(), Value::Null);
        c.insert("vat".into(), Value::from("exempt"));
        if let Some(Value::Object(p)) = c.get_mut("procurement") {
            p.insert("psr_process".into(), Value::Null);
            p.insert("justification".into(), Value::from(""));
        }
    });
    each(forecast, "income", &mut |i| {
        i.insert("vat".into(), Value::from("exempt"));
    });
    each(forecast, "staff", &mut |s| {
        s.insert("contract".into(), Value::Null);
        if let Some(Value::Object(p)) = s.get_mut("pension") {
            let dc = p.get("scheme").and_then(Value::as_str) == Some("defined_contribution");
            let employee = if dc { Value::from("5") } else { Value::Null };
            p.insert("employee_percent".into(), employee);
        }
    });
    each(forecast, "costs", &mut |c| {
        c.insert("useful_life_months".into(), Value::Null);
        c.insert("vat_percent".into(), Value::from("0"));
    });
}

/// Reads a plan written by a newer version so it can be shown read-only: fields this version does
/// not know are skipped, and their paths returned so the UI can say what it cannot show.
pub fn read_newer_for_viewing(bytes: &[u8]) -> Result<(Plan, Vec<String>), LoadError> {
    let mut skipped = Vec::new();
    let text = as_text(bytes)?;
    let value = parse_json(text)?;
    header(&value)?;
    let plan = deserialize(text, &value, &mut skipped)?;
    validate(&plan, &value)?;
    Ok((plan, skipped.iter().map(ToString::to_string).collect()))
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
        path: FieldPath::root(),
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

/// Parses the plan from `text`; `doc` is the same document as a JSON value, to name list items
/// in error paths by their ids.
fn deserialize(text: &str, doc: &Value, unknown: &mut Vec<FieldPath>) -> Result<Plan, LoadError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut record =
        |p: serde_ignored::Path<'_>| unknown.push(FieldPath::from_index_path(&json_path(&p), doc));
    let ignoring = serde_ignored::Deserializer::new(&mut de, &mut record);
    let plan: Plan = serde_path_to_error::deserialize(ignoring).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        LoadError::BadValue {
            path: if path == "." {
                FieldPath::root()
            } else {
                FieldPath::from_index_path(&path, doc)
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

fn unknown_field(text: &str, path: impl Into<FieldPath>, suggestion: Option<String>) -> LoadError {
    let path = path.into();
    let (line, column) = locate_key(text, &path);
    LoadError::UnknownField {
        path,
        suggestion,
        line,
        column,
    }
}

/// Line and column of the key that ends `path`, found by walking the text: each key, and each
/// item's id, is looked for after the one before, so a field of the third staff line is found in
/// that line. Good enough to point an editor at a field that serde reports only after reading the
/// whole object, or that a migration moved.
fn locate_key(text: &str, path: &FieldPath) -> (usize, usize) {
    use crate::model::field_path::Segment;
    let mut from = 0;
    let mut found = None;
    for segment in path.segments() {
        let needle = match segment {
            Segment::Key(k) => format!("\"{k}\""),
            Segment::Id(id) => format!("\"{id}\""),
            Segment::Index(_) => continue,
        };
        match text[from..].find(&needle) {
            Some(i) => {
                if matches!(segment, Segment::Key(_)) {
                    found = Some(from + i);
                }
                from += i + needle.len();
            }
            None => break,
        }
    }
    match found {
        Some(i) => line_column(&text.as_bytes()[..i]),
        None => (0, 0),
    }
}

/// Format rules that serde cannot express: limits, ranges of plain integers, unique ids.
fn validate(plan: &Plan, value: &Value) -> Result<(), LoadError> {
    check_limits(value, &mut String::new(), value)?;
    let invalid = |path: &str, message: String| {
        Err(LoadError::Invalid {
            path: FieldPath::parse(path),
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
    if !(1..=3).contains(&f.settings.vat_stagger) {
        return invalid(
            "forecast.settings.vat_stagger",
            "the VAT stagger must be 1, 2 or 3".into(),
        );
    }
    for (name, list) in band_lists(&f.settings) {
        if let Err(message) = check_band_list(list) {
            return invalid(&format!("forecast.settings.{name}"), message);
        }
    }
    for c in &f.costs {
        let i = &c.id;
        let path = format!("forecast.costs[{i}].useful_life_months");
        match (c.frequency, c.useful_life_months) {
            (CostFrequency::Capital, None) => {
                return invalid(
                    &path,
                    "a capital cost needs its useful life, in months (1 to 600)".into(),
                )
            }
            (CostFrequency::Capital, Some(n)) if !(1..=600).contains(&n) => {
                return invalid(
                    &path,
                    format!("{n} months: a useful life must be 1 to 600 months"),
                )
            }
            (CostFrequency::Capital, Some(_)) | (_, None) => {}
            (_, Some(_)) => {
                return invalid(
                    &path,
                    "only a capital cost has a useful life; leave it empty for this cost".into(),
                )
            }
        }
    }
    for c in &f.contracts {
        let i = &c.id;
        if c.payment_terms_days > 180 {
            return invalid(
                &format!("forecast.contracts[{i}].payment_terms_days"),
                "payment terms must be 0 to 180 days".into(),
            );
        }
        if c.procurement.extension_months > 60 {
            return invalid(
                &format!("forecast.contracts[{i}].procurement.extension_months"),
                "options to extend must be 0 to 60 months".into(),
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
    for s in &f.staff {
        let i = &s.id;
        if s.fte.get().is_zero() {
            return invalid(
                &format!("forecast.staff[{i}].fte"),
                "full-time equivalents must be more than 0".into(),
            );
        }
        let employee_path = format!("forecast.staff[{i}].pension.employee_percent");
        match (s.pension.scheme, s.pension.employee_percent) {
            (PensionScheme::DefinedContribution, None) => {
                return invalid(&employee_path, "a defined contribution scheme needs the member's contribution rate".into())
            }
            (PensionScheme::DefinedContribution, Some(_)) | (_, None) => {}
            (_, Some(_)) => {
                return invalid(&employee_path, "only a defined contribution scheme has a member's rate here; the scheme's own tiers in the settings set it, so leave it empty".into())
            }
        }
        if s.headcount == Some(0) {
            return invalid(
                &format!("forecast.staff[{i}].headcount"),
                "the number of people must be at least 1 (leave it empty for one person per full-time equivalent)".into(),
            );
        }
    }
    for l in &f.loans {
        let i = &l.id;
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
    for r in &plan.narrative.risks {
        let i = &r.id;
        for (name, v) in [("likelihood", r.likelihood), ("impact", r.impact)] {
            if !(1..=5).contains(&v) {
                return invalid(
                    &format!("narrative.risks[{i}].{name}"),
                    format!("the {name} must be from 1 (low) to 5 (high), not {v}"),
                );
            }
        }
    }
    for (i, s) in plan.review.signoffs.iter().enumerate() {
        // Sign-offs have no id: they are named by position.
        if s.fingerprint.len() != 12
            || !s
                .fingerprint
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            return invalid(
                &format!("review.signoffs[#{i}].fingerprint"),
                "a fingerprint is 12 lower-case hexadecimal digits".into(),
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, s) in plan.narrative.sections.iter().enumerate() {
        let path = format!("narrative.sections[#{i}].id");
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

/// The band lists of the settings, by their keys.
pub fn band_lists(s: &Settings) -> [(&'static str, &BandList); 6] {
    [
        ("income_tax_bands", &s.income_tax_bands),
        ("income_tax_bands_scotland", &s.income_tax_bands_scotland),
        ("employee_ni_bands", &s.employee_ni_bands),
        ("nhs_pension_member_tiers", &s.nhs_pension_member_tiers),
        ("lgps_member_bands", &s.lgps_member_bands),
        ("civil_service_member_tiers", &s.civil_service_member_tiers),
    ]
}

/// A band list's rules: 1 to 20 rows, upper limits strictly ascending, only the last open.
pub fn check_band_list(list: &BandList) -> Result<(), String> {
    if list.is_empty() || list.len() > MAX_BAND_ROWS {
        return Err(format!(
            "a band list has 1 to {MAX_BAND_ROWS} rows, not {}",
            list.len()
        ));
    }
    let last = list.len() - 1;
    let mut below: Option<Money> = None;
    for (n, band) in list.iter().enumerate() {
        match band.up_to {
            None if n < last => {
                return Err(format!(
                    "row {} has no upper limit, but only the last row may be open-ended",
                    n + 1
                ))
            }
            None => {}
            Some(_) if n == last => return Err(
                "the last row must have no upper limit (it covers everything above the row before)"
                    .into(),
            ),
            Some(up) => {
                if below.is_some_and(|b| up <= b) {
                    return Err(format!(
                        "row {}'s upper limit must be above the row before's",
                        n + 1
                    ));
                }
                below = Some(up);
            }
        }
    }
    Ok(())
}

/// Every list of objects with an `id` has unique ids.
fn unique_ids(value: &Value) -> Result<(), LoadError> {
    fn walk(v: &Value, path: &str, root: &Value) -> Result<(), LoadError> {
        match v {
            Value::Object(map) => map
                .iter()
                .try_for_each(|(k, v)| walk(v, &join(path, k), root)),
            Value::Array(items) => {
                let mut seen = HashSet::new();
                for (i, item) in items.iter().enumerate() {
                    if let Some(Value::String(id)) = item.get("id") {
                        if !seen.insert(id.as_str()) {
                            // The id is ambiguous here, so the duplicate is named by position.
                            let list = FieldPath::from_index_path(path, root);
                            return Err(LoadError::Invalid {
                                path: FieldPath::parse(&format!("{list}[#{i}].id")),
                                message: format!("the id \"{id}\" is used twice in this list; ids must be unique"),
                            });
                        }
                    }
                    walk(item, &format!("{path}[{i}]"), root)?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
    walk(value, "", value)
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn check_limits(v: &Value, path: &mut String, root: &Value) -> Result<(), LoadError> {
    match v {
        Value::String(s) if s.chars().count() > MAX_TEXT_CHARS => Err(LoadError::Invalid {
            path: FieldPath::from_index_path(path, root),
            message: format!(
                "the text has {} characters; the most allowed is {MAX_TEXT_CHARS}",
                s.chars().count()
            ),
        }),
        Value::Array(items) if items.len() > MAX_LIST_ITEMS => Err(LoadError::Invalid {
            path: FieldPath::from_index_path(path, root),
            message: format!(
                "the list has {} items; the most allowed is {MAX_LIST_ITEMS}",
                items.len()
            ),
        }),
        Value::Array(items) => items.iter().enumerate().try_for_each(|(i, item)| {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            let r = check_limits(item, path, root);
            path.truncate(len);
            r
        }),
        Value::Object(map) => map.iter().try_for_each(|(k, item)| {
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(k);
            let r = check_limits(item, path, root);
            path.truncate(len);
            r
        }),
        _ => Ok(()),
    }
}

/// The plan as it is written on save: the revision counted up and the save time set.
pub fn stamp_for_save(plan: &Plan, now: crate::model::values::Timestamp) -> Plan {
    let mut saved = plan.clone();
    saved.revision = plan.revision.saturating_add(1);
    saved.saved_at = now;
    saved
}

/// Reads a plan from its JSON value (as the UI sends it), with the same strictness and paths as a file.
pub fn plan_from_value(value: &Value) -> Result<Plan, LoadError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| LoadError::NotAPlan {
        path: FieldPath::root(),
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
/// without `revision`, `saved_at`, `saved_by` and `review`. A printout showing it matches this
/// content; comments and sign-offs are about the content, not part of it, so a sign-off can name
/// the fingerprint of the version it signed.
pub fn fingerprint(plan: &Plan) -> String {
    use sha2::{Digest, Sha256};
    let mut value = serde_json::to_value(plan).unwrap_or(Value::Null);
    if let Some(obj) = value.as_object_mut() {
        for key in crate::model::catalogue::NOT_CONTENT {
            obj.shift_remove(key);
        }
    }
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}
