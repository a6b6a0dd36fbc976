fn main() {
    // Declaring the app's commands makes Tauri generate one `allow-<command>` permission each, so
    // the capability file grants exactly the commands the window uses.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "startup",
            "choices",
            "open_plan",
            "new_plan",
            "save_plan",
            "check_plan",
            "print_pdf",
        ]),
    ))
    .expect("the Tauri build step failed");
}
