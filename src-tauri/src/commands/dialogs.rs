//! The desktop's own file dialogs. A file or folder chosen in one joins the files the window may
//! use (`PathGate`); the page never names a file the user did not pick.

use super::state::AppState;
use crate::ipc::SaveKind;
use mutual_plan::model::plan_file;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

/// The extension of plan files.
const PLAN_EXTENSION: &str = "mutualplan";

/// Asks the user, in the desktop's own dialog, for a plan file to open (or compare, as `title`
/// says); the file chosen may then be read. `None` when they cancel.
#[tauri::command(async)]
pub fn choose_plan_to_open<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    title: Option<String>,
) -> Option<String> {
    let mut dialog = app
        .dialog()
        .file()
        .add_filter("Mutual Plan", &[PLAN_EXTENSION]);
    if let Some(title) = title {
        dialog = dialog.set_title(title);
    }
    let path = dialog.blocking_pick_file()?.into_path().ok()?;
    state.gate.allow(&path);
    Some(path.to_string_lossy().into_owned())
}

/// Asks the user for a folder of plans to show as a portfolio; `None` when they cancel.
#[tauri::command(async)]
pub fn choose_folder<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Option<String> {
    let path = app
        .dialog()
        .file()
        .set_title("Open Folder as Portfolio")
        .blocking_pick_folder()?
        .into_path()
        .ok()?;
    state.gate.allow_folder(&path);
    Some(path.to_string_lossy().into_owned())
}

/// Asks the user where to save the plan (`kind` plan), its printout (`kind` pdf) or its workbook
/// (`kind` xlsx), suggesting a
/// name made from the plan; the file chosen may then be written. `None` when they cancel.
#[tauri::command(async)]
pub fn choose_where_to_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    plan: serde_json::Value,
    kind: SaveKind,
) -> Option<String> {
    let plan = plan_file::plan_from_value(&plan).ok();
    let (filter, extension, name) = match kind {
        SaveKind::Plan => (
            "Mutual Plan",
            PLAN_EXTENSION,
            plan.as_ref()
                .map_or("plan".into(), |p| p.organisation.name.clone()),
        ),
        SaveKind::Pdf => (
            "PDF",
            "pdf",
            plan.as_ref().map_or("plan".into(), |p| {
                format!("{} revision {}", p.title, p.revision)
            }),
        ),
        SaveKind::Xlsx => (
            "Excel workbook",
            "xlsx",
            plan.as_ref().map_or("plan".into(), |p| {
                format!("{} revision {}", p.title, p.revision)
            }),
        ),
    };
    let name = if name.trim().is_empty() {
        "plan".to_owned()
    } else {
        name.trim().to_owned()
    };
    let path = app
        .dialog()
        .file()
        .add_filter(filter, &[extension])
        .set_file_name(format!("{}.{extension}", file_name_safe(&name)))
        .blocking_save_file()?
        .into_path()
        .ok()?;
    state.gate.allow(&path);
    Some(path.to_string_lossy().into_owned())
}

/// `name` as a file name Windows, macOS and Linux all accept, reading as the name did: a colon
/// or bar becomes a spaced dash ("Northfield Reablement: business plan" → "Northfield
/// Reablement - business plan"), a slash a hyphen ("2027/28" → "2027-28"), a straight double
/// quote a single one; `*?<>` are left out, and runs of spaces and control characters become one
/// space, with none (and no dot) at the end.
fn file_name_safe(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            ':' | '|' => {
                out.truncate(out.trim_end().len());
                out.push_str(" - ");
            }
            '\\' | '/' => out.push('-'),
            '"' => out.push('\''),
            '*' | '?' | '<' | '>' => {}
            c if c.is_control() || c.is_whitespace() => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    let name = out.trim().trim_end_matches(['.', ' ', '-']).trim_end();
    if name.is_empty() {
        "plan".to_owned()
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggested_file_name_reads_as_the_title_does() {
        assert_eq!(
            file_name_safe("Northfield Reablement: business plan revision 3"),
            "Northfield Reablement - business plan revision 3"
        );
        assert_eq!(file_name_safe("Plan 2027/28"), "Plan 2027-28");
        assert_eq!(
            file_name_safe("The \"Better care\" plan | draft?"),
            "The 'Better care' plan - draft"
        );
        assert_eq!(
            file_name_safe("Two\nlines\tand  spaces."),
            "Two lines and spaces"
        );
        assert_eq!(file_name_safe("???"), "plan");
    }
}
