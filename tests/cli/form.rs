//! `rungs form`: the rater's page, written, then filled in headless Chromium by clicks and by
//! keys, reloaded, saved, and the downloaded file read by `compare` like any other.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use scraper::{Html, Selector};
use serde_json::{json, Value};

use crate::browser::{browser_or_skip, Browser};
use crate::support::{command, Run};

const TEAMWORK: &str = "tests/fixtures/frameworks/teamwork.yaml";

/// The teamwork framework's indicators, in file order.
const IDS: [&str; 15] = [
    "lis-1",
    "lis-2",
    "lis-3",
    "lis-4",
    "lis-5",
    "lis-6",
    "fb-1",
    "fb-2",
    "fb-3",
    "fb-4",
    "planning.practising.1",
    "planning.practising.2",
    "planning.practising.3",
    "planning.leading.1",
    "planning.leading.2",
];

fn write_form(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let page = dir.join(name);
    let out = command(&["form", TEAMWORK, "--output"])
        .arg(&page)
        .args(args)
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    page
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("valid selector");
    doc.select(&selector).collect()
}

/// The JSON the page's script starts from.
fn form_data(doc: &Html) -> Value {
    let block = select(doc, "script#form-data")
        .first()
        .map(|s| s.inner_html())
        .expect("a data block");
    serde_json::from_str(&block).expect("the data block is JSON")
}

fn text(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect::<String>().trim().to_string()
}

/// The values each indicator is given in the browser tests: a mix of every scale value and na.
fn chosen(i: usize) -> &'static str {
    [
        "3", "4", "2", "na", "1", "3", "4", "3", "2", "3", "4", "1", "3", "na", "2",
    ][i]
}

/// Every indicator's checked value as the page shows it (null when none).
fn checked(browser: &Browser) -> Value {
    browser.eval(
        "return Array.from(document.querySelectorAll('fieldset.indicator')).map(function (f) {\
           var c = f.querySelector('input:checked'); return c ? c.value : null; });",
        json!([]),
    )
}

fn count_text(browser: &Browser) -> String {
    browser
        .eval(
            "return document.getElementById('count').textContent;",
            json!([]),
        )
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_rater_clicks_every_answer_reloads_finds_them_and_saves_a_file_compare_reads() {
    let Some((chromium, driver)) = browser_or_skip(
        "a_rater_clicks_every_answer_reloads_finds_them_and_saves_a_file_compare_reads",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let page = write_form(
        dir.path(),
        "ana-by-sam.html",
        &[
            "--subject",
            "Ana Lee",
            "--rater",
            "Sam Lee",
            "--relation",
            "manager",
        ],
    );
    let browser = Browser::start(&chromium, &driver);
    browser.open(&page);
    assert_eq!(count_text(&browser), "0 of 15 answered");
    for (i, id) in IDS.iter().enumerate() {
        browser.click(&format!("input[name='{id}'][value='{}']", chosen(i)));
    }
    browser.type_into(
        "textarea[name='note:fb-3']",
        "Named the behaviour in the March review.",
    );
    assert_eq!(count_text(&browser), "15 of 15 answered");

    browser.reload();
    let expected: Vec<&str> = (0..IDS.len()).map(chosen).collect();
    assert_eq!(
        checked(&browser),
        json!(expected),
        "every answer is there after a reload"
    );
    assert_eq!(count_text(&browser), "15 of 15 answered");
    let note = browser.eval(
        "return document.querySelector('textarea[name=\"note:fb-3\"]').value;",
        json!([]),
    );
    assert_eq!(note, "Named the behaviour in the March review.");

    browser.click("#save");
    let saved = browser.downloaded("Ana Lee-by-Sam Lee.json");
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).expect("read")).expect("JSON");
    assert_eq!(file["subject"], "Ana Lee");
    assert_eq!(
        file["rater"],
        json!({ "name": "Sam Lee", "relation": "manager" })
    );
    assert_eq!(file["ratings"]["fb-3"]["value"], 2);
    assert_eq!(
        file["ratings"]["fb-3"]["note"],
        "Named the behaviour in the March review."
    );
    assert_eq!(file["ratings"]["lis-4"]["value"], "na");
    assert!(file["completed_at"].is_string(), "{file}");
    // The page wrote the token its ledger lists into the file.
    let ledger: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("issued.json")).expect("the ledger"),
    )
    .expect("JSON");
    assert_eq!(file["form_token"], ledger["pages"][0]["token"], "{ledger}");
    assert_eq!(ledger["pages"][0]["page"], "ana-by-sam.html");

    // Ana's own view, at the terminal; then the comparison of the two.
    let answers = dir.path().join("answers.json");
    let mine: serde_json::Map<String, Value> =
        IDS.iter().map(|id| (id.to_string(), json!(3))).collect();
    std::fs::write(&answers, Value::Object(mine).to_string()).expect("write answers");
    let me = dir.path().join("ana.json");
    let out = command(&["assess", TEAMWORK, "--subject", "Ana Lee", "--answers"])
        .arg(&answers)
        .arg("-o")
        .arg(&me)
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = command(&["compare", "--format", "json", "--issued"])
        .arg(dir.path().join("issued.json"))
        .arg(&me)
        .arg(&saved)
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stderr.contains("digest"), "{}", out.stderr);
    assert!(!out.stderr.contains("left out"), "{}", out.stderr);
    let compared: Value = serde_json::from_str(&out.stdout).expect("compare JSON");
    let consensus: BTreeMap<String, Value> = compared["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap_or_default().to_string(),
                i["consensus"].clone(),
            )
        })
        .collect();
    let expected: BTreeMap<String, Value> = IDS
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let value = chosen(i);
            (
                id.to_string(),
                value.parse::<u32>().map_or(json!("na"), |v| json!(v)),
            )
        })
        .collect();
    assert_eq!(consensus, expected, "the manager alone is the consensus");
    let fb3 = compared["indicators"]
        .as_array()
        .and_then(|all| all.iter().find(|i| i["id"] == "fb-3"))
        .expect("fb-3");
    assert_eq!(fb3["flag"], "blind_spot", "self 3, the manager 2");
}

#[test]
fn two_forms_for_anyone_keep_their_drafts_apart_and_each_finds_its_own_after_a_reload() {
    let Some((chromium, driver)) = browser_or_skip(
        "two_forms_for_anyone_keep_their_drafts_apart_and_each_finds_its_own_after_a_reload",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    // Two pages made alike, for anyone: the rater types who they rate in each.
    let first = write_form(dir.path(), "first.html", &[]);
    let second = write_form(dir.path(), "second.html", &[]);
    let browser = Browser::start(&chromium, &driver);
    browser.open(&first);
    browser.type_into("#subject", "Ana Lee");
    for (i, id) in IDS.iter().enumerate().take(4) {
        browser.click(&format!("input[name='{id}'][value='{}']", chosen(i)));
    }
    assert_eq!(count_text(&browser), "4 of 15 answered");

    browser.open(&second);
    assert_eq!(
        count_text(&browser),
        "0 of 15 answered",
        "the second page does not start from the first one's draft"
    );
    assert_eq!(checked(&browser), Value::Array(vec![Value::Null; 15]));
    let subject = browser.eval(
        "return document.querySelector('#subject').value;",
        json!([]),
    );
    assert_eq!(subject, "");
    browser.type_into("#subject", "Bo Park");
    browser.click("input[name='fb-1'][value='1']");
    browser.reload();
    assert_eq!(
        count_text(&browser),
        "1 of 15 answered",
        "its own draft after a reload"
    );

    browser.open(&first);
    let expected: Vec<Value> = (0..IDS.len())
        .map(|i| if i < 4 { json!(chosen(i)) } else { Value::Null })
        .collect();
    assert_eq!(
        checked(&browser),
        json!(expected),
        "the first page's draft is intact"
    );
    let subject = browser.eval(
        "return document.querySelector('#subject').value;",
        json!([]),
    );
    assert_eq!(subject, "Ana Lee");
}

#[test]
fn the_page_lists_every_indicator_with_labelled_choices_under_a_strict_policy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = write_form(dir.path(), "form.html", &["--subject", "Ana Lee"]);
    let html = std::fs::read_to_string(&page).expect("page written");
    let doc = Html::parse_document(&html);

    let policy = select(&doc, "meta[http-equiv=Content-Security-Policy]")
        .first()
        .and_then(|m| m.value().attr("content"))
        .expect("a policy")
        .to_string();
    assert!(
        policy.starts_with("default-src 'none'; script-src 'sha256-"),
        "{policy}"
    );
    assert!(policy.contains("style-src 'sha256-"), "{policy}");
    assert!(!policy.contains("unsafe"), "{policy}");
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no address to fetch"
    );
    assert!(select(&doc, "link, img, iframe, object, [src]").is_empty());

    assert_eq!(
        select(&doc, "h1").first().map(text).as_deref(),
        Some("Teamwork 1.0")
    );
    assert_eq!(
        select(&doc, "#subject-name").first().map(text).as_deref(),
        Some("Ana Lee")
    );
    let scale: Vec<String> = select(&doc, "table.scale tbody tr")
        .iter()
        .map(|r| {
            r.text()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(
        scale,
        [
            "1 Rarely",
            "2 Sometimes",
            "3 Often",
            "4 Consistently",
            "na Not applicable: you have had no chance to see it (it does not count)"
        ]
    );

    // Every indicator under its competency and level, as a fieldset whose legend is its text,
    // with a labelled radio per scale value and na, and a labelled note.
    let sets = select(&doc, "section.competency section.level fieldset.indicator");
    let ids: Vec<&str> = sets
        .iter()
        .filter_map(|f| f.value().attr("data-id"))
        .collect();
    assert_eq!(ids, IDS);
    let first = &sets[0];
    let legend = select(&doc, "fieldset[data-id=lis-1] > legend");
    assert!(text(&legend[0]).starts_with("Lets others finish before replying."));
    for (set, id) in sets.iter().zip(IDS) {
        let radios: Vec<(String, String)> = set
            .select(&Selector::parse("label > input[type=radio]").expect("selector"))
            .map(|r| {
                (
                    r.value().attr("name").unwrap_or_default().to_string(),
                    r.value().attr("value").unwrap_or_default().to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = ["1", "2", "3", "4", "na"]
            .iter()
            .map(|v| (id.to_string(), v.to_string()))
            .collect();
        assert_eq!(radios, want, "{id}");
        let notes = set
            .select(&Selector::parse("label > textarea").expect("selector"))
            .filter_map(|t| t.value().attr("name"))
            .collect::<Vec<_>>();
        assert_eq!(notes, [format!("note:{id}")]);
    }
    assert_eq!(first.value().attr("data-id"), Some("lis-1"));
    let headings: Vec<String> = select(&doc, "section.competency > h2")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        headings,
        ["Listening", "Giving feedback", "Planning together"]
    );
    assert_eq!(
        select(&doc, "#count").first().map(text).as_deref(),
        Some("0 of 15 answered")
    );
    assert_eq!(select(&doc, "button#save").len(), 1);
    // Rater and relation are fields to fill; every field has a label.
    for field in select(&doc, "input[type=text], select, textarea") {
        let id = field.value().attr("id");
        let labelled = id.is_some_and(|id| !select(&doc, &format!("label[for='{id}']")).is_empty())
            || field
                .parent()
                .and_then(scraper::ElementRef::wrap)
                .is_some_and(|p| p.value().name() == "label");
        assert!(labelled, "{:?} has no label", field.value());
    }
}

/// A framework whose texts try to be markup and script.
const HOSTILE_FRAMEWORK: &str = r#"id: hostile
name: "Hostile <b>bold</b>"
version: "1.0"
levels:
  - { id: one, name: One }
competencies:
  - id: sneaky
    name: "<img src=x onerror=\"document.title='pwned'\">Sneaky"
    levels:
      - level: one
        title: "</section><script>document.title='pwned'</script>"
        indicators:
          - id: s-1
            text: "<script>document.title='pwned'</script>"
            examples: ["<img src=x onerror=\"document.title='pwned'\">"]
          - id: s-2
            text: "</script><script>document.title='pwned'</script>"
          - id: s-3
            text: "Plain <!-- text & more"
"#;

fn hostile_form(dir: &Path) -> PathBuf {
    let framework = dir.join("hostile.yaml");
    std::fs::write(&framework, HOSTILE_FRAMEWORK).expect("write framework");
    let page = dir.join("hostile.html");
    let out = command(&["form"])
        .arg(&framework)
        .arg("-o")
        .arg(&page)
        .args(&[
            "--subject",
            "</script><script>document.title='pwned'</script>",
            "--rater",
            "\"><img src=x onerror=\"document.title='pwned'\">",
            "--relation",
            "peer",
        ])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    page
}

#[test]
fn framework_text_and_names_are_written_as_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = hostile_form(dir.path());
    let html = std::fs::read_to_string(&page).expect("page written");
    assert_eq!(
        html.matches("<script").count(),
        2,
        "the data block and the page's script"
    );
    assert_eq!(html.matches("</script>").count(), 2);
    assert!(!html.contains("<img"), "no image element is written");
    assert!(!html.contains("<b>"));
    let doc = Html::parse_document(&html);
    let legends: Vec<String> = select(&doc, "legend").iter().map(text).collect();
    assert_eq!(
        legends,
        [
            "<script>document.title='pwned'</script> s-1",
            "</script><script>document.title='pwned'</script> s-2",
            "Plain <!-- text & more s-3",
        ]
    );
    assert_eq!(
        select(&doc, "#rater-name")
            .first()
            .and_then(|r| r.value().attr("value")),
        Some("\"><img src=x onerror=\"document.title='pwned'\">")
    );
    let data = form_data(&doc);
    assert_eq!(
        data["base"]["subject"],
        "</script><script>document.title='pwned'</script>"
    );
}

/// A raters sheet `dir/raters.csv` holding `text`.
fn raters_sheet(dir: &Path, text: &str) -> PathBuf {
    let sheet = dir.join("raters.csv");
    std::fs::write(&sheet, text).expect("write the raters sheet");
    sheet
}

/// `rungs form TEAMWORK --subject SUBJECT --raters SHEET --output-dir FOLDER`: a page per rater.
fn forms_for_raters(subject: &str, sheet: &Path, folder: &Path) -> Run {
    command(&["form", TEAMWORK, "--subject", subject, "--raters"])
        .arg(sheet)
        .arg("--output-dir")
        .arg(folder)
        .run()
}

#[test]
fn one_page_per_rater_from_a_sheet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sheet = raters_sheet(
        dir.path(),
        "Name,Relation,email\nSam Lee,manager,sam@example.org\nKim Park,peer,\n\"O'Neil, Jo\",Peer,\n",
    );
    let forms = dir.path().join("forms");
    std::fs::create_dir(&forms).expect("folder");
    let out = forms_for_raters("Ana Lee", &sheet, &forms);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut names: Vec<String> = std::fs::read_dir(&forms)
        .expect("read folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "issued.json",
            "kim-park.html",
            "o-neil-jo.html",
            "sam-lee.html"
        ]
    );
    for (file, rater, relation) in [
        ("sam-lee.html", "Sam Lee", "manager"),
        ("kim-park.html", "Kim Park", "peer"),
        ("o-neil-jo.html", "O'Neil, Jo", "peer"),
    ] {
        let doc = Html::parse_document(&std::fs::read_to_string(forms.join(file)).expect("page"));
        assert_eq!(
            select(&doc, "#rater-name")
                .first()
                .and_then(|r| r.value().attr("value")),
            Some(rater)
        );
        assert_eq!(
            select(&doc, "#relation option[selected]")
                .first()
                .and_then(|o| o.value().attr("value")),
            Some(relation)
        );
        assert_eq!(
            select(&doc, "#subject-name").first().map(text).as_deref(),
            Some("Ana Lee")
        );
    }

    // Again: nothing is overwritten without --force, and the refusal names every page.
    let out = forms_for_raters("Ana Lee", &sheet, &forms);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr.matches("file exists; pass --force").count(),
        3,
        "{}",
        out.stderr
    );
}

#[test]
fn a_bad_raters_sheet_is_refused_row_by_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sheet = raters_sheet(
        dir.path(),
        "name,relation\nSam Lee,boss\n,peer\nKim Park,peer\n",
    );
    let out = forms_for_raters("Ana Lee", &sheet, dir.path());
    assert_eq!(out.code, 2, "{}", out.stderr);
    let shown = sheet.display();
    assert_eq!(
        out.stderr,
        format!(
            "error: {shown}:2:2: relation \"boss\" of \"Sam Lee\" is not one of self, manager, peer, report, other\n\
             error: {shown}:3:1: the rater's name is empty\n"
        )
    );
    assert!(
        !dir.path().join("kim-park.html").exists(),
        "nothing written"
    );

    let out = command(&["form", TEAMWORK, "--raters"])
        .arg(&sheet)
        .arg("--output-dir")
        .arg(dir.path())
        .run();
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: --raters: name the person they rate with --subject NAME\n"
    );

    raters_sheet(dir.path(), "who,relation\nSam Lee,peer\n");
    let out = forms_for_raters("Ana Lee", &sheet, dir.path());
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        format!("error: {shown}:1:1: a raters sheet needs the columns `name` and `relation` in its first row\n")
    );
}

#[test]
fn from_fills_in_last_rounds_answers_and_notes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("answers.json");
    std::fs::write(&answers, r#"{"lis-1": 3, "lis-2": "na", "fb-1": 2}"#).expect("write");
    let earlier = dir.path().join("ana-by-sam.json");
    let out = command(&[
        "assess",
        TEAMWORK,
        "--subject",
        "Ana Lee",
        "--rater",
        "Sam Lee",
        "--relation",
        "manager",
        "--answers",
    ])
    .arg(&answers)
    .arg("-o")
    .arg(&earlier)
    .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let page = dir.path().join("again.html");
    let out = command(&["form", TEAMWORK, "--from"])
        .arg(&earlier)
        .arg("-o")
        .arg(&page)
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc = Html::parse_document(&std::fs::read_to_string(&page).expect("page"));
    let checked: Vec<(String, String)> = select(&doc, "input[type=radio][checked]")
        .iter()
        .map(|r| {
            (
                r.value().attr("name").unwrap_or_default().to_string(),
                r.value().attr("value").unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(
        checked,
        [
            ("lis-1".into(), "3".into()),
            ("lis-2".into(), "na".into()),
            ("fb-1".into(), "2".into())
        ]
    );
    assert_eq!(
        select(&doc, "#count").first().map(text).as_deref(),
        Some("3 of 15 answered")
    );
    assert_eq!(
        select(&doc, "#rater-name")
            .first()
            .and_then(|r| r.value().attr("value")),
        Some("Sam Lee")
    );
    let data = form_data(&doc);
    assert!(data["base"]["from"]["path"]
        .as_str()
        .is_some_and(|p| p.ends_with("ana-by-sam.json")));
    assert_eq!(data["base"]["subject"], "Ana Lee");
}

/// The keys rater `r` types for the teamwork indicators: every scale value and `n`, a different
/// mix per rater.
fn keys_of(r: usize) -> String {
    (0..IDS.len())
        .map(|i| ['1', '2', '3', '4', 'n'][(i * (r + 2) + r) % 5])
        .collect()
}

/// Put the keyboard focus on the first indicator's first choice, as Tab would.
fn focus_first_choice(browser: &Browser) {
    browser.eval(
        "document.querySelector('fieldset.indicator input[type=radio]').focus();",
        json!([]),
    );
}

#[test]
fn keys_alone_rate_every_indicator_and_save() {
    let Some((chromium, driver)) = browser_or_skip("keys_alone_rate_every_indicator_and_save")
    else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let page = write_form(dir.path(), "anyone.html", &["--subject", "Ana Lee"]);
    let browser = Browser::start(&chromium, &driver);
    browser.open(&page);

    // The rater types their name and picks the relation with the keyboard too.
    browser.type_into("#rater-name", "Kim Park");
    browser.type_into("#relation", "peer");
    focus_first_choice(&browser);
    let typed = keys_of(1);
    browser.keys(&typed[..7]);
    // The focused indicator is the next one, its focus ring drawn.
    let focused = browser.eval(
        "var a = document.activeElement; var s = getComputedStyle(a);\
         return [a.closest('fieldset').getAttribute('data-id'), a.value, s.outlineStyle, s.outlineWidth];",
        json!([]),
    );
    assert_eq!(focused, json!(["fb-2", "1", "solid", "3px"]));
    assert_eq!(count_text(&browser), "7 of 15 answered");
    browser.keys(&typed[7..]);
    let expected: Vec<&str> = typed
        .chars()
        .map(|k| {
            if k == 'n' {
                "na"
            } else {
                ["1", "2", "3", "4"][k as usize - '1' as usize]
            }
        })
        .collect();
    assert_eq!(checked(&browser), json!(expected));
    assert_eq!(count_text(&browser), "15 of 15 answered");
    // After the last indicator the focus is on the save button: Enter saves.
    assert_eq!(
        browser.eval("return document.activeElement.id;", json!([])),
        "save"
    );
    browser.keys("\u{E007}");
    let saved = browser.downloaded("Ana Lee-by-Kim Park.json");
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).expect("read")).expect("JSON");
    assert_eq!(
        file["rater"],
        json!({ "name": "Kim Park", "relation": "peer" })
    );
    let values: Vec<Value> = IDS
        .iter()
        .map(|id| file["ratings"][id]["value"].clone())
        .collect();
    let want: Vec<Value> = expected
        .iter()
        .map(|v| v.parse::<u32>().map_or(json!("na"), |n| json!(n)))
        .collect();
    assert_eq!(values, want);

    // `report` reads it like any other file, complete, every rating counted.
    let out = command(&["report", "--format", "json"]).arg(&saved).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "", "nothing to warn about");
    let report: Value = serde_json::from_str(&out.stdout).expect("report JSON");
    assert_eq!(report["completed_at"], file["completed_at"]);
    let rated: Vec<Value> = report["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| i["rating"].clone())
        .collect();
    assert_eq!(rated, want);

    // A second round, in the same browser: the page made with --from starts from the file
    // saved last time (not from what the browser kept), one answer changes, and `diff` of the
    // two files says so.
    let first = dir.path().join("round-1.json");
    std::fs::rename(&saved, &first).expect("move the first file away");
    let again = dir.path().join("again.html");
    let out = command(&["form", TEAMWORK, "--from"])
        .arg(&first)
        .arg("-o")
        .arg(&again)
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    browser.open(&again);
    assert_eq!(checked(&browser), json!(expected));
    assert_eq!(
        browser.eval(
            "return document.getElementById('rater-name').value;",
            json!([])
        ),
        "Kim Park"
    );
    let changed = if expected[2] == "4" { "1" } else { "4" };
    browser.click(&format!("input[name='lis-3'][value='{changed}']"));
    browser.click("#save");
    let second = browser.downloaded("Ana Lee-by-Kim Park.json");
    let out = command(&["diff", "--format", "json"])
        .arg(&first)
        .arg(&second)
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let diff: Value = serde_json::from_str(&out.stdout).expect("diff JSON");
    let moved: Vec<(Value, Value, Value)> = diff["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| (i["id"].clone(), i["from"].clone(), i["to"].clone()))
        .collect();
    assert_eq!(
        moved,
        [(
            json!("lis-3"),
            want[2].clone(),
            json!(changed.parse::<u32>().ok())
        )]
    );
}

#[test]
fn three_forms_and_a_self_assessment_compare_like_four_terminal_assessments() {
    let Some((chromium, driver)) =
        browser_or_skip("three_forms_and_a_self_assessment_compare_like_four_terminal_assessments")
    else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let raters = [
        ("Sam Lee", "manager"),
        ("Kim Park", "peer"),
        ("Jo Chen", "peer"),
    ];
    let rows: String = raters.iter().map(|(n, r)| format!("{n},{r}\n")).collect();
    let sheet = raters_sheet(dir.path(), &format!("name,relation\n{rows}"));
    let forms = dir.path().join("forms");
    std::fs::create_dir(&forms).expect("folder");
    let out = forms_for_raters("Alex Rivera", &sheet, &forms);
    assert_eq!(out.code, 0, "{}", out.stderr);

    // Each rater fills their own page in one browser: the pages keep their answers apart.
    let browser = Browser::start(&chromium, &driver);
    let mut from_forms = Vec::new();
    for (r, (name, _)) in raters.iter().enumerate() {
        browser.open(&forms.join(format!("{}.html", name.to_lowercase().replace(' ', "-"))));
        assert_eq!(
            count_text(&browser),
            "0 of 15 answered",
            "{name}'s page starts empty"
        );
        focus_first_choice(&browser);
        browser.keys(&keys_of(r));
        browser.keys("\u{E007}");
        from_forms.push(browser.downloaded(&format!("Alex Rivera-by-{name}.json")));
    }

    // The same ratings typed at the terminal (through --answers).
    let answers = |r: usize| {
        let map: serde_json::Map<String, Value> = IDS
            .iter()
            .zip(keys_of(r).chars())
            .map(|(id, k)| {
                let value = if k == 'n' {
                    json!("na")
                } else {
                    json!(k.to_digit(10))
                };
                (id.to_string(), value)
            })
            .collect();
        let path = dir.path().join(format!("answers-{r}.json"));
        std::fs::write(&path, Value::Object(map).to_string()).expect("write answers");
        path
    };
    let assess = |r: usize, who: &[&str], out: &Path| {
        let run = command(&["assess", TEAMWORK, "--subject", "Alex Rivera"])
            .args(who)
            .arg("--answers")
            .arg(answers(r))
            .arg("-o")
            .arg(out)
            .run();
        assert_eq!(run.code, 0, "{}", run.stderr);
    };
    let me = dir.path().join("alex.json");
    assess(3, &[], &me);
    let mut from_terminal = Vec::new();
    for (r, (name, relation)) in raters.iter().enumerate() {
        let out = dir.path().join(format!("terminal-{r}.json"));
        assess(r, &["--rater", name, "--relation", relation], &out);
        from_terminal.push(out);
    }

    let compare = |files: &[PathBuf]| {
        let run = files
            .iter()
            .fold(
                command(&["compare", "--format", "json"]).arg(&me),
                |c, f| c.arg(f),
            )
            .run();
        assert_eq!(run.code, 0, "{}", run.stderr);
        let mut value: Value = serde_json::from_str(&run.stdout).expect("compare JSON");
        for rater in value["raters"].as_array_mut().expect("raters") {
            rater["file"] = Value::Null;
        }
        value
    };
    let by_forms = compare(&from_forms);
    let by_terminal = compare(&from_terminal);
    assert_eq!(by_forms, by_terminal);
    assert_eq!(by_forms["raters"].as_array().map(Vec::len), Some(4));
    // `team --consensus` reads them the same way too.
    let team = |files: &[PathBuf]| {
        let run = files
            .iter()
            .fold(
                command(&["team", "--consensus", "--format", "json"]).arg(&me),
                |c, f| c.arg(f),
            )
            .run();
        assert_eq!(run.code, 0, "{}", run.stderr);
        let value: Value = serde_json::from_str(&run.stdout).expect("team JSON");
        value["subjects"][0]["competencies"].clone()
    };
    let team_of_forms = team(&from_forms);
    assert!(
        team_of_forms.as_array().is_some_and(|c| c.len() == 3),
        "{team_of_forms}"
    );
    assert_eq!(team_of_forms, team(&from_terminal));
    assert!(
        by_forms["indicators"]
            .as_array()
            .is_some_and(|all| all.iter().any(|i| !i["flag"].is_null())),
        "the comparison finds blind spots or hidden strengths: {by_forms}"
    );
}

#[test]
fn the_hostile_page_runs_only_its_own_script() {
    let Some((chromium, driver)) = browser_or_skip("the_hostile_page_runs_only_its_own_script")
    else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let page = hostile_form(dir.path());
    let browser = Browser::start(&chromium, &driver);
    browser.open(&page);
    assert_eq!(
        browser.title(),
        "Hostile <b>bold</b> 1.0: rating </script><script>document.title='pwned'</script>",
        "no script from the framework or the names ran"
    );
    let found = browser.eval(
        "return [document.scripts.length, document.images.length,\
                 document.querySelectorAll('b, section.level script').length,\
                 Array.from(document.querySelectorAll('legend')).map(function (l) { return l.textContent; })];",
        json!([]),
    );
    assert_eq!(
        found,
        json!([
            2,
            0,
            0,
            [
                "<script>document.title='pwned'</script> s-1",
                "</script><script>document.title='pwned'</script> s-2",
                "Plain <!-- text & more s-3",
            ]
        ])
    );
    // The page's own script runs (the policy names it by its hash): a click is counted.
    browser.click("input[name='s-1'][value='2']");
    assert_eq!(count_text(&browser), "1 of 3 answered");
    browser.click("#save");
    // Its name is made of the names, with every character a file name cannot hold replaced.
    let saved = browser.only_download();
    let name = saved
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    assert!(name.ends_with(".json") && name.contains("-by-"), "{name}");
    assert!(!name.contains(['<', '>', '/', '"']), "{name}");
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).expect("read")).expect("JSON");
    assert_eq!(
        file["subject"],
        "</script><script>document.title='pwned'</script>"
    );
    assert_eq!(
        file["rater"]["name"],
        "\"><img src=x onerror=\"document.title='pwned'\">"
    );
    assert_eq!(file["ratings"]["s-1"]["value"], 2);
    assert_eq!(
        file["completed_at"],
        Value::Null,
        "1 of 3 answered: in progress"
    );
}

#[test]
fn every_control_has_a_role_and_a_name_and_print_makes_a_paper_form() {
    let Some((chromium, driver)) =
        browser_or_skip("every_control_has_a_role_and_a_name_and_print_makes_a_paper_form")
    else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let page = write_form(dir.path(), "form.html", &[]);
    let browser = Browser::start(&chromium, &driver);
    browser.open(&page);

    // The accessibility tree, as a screen reader gets it.
    let tree = browser.cdp("Accessibility.getFullAXTree", json!({}));
    let nodes = tree["nodes"].as_array().expect("nodes");
    let named = |role: &str| -> Vec<String> {
        nodes
            .iter()
            .filter(|n| n["ignored"] != true && n["role"]["value"] == role)
            .map(|n| n["name"]["value"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    let groups = named("group");
    assert_eq!(groups.len(), IDS.len(), "a group per indicator: {groups:?}");
    assert_eq!(groups[0], "Lets others finish before replying. lis-1");
    let radios = named("radio");
    assert_eq!(radios.len(), IDS.len() * 5);
    assert_eq!(
        radios[..5],
        [
            "1 Rarely",
            "2 Sometimes",
            "3 Often",
            "4 Consistently",
            "na Not applicable"
        ]
    );
    let boxes = named("textbox");
    assert_eq!(boxes[..2], ["Person rated", "Your name"]);
    assert_eq!(boxes.len(), 2 + IDS.len());
    assert!(boxes[2..].iter().all(|b| b == "Note"), "{boxes:?}");
    assert_eq!(named("combobox"), ["You are their"]);
    assert_eq!(named("button"), ["Save answers as a file"]);
    assert_eq!(
        named("status").len(),
        2,
        "the count and what saving did are announced"
    );
    assert!(named("heading").contains(&"Giving feedback".to_string()));

    // Printed: no controls but the boxes, one line per indicator.
    browser.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    let printed = browser.eval(
        "var f = document.querySelector('fieldset.indicator');\
         var r = f.querySelector('input[type=radio]');\
         var box = getComputedStyle(r);\
         return [getComputedStyle(document.getElementById('progress')).display,\
                 getComputedStyle(f.querySelector('label.note')).display,\
                 getComputedStyle(f).display, box.appearance, box.borderTopStyle,\
                 getComputedStyle(f.querySelector('.label')).display,\
                 Math.abs(f.getBoundingClientRect().height) < 3 * parseFloat(getComputedStyle(f).fontSize)];",
        json!([]),
    );
    assert_eq!(
        printed,
        json!(["none", "none", "flex", "none", "solid", "none", true])
    );
    let pdf = browser.cdp("Page.printToPDF", json!({}));
    assert!(pdf["data"].as_str().is_some_and(|d| d.len() > 1000));
}

#[test]
fn the_readme_shows_the_form_as_it_is() {
    let guide = crate::support::doc("docs/360.md");
    let section = guide
        .split("## Raters who do not use a terminal: `rungs form`")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("docs/360.md's form section");
    let sheet = "name,relation\nSam Lee,manager\nKim Park,peer\nJo Chen,peer\n";
    assert!(section.contains(&format!("$ cat raters.csv\n{sheet}$ rungs form")));
    assert!(section.contains(
        "$ rungs form lasting-relationships --subject \"Alex Rivera\" --raters raters.csv --output-dir forms/\n\
         $ ls forms/\nissued.json  jo-chen.html  kim-park.html  sam-lee.html\n"
    ));
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("raters.csv"), sheet).expect("write sheet");
    let out = command(&[
        "form",
        "lasting-relationships",
        "--subject",
        "Alex Rivera",
        "--raters",
        "raters.csv",
        "--output-dir",
        "forms/",
    ])
    .current_dir(dir.path())
    .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("forms"))
        .expect("the folder is made")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names.join("  "),
        "issued.json  jo-chen.html  kim-park.html  sam-lee.html"
    );

    // The page's text as docs/360.md shows it.
    let page = std::fs::read_to_string(dir.path().join("forms/sam-lee.html")).expect("page");
    let doc = Html::parse_document(&page);
    let first = |css: &str| select(&doc, css).first().map(text).unwrap_or_default();
    let shown = section
        .split("```text\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("the page's text");
    let lines: Vec<&str> = shown.lines().map(str::trim).collect();
    assert_eq!(lines[0], first("h1"));
    assert_eq!(
        lines[1],
        format!(
            "{}    Your name [{}]    You are their [{}]",
            first(".who p"),
            select(&doc, "#rater-name")[0]
                .value()
                .attr("value")
                .unwrap_or_default(),
            first("#relation option[selected]")
        )
    );
    let scale: Vec<String> = select(&doc, "table.scale tbody tr")
        .iter()
        .map(|r| {
            let cells: Vec<String> = r.child_elements().map(|c| text(&c)).collect();
            format!(
                "{} {}",
                cells[0],
                cells[1].split(':').next().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(lines[2], format!("The scale: {}", scale.join(", ")));
    assert_eq!(
        lines[3],
        format!("{}    [{}]", first("#count"), first("#save"))
    );
    assert_eq!(lines[5], first("section.competency h2"));
    assert_eq!(lines[6], first("section.level h3"));
    assert_eq!(lines[7], first("fieldset.indicator legend"));
    let choices: Vec<String> = select(&doc, "fieldset.indicator")[0]
        .select(&Selector::parse(".choices label").expect("selector"))
        .map(|l| format!("( ) {}", text(&l)))
        .collect();
    assert_eq!(lines[8], choices.join("  "));
    assert!(lines[9].starts_with(&format!("{} [", first("label.note"))));
}

#[test]
fn on_a_track_the_form_asks_only_the_levels_of_its_ladder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("manager.html");
    let out = command(&[
        "form",
        "tests/fixtures/frameworks/engineering-ladder.yaml",
        "--track",
        "manager",
        "-o",
    ])
    .arg(&page)
    .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc = Html::parse_document(&std::fs::read_to_string(&page).expect("page"));
    let mut levels: Vec<&str> = select(&doc, "section.level")
        .iter()
        .filter_map(|s| s.value().attr("data-level"))
        .collect();
    levels.sort_unstable();
    levels.dedup();
    assert_eq!(
        levels,
        ["director", "engineer", "junior", "manager", "senior"]
    );
    assert_eq!(
        select(&doc, "p.meta").first().map(text).as_deref(),
        Some("Track: People manager")
    );
    let data = form_data(&doc);
    assert_eq!(data["base"]["track"], "manager");

    let out = command(&[
        "form",
        "tests/fixtures/frameworks/engineering-ladder.yaml",
        "--track",
        "astronaut",
        "-o",
    ])
    .arg(dir.path().join("nowhere.html"))
    .run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(!dir.path().join("nowhere.html").exists());
}

const OWN_SCALES: &str = "tests/fixtures/frameworks/own-scales.yaml";

#[test]
fn a_competency_with_a_scale_of_its_own_is_rated_on_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("own.html");
    let out = command(&["form", OWN_SCALES, "--subject", "Ana Lee", "-o"])
        .arg(&page)
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc = Html::parse_document(&std::fs::read_to_string(&page).expect("page"));
    let values = |id: &str| -> Vec<String> {
        select(&doc, &format!("input[name='{id}']"))
            .iter()
            .map(|r| r.value().attr("value").unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(values("d1"), ["1", "2", "3", "4", "na"]);
    assert_eq!(values("k1"), ["0", "1", "2", "na"]);
    let labels: Vec<String> = select(&doc, "fieldset[data-id=k1] .choices label")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        labels,
        [
            "0 Not yet",
            "1 Partly",
            "2 Can explain",
            "na Not applicable"
        ]
    );
    assert_eq!(
        select(&doc, "section[data-competency=knowing] p.own-scale")
            .first()
            .map(text)
            .as_deref(),
        Some("Rated on a scale of its own: 0 Not yet, 1 Partly, 2 Can explain, na Not applicable")
    );
    assert_eq!(
        select(&doc, "fieldset[data-id=d2] p.origin")
            .first()
            .map(text)
            .as_deref(),
        Some("Author, 2020, p. 5 (quoted)")
    );
}

#[test]
fn keys_rate_on_each_competencys_own_scale() {
    let Some((chromium, driver)) = browser_or_skip("keys_rate_on_each_competencys_own_scale")
    else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("own.html");
    let out = command(&[
        "form",
        OWN_SCALES,
        "--subject",
        "Ana Lee",
        "--rater",
        "Sam Lee",
        "--relation",
        "peer",
        "-o",
    ])
    .arg(&page)
    .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let browser = Browser::start(&chromium, &driver);
    browser.open(&page);
    focus_first_choice(&browser);
    // 0 is a value of knowing's scale, not "not applicable" as on a scale without it.
    browser.keys("4n02");
    assert_eq!(checked(&browser), json!(["4", "na", "0", "2"]));
    browser.keys("\u{E007}");
    let saved = browser.downloaded("Ana Lee-by-Sam Lee.json");
    let out = command(&["report", "--format", "json"]).arg(&saved).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).expect("report JSON");
    let ratings: Vec<Value> = report["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| i["rating"].clone())
        .collect();
    assert_eq!(ratings, [json!(4), json!("na"), json!(0), json!(2)]);
}

#[test]
fn a_form_in_dutch_speaks_dutch_shows_the_translation_and_saves_lang() {
    let sandbox = crate::translate::kitchen_in_dutch();
    let page = sandbox.path("ana.html");
    let made = crate::translate::rungs_in(
        &sandbox,
        &[
            "form",
            "@kitchen.yaml",
            "--lang",
            "nl",
            "-o",
            "@ana.html",
            "--subject",
            "Ana",
            "--relation",
            "manager",
        ],
    );
    assert_eq!(made.code, 0, "{}", made.stderr);
    let html = std::fs::read_to_string(&page).expect("page");
    assert!(
        html.contains("<html lang=\"nl\">"),
        "the page says its language"
    );
    let doc = Html::parse_document(&html);
    assert_eq!(
        text(&select(&doc, "#save")[0]),
        "Antwoorden opslaan als bestand"
    );
    assert_eq!(text(&select(&doc, "#count")[0]), "0 van 5 beantwoord");
    assert_eq!(text(&select(&doc, "h1")[0]), "Keukenvaardigheden 2");
    let legends: Vec<String> = select(&doc, "legend").iter().map(text).collect();
    assert!(
        legends
            .iter()
            .any(|l| l.starts_with("Proeft voor het opdienen.")),
        "{legends:?}"
    );
    assert!(
        legends.iter().any(|l| l.starts_with("Bakes sourdough.")),
        "untranslated stays: {legends:?}"
    );
    assert!(html.contains("Niet van toepassing"), "choices in Dutch");
    assert!(
        !html.contains("Save answers as a file"),
        "no English interface left"
    );
    assert_eq!(form_data(&doc)["base"]["lang"], "nl");

    let Some((chromium, driver)) =
        browser_or_skip("a_form_in_dutch_speaks_dutch_shows_the_translation_and_saves_lang")
    else {
        return;
    };
    let browser = Browser::start(&chromium, &driver);
    browser.open(&page);
    for (id, value) in [
        ("soup-1", "3"),
        ("soup-2", "4"),
        ("soup-3", "1"),
        ("bread-1", "3"),
        ("bread-2", "na"),
    ] {
        browser.click(&format!("input[name='{id}'][value='{value}']"));
    }
    assert_eq!(count_text(&browser), "5 van 5 beantwoord");
    browser.click("#save");
    let status = browser.eval(
        "return document.getElementById('save-status').textContent;",
        json!([]),
    );
    assert_eq!(status, "Nog niet opgeslagen: vul uw naam in.");
    browser.type_into("#rater-name", "Sam");
    browser.click("#save");
    let saved = browser.downloaded("Ana-by-Sam.json");
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).expect("read")).expect("JSON");
    assert_eq!(file["lang"], "nl");
    assert_eq!(file["ratings"]["soup-2"]["value"], 4);
    // The same framework as an assessment made in English: no digest or print differs.
    sandbox.write(
        "answers.yaml",
        "soup-1: 3\nsoup-2: 3\nsoup-3: 3\nbread-1: 3\nbread-2: 3\n",
    );
    let own = crate::translate::rungs_in(
        &sandbox,
        &[
            "assess",
            "@kitchen.yaml",
            "--answers",
            "@answers.yaml",
            "--subject",
            "Ana",
            "-o",
            "@ana.json",
        ],
    );
    assert_eq!(own.code, 0, "{}", own.stderr);
    let own: Value =
        serde_json::from_str(&std::fs::read_to_string(sandbox.path("ana.json")).expect("read"))
            .expect("JSON");
    assert_eq!(file["framework"], own["framework"]);
    let compared = command(&["compare"])
        .arg(sandbox.path("ana.json"))
        .arg(&saved)
        .run();
    assert_eq!(compared.code, 0, "{}", compared.stderr);
    assert!(!compared.stderr.contains("changed"), "{}", compared.stderr);
}

#[test]
fn a_save_with_answers_missing_moves_the_focus_to_the_first_unanswered_and_says_how_many() {
    let Some((chromium, driver)) = browser_or_skip(
        "a_save_with_answers_missing_moves_the_focus_to_the_first_unanswered_and_says_how_many",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let page = write_form(
        dir.path(),
        "ana-by-sam.html",
        &[
            "--subject",
            "Ana Lee",
            "--rater",
            "Sam Lee",
            "--relation",
            "manager",
        ],
    );
    let browser = Browser::start(&chromium, &driver);
    browser.open(&page);
    // Every indicator but the third and the last.
    let skipped = [IDS[2], IDS[IDS.len() - 1]];
    for (i, id) in IDS.iter().enumerate() {
        if !skipped.contains(id) {
            browser.click(&format!("input[name='{id}'][value='{}']", chosen(i)));
        }
    }
    browser.click("#save");
    let saved = browser.downloaded("Ana Lee-by-Sam Lee.json");
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).expect("read")).expect("JSON");
    assert_eq!(
        file["ratings"].as_object().map(|r| r.len()),
        Some(IDS.len() - 2),
        "the file is saved with what is answered"
    );
    assert!(file["completed_at"].is_null(), "{file}");
    let after = browser.eval(
        "var f = document.activeElement;
         return {
           status: document.getElementById('save-status').textContent,
           focused: f && f.closest('fieldset.indicator') ? f.closest('fieldset.indicator').getAttribute('data-id') : null,
           tag: f ? f.tagName : null,
         };",
        json!([]),
    );
    assert_eq!(
        after["focused"], skipped[0],
        "the first unanswered has the focus: {after}"
    );
    assert_eq!(after["tag"], "INPUT");
    let status = after["status"].as_str().unwrap_or_default();
    assert!(
        status.contains(&format!("({} of {} answered)", IDS.len() - 2, IDS.len())),
        "{status}"
    );
    assert!(status.contains("Not answered yet: 2."), "{status}");

    // Answered and saved again: complete, and nothing more to point at.
    browser.keys(chosen(2));
    browser.click(&format!(
        "input[name='{}'][value='{}']",
        skipped[1],
        chosen(IDS.len() - 1)
    ));
    browser.click("#save");
    let status = browser.eval(
        "return document.getElementById('save-status').textContent;",
        json!([]),
    );
    assert!(
        status
            .as_str()
            .unwrap_or_default()
            .contains(&format!("({0} of {0} answered)", IDS.len())),
        "{status}"
    );
}

#[test]
fn one_rater_in_the_sheet_is_one_page_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sheet = raters_sheet(dir.path(), "name,relation\nSam Lee,manager\n");
    let out = forms_for_raters("Ana Lee", &sheet, &dir.path().join("forms"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("1 page written to "), "{}", out.stderr);
    let two = raters_sheet(dir.path(), "name,relation\nSam Lee,manager\nJo Chen,peer\n");
    let out = forms_for_raters("Ana Lee", &two, &dir.path().join("more"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("2 pages written to "), "{}", out.stderr);
}
