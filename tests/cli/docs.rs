//! The README and the pages under docs/: short enough to read, their links lead somewhere, and
//! what they show rungs printing is what it prints.

use std::path::Path;

use crate::support::{doc, readme, run};

/// Every Markdown page a reader is sent to: the README and docs/*.md.
fn pages() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = vec!["README.md".to_string()];
    let mut docs: Vec<String> = std::fs::read_dir(root.join("docs"))
        .expect("docs/")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .map(|n| format!("docs/{n}"))
        .collect();
    docs.sort();
    pages.extend(docs);
    pages
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The anchors of a page's headings (outside code blocks).
fn anchors(text: &str) -> Vec<String> {
    let mut fenced = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with('#') {
            out.push(anchor(line.trim_start_matches('#')));
        }
    }
    out
}

#[test]
fn the_readme_is_read_in_one_sitting_and_starts_with_two_true_commands() {
    let text = readme();
    let lines = text.lines().count();
    assert!(
        lines <= 600,
        "README.md has {lines} lines; move long text to docs/"
    );
    let first_block = text
        .split("```sh\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("a sh block at the top");
    assert!(
        first_block.starts_with("cargo run --release -- assess building-relationships ")
            && first_block.contains("\ncargo test --locked "),
        "{first_block}"
    );
    // The framework the first command rates is one rungs ships.
    let listed = run(&["list"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert!(listed.stdout.contains("building-relationships"));
    // The install command keeps to Cargo.lock.
    assert!(text.contains("\ncargo install --locked --path .\n"));
    assert!(!text.contains("cargo install --path"));
    for guide in [
        "docs/360.md",
        "docs/TEAMS.md",
        "docs/IMPORT.md",
        "docs/EXAMPLES.md",
    ] {
        assert!(text.contains(&format!("]({guide}")), "README links {guide}");
    }
}

#[test]
fn every_link_between_the_pages_leads_to_a_file_and_heading_that_are_there() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut broken = Vec::new();
    for page in pages() {
        let text = doc(&page);
        let dir = Path::new(&page).parent().unwrap_or(Path::new(""));
        for piece in text.split("](").skip(1) {
            let Some(target) = piece.split(')').next() else {
                continue;
            };
            if target.contains("://") || target.starts_with("mailto:") || target.contains(' ') {
                continue;
            }
            let (file, fragment) = match target.split_once('#') {
                Some((file, fragment)) => (file, Some(fragment)),
                None => (target, None),
            };
            let path = if file.is_empty() {
                root.join(&page)
            } else {
                root.join(dir).join(file)
            };
            if !path.exists() {
                broken.push(format!("{page}: {target}: no such file"));
                continue;
            }
            if let Some(fragment) = fragment {
                let linked = std::fs::read_to_string(&path).unwrap_or_default();
                if !anchors(&linked).iter().any(|a| a == fragment) {
                    broken.push(format!("{page}: {target}: no such heading"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// Split a command line as a shell would: words apart by spaces, `'...'` and `"..."` quoting,
/// a backslash escaping the next character.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut started = false;
    let mut chars = line.chars();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('"'), '\\') => word.extend(chars.next()),
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                started = true;
            }
            (None, '\\') => {
                word.extend(chars.next());
                started = true;
            }
            (None, ' ' | '\t') => {
                if started {
                    out.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            (None, c) => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        out.push(word);
    }
    out
}

/// One example on a page whose output the binary gives: where its lines are, and what they
/// should be.
struct Example {
    page: String,
    /// The line of the page (1-based) the example's marker is on.
    at: usize,
    /// The lines the page shows (the block's body), as a range of the page's lines.
    body: std::ops::Range<usize>,
    /// What rungs prints now, as the body should read.
    actual: String,
}

/// The text between `from "..."` and the colon of a marker, as (from, through).
fn selection(spec: &str) -> (Option<String>, Option<String>) {
    let quoted = |key: &str| {
        spec.split_once(&format!("{key} \""))
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(text, _)| text.to_string())
    };
    (quoted("from"), quoted("through"))
}

/// The part of `text` a marker selects: from the line starting with `from` (else the start) to
/// the line starting with `through` (inclusive), else to the next blank line after `from`, else
/// to the end.
fn select(text: &str, from: Option<&str>, through: Option<&str>) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let start = match from {
        Some(f) => lines.iter().position(|l| l.starts_with(f))?,
        None => 0,
    };
    let end = match (through, from) {
        (Some(t), _) => start + lines[start..].iter().position(|l| l.starts_with(t))? + 1,
        (None, Some(_)) => lines[start..]
            .iter()
            .position(|l| l.is_empty())
            .map_or(lines.len(), |n| start + n),
        (None, None) => lines.len(),
    };
    Some(lines[start..end].iter().map(|l| format!("{l}\n")).collect())
}

/// Run a `$ ` line of a session in `dir`: `rungs ...` (stdout, then stderr), or the few shell
/// commands the pages show (`head -N FILE`, `cat FILE`, `ls DIR`).
fn session_line(dir: &Path, line: &str) -> String {
    let words = words(line);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match words[..] {
        ["rungs", ref args @ ..] => {
            let out = crate::support::command(args)
                .env("NO_COLOR", "1")
                .current_dir(dir)
                .run();
            format!("{}{}", out.stdout, out.stderr)
        }
        ["head", count, file] => {
            let n: usize = count.trim_start_matches('-').parse().expect("head -N");
            let text = std::fs::read_to_string(dir.join(file)).expect("head: a file");
            text.lines().take(n).map(|l| format!("{l}\n")).collect()
        }
        ["cat", file] => std::fs::read_to_string(dir.join(file)).expect("cat: a file"),
        ["ls", folder] => {
            let mut names: Vec<String> = std::fs::read_dir(dir.join(folder))
                .expect("ls: a folder")
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            format!("{}\n", names.join("  "))
        }
        _ => panic!("a session line the check cannot run: {line}"),
    }
}

/// Copy the files of `from` (not its folders) into `to`.
fn copy_files(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from)
        .expect("the session's folder")
        .flatten()
    {
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
        }
    }
}

/// Every example on every page, run: `<!-- output[ from "X"][ through "Y"]: ARGS -->` before a
/// ```text block (the block is what `rungs ARGS` prints, run from the crate root, or the part
/// selected), and `<!-- session in DIR -->` before a ```console block (each `$ ` line is run in
/// a copy of DIR's files, and the lines after it are what it prints).
fn examples() -> Vec<Example> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for page in pages() {
        let text = doc(&page);
        let lines: Vec<&str> = text.lines().collect();
        for (at, line) in lines.iter().enumerate() {
            let Some(marker) = line
                .strip_prefix("<!-- ")
                .and_then(|l| l.strip_suffix(" -->"))
            else {
                continue;
            };
            let open = at + 1;
            let close = |from: usize| {
                from + lines[from..]
                    .iter()
                    .position(|l| *l == "```")
                    .unwrap_or_else(|| panic!("{page}:{}: the block ends", at + 1))
            };
            if let Some(rest) = marker.strip_prefix("output") {
                let (spec, command) = rest
                    .split_once(": ")
                    .unwrap_or_else(|| panic!("{page}:{}: output[ ...]: ARGS", at + 1));
                assert_eq!(lines.get(open), Some(&"```text"), "{page}:{}", at + 1);
                let end = close(open + 1);
                let (from, through) = selection(spec);
                let args = words(command);
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                let run = crate::support::command(&args).env("NO_COLOR", "1").run();
                assert_eq!(run.code, 0, "{page}:{}: {command}\n{}", at + 1, run.stderr);
                let actual = select(&run.stdout, from.as_deref(), through.as_deref())
                    .unwrap_or_else(|| {
                        panic!(
                            "{page}:{}: {command} printed no {spec}:\n{}",
                            at + 1,
                            run.stdout
                        )
                    });
                out.push(Example {
                    page: page.clone(),
                    at: at + 1,
                    body: open + 1..end,
                    actual,
                });
            } else if let Some(folder) = marker.strip_prefix("session in ") {
                assert_eq!(lines.get(open), Some(&"```console"), "{page}:{}", at + 1);
                let end = close(open + 1);
                let dir = tempfile::tempdir().expect("temporary folder");
                copy_files(&root.join(folder), dir.path());
                let mut actual = String::new();
                let mut pending = String::new();
                for line in &lines[open + 1..end] {
                    if let Some(command) = line.strip_prefix("$ ").or(if pending.is_empty() {
                        None
                    } else {
                        Some(line.trim_start())
                    }) {
                        actual.push_str(line);
                        actual.push('\n');
                        if let Some(head) = command.strip_suffix('\\') {
                            pending.push_str(head);
                            continue;
                        }
                        pending.push_str(command);
                        actual.push_str(&session_line(dir.path(), &std::mem::take(&mut pending)));
                    }
                }
                out.push(Example {
                    page: page.clone(),
                    at: at + 1,
                    body: open + 1..end,
                    actual,
                });
            }
        }
    }
    out
}

#[test]
fn what_the_pages_show_rungs_printing_is_what_it_prints() {
    // RUNGS_UPDATE_DOCS=1 writes what rungs prints now into the pages; read the diff after.
    let update = std::env::var_os("RUNGS_UPDATE_DOCS").is_some_and(|v| v == "1");
    let examples = examples();
    assert!(
        examples.len() >= 6,
        "the pages mark their examples: {}",
        examples.len()
    );
    let mut differ = Vec::new();
    for example in &examples {
        let text = doc(&example.page);
        let lines: Vec<&str> = text.lines().collect();
        let shown: String = lines[example.body.clone()]
            .iter()
            .map(|l| format!("{l}\n"))
            .collect();
        if shown != example.actual {
            differ.push(example);
            if !update {
                eprintln!(
                    "{}:{}: the page shows\n{shown}\nrungs prints\n{}",
                    example.page, example.at, example.actual
                );
            }
        }
    }
    if update {
        // Later examples first, so the earlier ones' line numbers still hold.
        for example in differ.iter().rev() {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(&example.page);
            let text = std::fs::read_to_string(&path).expect("page");
            let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
            lines.splice(
                example.body.clone(),
                example.actual.lines().map(str::to_string),
            );
            std::fs::write(&path, lines.join("\n") + "\n").expect("write page");
        }
        return;
    }
    assert!(
        differ.is_empty(),
        "{} examples differ from what rungs prints (RUNGS_UPDATE_DOCS=1 rewrites them): {}",
        differ.len(),
        differ
            .iter()
            .map(|e| format!("{}:{}", e.page, e.at))
            .collect::<Vec<_>>()
            .join(", ")
    );
}
