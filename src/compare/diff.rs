//! What changed between two versions of a plan, for a mentor comparing drafts: narrative sections
//! by paragraph, list items added, removed and changed field by field (matched by id), other
//! fields, the headline figures of both forecasts side by side, and the findings that appeared or
//! went away. `mutual-plan diff` prints it; the window can show the same.

use crate::checks::analysis::Analysis;
use crate::checks::verdict::Finding;
use crate::checks::verdict_words;
use crate::forecast::Forecast;
use crate::model::catalogue;
use crate::model::field_path::FieldPath;
use crate::model::plan::Plan;
use crate::show::live_text::annotated;
use crate::words::format;
use crate::words::labels;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;
use std::str::FromStr;

/// How an item or a paragraph changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// One field whose value changed, with both values in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub path: FieldPath,
    /// The field in words: "Annual value".
    pub field: String,
    pub old: String,
    pub new: String,
}

/// A list item added, removed, or changed field by field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemChange {
    pub path: FieldPath,
    pub kind: ChangeKind,
    /// The item in words: "Contract: Adult community therapy".
    pub item: String,
    /// For a changed item, each field that changed.
    pub fields: Vec<FieldChange>,
}

/// A paragraph of a narrative section added, removed or changed (numbered from 1, in the newer
/// version for added and changed paragraphs, in the older for removed ones).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParagraphChange {
    pub kind: ChangeKind,
    pub paragraph: usize,
    /// The paragraph as written: a live figure is its placeholder, compared as text.
    pub old: Option<String>,
    pub new: Option<String>,
    /// The same with each live figure's value in its version beside the placeholder:
    /// "[[lowest_cash]] (£0)".
    pub old_shown: Option<String>,
    pub new_shown: Option<String>,
}

/// A narrative section whose text changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionChange {
    pub path: FieldPath,
    pub title: String,
    pub paragraphs: Vec<ParagraphChange>,
}

/// A headline figure in both versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct FigureChange {
    pub figure: String,
    pub old: String,
    pub new: String,
    /// The change in words ("+£15,000", "2 months later"); empty when the figure is unchanged or
    /// has no difference to show.
    pub change: String,
}

/// Everything that differs between two versions of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanDiff {
    /// Said first: for example that the two files are different plans.
    pub warnings: Vec<String>,
    pub sections: Vec<SectionChange>,
    pub items: Vec<ItemChange>,
    pub fields: Vec<FieldChange>,
    pub figures: Vec<FigureChange>,
    pub findings_appeared: Vec<Finding>,
    pub findings_gone: Vec<Finding>,
}

impl PlanDiff {
    /// Whether the content differs (the figures and findings follow from the content).
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty() && self.items.is_empty() && self.fields.is_empty()
    }
}

/// Compares `old` with `new`, each with its analysis.
pub fn diff(old: &Plan, old_a: &Analysis, new: &Plan, new_a: &Analysis) -> PlanDiff {
    let mut d = PlanDiff {
        warnings: Vec::new(),
        sections: Vec::new(),
        items: Vec::new(),
        fields: Vec::new(),
        figures: Vec::new(),
        findings_appeared: Vec::new(),
        findings_gone: Vec::new(),
    };
    if old.id != new.id {
        d.warnings.push(
            "These are two different plans (their ids differ), not two versions of one plan: every difference is shown, but they were not written as drafts of each other."
                .into(),
        );
    }
    let (a, b) = (content(old), content(new));
    let words = Words { old, new };
    walk(&a, &b, &FieldPath::root(), "", &words, &mut d);
    d.figures = figures(old_a, new_a);
    show_live_figures(&mut d, old, old_a, new, new_a);
    let key = |f: &Finding| (f.rule.clone(), f.path.to_string());
    let before: Vec<_> = old_a.findings.iter().map(key).collect();
    let after: Vec<_> = new_a.findings.iter().map(key).collect();
    d.findings_appeared = new_a
        .findings
        .iter()
        .filter(|f| !before.contains(&key(f)))
        .cloned()
        .collect();
    d.findings_gone = old_a
        .findings
        .iter()
        .filter(|f| !after.contains(&key(f)))
        .cloned()
        .collect();
    d
}

fn content(p: &Plan) -> Value {
    let mut v = serde_json::to_value(p).unwrap_or(Value::Null);
    if let Some(o) = v.as_object_mut() {
        for k in catalogue::NOT_CONTENT {
            o.shift_remove(k);
        }
    }
    v
}

struct Words<'a> {
    old: &'a Plan,
    new: &'a Plan,
}

impl Words<'_> {
    /// An item of the list at `list` in words, from whichever version still has it.
    fn item(&self, list: &str, id: &str) -> String {
        // Sections are the one keyed list that is not an item list of the catalogue.
        let kind = match catalogue::list_at(list) {
            Some(l) => l.anchor,
            None if list == "narrative.sections" => "section",
            None => "item",
        };
        let anchor = format!("{kind}:{id}");
        let newer = crate::show::anchors::describe(self.new, &anchor);
        if newer.orphaned {
            crate::show::anchors::describe(self.old, &anchor).words
        } else {
            newer.words
        }
    }
}

/// "annual_value" → "Annual value"; a few names read better spelt out.
fn field_words(key: &str) -> String {
    let special = match key {
        "fte" => Some("Full-time equivalents"),
        "cpv" => Some("CPV code"),
        "pbr" => Some("Payment by results"),
        "ni_secondary_threshold" => Some("National Insurance threshold"),
        "employer_ni_percent" => Some("Employer National Insurance"),
        "ct_small_profits_rate_percent" => Some("Corporation tax small profits rate"),
        "ct_main_rate_percent" => Some("Corporation tax main rate"),
        "ct_lower_limit" => Some("Corporation tax lower limit"),
        "ct_upper_limit" => Some("Corporation tax upper limit"),
        "ct_marginal_relief_percent" => Some("Corporation tax marginal relief"),
        _ => None,
    };
    if let Some(s) = special {
        return s.into();
    }
    let text = key.trim_end_matches("_percent").replace('_', " ");
    let mut c = text.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// A value in words: money in en-GB, percentages with "%", months and dates in words, coded
/// values by their labels, texts quoted (long ones shortened).
fn value_words(key: &str, v: &Value) -> String {
    match v {
        Value::Null => "none".into(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.into(),
        Value::Number(n) if key == "pay_award_month" => n
            .as_u64()
            .filter(|m| (1..=12).contains(m))
            .map_or_else(|| n.to_string(), |m| format::month_name(m as u8).into()),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string_words(key, s),
        Value::Array(items) => format::count(items.len(), "item", "items"),
        Value::Object(_) => "details".into(),
    }
}

fn string_words(key: &str, s: &str) -> String {
    if key == "ct_marginal_relief_percent" {
        if let Ok(d) = Decimal::from_str(s) {
            return format::fraction(d);
        }
    }
    if key.ends_with("_percent") {
        return format!("{s}%");
    }
    let is_money = s.split_once('.').is_some_and(|(i, f)| {
        f.len() == 2
            && !i.is_empty()
            && i.trim_start_matches('-')
                .bytes()
                .all(|b| b.is_ascii_digit())
    });
    if is_money {
        if let Ok(d) = Decimal::from_str(s) {
            return crate::words::money::pence(d);
        }
    }
    if let Ok(m) = crate::model::values::Month::from_str(s) {
        return format::month_long(m);
    }
    if let Ok(d) = crate::model::values::Date::from_str(s) {
        return format::date_long(d);
    }
    if let Some(label) = coded(s) {
        return label;
    }
    let short: String = s.chars().take(80).collect();
    if short.len() < s.len() {
        format!("\u{201c}{}…\u{201d}", short.trim_end())
    } else {
        format!("\u{201c}{s}\u{201d}")
    }
}

/// The label of a coded value of the plan format, if `s` is one.
fn coded(s: &str) -> Option<String> {
    if !s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return None;
    }
    let c = labels::choices();
    for list in [
        &c.legal_forms,
        &c.nations,
        &c.public_body_kinds,
        &c.statuses,
        &c.ownership_models,
        &c.group_kinds,
        &c.distribution_policies,
        &c.board_roles,
        &c.constituencies,
        &c.payroll_timings,
        &c.renewal_assumptions,
        &c.procurement_routes,
        &c.frequencies,
        &c.repayments,
        &c.pension_schemes,
        &c.cost_categories,
    ] {
        if let Some(choice) = list.iter().find(|choice| choice.value == s) {
            return Some(choice.label.clone());
        }
    }
    None
}

fn item_id(v: &Value) -> Option<&str> {
    v.get("id").and_then(Value::as_str)
}

/// Walks both documents together; `list` names the list an object belongs to ("" outside one).
fn walk(a: &Value, b: &Value, path: &FieldPath, key: &str, w: &Words, d: &mut PlanDiff) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let vb = y.get(k).unwrap_or(&Value::Null);
                walk(va, vb, &path.clone().key(k), k, w, d);
            }
        }
        (Value::Array(x), Value::Array(y)) if *path == "narrative.sections" => {
            sections(x, y, path, d)
        }
        (Value::Array(x), Value::Array(y))
            if x.iter().chain(y).all(|i| item_id(i).is_some())
                && !(x.is_empty() && y.is_empty()) =>
        {
            items(x, y, path, w, d)
        }
        _ if a == b => {}
        _ => d.fields.push(FieldChange {
            path: path.clone(),
            field: field_words(key),
            old: value_words(key, a),
            new: value_words(key, b),
        }),
    }
}

/// Every leaf that differs inside two versions of one item, named by its key in the item.
fn item_fields(a: &Value, b: &Value, path: &FieldPath, prefix: &str, out: &mut Vec<FieldChange>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let vb = y.get(k).unwrap_or(&Value::Null);
                let name = if prefix.is_empty() {
                    field_words(k)
                } else {
                    format!("{prefix}: {}", field_words(k).to_lowercase())
                };
                if va.is_object() && vb.is_object() {
                    item_fields(va, vb, &path.clone().key(k), &name, out);
                } else if va != vb {
                    out.push(FieldChange {
                        path: path.clone().key(k),
                        field: name,
                        old: value_words(k, va),
                        new: value_words(k, vb),
                    });
                }
            }
        }
        _ if a == b => {}
        _ => out.push(FieldChange {
            path: path.clone(),
            field: prefix.to_string(),
            old: value_words("", a),
            new: value_words("", b),
        }),
    }
}

fn items(x: &[Value], y: &[Value], path: &FieldPath, w: &Words, d: &mut PlanDiff) {
    let list = path.to_string();
    let find = |items: &[Value], id: &str| items.iter().find(|i| item_id(i) == Some(id)).cloned();
    for a in x {
        let id = item_id(a).unwrap_or_default();
        let at = path.clone().id(id);
        match find(y, id) {
            None => d.items.push(ItemChange {
                path: at,
                kind: ChangeKind::Removed,
                item: w.item(&list, id),
                fields: vec![],
            }),
            Some(b) if &b != a => {
                let mut fields = Vec::new();
                item_fields(a, &b, &at, "", &mut fields);
                d.items.push(ItemChange {
                    path: at,
                    kind: ChangeKind::Changed,
                    item: w.item(&list, id),
                    fields,
                });
            }
            Some(_) => {}
        }
    }
    for b in y {
        let id = item_id(b).unwrap_or_default();
        if find(x, id).is_none() {
            d.items.push(ItemChange {
                path: path.clone().id(id),
                kind: ChangeKind::Added,
                item: w.item(&list, id),
                fields: vec![],
            });
        }
    }
}

fn paragraphs(v: Option<&Value>) -> Vec<String> {
    v.and_then(|s| s.get("text"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

fn sections(x: &[Value], y: &[Value], path: &FieldPath, d: &mut PlanDiff) {
    let ids: Vec<&str> = y.iter().chain(x).filter_map(item_id).collect();
    let mut seen = Vec::new();
    for id in ids {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let a = x.iter().find(|s| item_id(s) == Some(id));
        let b = y.iter().find(|s| item_id(s) == Some(id));
        let changes = paragraph_changes(&paragraphs(a), &paragraphs(b));
        let title = b
            .or(a)
            .and_then(|s| s.get("title"))
            .and_then(Value::as_str)
            .unwrap_or(id)
            .to_string();
        let at = path.clone().id(id);
        let (ta, tb) = (
            a.and_then(|s| s.get("title")),
            b.and_then(|s| s.get("title")),
        );
        if ta != tb && ta.is_some() && tb.is_some() {
            d.fields.push(FieldChange {
                path: at.clone().key("title"),
                field: "Section title".into(),
                old: value_words("title", ta.unwrap_or(&Value::Null)),
                new: value_words("title", tb.unwrap_or(&Value::Null)),
            });
        }
        if !changes.is_empty() {
            d.sections.push(SectionChange {
                path: at.key("text"),
                title,
                paragraphs: changes,
            });
        }
    }
}

/// Paragraph changes by a longest common subsequence of whole paragraphs; a removal followed by
/// an addition at the same place reads as one changed paragraph.
fn paragraph_changes(a: &[String], b: &[String]) -> Vec<ParagraphChange> {
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut raw: Vec<ParagraphChange> = Vec::new();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j]) {
            raw.push(ParagraphChange {
                kind: ChangeKind::Added,
                paragraph: j + 1,
                old: None,
                new: Some(b[j].clone()),
                old_shown: None,
                new_shown: None,
            });
            j += 1;
        } else {
            raw.push(ParagraphChange {
                kind: ChangeKind::Removed,
                paragraph: i + 1,
                old: Some(a[i].clone()),
                new: None,
                old_shown: None,
                new_shown: None,
            });
            i += 1;
        }
    }
    // Pair a removal with the addition right after it: the paragraph was edited.
    let mut out: Vec<ParagraphChange> = Vec::new();
    for c in raw {
        match out.last_mut() {
            Some(prev) if prev.kind == ChangeKind::Removed && c.kind == ChangeKind::Added => {
                prev.kind = ChangeKind::Changed;
                prev.paragraph = c.paragraph;
                prev.new = c.new;
            }
            _ => out.push(c),
        }
    }
    out
}

fn figures(a: &Analysis, b: &Analysis) -> Vec<FigureChange> {
    let mut out = Vec::new();
    let money = |label: &str, f: fn(&Forecast) -> Decimal, out: &mut Vec<FigureChange>| {
        if let (Ok((fa, _)), Ok((fb, _))) = (&a.forecast, &b.forecast) {
            let (x, y) = (f(fa), f(fb));
            out.push(FigureChange {
                figure: label.into(),
                old: crate::words::money::pence(x),
                new: crate::words::money::pence(y),
                change: signed_money(y - x),
            });
        }
    };
    if let (Ok((fa, _)), Ok((fb, _))) = (&a.forecast, &b.forecast) {
        let (sa, sb) = (&fa.summary, &fb.summary);
        let moved = sa.lowest_cash_month.months_until(sb.lowest_cash_month);
        out.push(FigureChange {
            figure: "Lowest cash".into(),
            old: format!(
                "{} in {}",
                crate::words::money::pence(sa.lowest_cash),
                format::month_long(sa.lowest_cash_month)
            ),
            new: format!(
                "{} in {}",
                crate::words::money::pence(sb.lowest_cash),
                format::month_long(sb.lowest_cash_month)
            ),
            change: match (signed_money(sb.lowest_cash - sa.lowest_cash), moved) {
                (m, 0) => m,
                (m, n) if m.is_empty() => months_moved(n),
                (m, n) => format!("{m}, {}", months_moved(n)),
            },
        });
        money(
            "Peak funding need",
            |f| f.summary.peak_funding_need,
            &mut out,
        );
        out.push(FigureChange {
            figure: "Months with negative cash".into(),
            old: sa.months_negative.to_string(),
            new: sb.months_negative.to_string(),
            change: signed_count(i64::from(sb.months_negative) - i64::from(sa.months_negative)),
        });
        money("Closing cash", |f| f.summary.closing_cash, &mut out);
        let reserves = |f: &Forecast| f.years.get(1).and_then(|y| y.free_reserves_months);
        let (ra, rb) = (reserves(fa), reserves(fb));
        out.push(FigureChange {
            figure: "Free reserves at the end of year 2".into(),
            old: ra.map_or_else(|| "—".into(), format::months),
            new: rb.map_or_else(|| "—".into(), format::months),
            change: match (ra, rb) {
                (Some(x), Some(y)) if x != y => {
                    let diff = format::months(y - x);
                    if y > x {
                        format!("+{diff}")
                    } else {
                        diff
                    }
                }
                _ => String::new(),
            },
        });
        money(
            "Corporation tax payable at the horizon",
            |f| f.summary.tax_payable_at_horizon,
            &mut out,
        );
    }
    let (ra, rb) = (&a.readiness, &b.readiness);
    out.push(FigureChange {
        figure: "Readiness".into(),
        old: format!(
            "{} of {}: {}",
            ra.score,
            ra.max_score,
            verdict_words::headline(ra.headline)
        ),
        new: format!(
            "{} of {}: {}",
            rb.score,
            rb.max_score,
            verdict_words::headline(rb.headline)
        ),
        change: signed_count(i64::from(rb.score) - i64::from(ra.score)),
    });
    out
}

fn signed_money(d: Decimal) -> String {
    if d.is_zero() {
        String::new()
    } else if d > Decimal::ZERO {
        format!("+{}", crate::words::money::pence(d))
    } else {
        crate::words::money::pence(d)
    }
}

fn signed_count(n: i64) -> String {
    match n {
        0 => String::new(),
        n if n > 0 => format!("+{n}"),
        n => format!("\u{2212}{}", -n),
    }
}

fn months_moved(n: i64) -> String {
    let count = format::count(n.unsigned_abs() as usize, "month", "months");
    if n > 0 {
        format!("{count} later")
    } else {
        format!("{count} sooner")
    }
}

/// Each changed paragraph's live figures with the value each version prints for them.
fn show_live_figures(d: &mut PlanDiff, old: &Plan, old_a: &Analysis, new: &Plan, new_a: &Analysis) {
    fn base(a: &Analysis) -> Option<&Forecast> {
        a.forecast.as_ref().ok().map(|(f, _)| f)
    }
    for s in &mut d.sections {
        for p in &mut s.paragraphs {
            p.old_shown = p
                .old
                .as_deref()
                .map(|t| annotated(t, old.forecast.months, base(old_a)));
            p.new_shown = p
                .new
                .as_deref()
                .map(|t| annotated(t, new.forecast.months, base(new_a)));
        }
    }
}

/// The comparison as text for the terminal.
pub fn to_text(d: &PlanDiff, old_name: &str, new_name: &str) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Comparing {old_name} (older) with {new_name} (newer)\n"
    );
    for w in &d.warnings {
        let _ = writeln!(out, "Warning: {w}\n");
    }
    if d.is_empty() {
        let _ = writeln!(out, "The content of the two plans is the same.");
    }
    if !d.fields.is_empty() {
        let _ = writeln!(out, "Changed");
        for f in &d.fields {
            let _ = writeln!(out, "  {}: {} → {}   ({})", f.field, f.old, f.new, f.path);
        }
        out.push('\n');
    }
    if !d.items.is_empty() {
        let _ = writeln!(out, "Items");
        for i in &d.items {
            let kind = match i.kind {
                ChangeKind::Added => "Added",
                ChangeKind::Removed => "Removed",
                ChangeKind::Changed => "Changed",
            };
            let _ = writeln!(out, "  {kind}: {}   ({})", i.item, i.path);
            for f in &i.fields {
                let _ = writeln!(out, "    {}: {} → {}", f.field, f.old, f.new);
            }
        }
        out.push('\n');
    }
    if !d.sections.is_empty() {
        let _ = writeln!(out, "Narrative");
        for s in &d.sections {
            let parts: Vec<String> = s
                .paragraphs
                .iter()
                .map(|p| {
                    let kind = match p.kind {
                        ChangeKind::Added => "added",
                        ChangeKind::Removed => "removed",
                        ChangeKind::Changed => "changed",
                    };
                    format!("paragraph {} {kind}", p.paragraph)
                })
                .collect();
            let _ = writeln!(out, "  {}: {}", s.title, parts.join("; "));
            // A paragraph with live figures is shown with each figure's value beside it.
            for p in &s.paragraphs {
                for (which, written, shown) in [
                    ("older", &p.old, &p.old_shown),
                    ("newer", &p.new, &p.new_shown),
                ] {
                    if let (Some(w), Some(sh)) = (written, shown) {
                        if w != sh {
                            let _ = writeln!(out, "    paragraph {} ({which}): {sh}", p.paragraph);
                        }
                    }
                }
            }
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{:<40} {:>32} {:>32} {:>24}",
        "Figure", "Older", "Newer", "Change"
    );
    for f in &d.figures {
        let _ = writeln!(
            out,
            "{:<40} {:>32} {:>32} {:>24}",
            f.figure, f.old, f.new, f.change
        );
    }
    for (title, list) in [
        ("Findings that appeared", &d.findings_appeared),
        ("Findings that went away", &d.findings_gone),
    ] {
        if !list.is_empty() {
            let _ = writeln!(out, "\n{title}");
            for f in list {
                let _ = writeln!(out, "  {} {}", f.rule, f.message);
            }
        }
    }
    out
}
