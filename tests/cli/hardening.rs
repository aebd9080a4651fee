//! Writing never loses the previous file: a missing or read-only folder and a full disk give a
//! clear message, leave the old file as it was and leave no temporary file behind.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use rungs::io::write::write_atomic;

use crate::support::Run;

const OLD: &str = "the previous file, which must survive\n";

/// Names in a folder, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A tmpfs mounted for one test and unmounted when dropped (needs root and mount rights).
struct Mount {
    point: PathBuf,
}

impl Mount {
    fn tmpfs(point: &Path, options: &str) -> Option<Mount> {
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "rungs-test"])
            .arg(point)
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        status.success().then(|| Mount {
            point: point.to_path_buf(),
        })
    }

    fn remount(&self, options: &str) -> bool {
        Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.point)
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.point).status();
    }
}

#[test]
fn a_missing_folder_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("gone").join("me.json");
    let error = write_atomic(&target, b"{}").expect_err("no folder to write in");
    assert_eq!(error.kind(), std::io::ErrorKind::NotFound);
    assert_eq!(
        error.to_string(),
        format!(
            "folder {} does not exist",
            dir.path().join("gone").display()
        )
    );
}

#[test]
fn a_file_in_place_of_the_folder_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("plain"), "x").expect("write");
    let error = write_atomic(&dir.path().join("plain").join("me.json"), b"{}")
        .expect_err("a file is no folder");
    assert!(
        error.to_string().ends_with("plain is not a folder"),
        "{error}"
    );
}

#[test]
fn replacing_keeps_permissions_and_leaves_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("me.json");
    fs::write(&target, OLD).expect("write");
    fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).expect("chmod");
    write_atomic(&target, b"new\n").expect("write");
    assert_eq!(fs::read_to_string(&target).expect("read"), "new\n");
    let mode = fs::metadata(&target).expect("stat").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(listing(dir.path()), ["me.json"]);
}

#[test]
fn a_read_only_folder_leaves_the_previous_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("ro");
    fs::create_dir(&folder).expect("mkdir");
    // root ignores permission bits, so as root the folder becomes a read-only mount instead.
    let mount = Mount::tmpfs(&folder, "size=1m,mode=0755");
    let target = folder.join("me.json");
    fs::write(&target, OLD).expect("write");
    let made_read_only = match &mount {
        Some(m) => m.remount("ro"),
        None => {
            fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).expect("chmod");
            fs::write(folder.join("probe"), "").is_err()
        }
    };
    if !made_read_only {
        eprintln!("cannot make a read-only folder here (root without mount); test skipped");
        return;
    }
    let error = write_atomic(&target, b"new\n").expect_err("folder is read-only");
    assert!(
        matches!(
            error.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        ),
        "{error:?}"
    );
    assert_eq!(fs::read_to_string(&target).expect("read"), OLD);
    assert_eq!(listing(&folder), ["me.json"]);
    if mount.is_none() {
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).expect("chmod back");
    }
}

#[test]
fn a_full_disk_leaves_the_previous_file() {
    // Run alone in a child test process. In this one, other tests start processes at any time;
    // a process forked in the middle of the failed write inherits the temporary file and holds
    // it open (with its space on the tiny disk) until it execs, so "the space is free again"
    // would depend on timing. In a process where nothing else forks, it does not.
    const ALONE: &str = "RUNGS_TEST_RUN_ALONE";
    if std::env::var_os(ALONE).is_none() {
        let name = "hardening::a_full_disk_leaves_the_previous_file";
        let output = Command::new(std::env::current_exe().expect("the test binary"))
            .args([name, "--exact", "--test-threads=1", "--nocapture"])
            .env(ALONE, "1")
            .output()
            .expect("the test binary runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stdout}\n{stderr}");
        assert!(
            stdout.contains("test result: ok. 1 passed"),
            "the test ran in the child: {stdout}"
        );
        return;
    }
    full_disk_leaves_the_previous_file();
}

fn full_disk_leaves_the_previous_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(_mount) = Mount::tmpfs(dir.path(), "size=64k") else {
        eprintln!("cannot mount a tmpfs here (not root); the ulimit test covers a full disk");
        return;
    };
    let target = dir.path().join("me.json");
    fs::write(&target, OLD).expect("write");
    let big = vec![b'x'; 256 * 1024];
    let error = write_atomic(&target, &big).expect_err("the disk is full");
    assert_eq!(error.kind(), std::io::ErrorKind::StorageFull, "{error:?}");
    assert_eq!(fs::read_to_string(&target).expect("read"), OLD);
    assert_eq!(listing(dir.path()), ["me.json"]);
    // The space the failed write took is free again: a small write still works.
    write_atomic(&target, b"small\n").expect("room for a small file");
    assert_eq!(fs::read_to_string(&target).expect("read"), "small\n");
}

#[test]
fn a_write_cut_short_leaves_the_previous_file_and_says_why() {
    // A file-size limit makes every write past 512 bytes fail, as a full disk would; the
    // signal that limit raises is ignored so the process sees the error instead of dying.
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("ours.yaml");
    fs::write(&target, OLD).expect("write");
    let mut shell = Command::new("sh");
    shell
        .current_dir(dir.path())
        .env("RUNGS_BIN", env!("CARGO_BIN_EXE_rungs"))
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 1; exec \"$RUNGS_BIN\" new ours --force");
    let output = shell.output().expect("sh runs");
    let result = Run {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        code: output.status.code().unwrap_or(-1),
    };
    assert_eq!(result.code, 1, "{}", result.stderr);
    assert_eq!(
        result.stderr,
        "error: cannot write ours.yaml: file too large; nothing was changed\n"
    );
    assert_eq!(fs::read_to_string(&target).expect("read"), OLD);
    assert_eq!(listing(dir.path()), ["ours.yaml"]);
}

#[path = "../../benches/support/synthetic.rs"]
mod synthetic;

#[test]
fn a_reader_that_stops_early_is_no_error() {
    // `rungs ... | head -c 1`: the output is far larger than a pipe holds, so rungs is still
    // writing when head exits; it must stop quietly, not panic with a backtrace.
    let dir = tempfile::tempdir().expect("temp dir");
    let shape = synthetic::Shape {
        competencies: 20,
        ..synthetic::Shape::BASE
    };
    let framework = synthetic::framework_yaml(shape);
    let digest = rungs::framework::digest(framework.as_bytes());
    fs::write(dir.path().join("f.yaml"), &framework).expect("write");
    fs::write(
        dir.path().join("a.json"),
        synthetic::assessment_json(shape, &digest, 0),
    )
    .expect("write");
    fs::write(
        dir.path().join("b.json"),
        synthetic::assessment_json(shape, &digest, 10),
    )
    .expect("write");
    for args in [
        "show f.yaml",
        "report a.json --framework f.yaml --target-level level-6",
        "report a.json --framework f.yaml --format json",
        "diff a.json b.json --framework f.yaml",
        "man",
    ] {
        let line = format!(
            "{{ \"$RUNGS_BIN\" {args} 2>stderr.txt; echo $? >code.txt; }} | head -c 1 >/dev/null"
        );
        let status = Command::new("sh")
            .current_dir(dir.path())
            .env("RUNGS_BIN", env!("CARGO_BIN_EXE_rungs"))
            .env("NO_COLOR", "1")
            .arg("-c")
            .arg(&line)
            .status()
            .expect("sh runs");
        assert!(status.success());
        let stderr = fs::read_to_string(dir.path().join("stderr.txt")).expect("stderr");
        let code = fs::read_to_string(dir.path().join("code.txt")).expect("code");
        assert!(!stderr.contains("panicked"), "rungs {args}: {stderr}");
        assert_eq!(code.trim(), "0", "rungs {args}: {stderr}");
    }
}

#[test]
fn an_empty_key_in_an_answers_file_is_reported_not_looped_on() {
    // Found by the property tests: locating the key "" in the file never advanced.
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in [("a.yaml", "'':\n"), ("b.json", "{\"\": 3}\n")] {
        fs::write(dir.path().join(name), text).expect("write");
        let mut child = Command::new(env!("CARGO_BIN_EXE_rungs"))
            .current_dir(dir.path())
            .args([
                "assess",
                "networking",
                "--answers",
                name,
                "--out",
                "me.json",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("rungs runs");
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if started.elapsed() > std::time::Duration::from_secs(20) {
                let _ = child.kill();
                panic!("rungs assess --answers {name} did not finish");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let mut stderr = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().expect("piped"), &mut stderr)
            .expect("read stderr");
        assert_eq!(status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!("{name}:1:")) && stderr.contains("unknown indicator \"\""),
            "{stderr}"
        );
        assert!(!dir.path().join("me.json").exists());
    }
}

#[test]
fn every_file_rungs_reads_is_refused_over_its_size_limit_before_it_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = |name: &str, size: u64| {
        let path = dir.path().join(name);
        // Sparse: the size is there, the bytes are not.
        std::fs::File::create(&path)
            .and_then(|f| f.set_len(size))
            .expect("a large file");
        path
    };
    let assessment = big("huge.json", 64 * 1024 * 1024 + 1);
    let out = crate::support::run_in(dir.path(), &["report", "huge.json"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: huge.json: file is 67108865 bytes; assessment files are limited to 67108864 bytes (64 MiB)\n"
    );
    drop(assessment);
    big("huge.yaml", 8 * 1024 * 1024 + 1);
    let out = crate::support::run_in(
        dir.path(),
        &[
            "assess",
            "networking",
            "--answers",
            "huge.yaml",
            "-o",
            "out.json",
        ],
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: huge.yaml: file is 8388609 bytes; answers files are limited to 8388608 bytes (8 MiB)\n"
    );
    assert!(!dir.path().join("out.json").exists(), "nothing saved");
    let folder = crate::support::run_in(dir.path(), &["report", "."]);
    assert_eq!(folder.code, 2);
    for (source, what) in [("csv", "sheets"), ("case", "CASE packages")] {
        let name = format!("huge.{source}");
        let file = big(&name, 64 * 1024 * 1024 + 1);
        let out = crate::support::run_in(dir.path(), &["import", source, &name]);
        assert_eq!(out.code, 2);
        assert_eq!(
            out.stderr,
            format!("error: {name}: file is 67108865 bytes; {what} are limited to 67108864 bytes (64 MiB)\n")
        );
        drop(file);
    }
}
