//! The app itself: its plugins, state, menu and commands, on any Tauri runtime — the desktop's
//! in `main`, the mock runtime in the tests that call the commands through IPC.

use crate::commands::{self, state::AppState};
use crate::menu;
use tauri::{App, Builder, Context, Emitter, Runtime};

/// The app built on `builder` with `context` and `state`, not yet running.
pub fn build_app<R: Runtime>(
    builder: Builder<R>,
    context: Context<R>,
    state: AppState,
) -> tauri::Result<App<R>> {
    let recent = state.user().recent;
    // The window's size and position are kept here too, so the folder must exist.
    let _ = std::fs::create_dir_all(&state.config_dir);
    let window_state = tauri_plugin_window_state::Builder::default()
        // Beside the user's other settings (an absolute name replaces the plugin's folder).
        .with_filename(state.config_dir.join("window-state.json").to_string_lossy())
        .build();
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(window_state)
        .manage(state)
        .setup(move |app| {
            app.set_menu(menu::build(app, &recent)?)?;
            #[cfg(target_os = "linux")]
            crate::crash::watch(app)?;
            Ok(())
        })
        // Menu choices go to the window, which owns the open plan and its unsaved-changes guard.
        .on_menu_event(|app, event| {
            let _ = app.emit_to("main", "menu", event.id().0.as_str());
        })
        .invoke_handler(commands::handler())
        .build(context)
}

/// Builds the app and runs it until its window closes.
pub fn run_app<R: Runtime>(
    builder: Builder<R>,
    context: Context<R>,
    state: AppState,
) -> tauri::Result<()> {
    build_app(builder, context, state)?.run(|_, _| {});
    Ok(())
}

#[cfg(test)]
mod tests;
