//! A framework's own codes (`code` on a group, competency, level and indicator) and indicator
//! kinds (`kind`): declared in the format, carried by `show --format json` and the sheet round
//! trip, shown beside the names, and `report --kind K`.

use serde_json::Value;

use crate::support::{command, Sandbox};

/// DigComp-like: codes that are not slugs, kinds of the framework's own.
pub const CODED: &str = r#"id: coded
name: Coded
version: "1.0"
levels:
  - { id: foundation, name: Foundation, code: "L1" }
  - { id: advanced, name: Advanced, code: "L2" }
groups:
  - { id: information, name: Information and data literacy, code: "1" }
competencies:
  - id: browsing
    name: Browsing and searching
    code: "1.1"
    group: information
    levels:
      - level: foundation
        indicators:
          - { id: b1, code: "LO1.1.01", text: Knows that search engines rank results., kind: knowledge }
          - { id: b2, code: "LO1.1.02", text: Refines a search with operators., kind: skill }
      - level: advanced
        indicators:
          - { id: b3, text: Questions how an AI assistant chose its answer., kind: AI-Explicit }
          - { id: b4, text: Is curious about new sources., kind: attitude }
  - id: evaluating
    name: Evaluating data
    levels:
      - level: foundation
        indicators:
          - Checks who published a page.
"#;

/// `rungs show FRAMEWORK --format json`, parsed.
fn json_of(framework: &str) -> Value {
    let out = command(&["-q", "show", framework, "--format", "json"])
        .env("NO_COLOR", "1")
        .succeeds();
    serde_json::from_str(&out).expect("show --format json prints JSON")
}

/// The codes and kinds a framework's JSON carries, and nothing else.
fn codes_and_kinds(framework: &Value) -> Value {
    let levels: Vec<Value> = framework["levels"]
        .as_array()
        .expect("levels")
        .iter()
        .map(|l| serde_json::json!([l["id"], l["code"]]))
        .collect();
    let groups: Vec<Value> = framework["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| serde_json::json!([g["id"], g["code"]]))
        .collect();
    let mut indicators = Vec::new();
    let competencies: Vec<Value> = framework["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .map(|c| {
            for l in c["levels"].as_array().expect("levels") {
                for i in l["indicators"].as_array().expect("indicators") {
                    indicators.push(serde_json::json!([i["id"], i["code"], i["kind"]]));
                }
            }
            serde_json::json!([c["id"], c["code"]])
        })
        .collect();
    serde_json::json!({
        "levels": levels,
        "groups": groups,
        "competencies": competencies,
        "indicators": indicators,
    })
}

#[test]
fn show_json_carries_every_code_and_kind() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("coded.yaml", CODED);
    let json = json_of(&file.display().to_string());
    assert_eq!(
        codes_and_kinds(&json),
        serde_json::json!({
            "levels": [["foundation", "L1"], ["advanced", "L2"]],
            "groups": [["information", "1"]],
            "competencies": [["browsing", "1.1"], ["evaluating", null]],
            "indicators": [
                ["b1", "LO1.1.01", "knowledge"],
                ["b2", "LO1.1.02", "skill"],
                ["b3", null, "AI-Explicit"],
                ["b4", null, "attitude"],
                ["evaluating.foundation.1", null, null],
            ],
        })
    );
}

#[test]
fn codes_and_kinds_survive_show_csv_then_import_sheet() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("coded.yaml", CODED);
    let csv = command(&["-q", "show"])
        .arg(&file)
        .args(&["--format", "csv"])
        .succeeds();
    let header = csv.lines().next().expect("a header");
    for column in [
        "group_code",
        "competency_code",
        "level_code",
        "indicator_code",
        "kind",
    ] {
        assert!(
            header.split(',').any(|h| h == column),
            "{column} missing from {header}"
        );
    }
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let first = reader
        .records()
        .next()
        .expect("a row")
        .expect("a readable row");
    let cell = |name: &str| {
        let at = headers.iter().position(|h| h == name).expect("the column");
        first.get(at).expect("the cell").to_string()
    };
    assert_eq!(
        [
            cell("group_code"),
            cell("competency_code"),
            cell("level_code"),
            cell("indicator_code"),
            cell("kind")
        ],
        ["1", "1.1", "L1", "LO1.1.01", "knowledge"]
    );

    let sheet = sandbox.write("coded.csv", &csv);
    let yaml = sandbox.path("back.yaml");
    command(&["-q", "import", "sheet", "--id", "coded", "-o"])
        .arg(&yaml)
        .arg(&sheet)
        .succeeds();
    let written = std::fs::read_to_string(&yaml).expect("the imported file");
    assert!(written.contains("kind: AI-Explicit"), "{written}");
    assert_eq!(
        codes_and_kinds(&json_of(&yaml.display().to_string())),
        codes_and_kinds(&json_of(&file.display().to_string())),
    );
}

#[test]
fn a_sheet_gives_codes_and_kinds_in_its_own_columns() {
    let sandbox = Sandbox::new();
    let sheet = sandbox.write(
        "ladder.csv",
        "competency,competency_code,level,level_code,indicator,indicator_code,kind,group,group_code\n\
         Browsing , 1.1 ,Foundation,L1,Knows search engines rank results.,LO1.1.01, knowledge ,Information,1\n\
         Browsing,1.1,Foundation,L1,Questions an AI answer.,,AI-Explicit,Information,1\n",
    );
    let yaml = sandbox.path("ladder.yaml");
    command(&["-q", "import", "sheet", "-o"])
        .arg(&yaml)
        .arg(&sheet)
        .succeeds();
    let json = json_of(&yaml.display().to_string());
    assert_eq!(json["competencies"][0]["code"], "1.1");
    assert_eq!(json["groups"][0]["code"], "1");
    assert_eq!(json["levels"][0]["code"], "L1");
    let indicators = &json["competencies"][0]["levels"][0]["indicators"];
    assert_eq!(indicators[0]["code"], "LO1.1.01");
    assert_eq!(indicators[0]["kind"], "knowledge");
    assert_eq!(indicators[1]["code"], Value::Null);
    assert_eq!(indicators[1]["kind"], "AI-Explicit");
}

#[test]
fn a_code_given_differently_on_two_rows_is_an_error_at_the_second() {
    let sandbox = Sandbox::new();
    let sheet = sandbox.write(
        "ladder.csv",
        "competency,competency_code,level,indicator\n\
         Browsing,1.1,Foundation,Searches.\n\
         Browsing,1.2,Foundation,Refines.\n",
    );
    let run = command(&["import", "sheet", "-o"])
        .arg(sandbox.path("out.yaml"))
        .arg(&sheet)
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(":3:2:")
            && run
                .stderr
                .contains("competency \"browsing\" has another code at row 3 than at row 2"),
        "{}",
        run.stderr
    );
    assert!(!sandbox.path("out.yaml").exists());
}

#[test]
fn an_empty_code_or_kind_is_an_error_at_its_place() {
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "coded.yaml",
        &CODED
            .replace("code: \"1.1\"", "code: \" \"")
            .replace("kind: skill", "kind: \"\""),
    );
    let run = command(&["validate"]).arg(&file).env("NO_COLOR", "1").run();
    assert_eq!(run.code, 2, "{}", run.stderr);
    let stderr = sandbox.clean(&run.stderr);
    assert!(
        stderr.contains("coded.yaml:12:11: competency \"browsing\" has an empty code; give the framework's own code, or leave code out"),
        "{stderr}"
    );
    assert!(
        stderr.contains("coded.yaml:18:87: indicator \"b2\" has an empty kind; give a label such as knowledge, skill or attitude, or leave kind out"),
        "{stderr}"
    );
}

#[test]
fn the_schema_declares_code_and_kind() {
    let out = command(&["schema", "framework"]).succeeds();
    let schema: Value = serde_json::from_str(&out).expect("JSON");
    let definitions = &schema["definitions"];
    for record in ["level", "group", "competency", "indicatorObject"] {
        assert!(
            definitions[record]["properties"]["code"].is_object(),
            "{record} has no code"
        );
    }
    assert!(definitions["indicatorObject"]["properties"]["kind"].is_object());
    assert!(definitions["competencyLevel"]["properties"]["code"].is_null());
}

/// The answers to [`CODED`]: b3 (AI-Explicit, at Advanced) below demonstrated.
const ANSWERS: &str = "b1: 3\nb2: 4\nb3: 2\nb4: 3\nevaluating.foundation.1: 3\n";

/// A sandbox with [`CODED`] and an assessment of it, `a.json`.
fn assessed() -> Sandbox {
    let sandbox = Sandbox::new();
    let framework = sandbox.write("coded.yaml", CODED);
    let saved = sandbox.path("a.json").display().to_string();
    crate::support::assess_with_answers(
        sandbox.dir.path(),
        &framework.display().to_string(),
        ANSWERS,
        &["--out", &saved],
    );
    sandbox
}

/// `rungs report a.json ARGS` in the sandbox, which must succeed; its stdout.
fn report(sandbox: &Sandbox, args: &[&str]) -> String {
    let run = command(&["report"])
        .arg(sandbox.path("a.json"))
        .args(args)
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

#[test]
fn show_puts_codes_beside_names_and_kinds_with_indicators() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("coded.yaml", CODED);
    let table = command(&["show"])
        .arg(&file)
        .env("NO_COLOR", "1")
        .succeeds();
    for expected in [
        "│ 1    ┆ Foundation [L1] ┆",
        "── Information and data literacy [1] (information) ──",
        "\nBrowsing and searching [1.1] (browsing)\n",
        "\nLevel 1: Foundation [L1]\n",
        "│ b1 ┆ Knows that search engines rank results. [LO1.1.01] (kind: knowledge) │",
        "│ b3 ┆ Questions how an AI assistant chose its answer. (kind: AI-Explicit) │",
        // Without a code, the name alone.
        "\nEvaluating data (evaluating)\n",
        "│ evaluating.foundation.1 ┆ Checks who published a page. │",
    ] {
        assert!(table.contains(expected), "{expected:?} not in\n{table}");
    }
    let markdown = command(&["show", "--format", "markdown"])
        .arg(&file)
        .succeeds();
    for expected in [
        "| 1 | Foundation \\[L1\\] | `foundation` |",
        "## Information and data literacy \\[1\\]",
        "### Browsing and searching \\[1.1\\] (`browsing`)",
        "- Knows that search engines rank results. \\[LO1.1.01\\] (kind: knowledge) (`b1`)",
    ] {
        assert!(
            markdown.contains(expected),
            "{expected:?} not in\n{markdown}"
        );
    }
}

#[test]
fn every_report_format_shows_codes_and_kinds() {
    let sandbox = assessed();
    let target = ["--target-level", "advanced"];
    let table = report(&sandbox, &target);
    assert!(
        table.contains("Information and data literacy [1]\n"),
        "{table}"
    );
    assert!(table.contains("│ Browsing and searching ┆"), "{table}");
    assert!(table.contains("│ [1.1]                  ┆"), "{table}");
    assert!(
        table.contains("\nBrowsing and searching [1.1]: 1 · Foundation → 2 · Advanced"),
        "{table}"
    );
    assert!(table.contains("answer. (kind: AI-Explicit)"), "{table}");
    assert!(table.contains("│ 2 · Advanced [L2] ┆"), "{table}");

    let markdown = report(&sandbox, &[&target[..], &["--format", "markdown"]].concat());
    assert!(
        markdown.contains("### Browsing and searching \\[1.1\\]: 1 · Foundation → 2 · Advanced"),
        "{markdown}"
    );
    assert!(
        markdown
            .contains("Questions how an AI assistant chose its answer. (kind: AI-Explicit) (`b3`)"),
        "{markdown}"
    );

    let html = report(&sandbox, &[&target[..], &["--format", "html"]].concat());
    assert!(html.contains("Browsing and searching [1.1]"), "{html}");
    assert!(html.contains("Information and data literacy [1]"), "{html}");
    assert!(
        html.contains("Questions how an AI assistant chose its answer. (kind: AI-Explicit)"),
        "{html}"
    );

    let csv = report(&sandbox, &["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let at = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let b1 = rows
        .iter()
        .find(|r| &r[at("indicator_id")] == "b1")
        .expect("b1");
    assert_eq!(
        [
            &b1[at("competency_code")],
            &b1[at("level_code")],
            &b1[at("indicator_code")],
            &b1[at("kind")]
        ],
        ["1.1", "L1", "LO1.1.01", "knowledge"]
    );
    // The indicator cell stays the text itself: the code and kind have their columns.
    assert_eq!(
        &b1[at("indicator")],
        "Knows that search engines rank results."
    );

    let json: Value = serde_json::from_str(&report(&sandbox, &["--format", "json"])).expect("JSON");
    assert_eq!(json["groups"][0]["code"], "1");
    assert_eq!(json["competencies"][0]["code"], "1.1");
    assert!(json["competencies"][1].get("code").is_none());
    let b2 = &json["indicators"][1];
    assert_eq!(
        [
            &b2["id"],
            &b2["code"],
            &b2["kind"],
            &b2["competency_code"],
            &b2["level_code"]
        ],
        ["b2", "LO1.1.02", "skill", "1.1", "L1"]
    );
}

#[test]
fn report_kind_lists_only_that_kind_and_says_so() {
    let sandbox = assessed();
    // Case does not matter; the framework's spelling is shown.
    let table = report(
        &sandbox,
        &["--kind", "ai-explicit", "--target-level", "advanced"],
    );
    assert!(
        table.contains("Only indicators of kind AI-Explicit are listed (1 of 5); levels, scores and gaps\ncount every indicator."),
        "{table}"
    );
    // The profile still counts every indicator: Browsing holds Foundation.
    assert!(table.contains("┆ 1 · Foundation ┆  1.50 ┆"), "{table}");
    assert!(table.contains("(kind: AI-Explicit)"), "{table}");

    let json: Value = serde_json::from_str(&report(
        &sandbox,
        &[
            "--kind",
            "knowledge",
            "--target-level",
            "advanced",
            "--format",
            "json",
        ],
    ))
    .expect("JSON");
    let ids: Vec<&str> = json["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| i["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["b1"]);
    assert_eq!(json["kind"]["kind"], "knowledge");
    assert_eq!(json["kind"]["indicators"], 1);
    assert_eq!(json["kind"]["of"], 5);
    // The plan's one indicator to work on (b3) is not knowledge: no plan entry is left, but the
    // gap stays.
    assert_eq!(json["plan"], serde_json::json!([]));
    assert_eq!(json["gaps"][0]["gap"], 1);
    assert_eq!(json["competencies"][0]["rank"], 1);

    let markdown = report(&sandbox, &["--kind", "skill", "--format", "markdown"]);
    assert!(
        markdown.contains("Only indicators of kind skill are listed (1 of 5)"),
        "{markdown}"
    );
    let html = report(&sandbox, &["--kind", "skill", "--format", "html"]);
    assert!(
        html.contains("<p class=\"kind\">Only indicators of kind skill are listed (1 of 5)"),
        "{html}"
    );
    let csv = report(&sandbox, &["--kind", "Skill", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(
        csv.contains(",b2,LO1.1.02,Refines a search with operators.,skill,4,"),
        "{csv}"
    );
}

#[test]
fn report_kind_that_no_indicator_has_names_the_kinds() {
    let sandbox = assessed();
    let output = sandbox.path("r.md");
    let run = command(&["report"])
        .arg(sandbox.path("a.json"))
        .args(&["--kind", "behaviour", "-o"])
        .arg(&output)
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.ends_with("error: --kind \"behaviour\": no indicator has this kind; the kinds are: knowledge, skill, AI-Explicit, attitude\n"),
        "{}",
        run.stderr
    );
    assert!(!output.exists());

    let run = command(&[
        "report",
        "tests/fixtures/assessments/networking/2026-03-10.json",
        "--kind",
        "skill",
    ])
    .env("NO_COLOR", "1")
    .run();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error: --kind \"skill\": the framework gives its indicators no kind"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_form_page_shows_codes_and_kinds() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("coded.yaml", CODED);
    let page = sandbox.path("page.html");
    let run = command(&["form"])
        .arg(&file)
        .arg("-o")
        .arg(&page)
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(&page).expect("the page");
    for expected in [
        ">Browsing and searching [1.1]</h2>",
        ">Foundation [L1]</h3>",
        "<legend>Knows that search engines rank results. [LO1.1.01] (kind: knowledge) <span",
        "<legend>Is curious about new sources. (kind: attitude) <span",
        "<legend>Checks who published a page. <span",
    ] {
        assert!(html.contains(expected), "{expected:?} not in the page");
    }
}
