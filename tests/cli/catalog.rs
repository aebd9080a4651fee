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
fn a_user_framework_that_reuses_an_id_is_a_clear_error() {
    let clash = teamwork_text().replacen("id: teamwork", "id: networking", 1);
    let dir = folder_with(&[("mine.yaml", &clash)]);
    let folder = dir.path().display().to_string();
    let out = command(&["list", "--frameworks", &folder]).run();
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        format!(
            "error: {folder}/mine.yaml: framework id \"networking\" is already used by builtin:networking; give one of them another id\n"
        )
    );
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
