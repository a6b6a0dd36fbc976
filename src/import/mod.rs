//! Importing a staff list or a budget from a spreadsheet (`docs/spreadsheets.md`): the table read
//! from `.csv` or `.xlsx`, each column's field guessed from its heading, and every row previewed
//! as the item it would become, each cell read as a typed field reads it, with the message of each
//! cell refused. Nothing changes a plan until [`apply`] is given a preview with no refusal.
//!
//! Pure: the file's bytes come in, the preview and the plan with its new items go out.

mod error;
mod table;

use crate::model::catalogue::ListKind;
use crate::model::new_plan::{new_item, suggested_pension_percent, unique_id};
use crate::model::plan::{CostFrequency, PensionScheme, Plan};
use crate::words::input::{read_typed, InputKind};
use crate::words::labels;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

pub use error::ImportError;
pub use table::{read_table, Table, MAX_BYTES};

/// What is imported: staff lines or cost lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ImportTarget")]
pub enum Target {
    Staff,
    Costs,
}

impl Target {
    fn list(self) -> ListKind {
        match self {
            Target::Staff => ListKind::Staff,
            Target::Costs => ListKind::Costs,
        }
    }
    fn key(self) -> &'static str {
        match self {
            Target::Staff => "staff",
            Target::Costs => "costs",
        }
    }
    /// The fields a column can be, in the order the preview lists them.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Target::Staff => &STAFF,
            Target::Costs => &COSTS,
        }
    }
}

/// How a field's cells are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Text,
    Typed(InputKind),
    Pension,
    Category,
    Frequency,
}

/// A field a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The field's name, as `--map` and the file format name it: `annual_salary`.
    pub key: &'static str,
    /// Its words: "Salary (a year)".
    pub label: &'static str,
    reading: Reading,
    /// Headings that mean it, in lower case with punctuation as spaces: whole headings first.
    headings: &'static [&'static str],
}

/// When a staff or cost line starts and ends: a month, or a date in it.
const START: Field = Field {
    key: "start",
    label: "Start",
    reading: Reading::Typed(InputKind::Month),
    headings: &["start", "start date", "from", "starts"],
};
const END: Field = Field {
    key: "end",
    label: "End",
    reading: Reading::Typed(InputKind::Month),
    headings: &["end", "end date", "to", "until", "ends", "leaving date"],
};

const STAFF: [Field; 7] = [
    Field {
        key: "role",
        label: "Role",
        reading: Reading::Text,
        headings: &[
            "role",
            "job title",
            "post",
            "post title",
            "position",
            "job",
            "title",
            "job role",
        ],
    },
    Field {
        key: "fte",
        label: "FTE",
        reading: Reading::Typed(InputKind::Fte),
        headings: &[
            "fte",
            "wte",
            "full time equivalent",
            "whole time equivalent",
            "hours fte",
        ],
    },
    Field {
        key: "headcount",
        label: "Headcount",
        reading: Reading::Typed(InputKind::Count),
        headings: &[
            "headcount",
            "head count",
            "people",
            "number of staff",
            "no of staff",
            "number of people",
        ],
    },
    Field {
        key: "annual_salary",
        label: "Salary (a year)",
        reading: Reading::Typed(InputKind::Money),
        headings: &[
            "salary",
            "annual salary",
            "basic salary",
            "pay",
            "basic pay",
            "salary per year",
            "annual pay",
            "salary fte",
        ],
    },
    START,
    END,
    Field {
        key: "pension.scheme",
        label: "Pension scheme",
        reading: Reading::Pension,
        headings: &["pension scheme", "pension", "scheme"],
    },
];

const COSTS: [Field; 6] = [
    Field {
        key: "name",
        label: "Cost",
        reading: Reading::Text,
        headings: &[
            "name",
            "cost",
            "description",
            "item",
            "budget line",
            "cost name",
            "line",
            "expense",
        ],
    },
    Field {
        key: "category",
        label: "Category",
        reading: Reading::Category,
        headings: &[
            "category",
            "type",
            "cost type",
            "heading",
            "cost category",
            "subjective",
        ],
    },
    Field {
        key: "amount",
        label: "Amount",
        reading: Reading::Typed(InputKind::Money),
        headings: &[
            "amount",
            "budget",
            "value",
            "annual budget",
            "cost amount",
            "total",
            "£",
        ],
    },
    Field {
        key: "frequency",
        label: "How often",
        reading: Reading::Frequency,
        headings: &["frequency", "how often", "period", "per"],
    },
    START,
    END,
];

/// A heading in lower case, each run of anything but letters, digits and `£` one space.
fn normal(heading: &str) -> String {
    heading
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '£'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each column's field guessed from its heading (`None`: not imported). A whole heading that
/// means a field wins over one that only contains such a word; each field goes to one column.
pub fn guess_mapping(target: Target, headings: &[String]) -> Vec<Option<&'static str>> {
    let normals: Vec<String> = headings.iter().map(|h| normal(h)).collect();
    let mut mapping = vec![None; headings.len()];
    for whole in [true, false] {
        for field in target.fields() {
            if mapping.contains(&Some(field.key)) {
                continue;
            }
            let found = normals.iter().enumerate().position(|(i, h)| {
                mapping[i].is_none()
                    && !h.is_empty()
                    && field.headings.iter().any(|want| {
                        if whole {
                            h == want
                        } else {
                            want.len() > 2 && h.split(' ').any(|w| w == *want)
                        }
                    })
            });
            if let Some(i) = found {
                mapping[i] = Some(field.key);
            }
        }
    }
    mapping
}

/// A mapping from `column=field` pairs (`--map "Job title=role"`) over the guessed one; a field
/// given to a column is taken from any other, and `column=` leaves a column out.
pub fn mapping_from(
    target: Target,
    table: &Table,
    pairs: &[(String, String)],
) -> Result<Vec<Option<&'static str>>, ImportError> {
    let mut mapping = guess_mapping(target, &table.headings);
    for (column, field) in pairs {
        let i = table
            .headings
            .iter()
            .position(|h| normal(h) == normal(column))
            .ok_or_else(|| ImportError::NoSuchColumn(column.clone()))?;
        if field.trim().is_empty() {
            mapping[i] = None;
            continue;
        }
        let f = target
            .fields()
            .iter()
            .find(|f| f.key == field.trim())
            .ok_or_else(|| ImportError::NoSuchField {
                field: field.clone(),
                fields: target
                    .fields()
                    .iter()
                    .map(|f| f.key)
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
        for m in mapping.iter_mut() {
            if *m == Some(f.key) {
                *m = None;
            }
        }
        mapping[i] = Some(f.key);
    }
    Ok(mapping)
}

/// One cell of a previewed row.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PreviewCell {
    /// The field it fills.
    pub field: String,
    /// The cell as the file has it.
    pub text: String,
    /// The value as a field shows it (`£24,500.00`, `April 2027`), when it was read.
    pub shown: Option<String>,
    /// Why it was refused: the message a typed field gives.
    pub error: Option<String>,
}

/// A row of the file as it would be imported.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PreviewRow {
    /// The row's number in the file, from 1, as a spreadsheet numbers it.
    pub row: u32,
    /// The id the new item gets, made from its name.
    pub id: String,
    pub cells: Vec<PreviewCell>,
    /// The new item, as the file would hold it.
    #[ts(type = "unknown")]
    pub item: Value,
}

/// Every row of a file as it would be imported.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Preview {
    pub target: Target,
    pub rows: Vec<PreviewRow>,
    /// How many cells were refused.
    pub refused: u32,
}

/// Reads one cell for a field: the value the item's field takes, and the words to show.
fn read_cell(reading: Reading, text: &str) -> Result<(Value, String), String> {
    let t = text.trim();
    match reading {
        Reading::Text => {
            if t.is_empty() {
                Err("this field needs a value".into())
            } else {
                Ok((Value::String(t.to_owned()), t.to_owned()))
            }
        }
        Reading::Typed(InputKind::Month) => {
            // A date in a month's column (`01/04/2027`) stands for its month.
            let typed = read_typed(InputKind::Month, t).or_else(|month_error| {
                read_typed(InputKind::Date, t)
                    .ok()
                    .and_then(|d| read_typed(InputKind::Month, &d.value[..7]).ok())
                    .ok_or(month_error)
            })?;
            Ok((Value::String(typed.value), typed.shown))
        }
        Reading::Typed(kind) => {
            let typed = read_typed(kind, t)?;
            let value = match kind {
                InputKind::Count => typed
                    .value
                    .parse::<u64>()
                    .map(Value::from)
                    .unwrap_or(Value::String(typed.value)),
                _ => Value::String(typed.value),
            };
            Ok((value, typed.shown))
        }
        Reading::Pension => {
            let schemes = labels::choices().pension_schemes;
            let n = normal(t);
            let value = named(&schemes, &n)
                .or(match n.as_str() {
                    "nhs pension" | "nhsps" => Some("nhs"),
                    "local government" => Some("lgps"),
                    "civil service" | "alpha" => Some("civil_service"),
                    "dc" | "workplace pension" | "nest" | "auto enrolment" => {
                        Some("defined_contribution")
                    }
                    "no pension" | "" => Some("none"),
                    _ => None,
                })
                .ok_or_else(|| {
                    format!("\u{201c}{t}\u{201d} is not a pension scheme: write NHS, LGPS, Civil Service, defined contribution or none")
                })?;
            chosen(&schemes, value)
        }
        Reading::Category => {
            let categories = labels::choices().cost_categories;
            let n = normal(t);
            let value = named(&categories, &n)
                .or(match n.as_str() {
                    "rent" | "rates" | "estates" | "accommodation" | "buildings" | "utilities" => {
                        Some("premises")
                    }
                    "ict" | "technology" | "software" | "computers" => Some("it"),
                    "legal" | "audit" | "accountancy" | "consultancy" => Some("professional_fees"),
                    "supplies" | "drugs" | "consumables" | "medical supplies" => {
                        Some("clinical_supplies")
                    }
                    "" => Some("other"),
                    _ => None,
                })
                .ok_or_else(|| {
                    format!(
                        "\u{201c}{t}\u{201d} is not a cost category: write one of {}",
                        categories
                            .iter()
                            .map(|c| c.label.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })?;
            chosen(&categories, value)
        }
        Reading::Frequency => {
            let frequency = match normal(t).as_str() {
                "monthly" | "month" | "a month" | "per month" | "pm" | "" => CostFrequency::Monthly,
                "annual" | "annually" | "yearly" | "year" | "a year" | "per year" | "per annum"
                | "pa" => CostFrequency::Annual,
                "one off" | "once" | "oneoff" | "one time" => CostFrequency::OneOff,
                "capital" => CostFrequency::Capital,
                _ => {
                    return Err(format!(
                        "\u{201c}{t}\u{201d} is not how often a cost falls due: write monthly, annual, one-off or capital"
                    ))
                }
            };
            Ok((
                serde_json::to_value(frequency).unwrap_or_default(),
                labels::cost_frequency(frequency).to_owned(),
            ))
        }
    }
}

/// The value of the option a cell names, by its words (`NHS Pension Scheme`, or just the start
/// of them, `NHS`) or its value in the file (`lgps`), as normalised by [`normal`].
fn named<'a>(options: &'a [labels::Choice], n: &str) -> Option<&'a str> {
    options
        .iter()
        .find(|o| {
            let words = normal(&o.label);
            n == words || n == normal(&o.value) || (n.len() > 2 && words.starts_with(n))
        })
        .map(|o| o.value.as_str())
}

/// An option's value for the file and its words to show.
fn chosen(options: &[labels::Choice], value: &str) -> Result<(Value, String), String> {
    let o = options
        .iter()
        .find(|o| o.value == value)
        .ok_or_else(|| format!("\u{201c}{value}\u{201d} is not one of the options"))?;
    Ok((Value::String(o.value.clone()), o.label.clone()))
}

/// Sets a dotted field of an item.
fn set(item: &mut Value, key: &str, value: Value) {
    let mut at = item;
    let mut parts = key.split('.').peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            at[part] = value;
            return;
        }
        at = &mut at[part];
    }
}

/// Every row of `table` as it would be imported into `plan` with `mapping` (a field, or none,
/// for each column). Rows are appended after the plan's items, each with an id made from its
/// name that collides with no other.
pub fn preview(
    plan: &Plan,
    target: Target,
    table: &Table,
    mapping: &[Option<&'static str>],
) -> Preview {
    let name_field = match target {
        Target::Staff => "role",
        Target::Costs => "name",
    };
    // Ids taken: the list's own and those given to the rows before.
    let mut taken: Vec<String> = match target {
        Target::Staff => plan
            .forecast
            .staff
            .iter()
            .map(|s| s.id.to_string())
            .collect(),
        Target::Costs => plan
            .forecast
            .costs
            .iter()
            .map(|c| c.id.to_string())
            .collect(),
    };
    let mut rows = Vec::new();
    let mut refused = 0;
    for (number, cells) in &table.rows {
        let at = |key: &str| {
            mapping
                .iter()
                .position(|m| *m == Some(key))
                .map(|i| cells.get(i).cloned().unwrap_or_default())
        };
        let name = at(name_field).unwrap_or_default();
        let mut item = new_item(plan, target.list(), name.trim());
        let id = unique_id(
            if name.trim().is_empty() {
                target.key()
            } else {
                name.trim()
            },
            &taken,
        );
        taken.push(id.clone());
        item["id"] = Value::String(id);
        let mut shown = Vec::new();
        for field in target.fields() {
            let Some(text) = at(field.key) else { continue };
            // An empty optional cell keeps the default (no end, no headcount).
            let optional = matches!(
                field.key,
                "end" | "headcount" | "pension.scheme" | "category" | "frequency" | "start"
            );
            if text.trim().is_empty() && optional {
                shown.push(PreviewCell {
                    field: field.key.into(),
                    text,
                    shown: Some(String::new()),
                    error: None,
                });
                continue;
            }
            match read_cell(field.reading, &text) {
                Ok((value, words)) => {
                    if field.key == "pension.scheme" {
                        if let Ok(scheme) = serde_json::from_value::<PensionScheme>(value.clone()) {
                            set(
                                &mut item,
                                "pension.employer_percent",
                                serde_json::to_value(suggested_pension_percent(scheme))
                                    .unwrap_or_default(),
                            );
                        }
                    }
                    set(&mut item, field.key, value);
                    shown.push(PreviewCell {
                        field: field.key.into(),
                        text,
                        shown: Some(words),
                        error: None,
                    });
                }
                Err(message) => {
                    refused += 1;
                    shown.push(PreviewCell {
                        field: field.key.into(),
                        text,
                        shown: None,
                        error: Some(message),
                    });
                }
            }
        }
        rows.push(PreviewRow {
            row: *number,
            id: item["id"].as_str().unwrap_or_default().to_owned(),
            cells: shown,
            item,
        });
    }
    Preview {
        target,
        rows,
        refused,
    }
}

/// The plan (as the file holds it) with the preview's rows appended to its list; `None` when a
/// cell was refused, so that nothing is imported half.
pub fn apply(plan: &Value, preview: &Preview) -> Option<Value> {
    if preview.refused > 0 {
        return None;
    }
    let mut out = plan.clone();
    let list = out["forecast"][preview.target.key()].as_array_mut()?;
    list.extend(preview.rows.iter().map(|r| r.item.clone()));
    Some(out)
}

/// A field as the window offers it for a column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldView {
    pub key: String,
    pub label: String,
}

/// What the window shows of a file to import: where its table is, each column's field, the
/// fields a column can take, and every row as it would be imported.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportView {
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    pub heading_row: u32,
    pub headings: Vec<String>,
    /// Each column's field key, or none when it is not imported.
    pub mapping: Vec<Option<String>>,
    pub fields: Vec<FieldView>,
    pub preview: Preview,
}

/// The view of `table` imported into `plan`: with `mapping` (a field key or none for each
/// column; an unknown key counts as none) or, without one, the guess from the headings.
pub fn view(
    plan: &Plan,
    target: Target,
    table: &Table,
    mapping: Option<&[Option<String>]>,
) -> ImportView {
    let mapping: Vec<Option<&'static str>> = match mapping {
        None => guess_mapping(target, &table.headings),
        Some(given) => (0..table.headings.len())
            .map(|i| {
                let key = given.get(i).cloned().flatten()?;
                target.fields().iter().find(|f| f.key == key).map(|f| f.key)
            })
            .collect(),
    };
    // A field given to two columns is taken from all but the first.
    let mut seen: Vec<&str> = Vec::new();
    let mapping: Vec<Option<&'static str>> = mapping
        .into_iter()
        .map(|m| match m {
            Some(k) if seen.contains(&k) => None,
            Some(k) => {
                seen.push(k);
                Some(k)
            }
            None => None,
        })
        .collect();
    ImportView {
        sheets: table.sheets.clone(),
        sheet: table.sheet.clone(),
        heading_row: table.heading_row,
        headings: table.headings.clone(),
        mapping: mapping.iter().map(|m| m.map(str::to_owned)).collect(),
        fields: target
            .fields()
            .iter()
            .map(|f| FieldView {
                key: f.key.into(),
                label: f.label.into(),
            })
            .collect(),
        preview: preview(plan, target, table, &mapping),
    }
}
