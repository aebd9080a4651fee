//! `-q`: every message besides errors goes through one channel, and `-q` silences it. Each
//! command is run on input that makes it say something, first without `-q` (so there is
//! something to silence), then with it.

use std::path::Path;

use crate::support::{command, fixture};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_command_says_nothing_on_stderr_under_quiet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let at = |name: &str| dir.path().join(name);
    for name in ["alex.json", "bo.json"] {
        std::fs::copy(fixture(&format!("team/{name}")), at(name)).expect("copy");
    }
    std::fs::write(at("junk.json"), "[1]").expect("write");
    std::fs::write(at("answers.yaml"), "lis-1: 3\n").expect("write");
    // Made against another version of the framework: worth a warning wherever it is read.
    let old = std::fs::read_to_string(at("alex.json"))
        .expect("read")
        .replacen("\"digest\": \"sha256:", "\"digest\": \"sha256:0", 1);
    std::fs::write(at("old.json"), old).expect("write");
    let framework = root().join("tests/fixtures/assess/teamwork.yaml");
    let framework = framework.display().to_string();
    let warnings_only = root().join("tests/broken/valid/warnings-only.yaml");
    let warnings_only = warnings_only.display().to_string();
    let sheet = root().join("tests/fixtures/import/ladder.csv");
    let sheet = sheet.display().to_string();
    std::fs::create_dir(at("frameworks")).expect("folder");
    std::fs::write(at("frameworks/broken.yaml"), "id: [unclosed\n").expect("write");
    let f = framework.as_str();
    let cases: Vec<Vec<&str>> = vec![
        vec!["team", ".", "--framework", f, "--skip-invalid"],
        vec![
            "team",
            ".",
            "--framework",
            f,
            "--skip-invalid",
            "--format",
            "ndjson",
        ],
        vec![
            "compare",
            "alex.json",
            "junk.json",
            "--framework",
            f,
            "--skip-invalid",
        ],
        vec!["assess", f, "--answers", "answers.yaml", "-o", "me.json"],
        vec!["validate", &warnings_only],
        vec!["show", &warnings_only],
        vec!["report", "alex.json", "--framework", f],
        vec!["report", "old.json", "--framework", f, "-o", "report.md"],
        vec!["diff", "old.json", "alex.json", "--framework", f],
        vec!["history", "old.json", "alex.json", "--framework", f],
        vec!["new", "ladder", "-o", "new.yaml"],
        vec!["import", "csv", &sheet, "-o", "imported.yaml"],
        vec!["man", "-o", "pages"],
        vec!["list", "--frameworks", "frameworks"],
    ];
    for args in cases {
        let said = command(&args).current_dir(dir.path()).run();
        assert_eq!(said.code, 0, "{args:?}: {}", said.stderr);
        assert_ne!(said.stderr, "", "{args:?} has something to say");
        // What the first run wrote would be refused as existing: start afresh.
        for made in ["me.json", "report.md", "new.yaml", "imported.yaml"] {
            let _ = std::fs::remove_file(at(made));
        }
        let _ = std::fs::remove_dir_all(at("pages"));
        let mut quiet = vec!["-q"];
        quiet.extend(&args);
        let run = command(&quiet).current_dir(dir.path()).run();
        assert_eq!(run.code, 0, "{quiet:?}: {}", run.stderr);
        assert_eq!(run.stderr, "", "{quiet:?}");
    }
}
