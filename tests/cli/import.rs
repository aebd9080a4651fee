//! `rungs import csv` (and the round trip with `rungs show --format csv`): sheets as Excel
//! saves them, every bad row in one run, and files never replaced without --force.

use std::path::Path;

use serde_json::Value;

use crate::support::{command, run_in};

/// The warning for ladder.csv's code quality, which lists junior and senior but not mid.
const HOLE: &str = "competency \"code-quality\" skips level mid between its first and last level";

const SHIPPED: [&str; 5] = [
    "building-relationships",
    "community-platform-relationships",
    "networking",
    "lasting-relationships",
    "strategic-partnerships",
];

/// `rungs show FRAMEWORK --format json`, parsed.
fn loaded(framework: &str) -> Value {
    let out = command(&["-q", "show", framework, "--format", "json"])
        .env("NO_COLOR", "1")
        .succeeds();
    serde_json::from_str(&out).expect("show --format json prints JSON")
}

/// What a sheet carries: the levels, and per competency its id, name, description and levels
/// with their indicators' ids, texts and examples.
fn sheet_content(framework: &Value) -> Value {
    let competencies: Vec<Value> = framework["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .map(|c| {
            let levels: Vec<Value> = c["levels"]
                .as_array()
                .expect("levels")
                .iter()
                .map(|l| serde_json::json!({"level": l["level"], "rank": l["rank"], "indicators": l["indicators"]}))
                .collect();
            serde_json::json!({"id": c["id"], "name": c["name"], "description": c["description"], "levels": levels})
        })
        .collect();
    serde_json::json!({"levels": framework["levels"], "competencies": competencies})
}

#[test]
fn every_shipped_framework_survives_show_csv_then_import_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    for id in SHIPPED {
        let sheet = dir.path().join(format!("{id}.csv"));
        let csv = command(&["-q", "show", id, "--format", "csv"])
            .env("NO_COLOR", "1")
            .succeeds();
        std::fs::write(&sheet, csv).expect("write sheet");
        let yaml = dir.path().join(format!("{id}.yaml"));
        let run = command(&["import", "csv", "--id", id, "-o"])
            .arg(&yaml)
            .arg(&sheet)
            .env("NO_COLOR", "1")
            .run();
        assert_eq!(run.code, 0, "{id}: {}", run.stderr);
        let imported = loaded(&yaml.display().to_string());
        let original = loaded(id);
        assert_eq!(imported["id"], original["id"]);
        assert_eq!(
            sheet_content(&imported),
            sheet_content(&original),
            "{id} changed on the way through a sheet"
        );
        // And the sheet of the imported framework is the sheet it came from.
        let again = command(&["-q", "show", "--format", "csv"])
            .arg(&yaml)
            .env("NO_COLOR", "1")
            .succeeds();
        assert_eq!(
            again,
            std::fs::read_to_string(&sheet).expect("sheet"),
            "{id}"
        );
    }
}

#[test]
fn a_sheet_as_excel_saves_it_imports_like_a_clean_one() {
    // ladder-excel.csv: UTF-8 byte order mark, `;` as delimiter, CRLF line ends, headers as a
    // person types them ("Competency Description", "Level-Description"), a quoted cell with a
    // line break, examples split by " ; ", a formula-looking cell protected by an apostrophe
    // and an empty row at the end.
    let yaml = |file: &str| {
        let out = command(&["import", "csv", "--id", "ladder", "--name", "Ladder", file])
            .env("NO_COLOR", "1")
            .run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        // Code quality lists junior and senior, not mid: a hole, said as a warning.
        assert_eq!(
            out.stderr,
            format!("{file}: warning: competencies[0].levels: {HOLE}: that level is neither required nor attainable, and its gaps are counted on the levels it lists\nimported 2 competencies, 3 levels, 6 indicators\n")
        );
        // The header names the file; the framework below it must be the same.
        let body: Vec<&str> = out
            .stdout
            .lines()
            .skip_while(|l| l.starts_with('#'))
            .collect();
        (out.stdout.clone(), body.join("\n"))
    };
    let (excel, excel_body) = yaml("tests/fixtures/import/ladder-excel.csv");
    let (_, clean_body) = yaml("tests/fixtures/import/ladder.csv");
    assert_eq!(excel_body, clean_body);
    assert!(
        excel.starts_with(
            "# Imported with `rungs import csv` from tests/fixtures/import/ladder-excel.csv\n# (sha256:"
        ),
        "{excel}"
    );
    insta::assert_snapshot!(excel_body);
}

#[test]
fn the_imported_framework_validates_and_assesses() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run_in(
        dir.path(),
        &[
            "import",
            "csv",
            &fixture_path("import/ladder.csv"),
            "--id",
            "eng-ladder",
            "--name",
            "Engineering ladder",
            "--version",
            "2026.1",
            "-o",
            "ladder.yaml",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains(HOLE), "{}", out.stderr);
    assert!(
        out.stderr.ends_with(
            "\nimported 2 competencies, 3 levels, 6 indicators into ladder.yaml; check it with: rungs validate ladder.yaml\n"
        ),
        "{}",
        out.stderr
    );
    let valid = run_in(dir.path(), &["validate", "ladder.yaml"]);
    assert_eq!(valid.code, 0, "{}", valid.stderr);
    let shown = loaded(&dir.path().join("ladder.yaml").display().to_string());
    assert_eq!(shown["id"], "eng-ladder");
    assert_eq!(shown["name"], "Engineering ladder");
    assert_eq!(shown["version"], "2026.1");
    assert_eq!(
        shown["competencies"][1]["levels"][2]["indicators"][0]["text"],
        "=Plans a quarter for the team"
    );
}

#[test]
fn every_bad_row_is_named_in_one_run() {
    let out = command(&["import", "csv", "tests/fixtures/import/ladder-bad.csv"])
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: tests/fixtures/import/ladder-bad.csv:4:3: empty indicator: give the text to rate, or delete the row\n\
         error: tests/fixtures/import/ladder-bad.csv:6:2: level \"junior\" comes after \"senior\" for competency \"delivery\", but earlier rows put it below \"senior\"; give every competency's levels lowest first\n\
         error: tests/fixtures/import/ladder-bad.csv:7:4: duplicate indicator id \"cq-1\" (first at row 2)\n\
         error: tests/fixtures/import/ladder-bad.csv:8:3: missing column \"indicator\": the row has 2 cells, the header 4\n"
    );
}

#[test]
fn a_sheet_without_the_required_columns_says_which() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sheet = dir.path().join("skills.csv");
    std::fs::write(
        &sheet,
        "Skill,Level,Behaviour,Notes\nListening,1,Lets others finish,\n",
    )
    .expect("write");
    let out = run_in(dir.path(), &["import", "csv", "skills.csv"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "skills.csv:1:1: warning: column \"Skill\" is not read; the columns read are: competency, level, indicator, indicator_id, competency_id, level_id, examples, competency_description, level_description, group, group_id\n\
         skills.csv:1:3: warning: column \"Behaviour\" is not read; the columns read are: competency, level, indicator, indicator_id, competency_id, level_id, examples, competency_description, level_description, group, group_id\n\
         skills.csv:1:4: warning: column \"Notes\" is not read; the columns read are: competency, level, indicator, indicator_id, competency_id, level_id, examples, competency_description, level_description, group, group_id\n\
         error: skills.csv:1: missing column \"competency\"; the header row must name competency, level and indicator\n\
         error: skills.csv:1: missing column \"indicator\"; the header row must name competency, level and indicator\n"
    );
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("ladder.yaml");
    std::fs::write(&target, "mine\n").expect("write");
    let sheet = fixture_path("import/ladder.csv");
    let refused = run_in(dir.path(), &["import", "csv", &sheet, "-o", "ladder.yaml"]);
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.contains("ladder.yaml: already exists"),
        "{}",
        refused.stderr
    );
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "mine\n");
    // A bad sheet never touches the file either, even with --force.
    let bad = fixture_path("import/ladder-bad.csv");
    let failed = run_in(
        dir.path(),
        &["import", "csv", &bad, "-o", "ladder.yaml", "--force"],
    );
    assert_eq!(failed.code, 2);
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "mine\n");
    let forced = run_in(
        dir.path(),
        &["import", "csv", &sheet, "--out", "ladder.yaml", "--force"],
    );
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert!(std::fs::read_to_string(&target)
        .expect("read")
        .contains("id: ladder\n"));
    assert_eq!(leftovers(dir.path()), ["ladder.yaml"]);
}

#[test]
fn unreadable_sheets_are_bad_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("latin1.csv"),
        b"competency,level,indicator\nCaf\xe9,One,Serves\n",
    )
    .expect("write");
    let out = run_in(dir.path(), &["import", "csv", "latin1.csv"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: latin1.csv:2: file is not UTF-8 text (byte 0xE9 on this line); save the sheet as \"CSV UTF-8\"\n"
    );
    let missing = run_in(dir.path(), &["import", "csv", "nowhere.csv"]);
    assert_eq!(missing.code, 2);
    assert_eq!(
        missing.stderr,
        "error: nowhere.csv: cannot read: no such file or folder\n"
    );
}

fn fixture_path(relative: &str) -> String {
    crate::support::fixture(relative).display().to_string()
}

fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const CASE: &str = "tests/fixtures/import/digital-literacy.case.json";

#[test]
fn a_case_package_becomes_a_framework_with_groups_and_grade_levels() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("dl.yaml");
    let run = command(&["import", "case", CASE, "-o"])
        .arg(&out)
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let yaml = std::fs::read_to_string(&out).expect("written");
    assert!(
        yaml.starts_with(
            "# Imported with `rungs import case` from tests/fixtures/import/digital-literacy.case.json\n"
        ),
        "{yaml}"
    );
    let body: Vec<&str> = yaml.lines().skip_while(|l| l.starts_with('#')).collect();
    insta::assert_snapshot!(body.join("\n"));

    let valid = command(&["validate"]).arg(&out).env("NO_COLOR", "1").run();
    assert_eq!(valid.code, 0, "{}", valid.stderr);
    let f = loaded(&out.display().to_string());
    let levels: Vec<&str> = f["levels"]
        .as_array()
        .expect("levels")
        .iter()
        .map(|l| l["id"].as_str().expect("id"))
        .collect();
    assert_eq!(levels, ["grade-6", "grade-7", "grade-8"]);
    // humanCodingScheme where the item has one, else its CFItem identifier.
    let evaluating = &f["competencies"][1];
    assert_eq!(evaluating["name"], "Evaluating");
    assert_eq!(evaluating["levels"][0]["indicators"][0]["id"], "DL.1.2.a");
    assert_eq!(evaluating["levels"][1]["indicators"][0]["id"], "d1c2b");
    // An item for grades 7 and 8 sits at grade 7, the lowest it names.
    assert_eq!(f["competencies"][0]["levels"][1]["level"], "grade-7");
    assert_eq!(
        f["competencies"][0]["levels"][1]["indicators"][0]["id"],
        "DL.1.1.c"
    );
}

#[test]
fn case_levels_without_grades_are_one_level_or_the_item_types() {
    let package: Value =
        serde_json::from_str(&std::fs::read_to_string(CASE).expect("fixture")).expect("json");
    let mut without = package.clone();
    for item in without["CFItems"].as_array_mut().expect("items") {
        item.as_object_mut().expect("item").remove("educationLevel");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("no-grades.json");
    std::fs::write(&file, without.to_string()).expect("write");
    let levels = |args: &[&str]| {
        let yaml = dir.path().join("out.yaml");
        let run = command(&["import", "case", "--force", "-o"])
            .arg(&yaml)
            .arg(&file)
            .args(args)
            .env("NO_COLOR", "1")
            .run();
        assert_eq!(run.code, 0, "{}", run.stderr);
        let f = loaded(&yaml.display().to_string());
        f["levels"]
            .as_array()
            .expect("levels")
            .iter()
            .map(|l| l["name"].as_str().expect("name").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(levels(&[]), ["Standard"]);
    assert_eq!(levels(&["--levels-from", "item-type"]), ["Indicator"]);
}

#[test]
fn broken_case_packages_are_bad_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, text: &str| {
        std::fs::write(dir.path().join(name), text).expect("write");
    };
    write("truncated.json", "{\"CFDocument\": {\"title\": \"x\",\n");
    write("not-case.json", "{\"competencies\": []}");
    write(
        "no-text.json",
        r#"{"CFDocument": {"identifier": "d", "title": "T"},
            "CFItems": [{"identifier": "a", "fullStatement": "Reads"}, {"identifier": "b"}],
            "CFAssociations": []}"#,
    );
    let run = |name: &str| run_in(dir.path(), &["import", "case", name]);
    let truncated = run("truncated.json");
    assert_eq!(truncated.code, 2);
    assert_eq!(
        truncated.stderr,
        "error: truncated.json:2:1: not a CASE package: the file is not valid JSON (EOF while parsing a value)\n"
    );
    let not_case = run("not-case.json");
    assert_eq!(not_case.code, 2);
    assert_eq!(
        not_case.stderr,
        "error: not-case.json: not a CASE package: there is no CFDocument (a CFPackage has CFDocument, CFItems and CFAssociations)\n"
    );
    let no_text = run("no-text.json");
    assert_eq!(no_text.code, 2);
    assert_eq!(
        no_text.stderr,
        "error: no-text.json: item \"b\" has no fullStatement: an indicator needs a text to rate\n"
    );
}

#[test]
fn groups_travel_through_a_sheet_with_their_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ladder = crate::support::fixture("frameworks/engineering-ladder.yaml");
    let csv = command(&["-q", "show", "--format", "csv"])
        .arg(&ladder)
        .env("NO_COLOR", "1")
        .succeeds();
    let import = |name: &str, sheet_text: &str| {
        let sheet = dir.path().join(format!("{name}.csv"));
        std::fs::write(&sheet, sheet_text).expect("write");
        let yaml = dir.path().join(format!("{name}.yaml"));
        let run = command(&["import", "csv", "-o"])
            .arg(&yaml)
            .arg(&sheet)
            .env("NO_COLOR", "1")
            .run();
        assert_eq!(run.code, 0, "{}", run.stderr);
        std::fs::read_to_string(&yaml).expect("written")
    };
    // The group's id is not made from its name ("craft" for "Technical craft"): the sheet
    // carries it in group_id, and it comes back as it was.
    let text = import("ladder", &csv);
    assert!(
        text.contains("groups:\n  - id: craft\n    name: Technical craft\n  - id: people\n"),
        "{text}"
    );
    assert!(
        text.contains("    name: System design\n    group: craft\n"),
        "{text}"
    );
    // A sheet without group_id (one kept by hand) makes each id from the group's name.
    let without: String = csv
        .lines()
        .map(|line| {
            let cut = line.rfind(',').expect("a group_id column");
            format!("{}\r\n", &line[..cut])
        })
        .collect();
    let text = import("by-name", &without);
    assert!(
        text.contains("groups:\n  - id: technical-craft\n    name: Technical craft\n"),
        "{text}"
    );
    // The sheet carries no tracks, so the ladder's forks read as holes, each a warning.
    let shown = command(&["show"])
        .arg(dir.path().join("by-name.yaml"))
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(
        shown
            .stderr
            .contains("warning: competency \"system-design\" skips level manager"),
        "{}",
        shown.stderr
    );
    let shown = shown.stdout;
    assert!(
        shown.contains("\n── Technical craft (technical-craft) ──"),
        "{shown}"
    );
}

#[test]
fn an_id_that_is_not_a_slug_is_bad_input_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sheet = fixture_path("import/ladder.csv");
    let out = run_in(
        dir.path(),
        &[
            "import",
            "csv",
            &sheet,
            "--id",
            "Bad Id",
            "-o",
            "ladder.yaml",
        ],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.ends_with(
            "the imported framework is not valid: id: id \"Bad Id\" is not a slug: use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit\n"
        ),
        "{}",
        out.stderr
    );
    assert!(leftovers(dir.path()).is_empty());
}
