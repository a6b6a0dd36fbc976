//! The core's import graph: no module imports, directly or through others, a module that imports
//! it back, and each layer of `src/` imports only from the layers below it (docs/architecture.md).
//!
//! Every file under `src/` is a module (`src/forecast/lines.rs` is `forecast::lines`); a module
//! imports another when its code (outside `#[cfg(test)]` modules) names an item through it:
//! `use crate::forecast::LineKey`, `crate::words::format::percent(…)`, `super::Finding`, or a
//! child module's path in a `mod.rs`. A path is charged to the deepest module it reaches, so a
//! `mod.rs` that defines types its children use, and re-exports or calls those children, is a
//! circle here as it is to a reader.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers of the core, lowest first: a module may import from its own layer's modules and
/// from any layer before it, never from one after it.
const LAYERS: &[&[&str]] = &[
    &["model"],
    &["words"],
    &["storage", "import"],
    &["forecast"],
    &["checks"],
    &["show"],
    &["compare"],
    &["pdf", "workbook"],
    &["portfolio"],
];

type Module = Vec<String>;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every module of the library with its source, tests removed. `main.rs` is the CLI, another
/// crate, and not part of the graph.
fn modules() -> BTreeMap<Module, String> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<Module, String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                let mut p = prefix.to_vec();
                p.push(name);
                walk(&path, &p, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let module = match name.as_str() {
                    "mod" => prefix.to_vec(),
                    "lib" if prefix.is_empty() => Vec::new(),
                    "main" if prefix.is_empty() => continue,
                    _ => {
                        let mut p = prefix.to_vec();
                        p.push(name);
                        p
                    }
                };
                let text = std::fs::read_to_string(&path).unwrap();
                out.insert(module, without_tests(&without_comments(&text)));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&src(), &[], &mut out);
    out
}

/// The source with comments and string literals blanked, so a path in a doc comment or a
/// message is not an import.
fn without_comments(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let end = text[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
            i = end;
        } else if b[i] == b'r' && (b[i..].starts_with(b"r\"") || b[i..].starts_with(b"r#\"")) {
            let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let start = i + 2 + hashes;
            i = text[start..]
                .find(&close)
                .map_or(b.len(), |e| start + e + close.len());
            out.push_str("\"\"");
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && i + 2 < b.len() && (b[i + 2] == b'\'' || b[i + 1] == b'\\') {
            // A char literal such as '{' or '\n' (not a lifetime).
            let end = text[i + 1..].find('\'').map_or(b.len(), |e| i + 1 + e + 1);
            i = if b[i + 1] == b'\\' {
                text[i + 3..].find('\'').map_or(b.len(), |e| i + 3 + e + 1)
            } else {
                end
            };
            out.push_str("' '");
        } else {
            let ch = text[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// The source without its `#[cfg(test)]` items (a test module, a test-only function or import):
/// what tests import is not the design.
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let semi = after.find(';').unwrap_or(after.len());
        let open = after.find('{').unwrap_or(after.len());
        let end = if semi < open {
            semi + 1
        } else {
            let mut depth = 0usize;
            let mut end = after.len();
            for (i, c) in after[open..].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = open + i + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            end
        };
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The paths a `use` tree names, each in full: `a::{b, c::{d, e}}` gives a::b, a::c::d, a::c::e.
fn use_tree(tree: &str) -> Vec<String> {
    // `x as y` names x; then spaces mean nothing.
    let mut plain = String::new();
    let mut words = tree.split_whitespace().peekable();
    while let Some(w) = words.next() {
        if w == "as" {
            // Keep what ends the renamed item (`,` or `}`), drop the new name.
            if let Some(alias) = words.next() {
                plain.push_str(alias.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_'));
            }
        } else {
            plain.push_str(w);
        }
    }
    let tree = plain;
    fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
        match tree.find('{') {
            None => out.push(format!("{prefix}{tree}")),
            Some(open) => {
                let head = &tree[..open];
                let inner = &tree[open + 1..tree.rfind('}').unwrap()];
                let mut depth = 0;
                let mut start = 0;
                let mut parts = Vec::new();
                for (i, c) in inner.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            parts.push(&inner[start..i]);
                            start = i + 1;
                        }
                        _ => {}
                    }
                }
                parts.push(&inner[start..]);
                for p in parts.into_iter().filter(|p| !p.is_empty()) {
                    expand(&format!("{prefix}{head}"), p, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    expand("", &tree, &mut out);
    out
}

/// The paths a module's code names: every `use` (its tree expanded) and every `crate::…` or
/// `super::…` path in its code.
fn paths_named(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    // `use` statements, which may name children of a `mod.rs` without `self::`.
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().last();
        let starts_word = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let after = &rest[at + 4..];
        let end = after.find(';').unwrap_or(after.len());
        if starts_word {
            out.extend(use_tree(&after[..end]));
            rest = &after[end..];
        } else {
            rest = after;
        }
    }
    // Paths in code: `crate::a::b`, `super::a`, `self::a`.
    let bytes = code.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(start) {
            let at = from + at;
            from = at + start.len();
            if at > 0
                && (bytes[at - 1].is_ascii_alphanumeric()
                    || bytes[at - 1] == b'_'
                    || bytes[at - 1] == b':')
            {
                continue;
            }
            let end = code[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| at + e);
            let path = code[at..end].trim_end_matches(':');
            // `super::{a, b}` is a use tree, read above; `super` alone names nothing.
            if path.contains("::") {
                out.push(path.to_string());
            }
        }
    }
    out
}

/// The deepest module of the crate that `path`, named in `from`, reaches.
fn resolve(path: &str, from: &Module, all: &BTreeMap<Module, String>) -> Option<Module> {
    let mut segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    // Where the path starts: `crate`, `super` (the parent of the module, or of a file's own
    // module for a `mod.rs`), `self`, or a child of this module named without `self::`.
    let mut at: Module = match segs.first().copied() {
        Some("crate") => {
            segs.remove(0);
            Vec::new()
        }
        Some("self") => {
            segs.remove(0);
            from.clone()
        }
        Some("super") => {
            let mut m = from.clone();
            while segs.first() == Some(&"super") {
                segs.remove(0);
                m.pop();
            }
            m
        }
        Some(first) => {
            let mut child = from.clone();
            child.push(first.to_string());
            if all.contains_key(&child) {
                from.clone()
            } else {
                return None; // another crate, or an item in scope
            }
        }
        None => return None,
    };
    for s in segs {
        let mut next = at.clone();
        next.push(s.to_string());
        if all.contains_key(&next) {
            at = next;
        } else {
            break;
        }
    }
    Some(at)
}

fn name(m: &Module) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

/// Who imports whom: an edge from each module to each other module it names.
fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let all = modules();
    let mut edges = BTreeMap::new();
    for (m, code) in &all {
        let mut to = BTreeSet::new();
        // A child module named in its parent's code without `self::`: `lines::Grid::new(…)`.
        let children = all
            .keys()
            .filter(|c| c.len() == m.len() + 1 && c.starts_with(m));
        for child in children {
            let needle = format!("{}::", child.last().unwrap());
            let named = code.match_indices(&needle).any(|(at, _)| {
                let before = code[..at].chars().last();
                before.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == ':'))
            });
            if named {
                to.insert(child.clone());
            }
        }
        for p in paths_named(code) {
            if let Some(t) = resolve(&p, m, &all) {
                // A module's own items, and the crate root's module list, are not imports.
                if &t != m && !t.is_empty() {
                    to.insert(t);
                }
            }
        }
        edges.insert(m.clone(), to);
    }
    edges
}

/// A circle of imports, if there is one.
fn find_cycle(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        m: &Module,
        edges: &BTreeMap<Module, BTreeSet<Module>>,
        marks: &mut BTreeMap<Module, Mark>,
        stack: &mut Vec<Module>,
    ) -> Option<Vec<Module>> {
        marks.insert(m.clone(), Mark::Open);
        stack.push(m.clone());
        for t in edges.get(m).into_iter().flatten() {
            match marks.get(t).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let from = stack.iter().position(|s| s == t).unwrap();
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(t.clone());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(c) = visit(t, edges, marks, stack) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks.insert(m.clone(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for m in edges.keys() {
        if marks.get(m).copied().unwrap_or(Mark::New) == Mark::New {
            let mut stack = Vec::new();
            if let Some(c) = visit(m, edges, &mut marks, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

/// One circle through each group of modules that import one another, each broken in turn at
/// its first edge, so every circle to untangle is listed.
fn circles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    let mut edges = edges.clone();
    let mut out = Vec::new();
    while let Some(c) = find_cycle(&edges) {
        edges
            .get_mut(&c[c.len() - 2])
            .unwrap()
            .remove(&c[c.len() - 1]);
        out.push(c);
    }
    out
}

fn layer(m: &Module) -> Option<usize> {
    let top = m.first()?;
    LAYERS.iter().position(|l| l.contains(&top.as_str()))
}

#[test]
// The count is the check's output when run with --nocapture, for a reader of the graph.
#[allow(clippy::print_stdout)]
fn the_core_has_no_import_circle() {
    let edges = graph();
    let n: usize = edges.values().map(BTreeSet::len).sum();
    let circles = circles(&edges);
    if !circles.is_empty() {
        let words: Vec<String> = circles
            .iter()
            .map(|c| format!("- {}", c.iter().map(name).collect::<Vec<_>>().join(" → ")))
            .collect();
        panic!("{} import circles:\n{}", circles.len(), words.join("\n"));
    }
    println!(
        "{} modules, {n} imports between them, no circle",
        edges.len()
    );
}

#[test]
fn each_layer_imports_only_from_the_layers_below_it() {
    let edges = graph();
    let mut wrong = Vec::new();
    for (m, to) in &edges {
        if m.is_empty() {
            continue;
        }
        let Some(lm) = layer(m) else {
            wrong.push(format!("{} is in no layer", name(m)));
            continue;
        };
        for t in to {
            match layer(t) {
                Some(lt) if lt <= lm => {}
                Some(_) => wrong.push(format!("{} imports {}, a layer above it", name(m), name(t))),
                None => wrong.push(format!(
                    "{} imports {}, which is in no layer",
                    name(m),
                    name(t)
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_graph_reader_sees_imports_and_circles() {
    assert_eq!(
        use_tree("crate::a::{b, c::{d, e as f}}"),
        ["crate::a::b", "crate::a::c::d", "crate::a::c::e"]
    );
    let code = without_tests(&without_comments(
        "use crate::x::Y; // crate::q::Z\nfn f() { crate::p::g(\"crate::s::t\") }\n#[cfg(test)]\nmod tests { use crate::t::U; }\n",
    ));
    let named: BTreeSet<String> = paths_named(&code).into_iter().collect();
    assert_eq!(
        named,
        BTreeSet::from(["crate::x::Y".to_string(), "crate::p::g".to_string()])
    );
    let m = |s: &str| -> Module { s.split("::").map(String::from).collect() };
    let mut edges = BTreeMap::new();
    edges.insert(m("a"), BTreeSet::from([m("b")]));
    edges.insert(m("b"), BTreeSet::from([m("c")]));
    edges.insert(m("c"), BTreeSet::from([m("a")]));
    assert_eq!(find_cycle(&edges).map(|c| c.len()), Some(4));
    edges.insert(m("c"), BTreeSet::new());
    assert_eq!(find_cycle(&edges), None);
}
