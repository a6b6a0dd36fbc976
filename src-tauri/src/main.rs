//! Mutual Plan's desktop app: a window over the core.
//!
//! `mutual-plan-app [FILE.mutualplan | --sample | --portfolio FOLDER | --version]`: with no
//! file, or `--sample`, it opens the bundled sample plan as an unsaved copy; `--portfolio FOLDER`
//! also shows the portfolio of the plans in the folder, as File → Open Folder as Portfolio does;
//! `--version` prints the version and exits without opening a window. Each launch is a window
//! of its own (the file manager starts one per plan double-clicked).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod app;
mod commands;
#[cfg(target_os = "linux")]
mod crash;
mod error;
mod ipc;
mod menu;
mod paths;
mod user_config;
mod webview;

use crate::commands::state::{AppState, StartupFile};
use crate::user_config::UserConfig;
use mutual_plan::storage::Storage;
use std::io::Write;
use std::path::PathBuf;

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
    if !webview::available() {
        std::process::exit(1);
    }
    draw_without_compositing();
    let (config_dir, user) = user_config();
    let state = AppState::new(storage(), startup_file(), config_dir, user);
    app::run_app(tauri::Builder::default(), tauri::generate_context!(), state).unwrap_or_else(
        |e| {
            eprintln!("Mutual Plan could not start: {e}");
            std::process::exit(1);
        },
    );
}
