//! What every command-line tool owes its user: help with examples, --version, completions, a
//! manual page, data on stdout and errors on stderr, exit codes, and `rungs new`.

use std::fs;
use std::path::Path;

use crate::support::{command, fixture, run, run_in};

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
fn completions_for_every_shell_call_rungs_back() {
    // Each script registers a function that asks rungs itself, at Tab time, what to offer.
    let expectations = [
        ("bash", "-F _clap_complete_rungs rungs"),
        ("zsh", "compdef _clap_dynamic_completer_rungs rungs"),
        ("fish", "complete --keep-order --exclusive --command rungs"),
        (
            "powershell",
            "Register-ArgumentCompleter -Native -CommandName rungs",
        ),
        ("elvish", "edit:completion:arg-completer[rungs]"),
    ];
    for (shell, marker) in expectations {
        let result = run(&["completions", shell]);
        assert_eq!(result.code, 0, "{shell}: {}", result.stderr);
        assert!(
            result.stdout.contains(marker),
            "{shell} script lacks {marker}: {}",
            result.stdout
        );
        assert!(
            result.stdout.contains("COMPLETE")
                && (result.stdout.contains(&format!("\"{shell}\""))
                    || result.stdout.contains(&format!("COMPLETE={shell} "))),
            "{shell} script does not ask rungs: {}",
            result.stdout
        );
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

/// What bash offers for the last word of `line` (split on spaces; a trailing space starts an
/// empty word), with the script `rungs completions bash` printed sourced, run in `dir` with
/// these variables. None when bash is not installed.
fn bash_offers(dir: &Path, env: &[(&str, &str)], line: &str) -> Option<Vec<String>> {
    let script = dir.join("rungs.bash");
    if !script.exists() {
        let made = command(&["completions", "bash"]).current_dir(dir).run();
        assert_eq!(made.code, 0, "{}", made.stderr);
        fs::write(&script, made.stdout).expect("write script");
    }
    let words: Vec<&str> = line.split(' ').collect();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let driver = format!(
        "source rungs.bash\n\
         COMP_WORDS=({words})\n\
         COMP_CWORD={last}\n\
         COMP_LINE='{line}'\n\
         COMP_POINT=${{#COMP_LINE}}\n\
         _clap_complete_rungs rungs \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        words = quoted.join(" "),
        last = words.len() - 1,
    );
    let mut bash = std::process::Command::new("bash");
    bash.arg("-c").arg(driver).current_dir(dir);
    bash.env_remove("RUNGS_FRAMEWORKS").env_remove("COMPLETE");
    for (key, value) in env {
        bash.env(key, value);
    }
    let output = match bash.output() {
        Ok(output) => output,
        Err(_) => {
            eprintln!("SKIPPED: bash not found; completions not run");
            return None;
        }
    };
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

#[test]
fn bash_completes_ids_known_at_tab_time_and_paths_beside_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let saved = data.join("rungs/assessments");
    fs::create_dir_all(&saved).expect("assessments folder");
    fs::copy(
        fixture("assessments/networking/2026-03-10.json"),
        saved.join("mine.json"),
    )
    .expect("copy an assessment");
    fs::write(dir.path().join("our-framework.yaml"), "id: x\n").expect("a local file");
    let ours = fixture("frameworks");
    let env = [
        ("XDG_DATA_HOME", data.to_str().expect("UTF-8")),
        ("RUNGS_FRAMEWORKS", ours.to_str().expect("UTF-8")),
    ];
    let offers = |line: &str| bash_offers(dir.path(), &env, line);
    let Some(frameworks) = offers("rungs show ") else {
        return;
    };
    for expected in [
        "building-relationships", // built in
        "engineering-ladder",     // from RUNGS_FRAMEWORKS, read at Tab time
        "our-framework.yaml",     // a path is still offered
    ] {
        assert!(
            frameworks.iter().any(|o| o == expected),
            "rungs show <Tab> lacks {expected}: {frameworks:?}"
        );
    }
    assert_eq!(
        offers("rungs assess net").expect("bash"),
        vec!["networking"]
    );
    assert_eq!(
        offers("rungs validate our").expect("bash"),
        vec!["our-framework.yaml"]
    );
    // report, diff and history offer the frameworks that have assessments saved.
    for line in ["rungs report ", "rungs diff ", "rungs history "] {
        let offered = offers(line).expect("bash");
        assert!(
            offered.iter().any(|o| o == "networking"),
            "{line}: {offered:?}"
        );
        assert!(
            !offered.iter().any(|o| o == "building-relationships"),
            "{line} offers a framework with no assessment: {offered:?}"
        );
        assert!(
            offered.iter().any(|o| o == "our-framework.yaml"),
            "{line}: {offered:?}"
        );
    }
    let levels = offers("rungs report mine.json --target-level proficiency-").expect("bash");
    assert_eq!(levels.len(), 5, "{levels:?}");
    assert!(levels.iter().any(|l| l == "proficiency-3"));
    let roles = offers("rungs assess community-platform-relationships --target exi").expect("bash");
    assert_eq!(roles, vec!["existing-footprint"]);
    let pairs = offers("rungs report mine.json --target networking=proficiency-4").expect("bash");
    assert_eq!(pairs, vec!["networking=proficiency-4"]);
    assert_eq!(
        offers("rungs report mine.json --track ma").expect("bash"),
        vec!["manager"]
    );
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
fn the_other_shells_get_ids_with_their_names() {
    // fish reads `value<Tab>help` lines; the call-back is what its script runs.
    let out = command(&[
        "--",
        "rungs",
        "report",
        "x.json",
        "--target-level",
        "proficiency-1",
    ])
    .env("COMPLETE", "fish")
    .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "proficiency-1\tProficiency Level 1\n");
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
        &["diff"],
        &["history"],
        &["compare"],
        &["team"],
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
    // Every command that writes a document takes --out as well.
    let teamwork = "tests/fixtures/assess/teamwork.yaml";
    let march = "tests/fixtures/assessments/teamwork/2026-03-01.json";
    let june = "tests/fixtures/assessments/teamwork/2026-06-02.json";
    for (args, name) in [
        (vec!["report", march], "report.txt"),
        (vec!["diff", march, june], "diff.txt"),
        (vec!["history", march, june], "history.txt"),
        (
            vec!["compare", "tests/fixtures/360", "--framework", teamwork],
            "compare.txt",
        ),
        (
            vec!["team", "tests/fixtures/team", "--framework", teamwork],
            "team.txt",
        ),
    ] {
        let out = path(name);
        let mut args = args;
        args.extend([
            "--frameworks",
            "tests/fixtures/frameworks",
            "-q",
            "--out",
            &out,
        ]);
        let result = run(&args);
        assert_eq!(result.code, 0, "{args:?}: {}", result.stderr);
        assert!(
            fs::metadata(&out).is_ok_and(|m| m.len() > 0),
            "{args:?} wrote nothing to --out"
        );
    }
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
