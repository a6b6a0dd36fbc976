//! Mutual Plan's desktop app: a window over the core.
//!
//! `mutual-plan-app [FILE.mutualplan | --sample | --portfolio FOLDER | --version]`: with no
//! file, or `--sample`, it opens the bundled sample plan as an unsaved copy; `--portfolio FOLDER`
//! also shows the portfolio of the plans in the folder, as File → Open Folder as Portfolio does;
//! `--version` prints the version and exits without opening a window. Each launch is a window
//! of its own (the file manager starts one per plan double-clicked).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
#[cfg(target_os = "linux")]
mod crash;
mod error;
mod ipc;
mod menu;
mod paths;
mod user_config;

use crate::user_config::UserConfig;
use commands::{AppState, StartupFile};
use mutual_plan::checks::criteria::Criteria;
use mutual_plan::storage::Storage;
use std::io::Write;
use std::path::PathBuf;
use tauri::Emitter;

fn startup_file() -> StartupFile {
    let mut args = std::env::args_os().skip(1).filter(|a| a != "--sample");
    match args.next() {
        Some(a) if a == "--portfolio" => args.next().map_or(StartupFile::Sample, |dir| {
            StartupFile::Portfolio(absolute(dir.into()))
        }),
        Some(path) => StartupFile::Path(absolute(path.into())),
        None => StartupFile::Sample,
    }
}

/// `path` from the folder the app was started in, so that recent files and the window's
/// checks of chosen paths see one spelling of it.
fn absolute(path: PathBuf) -> PathBuf {
    std::path::absolute(&path).unwrap_or(path)
}

/// On Linux, WebKitGTK draws the page without its compositing layers unless the user chose
/// otherwise: a form-filling window needs none, and they cost the page's process about 90 MiB
/// (its memory falls from 273 to 181 MiB with the sample open). Set before any thread starts.
fn draw_without_compositing() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
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
    if std::env::args_os().skip(1).any(|a| a == "--version") {
        let _ = writeln!(
            std::io::stdout(),
            "mutual-plan-app {}",
            env!("CARGO_PKG_VERSION")
        );
        return;
    }
    draw_without_compositing();
    let (config_dir, user) = user_config();
    let startup = startup_file();
    // What the user chose before the window opened: the file or folder they started it with,
    // and their recent files.
    let gate = paths::PathGate::default();
    match &startup {
        StartupFile::Path(p) => gate.allow(p),
        StartupFile::Portfolio(dir) => gate.allow_folder(dir),
        StartupFile::Sample => {}
    }
    for p in &user.recent {
        gate.allow(p);
    }
    let recent = user.recent.clone();
    // The window's size and position are kept here too, so the folder must exist.
    let _ = std::fs::create_dir_all(&config_dir);
    let window_state = tauri_plugin_window_state::Builder::default()
        // Beside the user's other settings (an absolute name replaces the plugin's folder).
        .with_filename(config_dir.join("window-state.json").to_string_lossy())
        .build();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(window_state)
        .manage(AppState {
            storage: storage(),
            criteria: Criteria::bundled(),
            open: Default::default(),
            startup,
            config_dir,
            user: user.into(),
            gate,
            last_printed: Default::default(),
            editing: Default::default(),
            crashes: Default::default(),
            crashed: Default::default(),
        })
        .setup(move |app| {
            app.set_menu(menu::build(app, &recent)?)?;
            #[cfg(target_os = "linux")]
            crash::watch(app)?;
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
            commands::start_after_spin_out,
            commands::check_plan,
            commands::forecast_view,
            commands::explain_cell,
            commands::save_plan,
            commands::save_plan_as,
            commands::autosave,
            commands::answer_recovery,
            commands::compare_recovery,
            commands::unsaved_recoveries,
            commands::restore_unsaved,
            commands::discard_unsaved,
            commands::reopen,
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
            commands::choose_plan_to_open,
            commands::choose_folder,
            commands::choose_where_to_save,
            commands::open_printed,
            commands::forget_recent,
            commands::backup_offer,
            commands::restore_backup,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Mutual Plan could not start: {e}");
            std::process::exit(1);
        });
}
