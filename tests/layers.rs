//! The architecture, checked: every file of `src/` imports only from its own folder or from
//! folders below it (the layers named in `core/mod.rs`, `ui/mod.rs` and `docs/architecture.md`),
//! the core never from the UI, and no two files import each other, directly or through others.
//!
//! A file's imports are the `crate::`, `super::` and `self::` paths of its code (its `use`
//! items, braces expanded, and paths written inline), comments and its `#[cfg(test)]` module
//! left out: a test may use what the code it tests may not. Each path counts as an import of the
//! deepest module file it names.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers of each side, bottom first. A file at the side's top level (`ui/mod.rs`, the app's
/// wiring) is above all of its side's layers.
const CORE_LAYERS: &[&str] = &["text", "measures", "model", "reading", "work", "exchange", "classroom"];
const UI_LAYERS: &[&str] = &["browser", "state", "listeners", "classroom", "reader", "panels", "parts"];

/// A module's path from the crate root, e.g. `["core", "model", "annotation"]`.
type Module = Vec<String>;

fn module_of(relative: &Path) -> Module {
    let mut parts: Module = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let file = parts.pop().unwrap();
    let stem = file.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_owned());
    }
    parts
}

/// The code of a file that counts: no comments, nothing from its test module on.
fn code_of(source: &str) -> String {
    let mut code = String::new();
    for line in source.lines() {
        if line.starts_with("#[cfg(test)]") {
            break;
        }
        let line = line.split("//").next().unwrap_or("");
        code.push_str(line);
        code.push('\n');
    }
    code
}

/// Every path of a `use` tree, braces expanded: `a::{b, c::{d, self}}` gives `a::b`, `a::c::d`, `a::c`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree);
        return vec![path.split_whitespace().collect::<String>()];
    };
    let prefix: String = tree[..open].split_whitespace().collect();
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut items, mut depth, mut from) = (Vec::new(), 0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(inner[from..i].trim());
                from = i + 1;
            }
            _ => {}
        }
    }
    items.push(inner[from..].trim());
    items
        .into_iter()
        .filter(|item| !item.is_empty())
        .flat_map(|item| if item == "self" { vec![prefix.trim_end_matches("::").to_owned()] } else { expand(&format!("{prefix}{item}")) })
        .collect()
}

/// The paths a file's code names, as written.
fn paths_in(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        // A declaration begins its line (after `pub`, `pub(crate)`…); "use " in a string or a
        // sentence does not.
        let line_start = rest[..at].rfind('\n').map_or(0, |n| n + 1);
        let before = rest[line_start..at].trim();
        rest = &rest[at + 4..];
        if !(before.is_empty() || before.starts_with("pub")) {
            continue;
        }
        let end = rest.find(';').unwrap_or(rest.len());
        paths.extend(expand(&rest[..end]));
        rest = &rest[end..];
    }
    // Paths written inline: `crate::core::text::offsets::slice(…)`, `super::view::Message`.
    for start in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(start) {
            let before = rest[..at].chars().last();
            let path: String = rest[at..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            let tree = rest[at + path.len()..].starts_with('{');
            if !tree && !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                paths.push(path.trim_end_matches(':').to_owned());
            }
            rest = &rest[at + start.len()..];
        }
    }
    paths
}

/// Whether code names `module::` as the start of a path.
fn names(code: &str, module: &str) -> bool {
    let needle = format!("{module}::");
    code.match_indices(&needle).any(|(at, _)| !code[..at].chars().last().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':'))
}

/// The module file a path names, from the module `from` that wrote it: the deepest known module
/// on the path. `None` for other crates and for items of `from` itself.
fn resolve(path: &str, from: &Module, modules: &BTreeSet<Module>) -> Option<Module> {
    let mut segments = path.split("::").filter(|s| !s.is_empty()).peekable();
    // `super` of a file `a/b.rs` is `a`; of a folder's `a/b/mod.rs` it is also `a`.
    let mut base: Module = match segments.peek().copied() {
        Some("crate") => {
            segments.next();
            Vec::new()
        }
        Some("super") | Some("self") => from.clone(),
        Some(first) if modules.contains(&[from.clone(), vec![first.to_owned()]].concat()) => from.clone(),
        _ => return None,
    };
    while let Some(&segment) = segments.peek() {
        match segment {
            "super" => {
                base.pop();
            }
            "self" => {}
            _ => break,
        }
        segments.next();
    }
    let mut deepest = Some(base.clone()).filter(|b| modules.contains(b));
    for segment in segments {
        base.push(segment.to_owned());
        if modules.contains(&base) {
            deepest = Some(base.clone());
        }
    }
    deepest.filter(|m| m != from && !m.is_empty())
}

/// The imports between the module files of a source tree given as (path under `src/`, text).
fn imports(files: &[(String, String)]) -> BTreeMap<Module, BTreeSet<Module>> {
    let modules: BTreeSet<Module> = files.iter().map(|(path, _)| module_of(Path::new(path))).collect();
    files
        .iter()
        .map(|(path, source)| {
            let from = module_of(Path::new(path));
            let code = code_of(source);
            // A folder's own file names its children by their short names: `w3c::read(…)`.
            let children = modules.iter().filter(|m| m.len() == from.len() + 1 && m.starts_with(&from));
            let named =
                children.filter(|child| names(&code, child.last().unwrap())).map(|child| format!("self::{}", child.last().unwrap()));
            let to = paths_in(&code).into_iter().chain(named).filter_map(|p| resolve(&p, &from, &modules)).collect();
            (from, to)
        })
        .collect()
}

/// How high a module stands: its side's layer index, or above them all for a side's top files.
fn rank(module: &Module) -> Option<(String, usize)> {
    let side = module.first()?;
    let layers = match side.as_str() {
        "core" => CORE_LAYERS,
        "ui" => UI_LAYERS,
        _ => return None,
    };
    let rank = match module.get(1) {
        None => layers.len(),
        Some(folder) => layers.iter().position(|l| l == folder).unwrap_or(layers.len()),
    };
    Some((side.clone(), rank))
}

/// Every import that goes up a layer, or from the core into the UI.
fn upward(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<String> {
    let mut found = Vec::new();
    for (from, targets) in graph {
        for to in targets {
            let wrong = match (rank(from), rank(to)) {
                (Some((a, _)), Some((b, _))) if a == "core" && b == "ui" => true,
                (Some((a, high)), Some((b, low))) if a == b => low > high,
                _ => false,
            };
            if wrong {
                found.push(format!("{} imports {}", from.join("::"), to.join("::")));
            }
        }
    }
    found
}

/// One cycle of the graph, if there is any, as the modules along it.
fn cycle(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    fn visit<'a>(
        node: &'a Module,
        graph: &'a BTreeMap<Module, BTreeSet<Module>>,
        stack: &mut Vec<&'a Module>,
        done: &mut BTreeSet<&'a Module>,
    ) -> Option<Vec<Module>> {
        if let Some(at) = stack.iter().position(|m| *m == node) {
            return Some(stack[at..].iter().map(|m| (*m).clone()).chain([node.clone()]).collect());
        }
        if !done.insert(node) {
            return None;
        }
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, stack, done) {
                return Some(found);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, root: &Path, into: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, into);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("main.rs") {
                let relative = path.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                into.push((relative, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &root, &mut files);
    files
}

#[test]
fn no_file_imports_from_a_layer_above_it() {
    let graph = imports(&sources());
    // The reading shows the parser sees the tree: the reader's components import the state.
    assert!(graph.values().map(BTreeSet::len).sum::<usize>() > 150, "too few imports found: {graph:?}");
    assert_eq!(upward(&graph), Vec::<String>::new());
}

#[test]
fn no_files_import_each_other_even_through_others() {
    let graph = imports(&sources());
    let found = cycle(&graph).map(|c| c.iter().map(|m| m.join("::")).collect::<Vec<_>>().join(" → "));
    assert_eq!(found, None);
}

#[test]
fn the_checks_catch_a_circle_and_an_upward_import() {
    let tree = |files: &[(&str, &str)]| files.iter().map(|(p, s)| (p.to_string(), s.to_string())).collect::<Vec<_>>();
    let files = tree(&[
        ("core/model/mod.rs", "pub mod a;\npub mod b;"),
        ("core/model/a.rs", "use crate::core::model::{b::{self, B}, c};\n// use crate::core::work::w;"),
        ("core/model/b.rs", "pub fn f() { super::a::g(); }"),
        ("core/model/c.rs", "use crate::core::work::w::W;\n#[cfg(test)]\nuse super::a;"),
        ("core/work/w.rs", "use crate::core::model::c;\nuse crate::ui::state::View;"),
        ("ui/state/mod.rs", ""),
    ]);
    let graph = imports(&files);
    let edges = |m: &str| graph[&m.split("::").map(str::to_owned).collect::<Module>()].iter().map(|t| t.join("::")).collect::<Vec<_>>();
    assert_eq!(edges("core::model::a"), ["core::model::b", "core::model::c"]);
    assert_eq!(edges("core::model::c"), ["core::work::w"]);
    assert_eq!(upward(&graph), ["core::model::c imports core::work::w", "core::work::w imports ui::state"]);
    assert!(cycle(&graph).is_some_and(|c| c.len() == 3));
}
