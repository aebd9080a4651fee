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
