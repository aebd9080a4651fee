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
/// with their indicators' ids, texts, examples and origins.
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
                .map(|l| {
                    let indicators: Vec<Value> = l["indicators"]
                        .as_array()
                        .expect("indicators")
                        .iter()
                        .map(|i| serde_json::json!({"id": i["id"], "text": i["text"], "examples": i["examples"], "origin": i["origin"]}))
                        .collect();
                    serde_json::json!({"level": l["level"], "rank": l["rank"], "indicators": indicators})
                })
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
            "# Imported with `rungs import sheet` from tests/fixtures/import/ladder-excel.csv\n# (sha256:"
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
        "error: tests/fixtures/import/ladder-bad.csv:4:3: empty indicator: give the text to rate, write (no indicators) for a level that asks nothing, or delete the row\n\
         error: tests/fixtures/import/ladder-bad.csv:6:2: level \"junior\" comes after \"senior\" for competency \"delivery\", but earlier rows put it below \"senior\"; give every competency's and track's levels lowest first\n\
         error: tests/fixtures/import/ladder-bad.csv:7:4: duplicate indicator id \"cq-1\" (first at row 2)\n\
         error: tests/fixtures/import/ladder-bad.csv:8:3: missing column \"indicator\": the row has 2 cells, the header 4\n"
    );
}

#[test]
fn a_sheet_with_its_own_headers_says_what_to_map_then_imports_with_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sheet = dir.path().join("skills.csv");
    std::fs::write(
        &sheet,
        "Skill,Level,Behaviour,Notes\nListening,1,Lets others finish,\nListening,2,Sums up what was said,\n",
    )
    .expect("write");
    let out = run_in(dir.path(), &["import", "sheet", "skills.csv"]);
    assert_eq!(out.code, 2);
    let fields = "competency, indicator, indicator_id, competency_id, level_id, examples, competency_description, level_description, group, group_id, competency_level_title, competency_level_description, competency_level_examples, track, track_id, indicator_origin, group_code, competency_code, level_code, indicator_code, kind, group_description, framework_id, framework_name, framework_version";
    assert_eq!(
        out.stderr,
        format!(
            "skills.csv:1:1: warning: column \"Skill\" is not read; to read it, add --column 'Skill=FIELD' with FIELD one of: {fields}\n\
             skills.csv:1:3: warning: column \"Behaviour\" is not read; to read it, add --column 'Behaviour=FIELD' with FIELD one of: {fields}\n\
             skills.csv:1:4: warning: column \"Notes\" is not read; to read it, add --column 'Notes=FIELD' with FIELD one of: {fields}\n\
             error: skills.csv:1: missing column \"competency\"; the header row must name competency, level, indicator, or map a header of its own to it with --column 'HEADER=competency'\n\
             error: skills.csv:1: missing column \"indicator\"; the header row must name competency, level, indicator, or map a header of its own to it with --column 'HEADER=indicator'\n"
        )
    );
    // The mappings the warnings ask for: the sheet imports, and `import csv` is the same command.
    let out = run_in(
        dir.path(),
        &[
            "import",
            "csv",
            "skills.csv",
            "--column",
            "Skill=competency",
            "--column",
            "behaviour = Indicator",
            "--column",
            "Notes=examples",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "imported 1 competency, 2 levels, 2 indicators\n"
    );
    assert!(
        out.stdout.contains("  - id: listening\n    name: Listening\n    levels:\n      - level: '1'\n        indicators:\n          - id: listening.1.1\n            text: Lets others finish\n"),
        "{}",
        out.stdout
    );
    // A field that does not exist is an error listing the fields.
    let out = run_in(
        dir.path(),
        &["import", "sheet", "skills.csv", "--column", "Skill=skill"],
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        format!("error: --column \"Skill=skill\": \"skill\" is not a field; the fields are: competency, level, indicator, indicator_id, competency_id, level_id, examples, competency_description, level_description, group, group_id, competency_level_title, competency_level_description, competency_level_examples, track, track_id, indicator_origin, group_code, competency_code, level_code, indicator_code, kind, group_description, framework_id, framework_name, framework_version, role, role_id, role_description\n")
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
        "error: latin1.csv:2: file is not UTF-8 text (byte 0xE9 on this line); give its encoding with --encoding, e.g. --encoding windows-1252 for Excel's plain \"CSV\" on Windows, or save the sheet as \"CSV UTF-8\"\n"
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
        text.contains("groups:\n  - id: craft\n    name: Technical craft\n    description: Building software that works and lasts.\n  - id: people\n"),
        "{text}"
    );
    assert!(
        text.contains("    name: System design\n    group: craft\n"),
        "{text}"
    );
    // A sheet without group_id (one kept by hand) makes each id from the group's name.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in reader.records() {
        let record = record.expect("a CSV row");
        // group_id is the 11th column.
        let kept = record.iter().enumerate().filter(|&(i, _)| i != 10);
        writer
            .write_record(kept.map(|(_, cell)| cell))
            .expect("row written");
    }
    let without = String::from_utf8(writer.into_inner().expect("sheet")).expect("UTF-8");
    let text = import("by-name", &without);
    assert!(
        text.contains("groups:\n  - id: technical-craft\n    name: Technical craft\n"),
        "{text}"
    );
    // The sheet carries the tracks, so the ladder's forks come back as forks, not as holes.
    assert!(
        text.contains("tracks:\n  - id: ic\n    name: Individual contributor\n    levels:\n      - junior\n      - engineer\n      - senior\n      - staff\n      - principal\n"),
        "{text}"
    );
    let shown = command(&["show"])
        .arg(dir.path().join("by-name.yaml"))
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert_eq!(shown.stderr, "");
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

/// The `--column` mappings that read tests/fixtures/import/milestones.csv, a sheet with its own
/// headers.
const MILESTONE_COLUMNS: [&str; 16] = [
    "--column",
    "Theme=group",
    "--column",
    "Axis=competency",
    "--column",
    "Milestone=level",
    "--column",
    "Signal=indicator",
    "--column",
    "Example=examples",
    "--column",
    "Milestone summary=competency_level_description",
    "--column",
    "Milestone examples=competency_level_examples",
    "--column",
    "Milestone title=competency_level_title",
];

/// `rungs import sheet` of files under tests/fixtures/import with these arguments, then the
/// framework as `show --format json` gives it.
fn import_json(dir: &Path, args: &[&str]) -> Value {
    let yaml = dir.join("imported.yaml");
    let run = command(&["import", "sheet", "--force", "-o"])
        .arg(&yaml)
        .args(args)
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    loaded(&yaml.display().to_string())
}

#[test]
fn own_headers_competency_level_texts_a_forked_track_column_and_roles_import() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut args = vec![
        "tests/fixtures/import/milestones.csv",
        "--roles",
        "tests/fixtures/import/milestones-roles.csv",
    ];
    args.extend(MILESTONE_COLUMNS);
    let f = import_json(dir.path(), &args);
    // Competency-level texts: given on every row of the level, or on one.
    let mobile = &f["competencies"][0]["levels"][0];
    assert_eq!(mobile["title"], "Adopts");
    assert_eq!(
        mobile["description"],
        "Works effectively within established architectures."
    );
    assert_eq!(
        mobile["examples"],
        serde_json::json!([
            "Delivered a new screen",
            "Added an existing button to another surface"
        ])
    );
    assert_eq!(
        f["competencies"][1]["levels"][0]["examples"],
        serde_json::json!(["Onboarded a new hire"])
    );
    // The track column: empty = every track; a level of one track; ` ; ` between two.
    assert_eq!(
        f["tracks"],
        serde_json::json!([
            {"id": "individual-contributor", "name": "Individual contributor", "description": null,
             "levels": ["milestone-1", "milestone-2", "milestone-3-ic", "milestone-4"]},
            {"id": "manager", "name": "Manager", "description": null,
             "levels": ["milestone-1", "milestone-2", "milestone-3-manager", "milestone-4"]},
        ])
    );
    assert_eq!(f["competencies"][1]["group"], "people");
    // Roles: competencies, levels and tracks by id or by name.
    assert_eq!(
        f["targets"],
        serde_json::json!([
            {"id": "senior-engineer", "name": "Senior engineer", "description": "Leads the app's design.",
             "track": "individual-contributor",
             "levels": {"mobile": "milestone-3-ic", "mentoring": "milestone-2"}},
            {"id": "engineering-lead", "name": "Engineering lead", "description": null,
             "track": "manager",
             "levels": {"mobile": "milestone-2", "mentoring": "milestone-3-manager"}},
        ])
    );
}

#[test]
fn competency_level_texts_that_differ_between_rows_name_the_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("s.csv"),
        "competency,level,indicator,competency_level_title,competency_level_description\n\
         Mobile,M1,a,Adopts,Works within.\n\
         Mobile,M1,b,Adopts,\n\
         Mobile,M1,c,Adopts,Works around.\n",
    )
    .expect("write");
    let out = run_in(dir.path(), &["import", "sheet", "s.csv"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: s.csv:4:5: competency \"mobile\" at level \"m1\" has another description at row 4 than at row 2; give it once, or the same on every row\n"
    );
}

#[test]
fn roles_that_name_nothing_in_the_framework_are_bad_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("s.csv"),
        "competency,level,indicator\nMobile,M1,a\nMobile,M2,b\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("roles.csv"),
        "role,competency,level\nLead,Mobile,M2\nLead,Design,M1\nLead,Mobile,M3\n",
    )
    .expect("write");
    let out = run_in(
        dir.path(),
        &[
            "import",
            "sheet",
            "s.csv",
            "--roles",
            "roles.csv",
            "-o",
            "f.yaml",
        ],
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: roles.csv:3:2: no competency \"Design\" in the framework sheet; give an id or a name of: mobile\n\
         error: roles.csv:4:3: no level \"M3\" in the framework sheet; give an id or a name of: m1, m2\n"
    );
    assert!(!dir.path().join("f.yaml").exists());
}

#[test]
fn an_empty_indicator_cell_is_an_error_at_its_row_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("s.csv"),
        "competency,level,indicator\nDesign,Staff,\nDesign,Senior,Designs services\n",
    )
    .expect("write");
    let out = run_in(dir.path(), &["import", "sheet", "s.csv", "-o", "f.yaml"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: s.csv:2:3: empty indicator: give the text to rate, write (no indicators) for a level that asks nothing, or delete the row\n"
    );
    assert!(!dir.path().join("f.yaml").exists());
}

#[test]
fn an_unclosed_quote_is_an_error_where_it_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("s.csv"),
        "competency,level,indicator\nDesign,Senior,\"Designs services\nDesign,Staff,Shapes architecture\n",
    )
    .expect("write");
    let out = run_in(dir.path(), &["import", "sheet", "s.csv"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: s.csv:2:15: this quote is never closed, so the rest of the file would be one cell; close it or remove it\n"
    );
    assert_eq!(out.stdout, "");
}

#[test]
fn a_framework_too_large_to_validate_is_refused_before_it_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cell = "x".repeat(9 * 1024 * 1024);
    std::fs::write(
        dir.path().join("s.csv"),
        format!("competency,level,indicator\nDesign,Senior,{cell}\n"),
    )
    .expect("write");
    let out = run_in(dir.path(), &["import", "sheet", "s.csv", "-o", "f.yaml"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: s.csv: the framework would be 943")
            && out.stderr.contains(
                "framework files are limited to 8388608 bytes (8 MiB); nothing was written"
            ),
        "{}",
        out.stderr
    );
    assert!(!dir.path().join("f.yaml").exists());
}

/// A workbook with the milestones sheet (second, named "Signals") and the roles (third,
/// "Roles"), after a cover sheet.
fn write_workbook(path: &Path) {
    let read = |file: &str| -> Vec<Vec<String>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_path(fixture_path(file))
            .expect("fixture");
        reader
            .records()
            .map(|r| r.expect("row").iter().map(str::to_string).collect())
            .collect()
    };
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let cover = workbook.add_worksheet();
    cover.set_name("About").expect("name");
    cover.write_string(0, 0, "Our ladder").expect("cell");
    for (name, file) in [
        ("Signals", "import/milestones.csv"),
        ("Roles", "import/milestones-roles.csv"),
    ] {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name).expect("name");
        for (r, row) in read(file).iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                // A number typed in a cell comes back as the text a person sees.
                match cell.parse::<f64>() {
                    Ok(n) => sheet.write_number(r, c, n),
                    Err(_) if cell.is_empty() => Ok(&mut *sheet),
                    Err(_) => sheet.write_string(r, c, cell),
                }
                .expect("cell");
            }
        }
    }
    workbook.save(path).expect("workbook saved");
}

#[test]
fn an_xlsx_workbook_imports_its_named_sheet_and_roles_sheet_like_the_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    let book = dir.path().join("ladder.xlsx");
    write_workbook(&book);
    let book = book.display().to_string();
    let mut args = vec![
        book.as_str(),
        "--sheet",
        "Signals",
        "--roles-sheet",
        "Roles",
    ];
    args.extend(MILESTONE_COLUMNS);
    let from_book = import_json(dir.path(), &args);
    let mut args = vec![
        "tests/fixtures/import/milestones.csv",
        "--roles",
        "tests/fixtures/import/milestones-roles.csv",
    ];
    args.extend(MILESTONE_COLUMNS);
    let from_csv = import_json(dir.path(), &args);
    assert_eq!(from_book["competencies"], from_csv["competencies"]);
    assert_eq!(from_book["tracks"], from_csv["tracks"]);
    assert_eq!(from_book["targets"], from_csv["targets"]);
    assert_eq!(from_book["levels"], from_csv["levels"]);
    // Without --sheet the first sheet is read; a sheet that is not there is named with those
    // that are.
    let out = command(&["import", "sheet", &book])
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("missing column \"competency\""),
        "{}",
        out.stderr
    );
    let out = command(&["import", "sheet", &book, "--sheet", "Skills"])
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.ends_with(
            "the workbook has no sheet \"Skills\"; its sheets are: \"About\", \"Signals\", \"Roles\"\n"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn a_framework_with_tracks_roles_groups_and_level_texts_survives_a_sheet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let original = fixture_path("frameworks/milestones.yaml");
    let sheet = dir.path().join("m.csv");
    let roles = dir.path().join("roles.csv");
    let run = command(&["show", &original, "--format", "csv", "--roles-output"])
        .arg(&roles)
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::write(&sheet, run.stdout).expect("sheet written");
    let sheet = sheet.display().to_string();
    let roles = roles.display().to_string();
    let back = import_json(
        dir.path(),
        &[&sheet, "--roles", &roles, "--id", "milestones"],
    );
    let before = loaded(&original);
    for key in ["levels", "tracks", "groups", "competencies", "targets"] {
        let strip = |v: &Value| {
            let mut v = v.clone();
            // The sheet carries no evidence rule, group or track description.
            for list in ["groups", "tracks"] {
                if let Some(items) = v[list].as_array_mut() {
                    for item in items {
                        item["description"] = Value::Null;
                    }
                }
            }
            if let Some(cs) = v["competencies"].as_array_mut() {
                for c in cs {
                    if let Some(ls) = c["levels"].as_array_mut() {
                        for l in ls {
                            l["evidence"] = Value::Null;
                        }
                    }
                }
            }
            v[key].clone()
        };
        assert_eq!(strip(&back), strip(&before), "{key}");
    }
}

/// A CASE package: a document, items given as (identifier, fullStatement, extra JSON fields),
/// and isChildOf pairs (child, parent; "doc" is the document).
fn case_package(items: &[(&str, &str, &str)], children: &[(&str, &str)]) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|(id, text, extra)| {
            format!("{{\"identifier\": \"{id}\", \"fullStatement\": \"{text}\"{extra}}}")
        })
        .collect();
    let associations: Vec<String> = children
        .iter()
        .enumerate()
        .map(|(n, (child, parent))| {
            format!(
                "{{\"associationType\": \"isChildOf\", \"sequenceNumber\": {n}, \"originNodeURI\": {{\"identifier\": \"{child}\"}}, \"destinationNodeURI\": {{\"identifier\": \"{parent}\"}}}}"
            )
        })
        .collect();
    format!(
        "{{\"CFDocument\": {{\"identifier\": \"doc\", \"title\": \"Reading\"}}, \"CFItems\": [{}], \"CFAssociations\": [{}]}}",
        items.join(", "),
        associations.join(", ")
    )
}

#[test]
fn case_intermediate_items_become_groups_named_by_their_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let package = case_package(
        &[
            ("strand", "Reading", ", \"humanCodingScheme\": \"RL\""),
            ("cluster", "Key ideas", ", \"humanCodingScheme\": \"RL.K\""),
            ("detail", "Details", ""),
            (
                "standard",
                "Cite evidence",
                ", \"humanCodingScheme\": \"RL.K.1\"",
            ),
            ("six", "Cites one piece of evidence.", ""),
            ("other", "Main idea", ""),
            ("seven", "States the main idea.", ""),
        ],
        &[
            ("strand", "doc"),
            ("cluster", "strand"),
            ("detail", "cluster"),
            ("standard", "detail"),
            ("six", "standard"),
            ("other", "cluster"),
            ("seven", "other"),
        ],
    );
    std::fs::write(dir.path().join("p.json"), package).expect("write");
    let run = run_in(dir.path(), &["import", "case", "p.json", "-o", "f.yaml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "imported 2 competencies, 1 level, 2 indicators into f.yaml; check it with: rungs validate f.yaml\n"
    );
    let f = loaded(&dir.path().join("f.yaml").display().to_string());
    // Every item of the tree is kept: the competency's parent is its group, named by its path
    // from the top; codes stand beside names.
    assert_eq!(
        f["groups"],
        serde_json::json!([
            { "id": "details", "name": "Reading › Key ideas › Details", "description": null },
            { "id": "rl-k", "name": "Reading › Key ideas", "code": "RL.K", "description": null },
        ])
    );
    let competencies: Vec<(&str, &str, &str)> = f["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .map(|c| {
            (
                c["name"].as_str().expect("name"),
                c["group"].as_str().expect("group"),
                c["code"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        competencies,
        [
            ("Cite evidence", "details", "RL.K.1"),
            ("Main idea", "rl-k", "")
        ]
    );
}

#[test]
fn case_associations_it_cannot_use_are_counted_and_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut package: Value = serde_json::from_str(&case_package(
        &[
            ("strand", "Reading", ""),
            ("standard", "Cite evidence", ""),
            ("six", "Cites one piece of evidence.", ""),
            ("seven", "Cites two pieces of evidence.", ""),
            ("eight", "Weighs the evidence.", ""),
        ],
        &[
            ("strand", "doc"),
            ("standard", "strand"),
            ("six", "standard"),
            ("seven", "standard"),
            ("seven", "strand"),
            ("ghost", "standard"),
            ("eight", "nowhere"),
        ],
    ))
    .expect("JSON");
    let associations = package["CFAssociations"]
        .as_array_mut()
        .expect("associations");
    // Six isChildOf associations without their child (the tree of a package made by hand, or
    // cut short), one without a parent.
    for n in 0..6 {
        associations.push(serde_json::json!({
            "associationType": "isChildOf",
            "destinationNodeURI": { "identifier": format!("parent-{n}") },
        }));
    }
    associations.push(serde_json::json!({
        "associationType": "isChildOf",
        "originNodeURI": { "identifier": "eight" },
    }));
    std::fs::write(dir.path().join("p.json"), package.to_string()).expect("write");
    let run = run_in(dir.path(), &["import", "case", "p.json", "-o", "f.yaml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "p.json: warning: 7 isChildOf associations without an item at one end, not read (the items they would place hang from the document, unless another association places them): CFAssociations[7] (no originNodeURI), CFAssociations[8] (no originNodeURI), CFAssociations[9] (no originNodeURI), CFAssociations[10] (no originNodeURI), CFAssociations[11] (no originNodeURI) and 2 more\n\
         p.json: warning: 1 isChildOf association whose child is not an item of the package, not read: CFAssociations[5] (\"ghost\")\n\
         p.json: warning: 1 isChildOf association whose parent is neither the document nor an item of the package; their children are read as top-level items: CFAssociations[6] (\"eight\" in \"nowhere\")\n\
         p.json: warning: 1 isChildOf association giving an item a second parent, not read: an item has one place in a framework, under the parent its first isChildOf names: CFAssociations[4] (\"seven\" in \"strand\")\n\
         imported 2 competencies, 1 level, 3 indicators into f.yaml; check it with: rungs validate f.yaml\n"
    );
    let f = loaded(&dir.path().join("f.yaml").display().to_string());
    // "eight", read as a top-level item, is an indicator of the competency named after the
    // document.
    assert_eq!(f["competencies"][1]["name"], "Reading");
    assert_eq!(
        f["competencies"][1]["levels"][0]["indicators"][0]["id"],
        "eight"
    );
}

#[test]
fn case_reads_educational_level_keeps_notes_and_the_items_above() {
    let dir = tempfile::tempdir().expect("temp dir");
    let package = case_package(
        &[
            ("strand", "Reading", ""),
            ("cluster", "Key ideas", ""),
            ("standard", "Cite evidence", ""),
            (
                "six",
                "Cites one piece of evidence.",
                ", \"educationalLevel\": [\"06\"], \"notes\": \"For example, a quote from the text.\\nOr a figure.\"",
            ),
            ("seven", "Cites several pieces of evidence.", ", \"educationalLevel\": [\"07\"]"),
        ],
        &[
            ("strand", "doc"),
            ("cluster", "strand"),
            ("standard", "cluster"),
            ("six", "standard"),
            ("seven", "standard"),
        ],
    );
    std::fs::write(dir.path().join("p.json"), package).expect("write");
    let run = run_in(dir.path(), &["import", "case", "p.json", "-o", "f.yaml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "imported 1 competency, 2 levels, 2 indicators into f.yaml; check it with: rungs validate f.yaml\n"
    );
    let f = loaded(&dir.path().join("f.yaml").display().to_string());
    // The items above the competency are its group, named by their path.
    assert_eq!(f["groups"][0]["name"], "Reading › Key ideas");
    // Grades 6 and 7 stay two levels.
    assert_eq!(f["levels"][0]["name"], "Grade 6");
    assert_eq!(f["levels"][1]["name"], "Grade 7");
    let indicator = &f["competencies"][0]["levels"][0]["indicators"][0];
    assert_eq!(indicator["id"], "six");
    assert_eq!(
        indicator["examples"],
        serde_json::json!(["For example, a quote from the text.", "Or a figure."])
    );
}

#[test]
fn case_refuses_an_is_child_of_cycle_naming_its_items() {
    let dir = tempfile::tempdir().expect("temp dir");
    let package = case_package(
        &[
            ("top", "Reading", ""),
            ("leaf", "Reads aloud.", ""),
            ("a", "Loops", ""),
            ("b", "Loops back", ""),
        ],
        &[("top", "doc"), ("leaf", "top"), ("a", "b"), ("b", "a")],
    );
    std::fs::write(dir.path().join("p.json"), package).expect("write");
    let run = run_in(dir.path(), &["import", "case", "p.json", "-o", "f.yaml"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: p.json: the isChildOf associations make a cycle: \"a\" is a child of \"b\" is a child of \"a\"; an item cannot be its own ancestor\n"
    );
    assert!(!dir.path().join("f.yaml").exists());
}

/// A zip file's bytes with the unpacked size its local and central headers give for `part` set
/// to `size`: a workbook whose maker says what it likes.
fn with_said_size(mut bytes: Vec<u8>, part: &str, size: u32) -> Vec<u8> {
    // (signature, offset of the unpacked size, of the name's length, of the name)
    let headers: [(&[u8], usize, usize, usize); 2] =
        [(b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)];
    let mut patched = 0;
    for (signature, size_at, length_at, name_at) in headers {
        for start in 0..bytes.len().saturating_sub(name_at) {
            if &bytes[start..start + 4] != signature {
                continue;
            }
            let length =
                u16::from_le_bytes([bytes[start + length_at], bytes[start + length_at + 1]]);
            let name = start + name_at..start + name_at + length as usize;
            if bytes.get(name) == Some(part.as_bytes()) {
                bytes[start + size_at..start + size_at + 4].copy_from_slice(&size.to_le_bytes());
                patched += 1;
            }
        }
    }
    assert_eq!(patched, 2, "{part} has a local and a central header");
    bytes
}

#[test]
fn a_workbook_that_would_unpack_past_the_bound_is_refused_unread() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, header) in ["competency", "level", "indicator"].iter().enumerate() {
        sheet.write_string(0, c as u16, *header).expect("cell");
        sheet.write_string(1, c as u16, "Ships").expect("cell");
    }
    let book = workbook.save_to_buffer().expect("workbook");
    const SHEET: &str = "xl/worksheets/sheet1.xml";
    // The directory says the sheet unpacks to 200 MB: refused before anything is unpacked.
    std::fs::write(
        dir.path().join("big.xlsx"),
        with_said_size(book.clone(), SHEET, 200_000_000),
    )
    .expect("write");
    let out = run_in(
        dir.path(),
        &["import", "sheet", "big.xlsx", "-o", "big.yaml"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.starts_with("error: big.xlsx: the workbook's parts unpack to 2000")
            && out.stderr.ends_with(" bytes; workbooks are limited to 134217728 bytes (128 MiB) unpacked, and this one was not read. Save the sheets to import as CSV, or in a workbook of their own\n"),
        "{}",
        out.stderr
    );
    // It says 40 bytes but holds more: unpacking stops past the 40, and the workbook is refused.
    std::fs::write(
        dir.path().join("lying.xlsx"),
        with_said_size(book.clone(), SHEET, 40),
    )
    .expect("write");
    let out = run_in(
        dir.path(),
        &["import", "sheet", "lying.xlsx", "-o", "lying.yaml"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "error: lying.xlsx: the workbook's part \"xl/worksheets/sheet1.xml\" unpacks to more than the 40 bytes it gives as its size; the workbook is damaged or made to fill the memory, and was not read\n"
    );
    assert_eq!(leftovers(dir.path()), ["big.xlsx", "lying.xlsx"]);
    // The same workbook as written imports.
    std::fs::write(dir.path().join("fine.xlsx"), book).expect("write");
    let out = run_in(
        dir.path(),
        &["-q", "import", "sheet", "fine.xlsx", "-o", "fine.yaml"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    // What the import wrote is a file validate accepts.
    let out = run_in(dir.path(), &["validate", "fine.yaml"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, "1 file valid\n"));
}

#[test]
fn a_text_with_a_line_separator_reads_back_as_it_was_in_the_sheet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "(a)\u{2028}then b";
    std::fs::write(
        dir.path().join("ladder.csv"),
        format!("competency,level,indicator\nCraft,Junior,\"{text}\"\n"),
    )
    .expect("write sheet");
    let out = run_in(
        dir.path(),
        &["-q", "import", "csv", "ladder.csv", "-o", "ladder.yaml"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let shown = loaded(&dir.path().join("ladder.yaml").display().to_string());
    assert_eq!(
        shown["competencies"][0]["levels"][0]["indicators"][0]["text"],
        text
    );
}

/// An OpenDocument spreadsheet of `rows` (a number cell for a text that reads as one, an empty
/// cell for ""), with its one sheet named `sheet`.
fn ods(sheet: &str, rows: &[&[&str]]) -> Vec<u8> {
    use std::io::Write as _;
    let cell = |text: &str| {
        match text.parse::<f64>() {
        _ if text.is_empty() => "<table:table-cell/>".to_string(),
        Ok(n) => format!(
            "<table:table-cell office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>"
        ),
        Err(_) => format!(
            "<table:table-cell office:value-type=\"string\"><text:p>{text}</text:p></table:table-cell>"
        ),
    }
    };
    let rows: String = rows
        .iter()
        .map(|row| {
            format!(
                "<table:table-row>{}</table:table-row>",
                row.iter().map(|c| cell(c)).collect::<String>()
            )
        })
        .collect();
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\"><office:body><office:spreadsheet><table:table table:name=\"{sheet}\">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text, options) in [
        (
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet",
            stored,
        ),
        ("META-INF/manifest.xml", manifest, Default::default()),
        ("content.xml", content.as_str(), Default::default()),
    ] {
        zip.start_file(name, options).expect("part");
        zip.write_all(text.as_bytes()).expect("part written");
    }
    zip.finish().expect("zip").into_inner()
}

#[test]
fn an_ods_sheet_imports_like_the_same_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rows: &[&[&str]] = &[
        &["competency", "level", "indicator", "indicator_id"],
        &["Craft", "Junior", "Ships small changes", ""],
        &["Craft", "Senior", "Leads the design", "lead"],
        &["Reach", "2", "Helps a team", ""],
    ];
    std::fs::write(dir.path().join("ladder.ods"), ods("Ladder", rows)).expect("write");
    let csv: String = rows.iter().map(|r| r.join(",") + "\n").collect();
    std::fs::write(dir.path().join("ladder.csv"), csv).expect("write");
    let path = |name: &str| dir.path().join(name).display().to_string();
    let from_ods = import_json(dir.path(), &[&path("ladder.ods"), "--sheet", "Ladder"]);
    let from_csv = import_json(dir.path(), &[&path("ladder.csv")]);
    assert_eq!(from_ods["competencies"], from_csv["competencies"]);
    assert_eq!(from_ods["levels"], from_csv["levels"]);
    assert_eq!(
        from_ods["competencies"][0]["levels"][1]["indicators"][0]["id"],
        "lead"
    );
    assert_eq!(from_ods["levels"][2]["name"], "2");
}
