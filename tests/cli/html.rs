//! The HTML report opened in headless Chromium: the chart and tables render, and a `<script>`
//! in framework text or a note stays inert text.
//!
//! Chromium comes from the system packages (`.ci/run` installs it). Without it these tests fail
//! when the environment variable CI is set, and otherwise print a loud SKIPPED message.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use scraper::{Html, Selector};

use crate::browser::find_chromium;
use crate::support::command;

const FRAMEWORKS: &str = "tests/fixtures/frameworks";
const MARCH: &str = "tests/fixtures/assessments/teamwork/2026-03-01.json";

/// Chromium, or `None` after a loud skip message; a missing Chromium fails the test under CI.
fn chromium_or_skip(test: &str) -> Option<PathBuf> {
    if let Some(found) = find_chromium() {
        return Some(found);
    }
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    assert!(
        !ci,
        "{test}: Chromium is not installed and CI is set; install the system package `chromium`"
    );
    // Written straight to the stderr handle: libtest captures eprintln! of passing tests, and
    // this message must be seen.
    let _ = writeln!(
        std::io::stderr(),
        "\n\
         ************************************************************************\n\
         SKIPPED {test}: Chromium is not installed, so the HTML report was NOT\n\
         checked in a browser. Install the system package `chromium` (or set\n\
         RUNGS_CHROMIUM) to run it; under CI this is a failure.\n\
         ************************************************************************\n"
    );
    None
}

/// Load a file in headless Chromium and return the DOM after parsing (and any script).
fn dump_dom(chromium: &Path, page: &Path) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut text).map(|_| text)
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        match child.try_wait().expect("wait for chromium") {
            Some(_) => break,
            None if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium did not finish within 120 s");
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    let dom = reader
        .join()
        .expect("reader thread")
        .expect("chromium output is UTF-8");
    assert!(dom.contains("</html>"), "chromium printed no DOM: {dom:?}");
    dom
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("valid selector");
    doc.select(&selector).collect()
}

fn text(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect::<String>().trim().to_string()
}

fn write_report(dir: &Path, args: &[&str]) -> PathBuf {
    let page = dir.join("report.html");
    let out = command(&["report", "--format", "html", "--output"])
        .arg(&page)
        .args(args)
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    page
}

#[test]
fn chart_and_tables_render_in_chromium() {
    let Some(chromium) = chromium_or_skip("chart_and_tables_render_in_chromium") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let page = write_report(
        dir.path(),
        &[MARCH, "--frameworks", FRAMEWORKS, "--target", "team-lead"],
    );
    let doc = Html::parse_document(&dump_dom(&chromium, &page));

    assert_eq!(
        select(&doc, "title").first().map(text).as_deref(),
        Some("Teamwork 1.0 report")
    );
    // The chart: one row per competency, a bar as long as the score (out of 3 levels), and the
    // target level marked on each row.
    let rows = select(&doc, "svg.chart g.row");
    let ids: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.value().attr("data-competency"))
        .collect();
    assert_eq!(ids, ["listening", "feedback", "planning"]);
    let widths: Vec<f64> = select(&doc, "svg.chart rect.bar")
        .iter()
        .filter_map(|r| r.value().attr("width")?.parse().ok())
        .collect();
    let track: f64 = select(&doc, "svg.chart rect.track")[0]
        .value()
        .attr("width")
        .and_then(|w| w.parse().ok())
        .expect("track width");
    let shares: Vec<f64> = widths
        .iter()
        .map(|w| (w / track * 300.0).round() / 100.0)
        .collect();
    assert_eq!(
        shares,
        [3.0, 0.5, 2.0],
        "bar lengths are the scores out of 3"
    );
    let targets: Vec<&str> = select(&doc, "svg.chart line.target")
        .iter()
        .filter_map(|l| l.value().attr("data-target"))
        .collect();
    assert_eq!(targets, ["3", "2", "3"]);

    // The profile table, the gap table (biggest gap first) and one plan per missed target.
    let profile: Vec<String> = select(&doc, "table.profile tbody tr td:first-child")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        profile,
        // Giving feedback has fb-4 unanswered: it says how much of it is.
        [
            "Listening",
            "Giving feedback (3 of 4 answered)",
            "Planning together"
        ]
    );
    let gaps: Vec<String> = select(&doc, "table.gaps tbody tr")
        .iter()
        .map(|row| {
            row.text()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert_eq!(
        gaps,
        [
            "Giving feedback|none|2 · Practising|2|not met",
            "Planning together|2 · Practising|3 · Leading|1|not met",
            "Listening|3 · Leading|3 · Leading|0|met",
        ]
    );
    let plans: Vec<&str> = select(&doc, "#plan article")
        .iter()
        .filter_map(|a| a.value().attr("data-competency"))
        .collect();
    assert_eq!(plans, ["feedback", "planning"]);
    let feedback_items: Vec<&str> = select(
        &doc,
        "#plan article[data-competency=feedback] tr[data-indicator]",
    )
    .iter()
    .filter_map(|r| r.value().attr("data-indicator"))
    .collect();
    assert_eq!(feedback_items, ["fb-1", "fb-3", "fb-4"]);
    let guidance: Vec<String> = select(&doc, "#plan article[data-competency=feedback] h4")
        .iter()
        .map(text)
        .collect();
    assert_eq!(guidance, ["Reflection questions", "Activities"]);
}

const HOSTILE: &str = "<script>document.title='pwned'</script>";

#[test]
fn script_in_framework_text_or_note_is_inert() {
    let Some(chromium) = chromium_or_skip("script_in_framework_text_or_note_is_inert") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let framework = format!(
        "id: hostile\nname: Hostile\nversion: \"1.0\"\n\
         levels:\n  - {{ id: one, name: One }}\n  - {{ id: two, name: Two }}\n\
         competencies:\n\
         \x20 - id: sneaky\n\
         \x20   name: \"<img src=x onerror=\\\"document.title='pwned'\\\">Sneaky\"\n\
         \x20   levels:\n\
         \x20     - level: one\n\
         \x20       indicators:\n\
         \x20         - {{ id: s-1, text: \"{HOSTILE}\" }}\n\
         \x20     - level: two\n\
         \x20       title: \"</td></tr></table><script>document.title='pwned'</script>\"\n\
         \x20       indicators: [Plain text.]\n\
         \x20   guidance:\n\
         \x20     - {{ title: \"{HOSTILE}\", items: [\"{HOSTILE}\"] }}\n"
    );
    let framework_path = dir.path().join("hostile.yaml");
    std::fs::write(&framework_path, &framework).expect("write framework");
    let assessment = serde_json::json!({
        "format": "rungs-assessment/1",
        "framework": {
            "id": "hostile",
            "version": "1.0",
            "digest": rungs::framework::load::digest(framework.as_bytes()),
        },
        "subject": HOSTILE,
        "started_at": "2026-01-01T00:00:00Z",
        "completed_at": "2026-01-01T00:10:00Z",
        "ratings": { "s-1": { "value": 1, "note": HOSTILE } },
    });
    let assessment_path = dir.path().join("hostile.json");
    std::fs::write(&assessment_path, assessment.to_string()).expect("write assessment");

    let page = dir.path().join("report.html");
    let out = command(&[
        "report",
        "--format",
        "html",
        "--target-level",
        "two",
        "--framework",
    ])
    .arg(&framework_path)
    .arg("--output")
    .arg(&page)
    .arg(&assessment_path)
    .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let written = std::fs::read_to_string(&page).expect("report written");
    assert!(!written.contains("<script"), "no script element is written");
    assert!(!written.contains("<img"), "no image element is written");

    let doc = Html::parse_document(&dump_dom(&chromium, &page));
    assert_eq!(
        select(&doc, "title").first().map(text).as_deref(),
        Some("Hostile 1.0 report"),
        "no script ran"
    );
    assert!(
        select(&doc, "script").is_empty(),
        "no script element in the DOM"
    );
    assert!(
        select(&doc, "img").is_empty(),
        "no image element in the DOM"
    );
    // The text is shown as written: as text, not markup.
    let notes: Vec<String> = select(&doc, "td.note").iter().map(text).collect();
    assert_eq!(
        notes,
        [HOSTILE, "", HOSTILE],
        "in the plan s-1's note, then the unrated indicator; then s-1's in the evidence notes"
    );
    let indicator = select(&doc, "tr[data-indicator=s-1] td")
        .get(1)
        .map(text)
        .unwrap_or_default();
    assert!(indicator.starts_with(HOSTILE), "{indicator}");
    let meta = select(&doc, "p.meta").first().map(text).unwrap_or_default();
    assert!(meta.starts_with(HOSTILE), "{meta}");
    let name = select(&doc, "table.profile tbody td").first().map(text);
    assert_eq!(
        name.as_deref(),
        Some("<img src=x onerror=\"document.title='pwned'\">Sneaky (1 of 2 answered)")
    );
    let guidance: Vec<String> = select(&doc, "#plan li").iter().map(text).collect();
    assert_eq!(guidance, [HOSTILE]);
    // The plan's table has exactly its own rows: the level title did not close it early.
    assert_eq!(select(&doc, "#plan table").len(), 1);
}

#[test]
fn show_writes_a_page_of_every_shipped_framework_that_chromium_renders_whole() {
    let Some((chromium, driver)) = crate::browser::browser_or_skip(
        "show_writes_a_page_of_every_shipped_framework_that_chromium_renders_whole",
    ) else {
        return;
    };
    let browser = crate::browser::Browser::start(&chromium, &driver);
    let dir = tempfile::tempdir().expect("temp dir");
    // The log this test reads does catch a script error.
    let broken = dir.path().join("broken.html");
    std::fs::write(
        &broken,
        "<!DOCTYPE html><p>x</p><script>throw new Error('boom')</script>",
    )
    .expect("write");
    browser.open(&broken);
    assert!(
        browser.log().iter().any(|e| e["level"] == "SEVERE"),
        "the browser log reports script errors"
    );
    let catalog = rungs::catalog::Catalog::builtin();
    let entries = &catalog.entries;
    assert!(entries.len() >= 5, "the shipped frameworks");
    for entry in entries {
        let framework = &entry.framework;
        // The format comes from the extension, as for every other document.
        let page = dir.path().join(format!("{}.html", framework.id));
        let out = command(&["show", &framework.id, "-o"]).arg(&page).run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        let written = std::fs::read_to_string(&page).expect("page written");
        assert!(written.starts_with("<!DOCTYPE html>"), "{}", framework.id);
        assert!(
            written.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            ),
            "{}",
            framework.id
        );
        assert!(!written.contains("<script"), "{}", framework.id);

        browser.open(&page);
        let log = browser.log();
        let errors: Vec<&serde_json::Value> =
            log.iter().filter(|e| e["level"] == "SEVERE").collect();
        assert!(errors.is_empty(), "{}: {errors:?}", framework.id);
        let shown = browser.eval(
            "return {
                title: document.title,
                h1: document.querySelector('h1').textContent,
                ids: [...document.querySelectorAll('[data-indicator]')].map(e => e.dataset.indicator),
                texts: [...document.querySelectorAll('li.indicator')].map(e => e.textContent),
                competencies: document.querySelectorAll('section.competency').length,
                roles: document.querySelectorAll('table.roles tr').length,
                width: document.documentElement.scrollWidth,
            };",
            serde_json::json!([]),
        );
        assert_eq!(
            shown["title"],
            format!("{} {}", framework.name, framework.version)
        );
        assert_eq!(shown["h1"], framework.name.as_str());
        let ids: Vec<String> = framework
            .indicators()
            .map(|(_, _, i)| i.id.clone())
            .collect();
        let on_page: Vec<String> = shown["ids"]
            .as_array()
            .expect("ids")
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect();
        assert_eq!(on_page, ids, "{}: every indicator, in order", framework.id);
        let texts = shown["texts"].as_array().expect("texts");
        for ((_, _, indicator), text) in framework.indicators().zip(texts) {
            let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            let first_words: String = flat(&indicator.text).chars().take(40).collect();
            assert!(
                flat(text.as_str().unwrap_or_default()).contains(&first_words),
                "{}: {} shows its text: {text}",
                framework.id,
                indicator.id
            );
        }
        assert_eq!(
            shown["competencies"],
            framework.competencies.len(),
            "{}",
            framework.id
        );
        if !framework.targets.is_empty() {
            assert_eq!(
                shown["roles"],
                framework.targets.len() + 1,
                "{}: a row per role",
                framework.id
            );
        }
        assert!(
            shown["width"].as_u64().unwrap_or(u64::MAX) <= 1000,
            "{}: no sideways scrolling",
            framework.id
        );
    }
}

#[test]
fn show_refuses_to_write_over_the_framework_it_shows_and_names_the_format_it_lacks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let yaml = dir.path().join("ours.yaml");
    std::fs::copy("frameworks/networking.yaml", &yaml).expect("copy");
    let over = command(&["show"])
        .arg(&yaml)
        .args(&["--format", "markdown", "-o"])
        .arg(&yaml)
        .args(&["--force"])
        .run();
    assert_eq!(over.code, 2, "{}", over.stderr);
    assert!(
        over.stderr.contains("the framework shown"),
        "{}",
        over.stderr
    );
    let ndjson = command(&["show", "networking", "-o"])
        .arg(dir.path().join("x.ndjson"))
        .run();
    assert_eq!(ndjson.code, 2, "{}", ndjson.stderr);
    assert!(
        ndjson.stderr.contains("does not write"),
        "{}",
        ndjson.stderr
    );
    let md = dir.path().join("n.md");
    let written = command(&["show", "networking", "-o"]).arg(&md).run();
    assert_eq!(written.code, 0, "{}", written.stderr);
    assert!(std::fs::read_to_string(&md)
        .expect("written")
        .starts_with("# Networking"));
}
