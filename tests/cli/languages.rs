//! `--lang` (contract section 13): the framework's texts in another language on every command
//! that shows them, the source text where there is no translation, `lang` recorded by assess,
//! and prints and digests left on the source texts so files made in two languages are one
//! framework to compare, team and diff.

use crate::support::Sandbox;
use crate::translate::{kitchen_in_dutch, rungs_in};

/// `answers.yaml` and an assessment of the kitchen saved as `NAME` by `who` in `lang`.
fn assessed(sandbox: &Sandbox, name: &str, answers: &str, lang: Option<&str>, who: &[&str]) {
    sandbox.write("answers.yaml", answers);
    let mut args = vec![
        "assess",
        "@kitchen.yaml",
        "--answers",
        "@answers.yaml",
        "-o",
    ];
    let out = format!("@{name}");
    args.push(&out);
    if let Some(lang) = lang {
        args.extend(["--lang", lang]);
    }
    args.extend(who);
    let run = rungs_in(sandbox, &args);
    assert_eq!(run.code, 0, "{}", sandbox.clean(&run.stderr));
}

const ANSWERS: &str = "soup-1: 3\nsoup-2: 4\nsoup-3: 1\nbread-1: 3\nbread-2: na\n";

fn json(sandbox: &Sandbox, name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(sandbox.path(name)).expect("saved");
    serde_json::from_str(&text).expect("JSON")
}

#[test]
fn show_in_dutch_uses_the_translation_and_the_source_where_there_is_none() {
    let sandbox = kitchen_in_dutch();
    let run = rungs_in(&sandbox, &["show", "@kitchen.yaml", "--lang", "nl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for dutch in [
        "Keukenvaardigheden",
        "Soep",
        "Proeft voor het opdienen.",
        "Zout",
        "Kok",
        "Vaak",
        "Warme keuken",
    ] {
        assert!(run.stdout.contains(dutch), "{dutch}: {}", run.stdout);
    }
    for english in ["Bread", "Bakes sourdough.", "Acid", "Rarely"] {
        assert!(
            run.stdout.contains(english),
            "{english} stays: {}",
            run.stdout
        );
    }
    assert!(
        !run.stdout.contains("Tastes before serving."),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Schaal: een beoordeling van 3 of hoger telt als aangetoond"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Niveau 1: Makes a clear stock (Kok"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains(" texts have no nl translation and are shown as written"),
        "{}",
        run.stderr
    );
    let shown = rungs_in(
        &sandbox,
        &["show", "@kitchen.yaml", "--lang", "nl", "--format", "json"],
    );
    let value: serde_json::Value = serde_json::from_str(&shown.stdout).expect("JSON");
    assert_eq!(value["name"], "Keukenvaardigheden");
    assert_eq!(value["competencies"][0]["name"], "Soep");
    // Markdown speaks Dutch too.
    let markdown = rungs_in(
        &sandbox,
        &[
            "show",
            "@kitchen.yaml",
            "--lang",
            "nl",
            "--format",
            "markdown",
        ],
    );
    for dutch in [
        "`kitchen` versie 2",
        "## Schaal",
        "Een beoordeling van 3 of hoger telt als aangetoond",
        "## Niveaus",
        "| Rang | Niveau | Id | Omschrijving |",
        "#### Niveau 1: Makes a clear stock",
        "## Doelen\n\n| Doel | Id | Niveaus |",
    ] {
        assert!(
            markdown.stdout.contains(dutch),
            "{dutch}: {}",
            markdown.stdout
        );
    }
    for english in [
        "## Scale",
        "## Levels",
        "A rating of",
        "Level 1:",
        "| Rank |",
        "## Targets",
    ] {
        assert!(
            !markdown.stdout.contains(english),
            "{english}: {}",
            markdown.stdout
        );
    }
    // Without --lang nothing changes.
    let plain = rungs_in(&sandbox, &["show", "@kitchen.yaml"]);
    assert!(plain.stdout.contains("Tastes before serving.") && !plain.stdout.contains("Soep"));
}

#[test]
fn a_language_without_a_translation_shows_the_source_with_a_warning() {
    let sandbox = kitchen_in_dutch();
    let run = rungs_in(&sandbox, &["show", "@kitchen.yaml", "--lang", "de"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Kitchen skills"), "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "warning: framework kitchen has no translation into de; its texts are shown as written"
        ),
        "{}",
        run.stderr
    );
    let bad = rungs_in(&sandbox, &["show", "@kitchen.yaml", "--lang", "Dutch"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .contains("--lang \"Dutch\" is not a language tag"),
        "{}",
        bad.stderr
    );
}

#[test]
fn assess_in_dutch_records_lang_and_the_same_prints_as_in_english() {
    let sandbox = kitchen_in_dutch();
    assessed(&sandbox, "nl.json", ANSWERS, Some("nl"), &[]);
    assessed(&sandbox, "en.json", ANSWERS, None, &[]);
    let (nl, en) = (json(&sandbox, "nl.json"), json(&sandbox, "en.json"));
    assert_eq!(nl["lang"], "nl");
    assert!(en.get("lang").is_none(), "{en}");
    assert_eq!(
        nl["framework"], en["framework"],
        "digest and prints are the source's"
    );
    // The file follows the assessment schema.
    let schema = rungs_in(&sandbox, &["schema", "assessment"]);
    let schema: serde_json::Value = serde_json::from_str(&schema.stdout).expect("JSON");
    let validator = jsonschema::draft7::new(&schema).expect("schema");
    assert!(validator.is_valid(&nl));
    // A report of it, in English, has nothing to warn about.
    let report = rungs_in(&sandbox, &["report", "@nl.json"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    assert!(!report.stderr.contains("changed"), "{}", report.stderr);
    assert!(report.stdout.contains("Soup"), "{}", report.stdout);
}

#[test]
fn report_in_dutch_in_every_format_and_says_how_many_texts_are_not_translated() {
    let sandbox = kitchen_in_dutch();
    assessed(&sandbox, "me.json", ANSWERS, None, &[]);
    for format in ["table", "markdown", "html", "json", "csv"] {
        let run = rungs_in(
            &sandbox,
            &[
                "report",
                "@me.json",
                "--lang",
                "nl",
                "--format",
                format,
                "--target",
                "line-cook",
                "--explain",
            ],
        );
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        assert!(run.stdout.contains("Soep"), "{format}: {}", run.stdout);
        assert!(!run.stdout.contains("Soup"), "{format}: {}", run.stdout);
        assert!(
            run.stderr
                .contains("texts have no nl translation and are shown as written"),
            "{format}: {}",
            run.stderr
        );
    }
    // The interface's words: Dutch in the human formats, English in the machine ones.
    let words = |format: &str| {
        let run = rungs_in(
            &sandbox,
            &[
                "report",
                "@me.json",
                "--lang",
                "nl",
                "--format",
                format,
                "--target",
                "line-cook",
            ],
        );
        run.stdout
    };
    let table = words("table");
    for dutch in [
        "Niveauprofiel (scores van de 2)",
        "Verschil met",
        "competentie",
        "Ontwikkelplan",
    ] {
        assert!(table.contains(dutch), "{dutch}: {table}");
    }
    assert!(
        !table.contains("Level profile") && !table.contains("Development plan"),
        "{table}"
    );
    assert!(
        table.contains("Een niveau is behaald wanneer 80%"),
        "{table}"
    );
    assert!(
        table.contains("nog 1 bij Chef") && !table.contains("more at"),
        "{table}"
    );
    // Roles, the best fit and the targets met.
    for dutch in [
        "Rollen (een rol past wanneer elke competentie die hij noemt gehaald is)",
        "niveaus tekort",
        "2 van 2 gehaald",
        "Best passend: Line cook (line-cook). Volgende: geen daarboven.",
        "Doelen gehaald: 2 van 2.",
        "Elk doel is gehaald: er valt niets te overbruggen.",
    ] {
        assert!(table.contains(dutch), "{dutch}: {table}");
    }
    for english in [
        "Roles (",
        "levels short",
        "Best fit",
        "Targets met",
        "Every target",
    ] {
        assert!(!table.contains(english), "{english}: {table}");
    }
    // Numbers and dates as Dutch writes them.
    assert!(table.contains("1,00") && !table.contains("1.00"), "{table}");
    let months = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let first = table.lines().next().unwrap_or_default();
    assert!(
        first.contains("voltooid ") && months.iter().any(|m| first.contains(m)),
        "{first}"
    );
    let markdown = words("markdown");
    assert!(
        markdown.contains("## Niveauprofiel\n\nScores van de 2."),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Competentie | Niveau | Score | Voortgang | Volgend niveau |"),
        "{markdown}"
    );
    assert!(markdown.contains("## Ontwikkelplan"), "{markdown}");
    assert!(
        markdown.contains("| Rol | Competenties | Niveaus tekort | Past |")
            && markdown.contains("Doelen gehaald: 2 van 2.")
            && !markdown.contains("Best fit"),
        "{markdown}"
    );
    let html = words("html");
    assert!(html.contains("<html lang=\"nl\">"), "{html}");
    assert!(
        html.contains("<h2>Niveauprofiel</h2>") && html.contains("<th>Competentie</th>"),
        "{html}"
    );
    assert!(!html.contains("<h2>Level profile</h2>"), "{html}");
    assert!(
        html.contains("<th scope=\"col\">Niveaus tekort</th>")
            && html.contains("Best passend: Line cook")
            && !html.contains("Targets met"),
        "{html}"
    );
    let csv = words("csv");
    let header = csv.lines().next().unwrap_or_default();
    assert!(
        header.contains("competency") && !header.contains("competentie"),
        "CSV keeps English headers: {header}"
    );
    let json = rungs_in(
        &sandbox,
        &["report", "@me.json", "--lang", "nl", "--format", "json"],
    );
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(value["competencies"][0]["id"], "soup", "ids stay");
    assert_eq!(value["competencies"][0]["name"], "Soep");
}

#[test]
fn compare_team_diff_and_history_take_files_made_in_two_languages_as_one_framework() {
    let sandbox = kitchen_in_dutch();
    assessed(
        &sandbox,
        "sam.json",
        ANSWERS,
        Some("nl"),
        &["--subject", "Sam"],
    );
    assessed(
        &sandbox,
        "sam-by-kim.json",
        "soup-1: 2\nsoup-2: 4\nsoup-3: 3\nbread-1: 3\nbread-2: 4\n",
        None,
        &[
            "--subject",
            "Sam",
            "--rater",
            "Kim",
            "--relation",
            "manager",
        ],
    );
    assessed(
        &sandbox,
        "ana.json",
        "soup-1: 4\nsoup-2: 4\nsoup-3: 4\nbread-1: 1\nbread-2: 1\n",
        None,
        &["--subject", "Ana"],
    );
    let compared = rungs_in(
        &sandbox,
        &["compare", "@sam.json", "@sam-by-kim.json", "--lang", "nl"],
    );
    assert_eq!(compared.code, 0, "{}", compared.stderr);
    assert!(
        compared.stdout.contains("Soep") && !compared.stdout.contains("Soup"),
        "{}",
        compared.stdout
    );
    assert!(!compared.stderr.contains("changed"), "{}", compared.stderr);
    let team = rungs_in(
        &sandbox,
        &[
            "team",
            "@sam.json",
            "@ana.json",
            "--lang",
            "nl",
            "--format",
            "markdown",
        ],
    );
    assert_eq!(team.code, 0, "{}", team.stderr);
    assert!(
        team.stdout.contains("Soep") && !team.stdout.contains("Soup"),
        "{}",
        team.stdout
    );
    assert!(
        team.stdout.contains("Sam") && team.stdout.contains("Ana"),
        "{}",
        team.stdout
    );
    assessed(
        &sandbox,
        "sam-later.json",
        "soup-1: 4\nsoup-2: 4\nsoup-3: 4\nbread-1: 3\nbread-2: 4\n",
        None,
        &["--subject", "Sam"],
    );
    // Their words in Dutch in the human formats.
    let compared_md = rungs_in(
        &sandbox,
        &[
            "compare",
            "@sam.json",
            "@sam-by-kim.json",
            "--lang",
            "nl",
            "--format",
            "markdown",
        ],
    );
    assert!(
        compared_md.stdout.contains("## Niveaus")
            && compared_md
                .stdout
                .contains("| Competentie | Zelf | Consensus |"),
        "{}",
        compared_md.stdout
    );
    assert!(
        compared.stdout.contains("Beoordeeld door"),
        "{}",
        compared.stdout
    );
    assert!(
        compared.stdout.contains("Best passend, zelf:")
            && compared.stdout.contains("Best passend, consensus:")
            && compared.stdout.contains("0,50 geen")
            && !compared.stdout.contains("0.50 none")
            && !compared.stdout.contains("Best fit"),
        "{}",
        compared.stdout
    );
    let compared_html = rungs_in(
        &sandbox,
        &[
            "compare",
            "@sam.json",
            "@sam-by-kim.json",
            "--lang",
            "nl",
            "--format",
            "html",
        ],
    );
    assert!(
        compared_html.stdout.contains("<h2>Zelf en consensus</h2>"),
        "{}",
        compared_html.stdout
    );
    assert!(
        team.stdout.contains("## Behaalde niveaus") && team.stdout.contains("| Persoon |"),
        "{}",
        team.stdout
    );
    let team_table = rungs_in(
        &sandbox,
        &["team", "@sam.json", "@ana.json", "--lang", "nl"],
    );
    assert!(
        team_table.stdout.contains("Behaald niveau per competentie"),
        "{}",
        team_table.stdout
    );
    assert!(
        team_table.stdout.contains("; volgende: ") && !team_table.stdout.contains("; next: "),
        "{}",
        team_table.stdout
    );
    let team_json = rungs_in(
        &sandbox,
        &[
            "team",
            "@sam.json",
            "@ana.json",
            "--lang",
            "nl",
            "--format",
            "json",
        ],
    );
    assert!(
        team_json.stdout.contains("\"competencies\"") && !team_json.stdout.contains("Behaald"),
        "JSON keeps English"
    );
    let diff = rungs_in(
        &sandbox,
        &["diff", "@sam.json", "@sam-later.json", "--lang", "nl"],
    );
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    assert!(
        diff.stdout.contains("Soep") && !diff.stdout.contains("Soup"),
        "{}",
        diff.stdout
    );
    assert!(diff.stdout.contains("verandering"), "{}", diff.stdout);
    let history = rungs_in(
        &sandbox,
        &["history", "@sam.json", "@sam-later.json", "--lang", "nl"],
    );
    assert_eq!(history.code, 0, "{}", history.stderr);
    assert!(
        history.stdout.contains("Soep") && !history.stdout.contains("Soup"),
        "{}",
        history.stdout
    );
    assert!(
        history.stdout.contains("eerste → laatste"),
        "{}",
        history.stdout
    );
}

#[test]
fn team_over_time_in_dutch_names_its_rounds_and_who_moved_in_dutch() {
    let sandbox = kitchen_in_dutch();
    assessed(&sandbox, "sam.json", ANSWERS, None, &["--subject", "Sam"]);
    assessed(
        &sandbox,
        "sam-later.json",
        "soup-1: 4\nsoup-2: 4\nsoup-3: 4\nbread-1: 3\nbread-2: 4\n",
        None,
        &["--subject", "Sam"],
    );
    for (round, file) in [("spring", "sam.json"), ("autumn", "sam-later.json")] {
        std::fs::create_dir_all(sandbox.path(round)).expect("round folder");
        std::fs::copy(
            sandbox.path(file),
            sandbox.path(&format!("{round}/sam.json")),
        )
        .expect("copied");
    }
    let run = |lang: Option<&str>, format: &str| {
        let mut args = vec![
            "team",
            "@spring",
            "@autumn",
            "--over-time",
            "--format",
            format,
        ];
        if let Some(lang) = lang {
            args.extend(["--lang", lang]);
        }
        let run = rungs_in(&sandbox, &args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    let table = run(Some("nl"), "table");
    for dutch in [
        "Hoeveel mensen elk niveau hebben, per ronde",
        "ronde",
        "geen",
        "Wie is verschoven: niveaus die veranderden",
        "verandering",
        "↑ omhoog",
        "alle 5",
    ] {
        assert!(table.contains(dutch), "{dutch}: {table}");
    }
    for english in ["per round", "Who moved", "↑ up", "all 5", "change "] {
        assert!(!table.contains(english), "{english}: {table}");
    }
    let markdown = run(Some("nl"), "markdown");
    assert!(
        markdown.contains("| Persoon | Competentie | Voor | Na | Verandering |")
            && markdown.contains("| Competentie | Ronde | geen |")
            && !markdown.contains("Competency"),
        "{markdown}"
    );
    let html = run(Some("nl"), "html");
    assert!(
        html.contains("<h2>Wie is verschoven</h2>")
            && html.contains("<th>Verandering</th>")
            && !html.contains("Who moved"),
        "{html}"
    );
    // English as it was.
    let english = run(None, "table");
    assert!(
        english.contains("Who moved") && english.contains("↑ up") && english.contains("all 5"),
        "{english}"
    );
}
