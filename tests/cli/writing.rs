//! Writing where others can reach: every output target follows one set of rules (a regular
//! file or nothing, replaced only with --force, never a link, FIFO, device or input of the
//! command; `-` is stdout), temporary files are never left to be read, and a resumed file that
//! is a link keeps being a link.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{fixture, Sandbox};

const FRAMEWORK: &str = "tests/fixtures/assess/teamwork.yaml";
const ANSWERS: &str =
    "lis-1: 4\nlis-2: 3\nlis-3: 2\nlis-4: 2\nlis-5: 1\nsha-1: 4\nsha-2: 4\nsha-3: 3\n";

/// What these tests make in a sandbox besides files.
impl Sandbox {
    /// A FIFO made in the sandbox.
    fn fifo(&self, name: &str) -> PathBuf {
        let path = self.path(name);
        let made = Command::new("mkfifo")
            .arg(&path)
            .status()
            .expect("mkfifo runs");
        assert!(made.success(), "mkfifo {}", path.display());
        path
    }

    /// A character device (the null device's numbers) made in the sandbox, when this process
    /// may make one.
    fn device(&self, name: &str) -> Option<PathBuf> {
        let path = self.path(name);
        let made = Command::new("mknod")
            .arg(&path)
            .args(["c", "1", "3"])
            .status()
            .is_ok_and(|s| s.success());
        made.then_some(path)
    }

    /// An assessment of the fixture framework saved through --answers.
    fn assessment(&self, name: &str) -> PathBuf {
        let answers = self.write("answers.yaml", ANSWERS);
        let file = self.path(name);
        let out = self.run(&[
            "assess",
            FRAMEWORK,
            "--answers",
            &shown(&answers),
            "--subject",
            "Sam",
            "-o",
            &shown(&file),
            "--force",
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        file
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

/// Every command that writes a file, given `--output TARGET` (and `--force`).
fn writers(sandbox: &Sandbox, target: &Path) -> Vec<(&'static str, Vec<String>)> {
    let one = shown(&sandbox.assessment("one.json"));
    let two = shown(&sandbox.assessment("two.json"));
    let answers = shown(&sandbox.write("answers.yaml", ANSWERS));
    let sheet = shown(&fixture("import/ladder.csv"));
    let target = shown(target);
    let with = |args: &[&str]| -> Vec<String> {
        args.iter()
            .map(ToString::to_string)
            .chain(["-o".to_string(), target.clone(), "--force".to_string()])
            .collect()
    };
    vec![
        ("report", with(&["report", &one])),
        ("diff", with(&["diff", &one, &two])),
        ("history", with(&["history", &one, &two])),
        ("compare", with(&["compare", &one, &two])),
        ("team", with(&["team", &one, &two])),
        ("import", with(&["import", "csv", &sheet])),
        ("new", with(&["new", "ours"])),
        ("form", with(&["form", FRAMEWORK])),
        (
            "assess",
            with(&["assess", FRAMEWORK, "--answers", &answers]),
        ),
    ]
}

/// Every writer refuses `target` with `message` (exit 2), and `target` is still what
/// `unchanged` says it was.
fn every_writer_refuses(
    sandbox: &Sandbox,
    target: &Path,
    message: &str,
    unchanged: impl Fn() -> bool,
) {
    for (command, args) in writers(sandbox, target) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = sandbox.run(&args);
        assert_eq!(out.code, 2, "{command}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{command}: {}", out.stderr);
        assert!(unchanged(), "{command} changed {}", target.display());
    }
}

#[test]
fn a_fifo_or_a_device_as_output_is_refused_even_with_force() {
    use std::os::unix::fs::FileTypeExt;
    let sandbox = Sandbox::new();
    let fifo = sandbox.fifo("pipe");
    every_writer_refuses(
        &sandbox,
        &fifo,
        "is a FIFO (named pipe), not a regular file; rungs replaces only regular files, even with --force",
        || is_fifo(&fifo),
    );
    let Some(device) = sandbox.device("null") else {
        eprintln!("no device made (no permission to mknod): the device case is left out");
        return;
    };
    every_writer_refuses(&sandbox, &device, "is a device, not a regular file", || {
        fs::symlink_metadata(&device).is_ok_and(|m| m.file_type().is_char_device())
    });
}

#[test]
fn a_link_as_output_is_refused_even_with_force_and_its_target_is_untouched() {
    let sandbox = Sandbox::new();
    let victim = sandbox.write("victim.txt", "keep me\n");
    let link = sandbox.path("out.txt");
    std::os::unix::fs::symlink(&victim, &link).expect("link");
    every_writer_refuses(
        &sandbox,
        &link,
        "is a symbolic link; rungs neither writes through a link nor replaces one",
        || {
            fs::read_to_string(&victim).is_ok_and(|t| t == "keep me\n")
                && fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink())
        },
    );
}

#[test]
fn dash_is_stdout_for_every_command_that_writes_a_document() {
    let sandbox = Sandbox::new();
    let one = shown(&sandbox.assessment("one.json"));
    let two = shown(&sandbox.assessment("two.json"));
    let sheet = shown(&fixture("import/ladder.csv"));
    let framework = shown(&Path::new(env!("CARGO_MANIFEST_DIR")).join(FRAMEWORK));
    let cases: Vec<(&str, Vec<&str>, &str)> = vec![
        (
            "report",
            vec!["report", &one, "-f", "json"],
            "\"competencies\"",
        ),
        ("diff", vec!["diff", &one, &two, "-f", "json"], "\"old\""),
        (
            "history",
            vec!["history", &one, &two, "-f", "json"],
            "\"assessments\"",
        ),
        (
            "compare",
            vec!["compare", &one, &two, "-f", "json"],
            "\"teamwork-walk\"",
        ),
        (
            "team",
            vec!["team", &one, &two, "-f", "json"],
            "\"teamwork-walk\"",
        ),
        ("import", vec!["import", "csv", &sheet], "competencies:"),
        ("new", vec!["new", "ours"], "id: \"ours\""),
        ("form", vec!["form", &framework], "<!DOCTYPE html>"),
        ("man", vec!["man"], ".TH rungs 1"),
    ];
    for (command, args, expected) in cases {
        let mut args = args;
        args.extend(["-o", "-"]);
        let out = Command::new(env!("CARGO_BIN_EXE_rungs"))
            .args(&args)
            .current_dir(sandbox.dir.path())
            .env("NO_COLOR", "1")
            .env("XDG_DATA_HOME", sandbox.path("data"))
            .output()
            .expect("runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.contains(expected), "{command} printed: {stdout}");
        assert!(
            !sandbox.path("-").exists(),
            "{command} wrote a file named -"
        );
    }
    let refused = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        &shown(&sandbox.path("answers.yaml")),
        "-o",
        "-",
    ]);
    assert_eq!(refused.code, 2);
    assert!(refused.stderr.contains("--output -: an assessment is saved to its file after every answer, so it needs a file name"), "{}", refused.stderr);
}

#[test]
fn output_naming_an_input_is_refused_by_every_command_through_links_too() {
    let sandbox = Sandbox::new();
    let one = sandbox.assessment("one.json");
    let two = sandbox.assessment("two.json");
    let answers = sandbox.write("answers.yaml", ANSWERS);
    let framework = sandbox.path("framework.yaml");
    fs::copy(FRAMEWORK, &framework).expect("copy the framework");
    let sheet = sandbox.path("sheet.csv");
    fs::copy(fixture("import/ladder.csv"), &sheet).expect("copy the sheet");
    let link = |to: &Path, name: &str| {
        let link = sandbox.path(name);
        std::os::unix::fs::symlink(to, &link).expect("link");
        shown(&link)
    };
    let (one_s, two_s) = (shown(&one), shown(&two));
    let cases: Vec<(Vec<String>, &Path, &str)> = vec![
        (
            vec![
                "assess".into(),
                shown(&framework),
                "--answers".into(),
                shown(&answers),
                "-o".into(),
                shown(&framework),
            ],
            &framework,
            "that is the framework being assessed",
        ),
        (
            vec![
                "assess".into(),
                shown(&framework),
                "--answers".into(),
                shown(&answers),
                "-o".into(),
                link(&answers, "answers-link.yaml"),
            ],
            &answers,
            "that is the answers file",
        ),
        (
            vec![
                "import".into(),
                "csv".into(),
                shown(&sheet),
                "-o".into(),
                link(&sheet, "sheet-link.csv"),
            ],
            &sheet,
            "that is the sheet being imported",
        ),
        (
            vec![
                "history".into(),
                one_s.clone(),
                two_s.clone(),
                "-o".into(),
                shown(&two),
            ],
            &two,
            "that is one of the assessments read",
        ),
        (
            vec![
                "diff".into(),
                one_s.clone(),
                two_s.clone(),
                "-o".into(),
                link(&one, "one-link.json"),
            ],
            &one,
            "that is one of the assessments compared",
        ),
        (
            vec![
                "report".into(),
                one_s.clone(),
                "--framework".into(),
                shown(&framework),
                "-o".into(),
                shown(&framework),
            ],
            &framework,
            "that is the framework file read",
        ),
        (
            vec![
                "form".into(),
                shown(&framework),
                "--from".into(),
                one_s.clone(),
                "-o".into(),
                link(&one, "one-again.json"),
            ],
            &one,
            "that is the assessment the form starts from",
        ),
    ];
    for (args, input, message) in cases {
        let before = fs::read(input).expect("input");
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        args.push("--force");
        let out = sandbox.run(&args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{args:?}: {}", out.stderr);
        assert_eq!(
            fs::read(input).expect("input"),
            before,
            "{args:?} changed its input"
        );
    }
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn man_output_follows_the_rules_of_every_output() {
    let sandbox = Sandbox::new();
    let dir = sandbox.path("man");
    let first = sandbox.run(&["man", "-o", &shown(&dir)]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let pages = listing(&dir);
    assert!(
        pages.contains(&"rungs.1".to_string()) && pages.contains(&"rungs-report.1".to_string()),
        "{pages:?}"
    );
    let again = sandbox.run(&["man", "-o", &shown(&dir)]);
    assert_eq!(again.code, 2);
    assert!(
        again.stderr.contains(&format!(
            "--output {}: file exists; pass --force to overwrite it",
            shown(&dir.join("rungs.1"))
        )),
        "{}",
        again.stderr
    );
    let forced = sandbox.run(&["man", "-o", &shown(&dir), "--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert_eq!(listing(&dir), pages, "no temporary file left behind");

    // A link planted in the folder is neither written through nor replaced, and nothing is
    // written when one page is refused.
    let victim = sandbox.write("victim.txt", "keep me\n");
    fs::remove_file(dir.join("rungs-diff.1")).expect("remove");
    std::os::unix::fs::symlink(&victim, dir.join("rungs-diff.1")).expect("link");
    let report_page = fs::read(dir.join("rungs-report.1")).expect("page");
    fs::write(dir.join("rungs-report.1"), "old\n").expect("write");
    let planted = sandbox.run(&["man", "-o", &shown(&dir), "--force"]);
    assert_eq!(planted.code, 2);
    assert!(
        planted.stderr.contains("rungs-diff.1: is a symbolic link"),
        "{}",
        planted.stderr
    );
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "keep me\n");
    assert_eq!(
        fs::read_to_string(dir.join("rungs-report.1")).expect("page"),
        "old\n"
    );
    assert!(!report_page.is_empty());
}

#[test]
fn temporary_files_of_a_killed_save_are_ignored_and_removed_by_the_next_save() {
    let sandbox = Sandbox::new();
    let folder = sandbox.path("data/rungs/assessments");
    let first = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        &shown(&sandbox.write("answers.yaml", ANSWERS)),
    ]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let saved = listing(&folder);
    assert_eq!(saved.len(), 1, "{saved:?}");
    let name = &saved[0];
    // What a save killed halfway leaves: a partial file of the temporary name pattern.
    let stale = folder.join(format!(".{name}.Xk3pQz.tmp"));
    fs::write(&stale, "{\"format\": \"rungs-ass").expect("partial");
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&stale)
        .and_then(|f| f.set_modified(an_hour_ago))
        .expect("age it");
    let ls = sandbox.run(&["ls"]);
    assert_eq!(ls.code, 0, "{}", ls.stderr);
    assert!(ls.stdout.contains(name.as_str()), "{}", ls.stdout);
    assert!(
        !ls.stdout.contains("Xk3pQz") && !ls.stderr.contains("Xk3pQz"),
        "{}{}",
        ls.stdout,
        ls.stderr
    );
    // A framework folder with a partial framework left by a killed save: validate and
    // --frameworks read the framework and nothing else.
    let frameworks = sandbox.path("frameworks");
    fs::create_dir(&frameworks).expect("folder");
    fs::copy(FRAMEWORK, frameworks.join("ours.yaml")).expect("copy");
    fs::write(frameworks.join(".ours.yaml.Xk3pQz.tmp"), "id: [unclosed").expect("partial");
    let validate = sandbox.run(&["validate", &shown(&frameworks)]);
    assert_eq!(validate.code, 0, "{}", validate.stderr);
    assert!(!validate.stdout.contains("Xk3pQz") && !validate.stderr.contains("Xk3pQz"));
    let listed = sandbox.run(&["list", "--frameworks", &shown(&frameworks)]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert!(
        listed.stdout.contains("teamwork-walk") && listed.stderr.is_empty(),
        "{}",
        listed.stderr
    );
    let team = sandbox.run(&["team", &shown(&folder)]);
    assert_eq!(team.code, 0, "{}", team.stderr);
    let again = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        &shown(&sandbox.path("answers.yaml")),
        "-o",
        &shown(&folder.join(name)),
        "--force",
    ]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(
        listing(&folder),
        vec![name.clone()],
        "the stale temporary file is gone"
    );
}

#[test]
fn form_pages_per_rater_are_all_checked_before_any_is_written() {
    let sandbox = Sandbox::new();
    let sheet = sandbox.write(
        "raters.csv",
        "name,relation\nSam Lee,manager\nKim Park,peer\n",
    );
    let forms = sandbox.path("forms");
    fs::create_dir(&forms).expect("folder");
    let victim = sandbox.write("victim.txt", "keep me\n");
    std::os::unix::fs::symlink(&victim, forms.join("sam-lee.html")).expect("link");
    let args = [
        "form",
        FRAMEWORK,
        "--subject",
        "Ana Lee",
        "--raters",
        &shown(&sheet),
        "--output-dir",
        &shown(&forms),
        "--force",
    ];
    let out = sandbox.run(&args);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("sam-lee.html: is a symbolic link"),
        "{}",
        out.stderr
    );
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "keep me\n");
    assert_eq!(listing(&forms), ["sam-lee.html"], "no page written");
    fs::remove_file(forms.join("sam-lee.html")).expect("remove the link");
    let written = sandbox.run(&args);
    assert_eq!(written.code, 0, "{}", written.stderr);
    assert_eq!(
        listing(&forms),
        ["issued.json", "kim-park.html", "sam-lee.html"]
    );
}
