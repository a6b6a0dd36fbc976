//! The Inputs sheet: the forecast's settings and every item of its lists, one row each, as
//! cells (money as pounds, percentages as percentages, months as dates), and where each cell is,
//! for the formulas of the Monthly sheet.
//!
//! The cells are read off the plan file's own form (`docs/plan-format.md`), field by field, so a
//! field the format gains appears here without a change.

use super::layout::{self, Formats, INPUTS};
use crate::model::catalogue::{ListKind, LISTS};
use crate::model::plan::Plan;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};
use serde_json::Value;
use std::collections::HashMap;
use std::str::FromStr;

/// Where each input is on the Inputs sheet.
#[derive(Default)]
pub struct Refs {
    /// `(list path, item id, field)` → `Inputs!$C$7`; nested fields are dotted: `pbr.share_percent`.
    items: HashMap<(String, String, String), String>,
    /// A field of the forecast or of its settings (`start`, `opening_cash`, `pay_award_percent`).
    fields: HashMap<String, String>,
}

impl Refs {
    /// An item's field, or `0` when no item of the list has it (a blank cell counts as 0 too).
    pub fn item(&self, list: &str, id: &str, field: &str) -> String {
        self.items
            .get(&(list.to_owned(), id.to_owned(), field.to_owned()))
            .cloned()
            .unwrap_or_else(|| "0".to_owned())
    }

    /// A field of the forecast or its settings.
    pub fn field(&self, name: &str) -> String {
        self.fields
            .get(name)
            .cloned()
            .unwrap_or_else(|| "0".to_owned())
    }
}

/// The lists of the forecast, in the editor's order.
const FORECAST_LISTS: [ListKind; 8] = [
    ListKind::Contracts,
    ListKind::Income,
    ListKind::Grants,
    ListKind::Equity,
    ListKind::Loans,
    ListKind::Facilities,
    ListKind::Staff,
    ListKind::Costs,
];

/// A field's cell type, from its name and its value in the file.
enum Kind {
    Money,
    Percent,
    Month,
    Date,
    Number,
    Text,
}

fn kind(field: &str, value: &str) -> Kind {
    let last = field.rsplit('.').next().unwrap_or(field);
    let is_decimal = Decimal::from_str(value).is_ok();
    let shape = |pattern: &[u8]| {
        value.len() == pattern.len()
            && value.bytes().zip(pattern).all(|(b, p)| {
                if *p == b'9' {
                    b.is_ascii_digit()
                } else {
                    b == *p
                }
            })
    };
    if last.ends_with("percent") && is_decimal {
        Kind::Percent
    } else if shape(b"9999-99") {
        Kind::Month
    } else if shape(b"9999-99-99") {
        Kind::Date
    } else if is_decimal && last != "fte" && value.split('.').nth(1).is_some_and(|d| d.len() == 2) {
        // The file writes every amount of money with two decimals, and nothing else so.
        Kind::Money
    } else if is_decimal {
        Kind::Number
    } else {
        Kind::Text
    }
}

/// Writes one value as its cell.
fn cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    field: &str,
    value: &Value,
    fm: &Formats,
) -> Result<(), XlsxError> {
    match value {
        Value::Null => {}
        Value::Bool(b) => {
            ws.write_string(row, col, if *b { "yes" } else { "no" })?;
        }
        Value::Number(n) => {
            ws.write_number_with_format(row, col, n.as_f64().unwrap_or_default(), &fm.number)?;
        }
        Value::String(s) => match kind(field, s) {
            Kind::Percent => {
                let d = Decimal::from_str(s).unwrap_or_default() / Decimal::ONE_HUNDRED;
                ws.write_number_with_format(row, col, layout::number(d), &fm.percent)?;
            }
            Kind::Money => {
                let d = Decimal::from_str(s).unwrap_or_default();
                ws.write_number_with_format(row, col, layout::number(d), &fm.money)?;
            }
            Kind::Number => {
                let d = Decimal::from_str(s).unwrap_or_default();
                ws.write_number_with_format(row, col, layout::number(d), &fm.number)?;
            }
            Kind::Month => {
                let (y, m) = (&s[..4], &s[5..7]);
                let d = rust_xlsxwriter::ExcelDateTime::from_ymd(
                    y.parse().unwrap_or(1900),
                    m.parse().unwrap_or(1),
                    1,
                )?;
                ws.write_datetime_with_format(row, col, &d, &fm.month)?;
            }
            Kind::Date => {
                let d = rust_xlsxwriter::ExcelDateTime::parse_from_str(s)?;
                ws.write_datetime_with_format(row, col, &d, &fm.date)?;
            }
            Kind::Text => {
                ws.write_string(row, col, s)?;
            }
        },
        other => {
            ws.write_string(row, col, other.to_string())?;
        }
    }
    Ok(())
}

/// An item's fields as dotted names and values, nested objects flattened.
fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let name = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&name, v, out);
            }
        }
        _ => out.push((prefix.to_owned(), value.clone())),
    }
}

/// Writes the Inputs sheet and says where each input is.
pub fn write(ws: &mut Worksheet, plan: &Plan, fm: &Formats) -> Result<Refs, XlsxError> {
    let mut refs = Refs::default();
    let file = serde_json::to_value(&plan.forecast).unwrap_or_default();
    ws.write_string_with_format(
        0,
        0,
        "Inputs: the forecast's settings and every item of its lists, one row each",
        &fm.title,
    )?;
    ws.set_column_width(0, 34)?;
    ws.set_column_width(1, 16)?;
    ws.set_column_width(2, 12)?;
    let mut row = 2;

    // The forecast's own fields, then its settings: one row each, band lists a row per band.
    ws.write_string_with_format(row, 0, "Forecast and settings", &fm.section)?;
    row += 1;
    for (c, h) in ["Field", "Value", "Rate"].iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &fm.header)?;
    }
    row += 1;
    let mut fields: Vec<(String, Value)> = ["start", "months", "opening_cash"]
        .iter()
        .map(|k| ((*k).to_owned(), file[*k].clone()))
        .collect();
    if let Value::Object(settings) = &file["settings"] {
        fields.extend(settings.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    for (name, value) in fields {
        match value {
            Value::Array(bands) => {
                for (i, band) in bands.iter().enumerate() {
                    ws.write_string(row, 0, format!("{name} {}", i + 1))?;
                    match &band["up_to"] {
                        Value::Null => {
                            ws.write_string(row, 1, "no limit")?;
                        }
                        v => cell(ws, row, 1, "up_to", v, fm)?,
                    }
                    cell(ws, row, 2, "percent", &band["percent"], fm)?;
                    row += 1;
                }
            }
            v => {
                ws.write_string(row, 0, &name)?;
                cell(ws, row, 1, &name, &v, fm)?;
                refs.fields.insert(name.clone(), layout::on(INPUTS, row, 1));
                row += 1;
            }
        }
    }

    for kind in FORECAST_LISTS {
        let Some(def) = LISTS.iter().find(|d| d.kind == kind) else {
            continue;
        };
        let key = def.path.rsplit('.').next().unwrap_or(def.path);
        let items = file[key].as_array().cloned().unwrap_or_default();
        row += 1;
        ws.write_string_with_format(
            row,
            0,
            format!(
                "{} ({})",
                def.noun,
                crate::words::format::count(items.len(), "item", "items")
            ),
            &fm.section,
        )?;
        row += 1;
        let flat: Vec<Vec<(String, Value)>> = items
            .iter()
            .map(|item| {
                let mut out = Vec::new();
                flatten("", item, &mut out);
                out
            })
            .collect();
        // Columns: every field any item has, in the order first met; an object that is absent
        // in one item (`"pbr": null`) is the blank cells of its fields.
        let mut columns: Vec<String> = Vec::new();
        for (name, _) in flat.iter().flatten() {
            if !columns.contains(name) {
                columns.push(name.clone());
            }
        }
        let parents: Vec<String> = columns
            .iter()
            .filter(|c| columns.iter().any(|o| o.starts_with(&format!("{c}."))))
            .cloned()
            .collect();
        columns.retain(|c| !parents.contains(c));
        for (c, name) in columns.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, name, &fm.header)?;
        }
        row += 1;
        for item in &flat {
            let id = item
                .iter()
                .find(|(k, _)| k == "id")
                .and_then(|(_, v)| v.as_str())
                .unwrap_or_default()
                .to_owned();
            for (c, name) in columns.iter().enumerate() {
                let col = c as u16;
                if let Some((_, v)) = item.iter().find(|(k, _)| k == name) {
                    cell(ws, row, col, name, v, fm)?;
                }
                refs.items.insert(
                    (key.to_owned(), id.clone(), name.clone()),
                    layout::on(INPUTS, row, col),
                );
            }
            row += 1;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(refs)
}
