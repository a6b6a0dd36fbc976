/// The app's commands' names, from the one list in `src/commands/list.rs` (the app makes its
/// invoke handler from the same list with a `commands!` of its own).
macro_rules! commands {
    ($($module:ident { $($name:ident),* $(,)? })*) => {
        &[$($(stringify!($name)),*),*]
    };
}

const COMMANDS: &[&str] = include!("src/commands/list.rs");

fn main() {
    // Declaring the app's commands makes Tauri generate one `allow-<command>` permission each, so
    // the capability file grants exactly the commands the window uses.
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("the Tauri build step failed");
}
