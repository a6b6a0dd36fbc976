//! The window's menu bar: File (with Open Recent), Edit (undo, redo and the clipboard) and
//! Review (review mode, the Review list, who you are).
//! Choices go to the window as `menu` events carrying the item's id; a recent file's id is
//! `recent:N`, N its place in the user's recent files.

use std::path::{Path, PathBuf};
use tauri::menu::{
    Menu, MenuBuilder, MenuItem, MenuItemBuilder, MenuItemKind, Submenu, SubmenuBuilder,
};
use tauri::{AppHandle, Manager, Runtime};

/// The id of File → Open Recent.
const OPEN_RECENT: &str = "open_recent";

/// Builds the menu bar, with `recent` under File → Open Recent.
pub fn build<R: Runtime, M: Manager<R>>(app: &M, recent: &[PathBuf]) -> tauri::Result<Menu<R>> {
    let item = |id: &str, label: &str, accel: &str| {
        let b = MenuItemBuilder::with_id(id, label);
        // An item without a shortcut has no accelerator.
        if accel.is_empty() {
            b
        } else {
            b.accelerator(accel)
        }
        .build(app)
    };
    let open_recent = SubmenuBuilder::with_id(app, OPEN_RECENT, "Open Recent").build()?;
    fill_recent(app, &open_recent, recent)?;
    let file = SubmenuBuilder::with_id(app, "file", "File")
        .item(&item("new", "New…", "CmdOrCtrl+N")?)
        .item(&item("open", "Open…", "CmdOrCtrl+O")?)
        .item(&open_recent)
        .item(&item(
            "open_portfolio",
            "Open Folder as Portfolio…",
            "CmdOrCtrl+Shift+O",
        )?)
        .item(&item("compare", "Compare with…", "")?)
        .separator()
        .item(&item("save", "Save", "CmdOrCtrl+S")?)
        .item(&item("save_as", "Save As…", "CmdOrCtrl+Shift+S")?)
        .separator()
        .item(&item("print_pdf", "Print to PDF…", "CmdOrCtrl+P")?)
        .item(&item("export_xlsx", "Export to Excel…", "")?)
        .separator()
        .item(&item("quit", "Quit", "CmdOrCtrl+Q")?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item("undo", "Undo", "CmdOrCtrl+Z")?)
        .item(&item("redo", "Redo", "CmdOrCtrl+Shift+Z")?)
        .item(&item("redo_y", "Redo", "CmdOrCtrl+Y")?)
        .separator()
        .cut()
        .copy()
        .paste()
        .separator()
        .select_all()
        .build()?;
    let review = SubmenuBuilder::new(app, "Review")
        .item(&item("review_mode", "Review Mode", "CmdOrCtrl+Shift+R")?)
        .item(&item("review_list", "Review List", "")?)
        .separator()
        .item(&item("identity", "Who You Are…", "")?)
        .build()?;
    MenuBuilder::new(app)
        .items(&[&file, &edit, &review])
        .build()
}

/// A recent file as the menu shows it: its name, then its folder.
fn label(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy());
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => format!("{name} — {}", dir.display()),
        _ => name.into_owned(),
    }
}

fn fill_recent<R: Runtime, M: Manager<R>>(
    app: &M,
    menu: &Submenu<R>,
    recent: &[PathBuf],
) -> tauri::Result<()> {
    for old in menu.items()? {
        menu.remove(&old)?;
    }
    if recent.is_empty() {
        let none = MenuItem::with_id(app, "recent_none", "No recent plans", false, None::<&str>)?;
        return menu.append(&none);
    }
    for (i, path) in recent.iter().enumerate() {
        let entry = MenuItem::with_id(app, format!("recent:{i}"), label(path), true, None::<&str>)?;
        menu.append(&entry)?;
    }
    Ok(())
}

/// Shows `recent` under File → Open Recent (after a plan is opened or saved, or one vanished).
pub fn set_recent<R: Runtime>(app: &AppHandle<R>, recent: &[PathBuf]) {
    let submenu = app
        .menu()
        .and_then(|m| m.get("file"))
        .and_then(|f| match f {
            MenuItemKind::Submenu(f) => f.get(OPEN_RECENT),
            _ => None,
        });
    if let Some(MenuItemKind::Submenu(menu)) = submenu {
        if let Err(e) = fill_recent(app, &menu, recent) {
            eprintln!("Mutual Plan: the recent files could not be shown in the menu: {e}");
        }
    }
}
