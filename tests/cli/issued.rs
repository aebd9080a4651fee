//! Forms that come back as issued: `rungs form` keeps a ledger of the pages it writes, each
//! with a random token the page writes into the file it saves; `compare`, `team` and `report`
//! given `--issued LEDGER` leave out a file of another rater that the ledger does not vouch
//! for (no token, an unknown one, or a subject, rater, relation or framework other than
//! issued). The files are made here as the page's script makes them, from the data the page
//! carries (the browser round trip itself is in `form.rs`).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::{json, Value};

use crate::support::{run_in, Sandbox};

/// The fixture framework of the form tests.
fn teamwork() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/frameworks/teamwork.yaml")
        .display()
        .to_string()
}

/// The JSON a page's script starts from.
fn form_data(page: &Path) -> Value {
    let html = std::fs::read_to_string(page).expect("the page");
    let doc = scraper::Html::parse_document(&html);
    let selector = scraper::Selector::parse("script#form-data").expect("selector");
    let block = doc
        .select(&selector)
        .next()
        .map(|s| s.inner_html())
        .expect("a data block");
    serde_json::from_str(&block).expect("JSON")
}

/// The file a rater saves from `page` (as the page's script writes it), rating `lis-1`.
fn saved_from(page: &Path, rater: &str, relation: &str, value: u32) -> Value {
    let base = &form_data(page)["base"];
    json!({
        "format": base["format"],
        "framework": base["framework"],
        "subject": base["subject"],
        "rater": { "name": rater, "relation": relation },
        "form_token": base["form_token"],
        "started_at": "2026-03-01T10:00:00Z",
        "completed_at": null,
        "ratings": { "lis-1": { "value": value } },
    })
}

fn write(sandbox: &Sandbox, name: &str, file: &Value) -> String {
    sandbox.write(name, &serde_json::to_string_pretty(file).expect("JSON"));
    name.to_string()
}

/// Pages for Sam (peer) and Kim (manager) rating Ana Lee in `forms/`, and Ana's own
/// assessment `self.json`.
fn issue(sandbox: &Sandbox) {
    sandbox.write(
        "raters.csv",
        "name,relation\nSam Lee,peer\nKim Park,manager\n",
    );
    let out = run_in(
        sandbox.dir.path(),
        &[
            "form",
            &teamwork(),
            "--subject",
            "Ana Lee",
            "--raters",
            "raters.csv",
            "--output-dir",
            "forms",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("Recorded in forms/issued.json"),
        "{}",
        out.stderr
    );
    sandbox.write("answers.yaml", "lis-1: 3\n");
    let out = run_in(
        sandbox.dir.path(),
        &[
            "assess",
            &teamwork(),
            "--answers",
            "answers.yaml",
            "--subject",
            "Ana Lee",
            "-o",
            "self.json",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
}

fn ledger(sandbox: &Sandbox) -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(sandbox.path("forms/issued.json")).expect("the ledger"),
    )
    .expect("JSON")
}

#[test]
fn the_ledger_lists_each_page_with_the_token_the_page_carries() {
    let sandbox = Sandbox::new();
    issue(&sandbox);
    let ledger = ledger(&sandbox);
    assert_eq!(ledger["format"], "rungs-issued/1");
    let pages = ledger["pages"].as_array().expect("pages");
    assert_eq!(pages.len(), 2, "{ledger}");
    for (page, (rater, relation)) in pages
        .iter()
        .zip([("Sam Lee", "peer"), ("Kim Park", "manager")])
    {
        let data = form_data(
            &sandbox
                .path("forms")
                .join(page["page"].as_str().expect("name")),
        );
        let token = page["token"].as_str().expect("a token");
        assert_eq!(token.len(), 32, "{token}");
        assert_eq!(data["base"]["form_token"], token);
        assert_eq!(page["subject"], "Ana Lee");
        assert_eq!(page["rater"], rater);
        assert_eq!(page["relation"], relation);
        assert_eq!(page["framework"]["id"], "teamwork");
        assert_eq!(
            page["framework"]["digest"],
            data["base"]["framework"]["digest"]
        );
    }
    assert_ne!(pages[0]["token"], pages[1]["token"]);
}

#[test]
fn files_edited_after_they_were_issued_are_named_and_left_out() {
    let sandbox = Sandbox::new();
    issue(&sandbox);
    let sam_page = sandbox.path("forms/sam-lee.html");
    let kim_page = sandbox.path("forms/kim-park.html");
    let sam = saved_from(&sam_page, "Sam Lee", "peer", 2);
    let kim = saved_from(&kim_page, "Kim Park", "manager", 4);
    let good = [
        write(&sandbox, "sam.json", &sam),
        write(&sandbox, "kim.json", &kim),
    ];

    let mut promoted = sam.clone();
    promoted["rater"]["relation"] = json!("manager");
    let mut moved = kim.clone();
    moved["subject"] = json!("Bo Chen");
    let mut no_token = sam.clone();
    no_token
        .as_object_mut()
        .expect("object")
        .remove("form_token");
    no_token["rater"]["name"] = json!("Lee Sam");
    let mut unknown = sam.clone();
    unknown["form_token"] = json!("0123456789abcdef0123456789abcdef");
    unknown["rater"]["name"] = json!("Someone Else");
    let mut made_self = sam.clone();
    made_self.as_object_mut().expect("object").remove("rater");
    let mut versioned = kim.clone();
    versioned["framework"]["version"] = json!("9.9");
    let cases = [
        ("promoted.json", promoted, "relation manager (issued peer)"),
        (
            "moved.json",
            moved,
            "subject \"Bo Chen\" (issued \"Ana Lee\")",
        ),
        ("no-token.json", no_token, "without a form token"),
        (
            "unknown.json",
            unknown,
            "its form token is not one forms/issued.json issued",
        ),
        (
            "made-self.json",
            made_self,
            "rater none (issued \"Sam Lee\")",
        ),
        ("versioned.json", versioned, "version \"9.9\" (issued"),
    ];
    for (name, file, why) in cases {
        let name = write(&sandbox, name, &file);
        let args = [
            "compare",
            "--issued",
            "forms/issued.json",
            "--format",
            "json",
            "self.json",
            &name,
            &good[0],
            &good[1],
        ];
        let out = run_in(sandbox.dir.path(), &args);
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        assert!(
            out.stderr
                .contains(&format!("left out: {name}: not as issued: "))
                && out.stderr.contains(why),
            "{name}: {}",
            out.stderr
        );
        if name == "promoted.json" {
            // As docs/360.md shows it.
            assert!(out.stderr.contains(
                "left out: promoted.json: not as issued: differs from what forms/issued.json issued for page sam-lee.html: relation manager (issued peer)\n"
            ), "{}", out.stderr);
        }
        let compared: Value = serde_json::from_str(&out.stdout).expect("JSON");
        let raters = compared["raters"].to_string();
        assert!(!raters.contains(&name), "{name} left out: {raters}");
        // Without --issued nothing changes: the edited file counts as it says.
        let without: Vec<&str> = [&args[..1], &args[3..]].concat();
        let out = run_in(sandbox.dir.path(), &without);
        // (compare takes one person: moved to another, the file is refused by that rule.)
        let expected = if name == "moved.json" { 2 } else { 0 };
        assert_eq!(out.code, expected, "{name}: {}", out.stderr);
        assert!(!out.stderr.contains("left out"), "{name}: {}", out.stderr);
    }

    // The files as issued, and the self-assessment (not checked), all count.
    let out = run_in(
        sandbox.dir.path(),
        &[
            "team",
            "--issued",
            "forms/issued.json",
            "self.json",
            &good[0],
            &good[1],
            "--format",
            "csv",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stderr.contains("left out"), "{}", out.stderr);

    // A broken file is an error as ever; the files left out by the ledger are named with it.
    sandbox.write("broken.json", "{ not json");
    let out = run_in(
        sandbox.dir.path(),
        &[
            "team",
            "--issued",
            "forms/issued.json",
            "self.json",
            "broken.json",
            "promoted.json",
        ],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("broken.json: corrupt"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("left out: promoted.json: not as issued"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("2 files left out of 3 files"),
        "{}",
        out.stderr
    );

    // Nothing left: exit 2.
    let out = run_in(
        sandbox.dir.path(),
        &[
            "team",
            "--issued",
            "forms/issued.json",
            "promoted.json",
            "moved.json",
        ],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("no file is left"), "{}", out.stderr);

    let out = run_in(
        sandbox.dir.path(),
        &["report", "--issued", "forms/issued.json", "promoted.json"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("relation manager (issued peer)"),
        "{}",
        out.stderr
    );
    let out = run_in(
        sandbox.dir.path(),
        &["report", "--issued", "forms/issued.json", "sam.json", "-q"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run_in(
        sandbox.dir.path(),
        &["report", "--issued", "forms/issued.json", "self.json", "-q"],
    );
    assert_eq!(out.code, 0, "a self file is not checked: {}", out.stderr);
}

#[test]
fn a_ledger_that_is_not_one_is_refused() {
    let sandbox = Sandbox::new();
    issue(&sandbox);
    sandbox.write(
        "bad.json",
        "{\"format\": \"rungs-issued/1\", \"pages\": [{}]}",
    );
    let out = run_in(
        sandbox.dir.path(),
        &["team", "--issued", "bad.json", "self.json"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("bad.json:1:"), "{}", out.stderr);
    assert!(
        out.stderr.contains("not a rungs form ledger"),
        "{}",
        out.stderr
    );
    let out = run_in(
        sandbox.dir.path(),
        &["compare", "--issued", "missing.json", "self.json"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn pages_issued_into_one_folder_at_once_are_all_recorded() {
    let sandbox = Sandbox::new();
    std::fs::create_dir(sandbox.path("forms")).expect("mkdir");
    let count = 12;
    let runs: Vec<Child> = (0..count)
        .map(|i| {
            Command::new(env!("CARGO_BIN_EXE_rungs"))
                .args(["form", &teamwork(), "--subject", "Ana Lee", "--rater"])
                .arg(format!("Rater {i}"))
                .args(["--relation", "peer", "-o"])
                .arg(PathBuf::from("forms").join(format!("page-{i}.html")))
                .current_dir(sandbox.dir.path())
                .env_remove("RUNGS_FRAMEWORKS")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("rungs starts")
        })
        .collect();
    for run in runs {
        let out = run.wait_with_output().expect("ends");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let ledger = ledger(&sandbox);
    let mut pages: Vec<String> = ledger["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .map(|p| p["page"].as_str().expect("name").to_string())
        .collect();
    pages.sort();
    let mut expected: Vec<String> = (0..count).map(|i| format!("page-{i}.html")).collect();
    expected.sort();
    assert_eq!(pages, expected, "every page is recorded once");
}

#[test]
fn a_page_may_not_take_the_ledger_s_name() {
    let sandbox = Sandbox::new();
    std::fs::create_dir(sandbox.path("forms")).expect("mkdir");
    let out = run_in(
        sandbox.dir.path(),
        &[
            "form",
            &teamwork(),
            "--subject",
            "Ana Lee",
            "-o",
            "forms/issued.json",
            "--force",
        ],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("the name of the ledger"),
        "{}",
        out.stderr
    );
    assert!(!sandbox.path("forms/issued.json").exists());
}
