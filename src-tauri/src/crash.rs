//! The window's page stopping (WebKit's web process crashed, or the system ended it for its
//! memory). WebKitGTK would otherwise keep showing the page's last frame, frozen, with no word to
//! the user. The shell writes the plan's unsaved changes to the recovery file at once and loads
//! the page again; the page then asks for the plan back (`reopen`) and says what happened.

use crate::commands::state::AppState;
use std::time::Instant;
use tauri::{App, AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
use webkit2gtk::{WebProcessTerminationReason, WebViewExt};

/// Watches the main window's page for its process stopping.
pub fn watch<R: Runtime>(app: &App<R>) -> tauri::Result<()> {
    let Some(window) = app.get_webview_window("main") else {
        return Ok(());
    };
    let handle = app.handle().clone();
    window.with_webview(move |webview| {
        webview
            .inner()
            .connect_web_process_terminated(move |view, reason| {
                stopped(&handle, view, reason);
            });
    })
}

fn stopped<R: Runtime>(
    app: &AppHandle<R>,
    view: &webkit2gtk::WebView,
    reason: WebProcessTerminationReason,
) {
    let why = match reason {
        WebProcessTerminationReason::ExceededMemoryLimit => "it ran out of memory",
        _ => "it crashed",
    };
    let state = app.state::<AppState>();
    if state.page_stopped(Instant::now()) {
        eprintln!("Mutual Plan: the window's page stopped ({why}); loading it again");
        // Loaded again once the signal has been handled, not from inside it.
        let view = view.clone();
        webkit2gtk::glib::idle_add_local_once(move || view.reload());
    } else {
        eprintln!("Mutual Plan: the window's page stopped again ({why}); not loading it again");
        app.dialog()
            .message(format!(
                "The Mutual Plan window keeps stopping ({why}). Your unsaved changes are kept: \
                 close Mutual Plan and start it again, and they will be offered back."
            ))
            .title("Mutual Plan")
            .kind(MessageDialogKind::Error)
            .show(|_| {});
    }
}
