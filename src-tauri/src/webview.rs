//! The window is drawn by the system's web view: WebKitGTK on Linux, Microsoft Edge WebView2 on
//! Windows. Windows 11 and updated Windows 10 have the WebView2 Runtime, but some managed
//! machines block or remove it; there Tauri cannot make the window and would end without a word.
//! Before any window is made, the app asks whether the runtime is there and, if not, says so in
//! a message box of the system's own (which needs no web view) and ends.

/// The message box's title.
#[cfg(windows)]
pub const MISSING_TITLE: &str = "Mutual Plan cannot start";

/// What the message box says when the WebView2 Runtime is missing; `detail` is the system's
/// answer, for IT.
#[cfg(any(windows, test))]
pub fn missing_message(detail: &str) -> String {
    format!(
        "Mutual Plan needs the Microsoft Edge WebView2 Runtime to show its window, and it is not \
         installed on this computer, or is blocked.\n\n\
         Ask your IT department to install the WebView2 Runtime (Evergreen, for all users) from \
         Microsoft. It is part of Windows 11 and of an updated Windows 10. Your plans are safe: \
         nothing was opened or changed.\n\n\
         The command line (mutual-plan) works without it.\n\n\
         What Windows said: {detail}"
    )
}

/// Whether the window can be drawn: on Windows, whether a WebView2 Runtime is installed; when it
/// is not, the message box has been shown (and the message written to the error output) by the
/// time this returns.
#[cfg(windows)]
pub fn available() -> bool {
    match tauri::webview_version() {
        Ok(_) => true,
        Err(e) => {
            let message = missing_message(&e.to_string());
            eprintln!("{MISSING_TITLE}: {message}");
            rfd::MessageDialog::new()
                .set_level(rfd::MessageLevel::Error)
                .set_title(MISSING_TITLE)
                .set_description(message)
                .set_buttons(rfd::MessageButtons::Ok)
                .show();
            false
        }
    }
}

/// WebKitGTK is a dependency of the package: if it were missing the app could not have started.
#[cfg(not(windows))]
pub fn available() -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_missing_runtime_message_says_what_is_missing_what_to_install_and_what_windows_said() {
        let m = missing_message("the system cannot find the file specified (0x80070002)");
        assert!(m.contains("Microsoft Edge WebView2 Runtime"), "{m}");
        assert!(
            m.contains(
                "Ask your IT department to install the WebView2 Runtime (Evergreen, for all users)"
            ),
            "{m}"
        );
        assert!(m.contains("Your plans are safe"), "{m}");
        assert!(
            m.contains("The command line (mutual-plan) works without it"),
            "{m}"
        );
        assert!(
            m.ends_with(
                "What Windows said: the system cannot find the file specified (0x80070002)"
            ),
            "{m}"
        );
    }
}
