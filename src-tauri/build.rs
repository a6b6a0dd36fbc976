fn main() {
    // Declaring the app's commands makes Tauri generate one `allow-<command>` permission each, so
    // the capability file grants exactly the commands the window uses.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "startup_file",
            "startup_portfolio",
            "portfolio",
            "open_sample",
            "choices",
            "open_plan",
            "new_plan",
            "save_plan",
            "save_plan_as",
            "autosave",
            "discard_recovery",
            "close_plan",
            "check_plan",
            "forecast_view",
            "explain_cell",
            "print_pdf",
            "read_input",
            "new_item",
            "unique_id",
            "sections",
            "suggested_pension",
            "user_config",
            "set_identity",
            "review_view",
            "review_action",
            "save_review",
            "compare_with",
            "compare_on_disk",
            "choose_plan_to_open",
            "choose_folder",
            "choose_where_to_save",
            "open_printed",
            "forget_recent",
            "backup_offer",
            "restore_backup",
        ]),
    ))
    .expect("the Tauri build step failed");
}
