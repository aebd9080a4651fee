//! What every command-line tool owes its user: help with examples, --version, completions, a
//! manual page, data on stdout and errors on stderr, exit codes, and `rungs new`.

use std::fs;

use crate::support::{command, run, run_in};

/// The command names listed by `rungs --help`.
fn commands() -> Vec<String> {
    let help = run(&["--help"]);
    assert_eq!(help.code, 0, "{}", help.stderr);
    help.stdout
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.starts_with("Options:"))
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn every_command_has_help_with_examples() {
    let commands = commands();
    for expected in ["list", "validate", "new", "schema", "completions", "man"] {
        assert!(
            commands.iter().any(|c| c == expected),
            "{expected} missing from {commands:?}"
        );
    }
    for command in &commands {
        let help = run(&[command, "--help"]);
        assert_eq!(help.code, 0, "rungs {command} --help: {}", help.stderr);
        assert!(
            help.stdout.contains("Examples:\n  rungs "),
            "rungs {command} --help has no examples:\n{}",
            help.stdout
        );
        assert!(help.stderr.is_empty());
    }
}

#[test]
fn version_goes_to_stdout() {
    let version = run(&["--version"]);
    assert_eq!(version.code, 0);
    assert_eq!(
        version.stdout,
        format!("rungs {}\n", env!("CARGO_PKG_VERSION"))
    );
    assert!(version.stderr.is_empty());
}

#[test]
fn usage_errors_exit_2_on_stderr_only() {
    for args in [
        &["no-such-command"][..],
        &["completions", "tcsh"],
        &["schema", "report"],
        &["new"],
    ] {
        let result = run(args);
        assert_eq!(result.code, 2, "rungs {args:?}");
        assert!(
            result.stdout.is_empty(),
            "rungs {args:?}: {}",
            result.stdout
        );
        assert!(result.stderr.contains("error:"), "rungs {args:?}");
        assert!(!result.stderr.contains("panicked"));
    }
}

#[test]
fn bad_input_exits_2_with_the_file_named_on_stderr() {
    let dir = tempfile::tempdir().expect("temp dir");
    let result = run_in(dir.path(), &["validate", "missing.yaml"]);
    assert_eq!(result.code, 2);
    assert!(result.stdout.is_empty());
    assert!(result.stderr.contains("missing.yaml: cannot read"));
}

#[test]
fn completions_for_every_shell() {
    let expectations = [
        ("bash", "complete -F _rungs"),
        ("zsh", "#compdef rungs"),
        ("fish", "complete -c rungs"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[rungs]"),
    ];
    for (shell, marker) in expectations {
        let result = run(&["completions", shell]);
        assert_eq!(result.code, 0, "{shell}: {}", result.stderr);
        assert!(
            result.stdout.contains(marker),
            "{shell} script lacks {marker}"
        );
        for command in ["validate", "assess", "schema", "target-level"] {
            assert!(
                result.stdout.contains(command),
                "{shell} script does not complete {command}"
            );
        }
        assert!(result.stderr.is_empty());
    }
}

#[test]
fn bash_completion_script_is_valid_bash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let script = dir.path().join("rungs.bash");
    fs::write(&script, run(&["completions", "bash"]).stdout).expect("write script");
    let check = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output();
    match check {
        Ok(output) => assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(_) => eprintln!("bash not found; syntax of the bash completion not checked"),
    }
}

#[test]
fn man_page_documents_every_command() {
    let page = run(&["man"]);
    assert_eq!(page.code, 0, "{}", page.stderr);
    assert!(page.stdout.contains(".TH rungs 1"));
    for command in commands() {
        assert!(page.stdout.contains(&command), "man page lacks {command}");
    }
}

#[test]
fn man_out_dir_writes_a_page_per_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().to_str().expect("UTF-8 temp path");
    let result = run(&["man", "--out-dir", out]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(result.stdout.is_empty());
    for page in [
        "rungs.1",
        "rungs-validate.1",
        "rungs-new.1",
        "rungs-report.1",
    ] {
        let text = fs::read_to_string(dir.path().join(page)).expect(page);
        assert!(text.contains(".TH"), "{page} is not a man page");
    }

    // A folder that does not exist yet is created, parents included.
    let missing = dir.path().join("share/man/man1");
    let result = run(&["man", "--out-dir", missing.to_str().expect("UTF-8")]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let main = fs::read_to_string(missing.join("rungs.1")).expect("the main page");
    assert!(main.contains(".SH EXAMPLES"), "{main}");
    assert!(missing.join("rungs-report.1").is_file());
}

#[test]
fn man_page_has_examples_exit_status_environment_and_files() {
    let page = run(&["man"]);
    assert_eq!(page.code, 0, "{}", page.stderr);
    let text = page.stdout;
    let at = |section: &str| {
        text.find(section)
            .unwrap_or_else(|| panic!("the man page lacks {section}"))
    };
    assert!(at(".SH EXAMPLES") < at(".SH EXIT STATUS"));
    assert!(at(".SH EXIT STATUS") < at(".SH ENVIRONMENT"));
    assert!(at(".SH ENVIRONMENT") < at(".SH FILES"));
    for needle in [
        "RUNGS_FRAMEWORKS",
        "XDG_DATA_HOME",
        "rungs/assessments",
        "rungs report networking",
    ] {
        assert!(text.contains(needle), "the man page lacks {needle}");
    }
}

#[test]
fn completions_offer_framework_level_and_target_ids() {
    for shell in ["bash", "zsh", "fish"] {
        let script = run(&["completions", shell]);
        assert_eq!(script.code, 0, "{}", script.stderr);
        for id in [
            "building-relationships", // a framework
            "proficiency-3",          // a level of networking
            "existing-footprint",     // a target of community-platform-relationships
        ] {
            assert!(script.stdout.contains(id), "{shell} completions lack {id}");
        }
    }
    // Completions only suggest: a path is still a framework, a pair still a target.
    let out = run(&[
        "report",
        "tests/fixtures/assessments/networking/2026-03-10.json",
        "--target",
        "networking=proficiency-4",
        "-q",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn new_scaffolds_a_framework_that_validates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let result = run_in(dir.path(), &["new", "our-framework"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(result.stdout.is_empty());
    assert!(result
        .stderr
        .contains("wrote our-framework.yaml; edit it, then check it with: rungs validate"));

    let file = dir.path().join("our-framework.yaml");
    let text = fs::read_to_string(&file).expect("scaffold written");
    assert!(text.starts_with("# yaml-language-server: $schema="));
    assert!(text.contains("id: \"our-framework\""));
    assert!(text.contains("name: \"Our framework\""));

    let validate = run_in(dir.path(), &["validate", "our-framework.yaml"]);
    assert_eq!(validate.code, 0, "{}", validate.stderr);
    assert!(
        !validate.stderr.contains("warning"),
        "scaffold has warnings: {}",
        validate.stderr
    );

    let show = run_in(dir.path(), &["show", "our-framework.yaml"]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    assert!(show.stdout.contains("Communication"));
}

#[test]
fn new_keeps_a_given_name_and_out_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("frameworks")).expect("folder");
    let result = run_in(
        dir.path(),
        &[
            "new",
            "ops",
            "--name",
            "Ops: \"people\" & #tools",
            "--out",
            "frameworks/ops.yml",
            "-q",
        ],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result.stderr.is_empty(),
        "--quiet still said: {}",
        result.stderr
    );
    let bytes = fs::read(dir.path().join("frameworks/ops.yml")).expect("written");
    let loaded = rungs::framework::load("ops.yml", &bytes).expect("scaffold loads");
    assert_eq!(loaded.framework.id, "ops");
    assert_eq!(loaded.framework.name, "Ops: \"people\" & #tools");
}

#[test]
fn new_never_overwrites_without_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("mine.yaml");
    fs::write(&file, "my precious work\n").expect("write");

    let refused = run_in(dir.path(), &["new", "mine"]);
    assert_eq!(refused.code, 2);
    assert!(refused
        .stderr
        .contains("mine.yaml: already exists; pass --force to overwrite it"));
    assert_eq!(
        fs::read_to_string(&file).expect("read"),
        "my precious work\n"
    );

    let forced = run_in(dir.path(), &["new", "mine", "--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert!(fs::read_to_string(&file)
        .expect("read")
        .contains("id: \"mine\""));
}

#[test]
fn new_refuses_bad_ids_and_destinations() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad_id = run_in(dir.path(), &["new", "Our Framework"]);
    assert_eq!(bad_id.code, 2);
    assert!(bad_id.stderr.contains(
        "cannot use \"Our Framework\" as FRAMEWORK_ID: id \"Our Framework\" is not a slug"
    ));

    let missing_folder = run_in(dir.path(), &["new", "ours", "--out", "no/such/ours.yaml"]);
    assert_eq!(missing_folder.code, 2);
    assert!(missing_folder
        .stderr
        .contains("no/such/ours.yaml: folder no/such does not exist; create it first"));

    let folder = run_in(dir.path(), &["new", "ours", "--out", "."]);
    assert_eq!(folder.code, 2);
    assert!(folder.stderr.contains(".: is a folder; give a file name"));

    assert_eq!(
        fs::read_dir(dir.path()).expect("list").count(),
        0,
        "a refused `new` wrote something"
    );
}

#[test]
fn quiet_silences_hints_but_not_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("taken.yaml"), "x").expect("write");
    let result = command(&["--quiet", "new", "taken"])
        .current_dir(dir.path())
        .run();
    assert_eq!(result.code, 2);
    assert!(result.stderr.contains("already exists"));
}

#[test]
fn one_output_flag_everywhere_with_out_kept_as_an_alias() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = |name: &str| dir.path().join(name).to_str().expect("UTF-8").to_string();
    // The help of every command that writes a file names -o/--output, and not --out.
    for command in [
        &["assess"][..],
        &["new"],
        &["report"],
        &["man"],
        &["import", "csv"],
    ] {
        let help = run(&[command, &["--help"]].concat()).stdout;
        assert!(
            help.contains("-o, --output"),
            "rungs {command:?} --help: {help}"
        );
        assert!(!help.contains("--out "), "rungs {command:?} --help: {help}");
    }
    for (flag, name) in [
        ("-o", "a.yaml"),
        ("--output", "b.yaml"),
        ("--out", "c.yaml"),
    ] {
        let result = run(&["new", "ours", flag, &path(name)]);
        assert_eq!(result.code, 0, "{flag}: {}", result.stderr);
        assert!(dir.path().join(name).is_file(), "{flag}");
    }
    let answers = path("answers.yaml");
    fs::write(&answers, "net-l2-1: 3\n").expect("answers");
    for (flag, name) in [("-o", "a.json"), ("--out", "b.json")] {
        let result = run(&[
            "assess",
            "networking",
            "--answers",
            &answers,
            flag,
            &path(name),
        ]);
        assert_eq!(result.code, 0, "{flag}: {}", result.stderr);
        assert!(dir.path().join(name).is_file(), "{flag}");
    }
    let result = run(&["man", "--out-dir", &path("man")]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(dir.path().join("man/rungs.1").is_file());
}

#[test]
fn global_flags_appear_only_on_commands_they_affect() {
    let help = |args: &[&str]| run(&[args, &["--help"]].concat()).stdout;
    for (command, absent) in [
        (&["schema"][..], &["--frameworks", "--color", "--quiet"][..]),
        (&["new"], &["--frameworks", "--color"]),
        (&["validate"], &["--frameworks", "--color"]),
        (&["man"], &["--frameworks", "--color"]),
        (&["completions"], &["--color", "--quiet"]),
        (&["import", "csv"], &["--frameworks", "--color"]),
    ] {
        let text = help(command);
        for flag in absent {
            assert!(
                !text.contains(flag),
                "rungs {command:?} --help offers {flag}: {text}"
            );
        }
    }
    for command in [
        &["report"][..],
        &["show"],
        &["assess"],
        &["diff"],
        &["history"],
    ] {
        let text = help(command);
        for flag in ["--frameworks", "--color", "--quiet"] {
            assert!(text.contains(flag), "rungs {command:?} --help lacks {flag}");
        }
    }
    // Still accepted where hidden: a script that passes them everywhere keeps working.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("x.yaml");
    let result = run(&[
        "new",
        "x",
        "-q",
        "--color",
        "never",
        "-o",
        file.to_str().expect("UTF-8"),
    ]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert_eq!(result.stderr, "", "-q still silences new");
}
