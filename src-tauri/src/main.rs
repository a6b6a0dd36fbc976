//! Mutual Plan's desktop app: a window over the core.
//!
//! `mutual-plan-app [FILE.mutualplan | --sample | --portfolio FOLDER]`: with no file, or
//! `--sample`, it opens the bundled sample plan as an unsaved copy; `--portfolio FOLDER` also
//! shows the portfolio of the plans in the folder, as File → Open Folder as Portfolio does.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod ipc;

use commands::{AppState, StartupFile};
use mutual_plan::criteria::Criteria;
use mutual_plan::storage::Storage;
use mutual_plan::user_config::UserConfig;
use tauri::menu::{MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::Emitter;

fn startup_file() -> StartupFile {
    let mut args = std::env::args_os().skip(1).filter(|a| a != "--sample");
    match args.next() {
        Some(a) if a == "--portfolio" => args.next().map_or(StartupFile::Sample, |dir| {
            StartupFile::Portfolio(dir.into())
        }),
        Some(path) => StartupFile::Path(path.into()),
        None => StartupFile::Sample,
    }
}

/// Backups and recovery files go to the per-user data folder, or to `MUTUAL_PLAN_DATA_DIR`
/// (tests and portable installs).
fn storage() -> Storage {
    std::env::var_os("MUTUAL_PLAN_DATA_DIR").map_or_else(Storage::for_user, Storage::new)
}

/// The user's own settings live in the per-user config folder, or in `MUTUAL_PLAN_CONFIG_DIR`
/// (tests and portable installs). Unreadable settings are reported and the defaults used for
/// this session; the file is left as it is until the user changes a setting.
fn user_config() -> (std::path::PathBuf, UserConfig) {
    let dir = std::env::var_os("MUTUAL_PLAN_CONFIG_DIR")
        .map_or_else(UserConfig::dir_for_user, Into::into);
    let config = UserConfig::load(&dir).unwrap_or_else(|e| {
        eprintln!("Mutual Plan: {e}; using the default settings");
        UserConfig::default()
    });
    (dir, config)
}

fn main() {
    let (config_dir, user) = user_config();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState {
            storage: storage(),
            criteria: Criteria::bundled(),
            open: Default::default(),
            startup: startup_file(),
            config_dir,
            user: user.into(),
        })
        .setup(|app| {
            let item = |id: &str, label: &str, accel: &str| {
                let b = MenuItemBuilder::with_id(id, label);
                // An item without a shortcut has an empty accelerator.
                if accel.is_empty() {
                    b
                } else {
                    b.accelerator(accel)
                }
                .build(app)
            };
            let file = SubmenuBuilder::new(app, "File")
                .item(&item("new", "New…", "CmdOrCtrl+N")?)
                .item(&item("open", "Open…", "CmdOrCtrl+O")?)
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
                .separator()
                .item(&item("quit", "Quit", "CmdOrCtrl+Q")?)
                .build()?;
            let edit = SubmenuBuilder::new(app, "Edit")
                .item(&item("undo", "Undo", "CmdOrCtrl+Z")?)
                .item(&item("redo", "Redo", "CmdOrCtrl+Shift+Z")?)
                .item(&item("redo_y", "Redo", "CmdOrCtrl+Y")?)
                .build()?;
            let review = SubmenuBuilder::new(app, "Review")
                .item(&item("review_mode", "Review Mode", "CmdOrCtrl+Shift+R")?)
                .item(&item("review_list", "Review List", "")?)
                .separator()
                .item(&item("identity", "Who You Are…", "")?)
                .build()?;
            app.set_menu(
                MenuBuilder::new(app)
                    .items(&[&file, &edit, &review])
                    .build()?,
            )?;
            Ok(())
        })
        // Menu choices go to the window, which owns the open plan and its unsaved-changes guard.
        .on_menu_event(|app, event| {
            let _ = app.emit_to("main", "menu", event.id().0.as_str());
        })
        .invoke_handler(tauri::generate_handler![
            commands::startup_file,
            commands::startup_portfolio,
            commands::portfolio,
            commands::open_sample,
            commands::choices,
            commands::open_plan,
            commands::new_plan,
            commands::check_plan,
            commands::forecast_view,
            commands::explain_cell,
            commands::save_plan,
            commands::save_plan_as,
            commands::autosave,
            commands::discard_recovery,
            commands::close_plan,
            commands::print_pdf,
            commands::read_input,
            commands::new_item,
            commands::unique_id,
            commands::sections,
            commands::suggested_pension,
            commands::user_config,
            commands::set_identity,
            commands::review_view,
            commands::review_action,
            commands::save_review,
            commands::compare_with,
            commands::compare_on_disk,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Mutual Plan could not start: {e}");
            std::process::exit(1);
        });
}
