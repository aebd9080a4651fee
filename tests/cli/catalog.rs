//! Where frameworks come from: `--frameworks DIR`, `RUNGS_FRAMEWORKS`, and id clashes.

use crate::support::command;

const TEAMWORK: &str = "tests/fixtures/frameworks/teamwork.yaml";

fn folder_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write framework");
    }
    dir
}

fn teamwork_text() -> String {
    std::fs::read_to_string(TEAMWORK).expect("fixture")
}

#[test]
fn a_frameworks_folder_adds_its_frameworks_to_list_and_show() {
    let dir = folder_with(&[("teamwork.yaml", &teamwork_text())]);
    let folder = dir.path().display().to_string();
    let out = command(&["list", "--frameworks", &folder]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\n teamwork "), "{}", out.stdout);
    assert!(
        out.stdout.contains(&format!("teamwork ({folder}")),
        "the folder is named as where it comes from:\n{}",
        out.stdout
    );
    let out = command(&["show", "teamwork"])
        .env("RUNGS_FRAMEWORKS", &folder)
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("Teamwork (teamwork"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_user_framework_that_reuses_an_id_is_left_out_with_a_clear_warning() {
    let clash = teamwork_text().replacen("id: teamwork", "id: networking", 1);
    let dir = folder_with(&[("mine.yaml", &clash)]);
    let folder = dir.path().display().to_string();
    let out = command(&["list", "--frameworks", &folder]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "warning: {folder}/mine.yaml: framework id \"networking\" is already used by builtin:networking, so this file is left out; give one of them another id\n"
        )
    );
    assert!(out.stdout.contains("networking"), "{}", out.stdout);
}

#[test]
fn a_broken_file_in_a_frameworks_folder_is_left_out_and_named_but_fails_validate() {
    let dir = folder_with(&[
        ("teamwork.yaml", &teamwork_text()),
        ("broken.yaml", "id: broken\nname: [unclosed\n"),
    ]);
    let folder = dir.path().display().to_string();
    let out = command(&[
        "report",
        "tests/fixtures/assessments/networking/2026-03-10.json",
        "--frameworks",
        &folder,
    ])
    .env("NO_COLOR", "1")
    .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let warnings: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", out.stderr);
    assert!(
        warnings[0].starts_with(&format!("warning: {folder}/broken.yaml:"))
            && warnings[0].contains("the file is left out"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("Networking"), "{}", out.stdout);
    let out = command(&["show", "teamwork", "--frameworks", &folder]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = command(&["validate", &folder]).run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("broken.yaml"), "{}", out.stderr);
}

#[test]
fn a_missing_frameworks_folder_is_bad_input() {
    let out = command(&["list", "--frameworks", "no-such-folder"]).run();
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: no-such-folder: cannot read folder: no such file or folder\n"
    );
}
