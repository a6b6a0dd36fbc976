//! What editing a plan needs from the core: the choices of coded fields, values read as typed,
//! the narrative sections, new list items, ids and suggested values.

use crate::error::{ErrorKind, IpcError};
use crate::ipc::SectionPrompt;
use mutual_plan::model::catalogue::ListKind;
use mutual_plan::model::new_plan as core_new;
use mutual_plan::model::plan::{CostFrequency, PensionScheme};
use mutual_plan::model::plan_file;
use mutual_plan::model::sections::SECTIONS;
use mutual_plan::words::input::{read_typed, InputKind, TypedValue};
use mutual_plan::words::labels::{self, Choices};

/// The options and labels of the coded fields.
#[tauri::command]
pub fn choices() -> Choices {
    labels::choices()
}

/// Reads a value as typed into a field (`£1,234.50`, `23.78%`, `1/4/2027`, `April 2027`): the
/// file's form and the words to show, or the message to show beside the field.
#[tauri::command]
pub fn read_input(kind: InputKind, text: String) -> Result<TypedValue, IpcError> {
    read_typed(kind, &text).map_err(|m| IpcError::new(ErrorKind::BadValue, m))
}

/// The words for many stored values at once, each as its field shows it (`1234.50` → `£1,234.50`),
/// or `None` for one the core does not read: the fields of a view word their values in one call
/// rather than one each.
#[tauri::command]
pub fn word_values(values: Vec<(InputKind, String)>) -> Vec<Option<String>> {
    values
        .iter()
        .map(|(kind, text)| read_typed(*kind, text).ok().map(|t| t.shown))
        .collect()
}

/// The narrative sections in the order of the printed plan, with their prompts.
#[tauri::command]
pub fn sections() -> Vec<SectionPrompt> {
    SECTIONS
        .iter()
        .map(|s| SectionPrompt {
            id: s.id.into(),
            title: s.title.into(),
            prompt: s.prompt.into(),
        })
        .collect()
}

/// A new item for one of the plan's lists, with sensible defaults and a fresh id.
#[tauri::command]
pub fn new_item(
    plan: serde_json::Value,
    list: ListKind,
    name: String,
) -> Result<serde_json::Value, IpcError> {
    let plan = plan_file::plan_from_value(&plan)?;
    Ok(core_new::new_item(&plan, list, &name))
}

/// The forecast's start once the spin-out date becomes `date` (the file's form, `2028-01-13`):
/// the new month while the start still follows the spin-out date, or `None` (also for a plan
/// or date in error, which the check reports).
#[tauri::command]
pub fn start_after_spin_out(plan: serde_json::Value, date: String) -> Option<String> {
    let plan = plan_file::plan_from_value(&plan).ok()?;
    let date = date.parse().ok()?;
    core_new::start_after_spin_out(&plan, date).map(|m| m.to_string())
}

/// The employer pension rate suggested for a scheme, in the file's form (`"23.78"`).
#[tauri::command]
pub fn suggested_pension(scheme: PensionScheme) -> String {
    core_new::suggested_pension_percent(scheme).to_string()
}

/// The member's pension rate suggested for a scheme, in the file's form (`"5"`): a rate on a
/// defined contribution scheme, `None` on every other scheme (whose tiers are settings).
#[tauri::command]
pub fn suggested_employee_percent(scheme: PensionScheme) -> Option<String> {
    core_new::suggested_employee_percent(scheme).map(|p| p.to_string())
}

/// The useful life, in months, suggested for a cost of `frequency`: a number for capital
/// spending, `None` for every other cost.
#[tauri::command]
pub fn suggested_useful_life(frequency: CostFrequency) -> Option<u32> {
    core_new::suggested_useful_life(frequency)
}

/// An id made from `name`, unique among `taken` (for a duplicated item).
#[tauri::command]
pub fn unique_id(name: String, taken: Vec<String>) -> String {
    core_new::unique_id(&name, &taken)
}
