//! The window's commands, a module per domain: each command parses its input, makes one call
//! into the core and maps the error. The commands are named once, in `list.rs`.

pub mod analysis;
pub mod compare;
pub mod dialogs;
pub mod document;
pub mod editing;
pub mod import;
pub mod portfolio;
pub mod print;
pub mod recovery;
pub mod review;
pub mod settings;
pub mod state;

/// Makes, from the one list of commands, their names ([`COMMANDS`]) and the invoke handler
/// ([`handler`]). `build.rs` reads the same list with its own `commands!`.
macro_rules! commands {
    ($($module:ident { $($name:ident),* $(,)? })*) => {
        /// Every command's name, as the window invokes it.
        #[cfg_attr(not(test), allow(dead_code))]
        pub const COMMANDS: &[&str] = &[$($(stringify!($name)),*),*];

        /// Routes the window's calls to the commands.
        pub fn handler<R: tauri::Runtime>(
        ) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($($module::$name),*),*]
        }
    };
}

include!("list.rs");

#[cfg(test)]
mod tests {
    use super::COMMANDS;
    use std::collections::BTreeSet;

    const CAPABILITY: &str = include_str!("../../capabilities/main.json");
    const BACKEND: &str = include_str!("../../../ui/src/lib/ipc/backend.ts");

    fn listed() -> BTreeSet<String> {
        let set: BTreeSet<String> = COMMANDS.iter().map(|c| c.to_string()).collect();
        assert_eq!(set.len(), COMMANDS.len(), "a command is listed twice");
        set
    }

    #[test]
    fn the_capability_allows_exactly_the_listed_commands() {
        let json: serde_json::Value = serde_json::from_str(CAPABILITY).unwrap();
        let allowed: BTreeSet<String> = json["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
            .map(|p| p.replace('-', "_"))
            .collect();
        let listed = listed();
        assert!(
            allowed == listed,
            "capabilities/main.json and src/commands/list.rs disagree: missing from the capability \
             {:?}, not in the list {:?}",
            listed.difference(&allowed).collect::<Vec<_>>(),
            allowed.difference(&listed).collect::<Vec<_>>(),
        );
    }

    /// The names `backend.ts` invokes: each `call<…>('name'`.
    fn invoked() -> BTreeSet<String> {
        let mut names = BTreeSet::new();
        for line in BACKEND.lines() {
            for (i, _) in line.match_indices("call<") {
                let rest = &line[i..];
                let Some(open) = rest.find(">('") else {
                    continue;
                };
                let name = &rest[open + 3..];
                if let Some(end) = name.find('\'') {
                    names.insert(name[..end].to_owned());
                }
            }
        }
        names
    }

    #[test]
    fn the_ui_invokes_exactly_the_listed_commands() {
        let invoked = invoked();
        assert!(invoked.contains("check_plan") && invoked.contains("new_item"));
        let listed = listed();
        assert!(
            invoked == listed,
            "ui/src/lib/ipc/backend.ts and src/commands/list.rs disagree: never invoked {:?}, \
             not in the list {:?}",
            listed.difference(&invoked).collect::<Vec<_>>(),
            invoked.difference(&listed).collect::<Vec<_>>(),
        );
    }
}
