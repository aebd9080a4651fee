//! Frameworks in several languages (contract section 13): translation files, the translator's
//! sheet written and read back, validation of translations, and `rungs list`.

use crate::support::{Run, Sandbox};

/// A framework written for these tests: a group, its own scale, guidance, a target, and one
/// indicator text used by two competencies.
pub const KITCHEN: &str = r#"id: kitchen
name: Kitchen skills
version: "2"
description: Cooking for a team.
scale:
  - { value: 1, label: Rarely }
  - { value: 2, label: Sometimes }
  - { value: 3, label: Often }
  - { value: 4, label: Always }
levels:
  - { id: cook, name: Cook, description: Makes a dish. }
  - { id: chef, name: Chef }
groups:
  - { id: hot, name: Hot kitchen }
competencies:
  - id: soup
    name: Soup
    group: hot
    description: Soups and stocks.
    levels:
      - level: cook
        title: Makes a clear stock
        indicators:
          - { id: soup-1, text: Tastes before serving., examples: [Salt, Acid] }
          - { id: soup-2, text: Keeps the station clean. }
      - level: chef
        indicators:
          - { id: soup-3, text: Writes the menu. }
    guidance:
      - title: Questions
        items: ["Which soup sells best?"]
  - id: bread
    name: Bread
    levels:
      - level: cook
        indicators:
          - { id: bread-1, text: Keeps the station clean. }
      - level: chef
        indicators:
          - { id: bread-2, text: Bakes sourdough. }
targets:
  - id: line-cook
    name: Line cook
    levels: { soup: cook, bread: cook }
"#;

/// A sandbox holding `kitchen.yaml`.
pub fn kitchen() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.write("kitchen.yaml", KITCHEN);
    sandbox
}

/// `rungs ARGS` in the sandbox, where `@NAME` is the sandbox's file NAME.
pub fn rungs_in(sandbox: &Sandbox, args: &[&str]) -> Run {
    let args: Vec<String> = args
        .iter()
        .map(|a| match a.strip_prefix('@') {
            Some(name) => sandbox.path(name).display().to_string(),
            None => a.to_string(),
        })
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = sandbox.run(&args);
    assert!(
        !run.stderr.contains("panicked"),
        "{}",
        sandbox.clean(&run.stderr)
    );
    run
}

/// A CSV sheet of these rows, under the four columns.
pub fn sheet(rows: &[[&str; 4]]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(["location", "context", "source", "target"])
        .expect("header");
    for row in rows {
        writer.write_record(row).expect("row");
    }
    String::from_utf8(writer.into_inner().expect("csv")).expect("utf-8")
}

/// The kitchen framework translated into Dutch through a sheet keyed by its own paths.
pub fn kitchen_in_dutch() -> Sandbox {
    let sandbox = kitchen();
    sandbox.write(
        "nl.csv",
        &sheet(&[
            ["name", "", "Kitchen skills", "Keukenvaardigheden"],
            ["competencies.soup.name", "", "Soup", "Soep"],
            [
                "indicators.soup-1.text",
                "",
                "Tastes before serving.",
                "Proeft voor het opdienen.",
            ],
            ["indicators.soup-1.examples.1", "", "Salt", "Zout"],
            ["levels.cook.name", "", "Cook", "Kok"],
            ["scale.3.label", "", "Often", "Vaak"],
            ["groups.hot.name", "", "Hot kitchen", "Warme keuken"],
        ]),
    );
    let run = rungs_in(
        &sandbox,
        &[
            "translate",
            "@kitchen.yaml",
            "--lang",
            "nl",
            "--from",
            "@nl.csv",
        ],
    );
    assert_eq!(run.code, 0, "{}", sandbox.clean(&run.stderr));
    sandbox
}

fn read(sandbox: &Sandbox, name: &str) -> String {
    std::fs::read_to_string(sandbox.path(name)).expect("file exists")
}

#[test]
fn the_translators_sheet_has_a_row_per_text_under_the_four_columns() {
    let sandbox = kitchen();
    let run = rungs_in(
        &sandbox,
        &[
            "translate",
            "@kitchen.yaml",
            "--lang",
            "nl",
            "-o",
            "@nl.csv",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = read(&sandbox, "nl.csv");
    let rows: Vec<Vec<String>> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("row").iter().map(String::from).collect())
        .collect();
    assert!(
        text.starts_with("location,context,source,target\n"),
        "{text}"
    );
    let locations: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    for path in [
        "name",
        "description",
        "scale.1.label",
        "levels.cook.name",
        "levels.cook.description",
        "groups.hot.name",
        "competencies.soup.name",
        "competencies.soup.description",
        "competencies.soup.levels.cook.title",
        "indicators.soup-1.text",
        "indicators.soup-1.examples.2",
        "competencies.soup.guidance.1.title",
        "competencies.soup.guidance.1.items.1",
        "indicators.bread-2.text",
        "targets.line-cook.name",
    ] {
        assert!(
            locations.contains(&path),
            "{path} missing from {locations:?}"
        );
    }
    let soup = rows
        .iter()
        .find(|r| r[0] == "indicators.soup-1.text")
        .expect("row");
    assert_eq!(soup[2], "Tastes before serving.");
    assert_eq!(soup[3], "", "no translation yet");
    assert!(
        run.stderr
            .contains(&format!("(0 of {} texts filled in)", rows.len())),
        "{}",
        run.stderr
    );
}

#[test]
fn a_sheet_keyed_by_its_own_paths_becomes_the_translation_file_and_fills_the_next_sheet() {
    let sandbox = kitchen();
    sandbox.write(
        "nl.csv",
        &sheet(&[
            ["name", "", "Kitchen skills", "Keukenvaardigheden"],
            [
                "indicators.soup-1.text",
                "",
                " Tastes before serving. ",
                "  Proeft voor het opdienen. ",
            ],
            [
                "competencies.soup.guidance.1.items.1",
                "",
                "Which soup sells best?",
                "Welke soep verkoopt het best?",
            ],
            ["competencies.bread.name", "", "Bread", ""],
        ]),
    );
    let run = rungs_in(
        &sandbox,
        &[
            "translate",
            "@kitchen.yaml",
            "--lang",
            "nl",
            "--from",
            "@nl.csv",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("kitchen.nl.yaml: translated 3 of "),
        "{}",
        sandbox.clean(&run.stderr)
    );
    assert!(!run.stderr.contains("matched no text"), "{}", run.stderr);
    let file = read(&sandbox, "kitchen.nl.yaml");
    assert!(file.starts_with("# "), "{file}");
    assert!(
        file.contains("translation:\n  framework: kitchen\n"),
        "{file}"
    );
    assert!(file.contains("  lang: nl\n"), "{file}");
    assert!(
        file.contains("  indicators.soup-1.text:\n    source: Tastes before serving.\n    text: Proeft voor het opdienen.\n"),
        "{file}"
    );
    // It validates with its framework, and the next sheet has its targets filled in.
    let valid = rungs_in(&sandbox, &["validate", "@kitchen.yaml"]);
    assert_eq!(valid.code, 0, "{}", valid.stderr);
    assert!(valid.stderr.contains("2 files valid"), "{}", valid.stderr);
    let again = rungs_in(
        &sandbox,
        &[
            "translate",
            "@kitchen.yaml",
            "--lang",
            "nl",
            "-o",
            "@again.csv",
        ],
    );
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        read(&sandbox, "again.csv").contains("indicators.soup-1.text,indicator of soup at level cook,Tastes before serving.,Proeft voor het opdienen.\n"),
        "{}",
        read(&sandbox, "again.csv")
    );
    assert!(again.stderr.contains("(3 of "), "{}", again.stderr);
}

#[test]
fn a_sheet_keyed_by_another_tools_locations_matches_by_source_text() {
    let sandbox = kitchen();
    // As a Weblate export: its own locations, one row per distinct text.
    sandbox.write(
        "weblate.csv",
        &sheet(&[
            [
                "1.1",
                "C1",
                "Tastes before serving.",
                "Proeft voor het opdienen.",
            ],
            [
                "1.2",
                "C1",
                "Keeps the station clean.",
                "Houdt de werkplek schoon.",
            ],
            [
                "1.3",
                "C1",
                "Keeps the station clean.",
                "Houdt de post netjes.",
            ],
            ["2.1", "C2", "Juggles knives.", "Jongleert met messen."],
            ["2.2", "C2", "Bakes sourdough.", ""],
            ["2.3", "", "Soup", "Soep"],
        ]),
    );
    let run = rungs_in(
        &sandbox,
        &[
            "translate",
            "@kitchen.yaml",
            "--lang",
            "nl",
            "--from",
            "@weblate.csv",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stderr = sandbox.clean(&run.stderr);
    // "Keeps the station clean." is the text of soup-2 and bread-1: both are filled.
    assert!(stderr.contains("translated 4 of "), "{stderr}");
    assert!(
        stderr.contains("warning: 1 row matched no text of kitchen: [TMP]/weblate.csv:5 \"2.1\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("another target than on an earlier row; the first stands"),
        "{stderr}"
    );
    let file = read(&sandbox, "kitchen.nl.yaml");
    for path in ["indicators.soup-2.text", "indicators.bread-1.text"] {
        assert!(
            file.contains(&format!("  {path}:\n    source: Keeps the station clean.\n    text: Houdt de werkplek schoon.\n")),
            "{path}: {file}"
        );
    }
    assert!(!file.contains("netjes"), "the first target stands: {file}");
    assert!(
        file.contains("  competencies.soup.name:\n    source: Soup\n    text: Soep\n"),
        "{file}"
    );
}

#[test]
fn several_runs_add_to_one_translation_file_and_a_workbook_reads_back() {
    let sandbox = kitchen_in_dutch();
    let mut book = rust_xlsxwriter::Workbook::new();
    let page = book.add_worksheet();
    page.set_name("Vertaling").expect("name");
    for (r, row) in [
        ["Sleutel", "Uitleg", "Engels", "Nederlands"],
        ["x", "", "Bakes sourdough.", "Bakt zuurdesem."],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            page.write_string(r as u32, c as u16, *cell).expect("cell");
        }
    }
    book.save(sandbox.path("more.xlsx")).expect("save");
    let run = rungs_in(
        &sandbox,
        &[
            "translate",
            "@kitchen.yaml",
            "--lang",
            "nl",
            "--from",
            "@more.xlsx",
            "--sheet",
            "Vertaling",
            "--column",
            "Engels=source",
            "--column",
            "Nederlands=target",
            "--column",
            "Sleutel=location",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("translated 8 of "), "{}", run.stderr);
    let file = read(&sandbox, "kitchen.nl.yaml");
    assert!(file.contains("text: Bakt zuurdesem."), "{file}");
    assert!(
        file.contains("text: Keukenvaardigheden"),
        "the first run's texts stay: {file}"
    );
}

#[test]
fn a_translation_whose_source_changed_is_stale_a_warning_not_an_error() {
    let sandbox = kitchen_in_dutch();
    sandbox.write(
        "kitchen.yaml",
        &KITCHEN.replace(
            "Tastes before serving.",
            "Tastes every dish before serving.",
        ),
    );
    let valid = rungs_in(&sandbox, &["validate", "@kitchen.yaml"]);
    assert_eq!(valid.code, 0, "{}", valid.stderr);
    let stderr = sandbox.clean(&valid.stderr);
    assert!(
        stderr.contains("[TMP]/kitchen.nl.yaml:") && stderr.contains("warning: stale translation of \"indicators.soup-1.text\": its source has changed since it was translated (now \"Tastes every dish before serving.\")"),
        "{stderr}"
    );
    assert!(stderr.contains("2 files valid (2 warnings)"), "{stderr}");
    // The sheet leaves its target empty, and reading a sheet again names it.
    let sheet_run = rungs_in(
        &sandbox,
        &[
            "translate",
            "@kitchen.yaml",
            "--lang",
            "nl",
            "-o",
            "@next.csv",
        ],
    );
    assert_eq!(sheet_run.code, 0);
    assert!(read(&sandbox, "next.csv").contains(",Tastes every dish before serving.,\n"));
    sandbox.write("empty.csv", &sheet(&[]));
    let again = rungs_in(
        &sandbox,
        &[
            "translate",
            "@kitchen.yaml",
            "--lang",
            "nl",
            "--from",
            "@empty.csv",
        ],
    );
    assert!(
        again.stderr.contains("warning: 1 translation is stale (the source changed since it was translated; shown in the source language until translated again): indicators.soup-1.text"),
        "{}",
        again.stderr
    );
}

#[test]
fn an_unknown_path_in_a_translation_file_is_an_error_at_its_line() {
    let sandbox = kitchen();
    sandbox.write(
        "kitchen.nl.yaml",
        "translation:\n  framework: kitchen\n  lang: nl\ntexts:\n  name:\n    source: Kitchen skills\n    text: Keukenvaardigheden\n  competencies.pastry.name:\n    source: Pastry\n    text: Banket\n",
    );
    let checked = rungs_in(&sandbox, &["validate", "@kitchen.yaml"]);
    assert_eq!(checked.code, 2, "{}", checked.stderr);
    let stderr = sandbox.clean(&checked.stderr);
    assert!(
        stderr.contains("[TMP]/kitchen.nl.yaml:8:3: unknown path \"competencies.pastry.name\": framework kitchen has no such text"),
        "{stderr}"
    );
    assert!(stderr.contains("1 of 2 files invalid"), "{stderr}");
    // The folder's translation is checked as a translation, never as a framework.
    let folder = rungs_in(
        &sandbox,
        &["validate", &sandbox.dir.path().display().to_string()],
    );
    assert_eq!(folder.code, 2);
    assert!(
        !folder.stderr.contains("unknown key `translation`"),
        "{}",
        folder.stderr
    );
    assert!(
        folder.stderr.contains("kitchen.nl.yaml:8:3: unknown path"),
        "{}",
        folder.stderr
    );
}

#[test]
fn list_names_each_frameworks_languages_and_a_folder_keeps_translations_apart() {
    let sandbox = kitchen_in_dutch();
    let listed = rungs_in(
        &sandbox,
        &[
            "list",
            "--frameworks",
            &sandbox.dir.path().display().to_string(),
        ],
    );
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert!(!listed.stderr.contains("left out"), "{}", listed.stderr);
    let stdout = sandbox.clean(&listed.stdout);
    assert!(
        stdout.contains("kitchen ([TMP]/kitchen.yaml)\n  translations: nl\n"),
        "{stdout}"
    );
}

#[test]
fn a_written_translation_file_follows_its_json_schema() {
    let sandbox = kitchen_in_dutch();
    let schema = rungs_in(&sandbox, &["schema", "translation"]);
    assert_eq!(schema.code, 0, "{}", schema.stderr);
    let schema: serde_json::Value = serde_json::from_str(&schema.stdout).expect("JSON");
    let validator = jsonschema::draft7::new(&schema).expect("a draft-07 schema");
    let file: serde_json::Value =
        serde_yaml::from_str(&read(&sandbox, "kitchen.nl.yaml")).expect("YAML");
    let problems: Vec<String> = validator
        .iter_errors(&file)
        .map(|e| e.to_string())
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let wrong: serde_json::Value = serde_json::json!({"translation": {"framework": "kitchen", "lang": "Dutch"}, "texts": {"name": {"text": "x"}}});
    assert!(validator.iter_errors(&wrong).count() >= 2);
}
