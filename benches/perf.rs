//! rungs performance on a synthetic framework of realistic shape, printed as Markdown tables.
//!
//! Run with `cargo bench --bench perf` (release build). Every figure is the median of several
//! runs, timed with `std::time::Instant`; processes are timed from spawn to exit. Targets are
//! ratios measured side by side in the same run, so the machine's speed cancels out.

#[path = "../tests/cli/browser.rs"]
mod browser;
#[path = "support/synthetic.rs"]
mod synthetic;
#[path = "support/team.rs"]
mod team;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rungs::assessment::file::parse;
use rungs::assessment::{Assessment, TargetRequest};
use rungs::diff::{diff, DiffReport, DiffSide, SideSummary};
use rungs::framework::{self, Framework};
use rungs::report::Report;
use rungs::scoring;
use synthetic::{assessment_json, framework_yaml, Shape};

/// Median and spread of a set of timings.
#[derive(Debug, Clone, Copy)]
struct Timing {
    median: Duration,
    min: Duration,
    runs: usize,
}

impl Timing {
    fn ms(&self) -> f64 {
        self.median.as_secs_f64() * 1000.0
    }
}

/// Run `f` at least `min_runs` times and until `budget` is spent (at most 200 runs).
fn measure<T>(budget: Duration, min_runs: usize, mut f: impl FnMut() -> T) -> Timing {
    black_box(f()); // warm-up: page cache, allocator
    let started = Instant::now();
    let mut times = Vec::new();
    while times.len() < min_runs || (started.elapsed() < budget && times.len() < 200) {
        let t = Instant::now();
        black_box(f());
        times.push(t.elapsed());
    }
    summary(times)
}

/// The median and fastest of some run times.
fn summary(mut times: Vec<Duration>) -> Timing {
    times.sort();
    Timing {
        median: times[times.len() / 2],
        min: times[0],
        runs: times.len(),
    }
}

/// On-CPU time of this thread so far (Linux, `/proc/thread-self/schedstat`, nanoseconds): the
/// time it computed, without the time it waited for a core that other work held.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// User and system CPU time of the finished children of this process so far (Linux,
/// `/proc/self/stat` fields cutime and cstime, in clock ticks of 10 ms).
fn children_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name in parentheses start at field 3 (state).
    let fields: Vec<&str> = text.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |field: usize| fields.get(field - 3)?.parse::<u64>().ok();
    Some(Duration::from_millis((ticks(16)? + ticks(17)?) * 10))
}

/// Wall-clock and CPU time of the two sizes of one input.
struct Growth {
    small: Timing,
    large: Timing,
    /// Mean CPU time per run of each, when the clock could be read.
    cpu: Option<(Duration, Duration)>,
}

/// Time `small` and `large` alternately, a run of each per round, at least `min_runs` rounds and
/// until `budget` is spent (at most 200): both see the same machine load and the same state of
/// the allocator (a larger input run alone reuses a heap that a smaller one, run alone, never
/// gives back; run in turns, each starts from what the other left). `cpu` reads the CPU clock
/// that counts the work timed: [`thread_cpu`] in-process, [`children_cpu`] for processes.
fn measure_pair<T, U>(
    budget: Duration,
    min_runs: usize,
    cpu: fn() -> Option<Duration>,
    mut small: impl FnMut() -> T,
    mut large: impl FnMut() -> U,
) -> Growth {
    black_box(small()); // warm-up: page cache, allocator
    black_box(large());
    let started = Instant::now();
    let (mut at_small, mut at_large) = (Vec::new(), Vec::new());
    let mut cpu_small = Some(Duration::ZERO);
    let mut cpu_large = Some(Duration::ZERO);
    let timed = |f: &mut dyn FnMut(), times: &mut Vec<Duration>, total: &mut Option<Duration>| {
        let (t, c) = (Instant::now(), cpu());
        f();
        times.push(t.elapsed());
        *total = match (*total, c, cpu()) {
            (Some(total), Some(before), Some(after)) => Some(total + (after - before)),
            _ => None,
        };
    };
    while at_small.len() < min_runs || (started.elapsed() < budget && at_small.len() < 200) {
        timed(
            &mut || drop(black_box(small())),
            &mut at_small,
            &mut cpu_small,
        );
        timed(
            &mut || drop(black_box(large())),
            &mut at_large,
            &mut cpu_large,
        );
    }
    let runs = at_small.len() as u32;
    Growth {
        small: summary(at_small),
        large: summary(at_large),
        cpu: cpu_small.zip(cpu_large).map(|(s, l)| (s / runs, l / runs)),
    }
}

/// Time a whole process, spawn to exit, output discarded; `None` when it cannot run.
fn measure_process(
    budget: Duration,
    min_runs: usize,
    program: &Path,
    args: &[&str],
) -> Option<Timing> {
    let run = || {
        Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()
            .filter(|s| s.success())
    };
    run()?;
    Some(measure(budget, min_runs, || run().is_some()))
}

/// Peak resident memory of a process in MiB, from `/usr/bin/time -f %M`.
fn peak_memory_mib(program: &Path, args: &[&str]) -> Option<f64> {
    let output = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&output.stderr);
    let kib: f64 = text.lines().last()?.trim().parse().ok()?;
    Some(kib / 1024.0)
}

/// Load and validate as `rungs` does.
fn load_any(text: &str) -> Framework {
    framework::load("synthetic.yaml", text.as_bytes())
        .expect("the synthetic framework is valid")
        .framework
}

/// What `rungs report --format json` computes once the files are read: the report (profile,
/// gaps against a role, plan) rendered as JSON.
fn report_json(framework: &Framework, assessment: &Assessment) -> String {
    let target = TargetRequest {
        role: Some("role-3".into()),
        ..TargetRequest::default()
    };
    let report = Report::new(framework, assessment, &target).expect("role-3 exists");
    rungs::render::report::json::render(&report)
}

/// What `rungs diff --format json` computes once the files are read.
fn diff_json(framework: &Framework, old: &Assessment, new: &Assessment) -> String {
    let side = |a: &Assessment, file: &str| SideSummary {
        file: file.to_string(),
        subject: a.subject.clone(),
        date: a.completed_at.clone().unwrap_or_default(),
        version: framework.version.clone(),
    };
    let ladder = framework.default_ladder();
    let changes = diff(
        DiffSide {
            framework,
            ladder: &ladder,
            ratings: &old.ratings,
        },
        DiffSide {
            framework,
            ladder: &ladder,
            ratings: &new.ratings,
        },
    );
    let report = DiffReport::new(
        framework,
        side(old, "full.json"),
        side(new, "changed.json"),
        changes,
    );
    rungs::render::diff::json::render(&report)
}

/// The files of one size, written to a folder.
struct Files {
    shape: Shape,
    framework: PathBuf,
    full: PathBuf,
    changed: PathBuf,
    framework_text: String,
    full_text: String,
    changed_text: String,
}

fn write_files(dir: &Path, competencies: usize) -> Files {
    let shape = Shape {
        competencies,
        ..Shape::BASE
    };
    let framework_text = framework_yaml(shape);
    let digest = framework::digest(framework_text.as_bytes());
    let full_text = assessment_json(shape, &digest, 0);
    let changed_text = assessment_json(shape, &digest, 10);
    let name = |n: &str| dir.join(format!("{n}-{competencies}"));
    let files = Files {
        shape,
        framework: name("framework").with_extension("yaml"),
        full: name("full").with_extension("json"),
        changed: name("changed").with_extension("json"),
        framework_text,
        full_text,
        changed_text,
    };
    std::fs::write(&files.framework, &files.framework_text).expect("write framework");
    std::fs::write(&files.full, &files.full_text).expect("write assessment");
    std::fs::write(&files.changed, &files.changed_text).expect("write assessment");
    files
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "NOT met"
    }
}

/// The framework shown as a sheet (`show --format csv`), as CSV and as an .xlsx workbook with
/// the same cells, for `import sheet`.
fn write_sheets(framework: &Path, rungs_bin: &Path) -> (PathBuf, PathBuf) {
    let csv_path = framework.with_extension("csv");
    let xlsx_path = framework.with_extension("xlsx");
    let csv_bytes = Command::new(rungs_bin)
        .args([
            "-q",
            "show",
            framework.to_str().expect("UTF-8 temp path"),
            "--format",
            "csv",
        ])
        .output()
        .expect("rungs show --format csv runs")
        .stdout;
    std::fs::write(&csv_path, &csv_bytes).expect("write sheet");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_bytes.as_slice());
    for (r, record) in reader.records().enumerate() {
        let record = record.expect("a CSV row");
        for (c, cell) in record.iter().enumerate() {
            if !cell.is_empty() {
                sheet
                    .write_string(r as u32, c as u16, cell)
                    .expect("cell written");
            }
        }
    }
    workbook.save(&xlsx_path).expect("workbook saved");
    (csv_path, xlsx_path)
}

/// `rungs import sheet` of the reference framework as CSV and as .xlsx against `rungs
/// validate` of the same framework, whole processes, at 0.5x, 1x and 2x (linearity; 4x would
/// be over the 8 MiB a framework file may have).
fn sheet_section(dir: &Path, rungs_bin: &Path) {
    let budget = Duration::from_secs(3);
    println!("## import sheet (CSV and .xlsx) against validate, whole processes\n");
    println!("| size | indicators | validate ms | import sheet .csv ms | import sheet .xlsx ms | .csv ÷ validate | .xlsx ÷ validate | .xlsx MiB |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut per_indicator: Vec<(f64, f64)> = Vec::new();
    let mut ratios: Vec<(f64, f64)> = Vec::new();
    for (factor, competencies) in [("0.5", 100usize), ("1", 200), ("2", 400)] {
        let files = write_files(dir, competencies);
        let (csv_path, xlsx_path) = write_sheets(&files.framework, rungs_bin);
        let framework_arg = files.framework.to_str().expect("UTF-8 temp path");
        let csv_arg = csv_path.to_str().expect("UTF-8 temp path");
        let xlsx_arg = xlsx_path.to_str().expect("UTF-8 temp path");
        let validate = measure_process(budget, 5, rungs_bin, &["validate", framework_arg]);
        let import_csv = measure_process(
            budget,
            5,
            rungs_bin,
            &["import", "sheet", csv_arg, "--id", "reference"],
        );
        let import_xlsx = measure_process(
            budget,
            5,
            rungs_bin,
            &["import", "sheet", xlsx_arg, "--id", "reference"],
        );
        let (Some(v), Some(c), Some(x)) = (validate, import_csv, import_xlsx) else {
            println!("| {factor}x | a command failed | | | | | | |");
            continue;
        };
        let indicators = files.shape.indicators();
        let xlsx_size = std::fs::metadata(&xlsx_path).map_or(0, |m| m.len() as usize);
        println!(
            "| {factor}x | {indicators} | {:.1} | {:.1} | {:.1} | {:.2}x | {:.2}x | {:.1} |",
            v.ms(),
            c.ms(),
            x.ms(),
            c.ms() / v.ms(),
            x.ms() / v.ms(),
            mib(xlsx_size)
        );
        per_indicator.push((c.ms() / indicators as f64, x.ms() / indicators as f64));
        ratios.push((c.ms() / v.ms(), x.ms() / v.ms()));
    }
    if let [small, _, large] = per_indicator[..] {
        println!(
            "\nLinearity: from 0.5x to 2x, import sheet per indicator changes {:.2}x (.csv) and {:.2}x (.xlsx) (1.00 = perfectly linear).\n",
            large.0 / small.0,
            large.1 / small.1
        );
    }
    if let Some(&(c, x)) = ratios.get(1) {
        println!("| target | measured | verdict |\n| --- | ---: | --- |");
        println!(
            "| rungs import sheet .csv within 1.5x of rungs validate, whole process | {c:.2}x | {} |",
            verdict(c <= 1.5)
        );
        println!(
            "| rungs import sheet .xlsx within 1.5x of rungs validate, whole process | {x:.2}x | {} |\n",
            verdict(x <= 1.5)
        );
    }
}

/// `rungs form` at the reference size: the process, the page's size, and in headless Chromium
/// the time from opening the file to its load event and to the first answer counted.
fn form_section(files: &Files, dir: &Path, rungs_bin: &Path) {
    let page = dir.join("form.html");
    let framework = files.framework.to_str().expect("UTF-8 temp path");
    let page_arg = page.to_str().expect("UTF-8 temp path");
    let args = [
        "form",
        framework,
        "--subject",
        "Ana Lee",
        "--rater",
        "Sam Lee",
        "--relation",
        "peer",
        "--force",
        "-o",
        page_arg,
    ];
    let process = measure_process(Duration::from_secs(10), 5, rungs_bin, &args);
    let bytes = std::fs::metadata(&page).map_or(0, |m| m.len() as usize);
    println!(
        "\n## The rater form at the reference size ({} indicators)\n",
        files.shape.indicators()
    );
    println!("| what | figure |");
    println!("| --- | ---: |");
    if let Some(process) = process {
        println!("| `rungs form` process, median ms | {:.0} |", process.ms());
    }
    println!("| page size, MiB | {:.1} |", mib(bytes));
    let (Some(chromium), Some(driver)) = (browser::find_chromium(), browser::find_chromedriver())
    else {
        println!("| Chromium and chromedriver | not installed: no browser figures |");
        return;
    };
    let browser = browser::Browser::start(&chromium, &driver);
    let mut loaded = Vec::new();
    let mut answered = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        browser.open(&page);
        loaded.push(started.elapsed());
        browser.click("fieldset.indicator input[type=radio]");
        while !browser
            .eval(
                "return document.getElementById('count').textContent;",
                serde_json::json!([]),
            )
            .as_str()
            .is_some_and(|t| t.starts_with("1 of"))
        {
            std::thread::sleep(Duration::from_millis(5));
        }
        answered.push(started.elapsed());
        browser.eval("localStorage.clear();", serde_json::json!([]));
    }
    let median = |times: &mut Vec<Duration>| {
        times.sort();
        times[times.len() / 2].as_secs_f64() * 1000.0
    };
    println!(
        "| Chromium: opening the file to its load event, median ms | {:.0} |",
        median(&mut loaded)
    );
    println!(
        "| Chromium: opening the file to the first answer counted, median ms | {:.0} |",
        median(&mut answered)
    );
}

/// Side by side: each command run once in turn, `rounds` times at least and until `budget` is
/// spent, so every command sees the same machine load; the median of each.
fn in_turns(
    budget: Duration,
    rounds: usize,
    commands: &[(&Path, Vec<String>)],
) -> (Vec<Option<f64>>, usize) {
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); commands.len()];
    let started = Instant::now();
    let mut turns = 0;
    while turns < rounds || (started.elapsed() < budget && turns < 30) {
        for (at, (program, args)) in commands.iter().enumerate() {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            if let Some(t) = measure_process(Duration::ZERO, 1, program, &args) {
                times[at].push(t.median);
            }
        }
        turns += 1;
    }
    let medians = times
        .into_iter()
        .map(|mut t| {
            t.sort();
            t.get(t.len() / 2).map(|d| d.as_secs_f64() * 1000.0)
        })
        .collect();
    (medians, turns)
}

/// `rungs team` over generated teams (files as `rungs assess` writes them: pretty JSON with the
/// framework's indicator map) of 10,000 and 100,000 files and a second round of 10,000, against
/// `cat` of the same files, with peak memory. Every ratio is of commands run in turns.
fn team_section(dir: &Path, rungs_bin: &Path) {
    let catalog = rungs::catalog::Catalog::builtin();
    let entry = catalog
        .get("lasting-relationships")
        .expect("a shipped framework");
    let mut sizes = Vec::new();
    for (name, files, seed) in [
        ("team-10000", 10_000usize, 7),
        ("team-100000", 100_000, 7),
        ("round-2", 10_000, 8),
    ] {
        let folder = dir.join(name);
        // Every tenth person also has a manager's assessment: 11 files per 10 people.
        let written = team::write_team(&folder, entry, files * 10 / 11, seed);
        let bytes: u64 = std::fs::read_dir(&folder)
            .expect("team folder")
            .map(|e| e.expect("entry").metadata().expect("metadata").len())
            .sum();
        sizes.push((folder, written, bytes));
    }
    let arg = |p: &Path| p.to_str().expect("UTF-8 temp path").to_string();
    let (small, small_files, small_bytes) = &sizes[0];
    let (large, large_files, large_bytes) = &sizes[1];
    let (second, _, second_bytes) = &sizes[2];
    let (small_arg, large_arg, second_arg) = (arg(small), arg(large), arg(second));
    let sh = Path::new("sh");
    let owned = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    let (medians, turns) = in_turns(
        Duration::from_secs(20),
        7,
        &[
            (
                sh,
                owned(&["-c", &format!("cat {small_arg}/* > /dev/null")]),
            ),
            (rungs_bin, owned(&["team", &small_arg, "--format", "json"])),
            (
                rungs_bin,
                owned(&["team", &small_arg, "--format", "ndjson"]),
            ),
            (
                sh,
                owned(&[
                    "-c",
                    &format!("cat {small_arg}/* {second_arg}/* > /dev/null"),
                ]),
            ),
            (
                rungs_bin,
                owned(&[
                    "team",
                    &small_arg,
                    &second_arg,
                    "--over-time",
                    "--format",
                    "json",
                ]),
            ),
        ],
    );
    let [cat_ms, json_ms, ndjson_ms, cat_both_ms, over_time_ms] = medians[..] else {
        unreachable!("five commands")
    };
    let (large_medians, _) = in_turns(
        Duration::from_secs(20),
        3,
        &[
            (rungs_bin, owned(&["team", &small_arg, "--format", "json"])),
            (rungs_bin, owned(&["team", &large_arg, "--format", "json"])),
        ],
    );
    let [small_again_ms, large_ms] = large_medians[..] else {
        unreachable!("two commands")
    };
    let memory_large = peak_memory_mib(rungs_bin, &["team", &large_arg, "--format", "json"]);
    let memory_ndjson = peak_memory_mib(rungs_bin, &["team", &large_arg, "--format", "ndjson"]);
    let ndjson_rows = Command::new(rungs_bin)
        .args(["team", &small_arg, "--format", "ndjson"])
        .stderr(Stdio::null())
        .output()
        .map(|o| o.stdout.iter().filter(|b| **b == b'\n').count())
        .unwrap_or(0);

    let ms = |t: Option<f64>| t.map_or("n/a".to_string(), |t| format!("{t:.0}"));
    let mib = |b: u64| b as f64 / 1048576.0;
    println!(
        "\n## Teams: `rungs team` over generated assessments of lasting-relationships ({} indicators), as `rungs assess` writes them\n",
        entry.framework.indicator_count()
    );
    println!("| what | files | MiB | median ms |");
    println!("| --- | ---: | ---: | ---: |");
    for (what, files, bytes, t) in [
        (
            "`cat DIR/* > /dev/null`",
            *small_files,
            mib(*small_bytes),
            cat_ms,
        ),
        (
            "`rungs team DIR --format json`",
            *small_files,
            mib(*small_bytes),
            json_ms,
        ),
        (
            &format!("`rungs team DIR --format ndjson` ({ndjson_rows} rows)") as &str,
            *small_files,
            mib(*small_bytes),
            ndjson_ms,
        ),
        (
            "`cat DIR/* ROUND2/* > /dev/null`",
            small_files * 2,
            mib(small_bytes + second_bytes),
            cat_both_ms,
        ),
        (
            "`rungs team DIR ROUND2 --over-time --format json`",
            small_files * 2,
            mib(small_bytes + second_bytes),
            over_time_ms,
        ),
        (
            "`rungs team DIR --format json`",
            *large_files,
            mib(*large_bytes),
            large_ms,
        ),
    ] {
        println!("| {what} | {files} | {bytes:.1} | {} |", ms(t));
    }
    println!("\n| team target ({turns} turns side by side) | measured | verdict |");
    println!("| --- | --- | --- |");
    let ratio_row = |what: &str, a: Option<f64>, b: Option<f64>, limit: f64| {
        if let (Some(a), Some(b)) = (a, b) {
            let ratio = a / b;
            println!("| {what} | {ratio:.2}x | {} |", verdict(ratio <= limit));
        }
    };
    ratio_row(
        &format!("team --format json over {small_files} files within 1.2x of `cat` of them"),
        json_ms,
        cat_ms,
        1.2,
    );
    ratio_row(
        &format!("team --format ndjson over {small_files} files within 1.5x of `cat` of them"),
        ndjson_ms,
        cat_ms,
        1.5,
    );
    ratio_row(
        "team --over-time over two rounds within 1.3x of `cat` of both",
        over_time_ms,
        cat_both_ms,
        1.3,
    );
    ratio_row(
        "team: 10x the files in at most 11x the time",
        large_ms,
        small_again_ms,
        11.0,
    );
    if let Some(m) = memory_large
        .into_iter()
        .chain(memory_ndjson)
        .reduce(f64::max)
    {
        println!(
            "| team: peak memory over {large_files} files (json, ndjson) under 150 MiB | {m:.1} MiB | {} |",
            verdict(m < 150.0)
        );
    }
}

/// `history` and `diff` of assessments of the reference framework (14,000 indicators; the
/// reference assessments, which record no indicator map) that record the framework's path, so
/// it is found without `--framework`: against `validate` of the framework, in turns. Each
/// distinct framework is loaded once per command, so more files add only their own reading.
fn over_time_section(dir: &Path, rungs_bin: &Path) {
    let files = write_files(dir, 200);
    let framework_path = std::path::absolute(&files.framework).expect("absolute path");
    let recorded = format!(
        "\"path\": {},\n    \"digest\"",
        serde_json::to_string(&framework_path.display().to_string()).expect("JSON")
    );
    let folder = |name: &str, count: usize| -> PathBuf {
        let folder = dir.join(name);
        std::fs::create_dir_all(&folder).expect("folder");
        for n in 0..count {
            let text = if n % 2 == 0 {
                &files.full_text
            } else {
                &files.changed_text
            };
            let month = 1 + n / 28;
            let day = 1 + n % 28;
            let text = text
                .replacen("\"digest\"", &recorded, 1)
                .replace(
                    "2026-01-05T11:30:00Z",
                    &format!("2025-{month:02}-{day:02}T11:30:00Z"),
                )
                .replace(
                    "2026-01-05T09:00:00Z",
                    &format!("2025-{month:02}-{day:02}T09:00:00Z"),
                );
            std::fs::write(folder.join(format!("a-{n:03}.json")), text).expect("write");
        }
        folder
    };
    let six = folder("history-6", 6);
    let many = folder("history-24", 24);
    let owned = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    let path = |p: &Path| p.to_str().expect("UTF-8 temp path").to_string();
    let (medians, turns) = in_turns(
        Duration::from_secs(30),
        7,
        &[
            (rungs_bin, owned(&["validate", &path(&files.framework)])),
            (
                rungs_bin,
                owned(&[
                    "diff",
                    &path(&six.join("a-000.json")),
                    &path(&six.join("a-001.json")),
                ]),
            ),
            (rungs_bin, owned(&["history", &path(&six)])),
            (rungs_bin, owned(&["history", &path(&many)])),
        ],
    );
    let [validate, diff, history, history_more] = medians[..] else {
        unreachable!("four commands")
    };
    let ms = |t: Option<f64>| t.map_or("n/a".to_string(), |t| format!("{t:.0}"));
    println!(
        "\n## Over time: `history` and `diff` of the reference assessments, the framework found by the path they record (no --framework)\n"
    );
    println!("| what | median ms |");
    println!("| --- | ---: |");
    println!("| `rungs validate FRAMEWORK` | {} |", ms(validate));
    println!("| `rungs diff A B` | {} |", ms(diff));
    println!("| `rungs history` of 6 files | {} |", ms(history));
    println!("| `rungs history` of 24 files | {} |", ms(history_more));
    println!("\n| over-time target ({turns} turns side by side) | measured | verdict |");
    println!("| --- | --- | --- |");
    for (what, a, b, limit) in [
        (
            "diff of two files at most 1.5x validate",
            diff,
            validate,
            1.5,
        ),
        (
            "history of 6 files at most 2x validate",
            history,
            validate,
            2.0,
        ),
        (
            "history of 4x the files at most 1.5x history of the files",
            history_more,
            history,
            1.5,
        ),
    ] {
        if let (Some(a), Some(b)) = (a, b) {
            let ratio = a / b;
            println!("| {what} | {ratio:.2}x | {} |", verdict(ratio <= limit));
        }
    }
}

/// Inputs a stranger could make large: each at n and at 4n, where linear means about 4x the
/// time (at most ~5x allowed, for caches and allocation). The two sizes are timed in turns; the
/// verdict is on CPU time, which the other work on a shared machine does not add to.
fn growth_section(dir: &Path, rungs_bin: &Path) {
    println!("## Growth: 4x the input in at most ~5x the time\n");
    println!(
        "| input | n | CPU at n ms | CPU at 4n ms | CPU ratio | wall at n ms | wall at 4n ms | wall ratio | runs | target <= 5x (CPU) |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    let budget = Duration::from_secs(4);
    let row = |what: &str, n: usize, growth: Growth| {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let wall = growth.large.median.as_secs_f64() / growth.small.median.as_secs_f64();
        let (cpu_small, cpu_large, cpu_ratio) = match growth.cpu {
            Some((s, l)) => (
                format!("{:.1}", ms(s)),
                format!("{:.1}", ms(l)),
                Some(l.as_secs_f64() / s.as_secs_f64()),
            ),
            None => ("-".into(), "-".into(), None),
        };
        println!(
            "| {what} | {n} | {cpu_small} | {cpu_large} | {} | {:.1} | {:.1} | {wall:.2}x | {} | {} |",
            cpu_ratio.map_or("-".into(), |r| format!("{r:.2}x")),
            growth.small.ms(),
            growth.large.ms(),
            growth.small.runs,
            verdict(cpu_ratio.unwrap_or(wall) <= 5.0)
        );
    };

    // A framework mapping with many unknown keys (every one a diagnostic).
    let unknown_keys = |n: usize| {
        let mut text = String::from(
            "id: t\nname: T\nversion: \"1\"\nlevels: [{id: a, name: A}]\ncompetencies:\n  - id: c\n    name: C\n    levels:\n      - level: a\n        indicators: [x]\n",
        );
        for i in 0..n {
            text.push_str(&format!("key{i}: 1\n"));
        }
        text
    };
    let n = 25_000;
    let (small, large) = (unknown_keys(n), unknown_keys(4 * n));
    let load = |text: &str| framework::load("keys.yaml", text.as_bytes()).map(|_| ());
    row(
        "framework mapping, unknown keys",
        n,
        measure_pair(budget, 3, thread_cpu, || load(&small), || load(&large)),
    );

    // An answers file with many entries, none an indicator of the framework.
    let framework = load_any(&framework_yaml(Shape::times(1)));
    let answers = |n: usize| {
        (0..n)
            .map(|i| format!("answer-{i}: 3\n"))
            .collect::<String>()
    };
    let (small, large) = (answers(n), answers(4 * n));
    let read = |text: &str| {
        rungs::assessment::answers::parse("answers.yaml", text.as_bytes())
            .map(|a| a.resolve(&framework).is_ok())
    };
    row(
        "answers file, entries",
        n,
        measure_pair(budget, 3, thread_cpu, || read(&small), || read(&large)),
    );

    // The adaptive walk: a key costs about the same whatever the framework's size; making the
    // walk and counting the answers at the end go over the framework once each.
    let walk_framework = |competencies: usize| {
        let shape = Shape {
            competencies,
            ..Shape::BASE
        };
        (shape.indicators(), load_any(&framework_yaml(shape)))
    };
    let walk_keys = |framework: &Framework| {
        let mut walk = rungs::walk::Walk::new(framework, Default::default(), true);
        walk.handle(rungs::walk::Key::Enter);
        for k in 0..200 {
            walk.handle(rungs::walk::Key::Char(if k % 3 == 0 { '1' } else { '4' }));
        }
        walk.answered()
    };
    // A quarter of the reference size and the reference size (4x more is past the file limit).
    let ((indicators, small), (_, large)) = (walk_framework(50), walk_framework(200));
    row(
        "adaptive walk, 200 keys, indicators",
        indicators,
        measure_pair(
            budget,
            3,
            thread_cpu,
            || walk_keys(&small),
            || walk_keys(&large),
        ),
    );

    // Process cases: a sheet of many levels, a deep CASE chain.
    let sheet = |n: usize| {
        let path = dir.join(format!("levels-{n}.csv"));
        let mut text = String::from("competency,level,indicator\n");
        for i in 0..n {
            text.push_str(&format!("c{},L{i},does thing {i}\n", i % 10));
        }
        std::fs::write(&path, text).expect("write sheet");
        path
    };
    let chain = |n: usize| {
        let path = dir.join(format!("chain-{n}.json"));
        let items: Vec<serde_json::Value> = (0..n)
            .map(|i| serde_json::json!({"identifier": format!("i{i}"), "fullStatement": format!("item {i}")}))
            .collect();
        let mut associations = vec![serde_json::json!({
            "associationType": "isChildOf",
            "originNodeURI": {"identifier": "i0"},
            "destinationNodeURI": {"identifier": "doc"}
        })];
        associations.extend((1..n).map(|i| {
            serde_json::json!({
                "associationType": "isChildOf",
                "originNodeURI": {"identifier": format!("i{i}")},
                "destinationNodeURI": {"identifier": format!("i{}", i - 1)}
            })
        }));
        let package = serde_json::json!({
            "CFDocument": {"identifier": "doc", "title": "Chain"},
            "CFItems": items,
            "CFAssociations": associations
        });
        std::fs::write(&path, package.to_string()).expect("write package");
        path
    };
    // `rungs import KIND` of a small and a large input, in turns; `None` when either fails.
    let import = |kind: &str, small: &Path, large: &Path| {
        let command = |input: &Path| {
            let out = input.with_extension("yaml");
            let mut command = Command::new(rungs_bin);
            command
                .args(["import", kind])
                .arg(input)
                .arg("-o")
                .arg(out)
                .args(["--force", "-q"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            command
        };
        let run = |input: &Path| command(input).status().is_ok_and(|s| s.success());
        if !(run(small) && run(large)) {
            println!("| import {kind}: the command failed, not timed | | | | | |");
            return None;
        }
        Some(measure_pair(
            budget,
            3,
            children_cpu,
            || run(small),
            || run(large),
        ))
    };
    // 4x 40,000 rows of distinct levels would write a framework past the format's limits
    // (100,000 indicators, 8 MiB), which import refuses to write: 10,000 and 40,000 rows.
    let n = 10_000;
    if let Some(pair) = import("sheet", &sheet(n), &sheet(4 * n)) {
        row("import sheet (CSV), rows of distinct levels", n, pair);
    }
    let n = 25_000;
    if let Some(pair) = import("case", &chain(n), &chain(4 * n)) {
        row("import case, isChildOf chain depth", n, pair);
    }
    println!();
}

fn main() {
    // `cargo bench` passes --bench; a filter argument is not supported, the run is one table.
    let dir = tempfile::tempdir().expect("temp dir");
    let rungs_bin = PathBuf::from(env!("CARGO_BIN_EXE_rungs"));
    let budget = Duration::from_secs(3);
    if std::env::var_os("RUNGS_BENCH_TEAM_ONLY").is_some() {
        team_section(dir.path(), &rungs_bin);
        return;
    }
    if std::env::var_os("RUNGS_BENCH_OVER_TIME_ONLY").is_some() {
        over_time_section(dir.path(), &rungs_bin);
        return;
    }
    if std::env::var_os("RUNGS_BENCH_SHEET_ONLY").is_some() {
        sheet_section(dir.path(), &rungs_bin);
        return;
    }
    if std::env::var_os("RUNGS_BENCH_GROWTH_ONLY").is_some() {
        growth_section(dir.path(), &rungs_bin);
        return;
    }
    if std::env::var_os("RUNGS_BENCH_FORM_ONLY").is_some() {
        form_section(&write_files(dir.path(), 200), dir.path(), &rungs_bin);
        return;
    }

    println!("# rungs benchmark\n");
    println!(
        "Machine: {} cores; rungs {}; files in a temporary folder (page cache warm).\n",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        env!("CARGO_PKG_VERSION")
    );

    // ---- In-process: 1x, 4x and 16x of a small framework, and the reference size. 4x and 16x
    // of the reference (56,000 and 224,000 indicators, 14 and 55 MiB) are past the contract's
    // limits (8 MiB, 100,000 indicators), which rungs refuses before parsing.
    let mut base_load = None;
    let mut rows = Vec::new();
    for (label, competencies) in [
        ("1x", 25usize),
        ("4x", 100),
        ("16x", 400),
        ("reference", 200),
    ] {
        let files = write_files(dir.path(), competencies);
        let text = &files.framework_text.clone();
        let budget = budget * (competencies / 50).max(1) as u32;
        let min_runs = 7;
        let parse_floor = measure(budget, min_runs, || {
            serde_yaml::from_str::<serde_yaml::Value>(text).expect("parses")
        });
        let load = measure(budget, min_runs, || load_any(text));
        let full = parse("full.json", files.full_text.as_bytes()).expect("full assessment");
        let load_score = measure(budget, min_runs, || {
            let f = load_any(text);
            scoring::profile(&f, &full.ratings)
        });
        let assessment_parse = measure(budget, min_runs, || {
            parse("full.json", files.full_text.as_bytes()).expect("parses")
        });
        let report = measure(budget, min_runs, || {
            let f = load_any(text);
            let a = parse("full.json", files.full_text.as_bytes()).expect("parses");
            report_json(&f, &a)
        });
        let diff = measure(budget, min_runs, || {
            let f = load_any(text);
            let a = parse("full.json", files.full_text.as_bytes()).expect("parses");
            let b = parse("changed.json", files.changed_text.as_bytes()).expect("parses");
            diff_json(&f, &a, &b)
        });
        rows.push((
            label,
            files.shape.indicators(),
            parse_floor,
            load,
            load_score,
            assessment_parse,
            report,
            diff,
            text.len(),
        ));
        if label == "reference" {
            base_load = Some((parse_floor, load, load_score, report, diff, files));
        }
    }

    println!("## In-process (library), median of several runs\n");
    println!("| size | indicators | file MiB | bare YAML parse ms | load+validate ms | load+validate+score ms | assessment parse ms | report json ms | diff ms | load µs/indicator | load ÷ parse |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (label, indicators, parse_floor, load, load_score, assessment_parse, report, diff, bytes) in
        &rows
    {
        let indicators = *indicators;
        println!(
            "| {label} | {indicators} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.2} | {:.2} |",
            mib(*bytes),
            parse_floor.ms(),
            load.ms(),
            load_score.ms(),
            assessment_parse.ms(),
            report.ms(),
            diff.ms(),
            load.ms() * 1000.0 / indicators as f64,
            load.ms() / parse_floor.ms()
        );
    }
    println!(
        "\nRuns per cell: {}",
        rows.iter()
            .map(|r| format!("{} {}", r.0, r.2.runs.min(r.3.runs).min(r.7.runs)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let per_indicator: Vec<f64> = rows.iter().map(|r| r.3.ms() / r.1 as f64).collect();
    let growth = per_indicator[2] / per_indicator[0];
    let floor_growth = (rows[2].2.ms() / rows[2].1 as f64) / (rows[0].2.ms() / rows[0].1 as f64);
    println!(
        "Linearity: from 1x to 16x, load+validate per indicator changes {growth:.2}x \
         and the bare parse per indicator {floor_growth:.2}x (1.00 = perfectly linear).\n"
    );

    // ---- Where the time of a reference load goes.
    // ---- Where the time of a 1x load goes.
    let (parse_floor, load, load_score, report, diff, files) = base_load.expect("1x measured");
    let text = &files.framework_text;
    let tree_parse = measure(budget, 7, || {
        rungs::yaml::tree::parse(text).expect("parses")
    });
    let tree = rungs::yaml::tree::parse(text).expect("parses");
    let tree_read = measure(budget, 7, || framework::reading::read(&tree));
    let build = measure(budget, 7, || {
        let raw = framework::reading::read(&tree)
            .framework
            .expect("a framework");
        framework::load::build(raw)
    });
    drop(tree);
    let digest = measure(budget, 7, || framework::digest(text.as_bytes()));
    let framework = load_any(text);
    let full = parse("full.json", files.full_text.as_bytes()).expect("parses");
    let changed = parse("changed.json", files.changed_text.as_bytes()).expect("parses");
    let profile = measure(budget, 7, || scoring::profile(&framework, &full.ratings));
    let report_only = measure(budget, 7, || report_json(&framework, &full));
    let diff_only = measure(budget, 7, || diff_json(&framework, &full, &changed));
    let drop_framework = measure(budget, 7, || drop(black_box(framework.clone())));
    println!("## Where the time goes at the reference size\n");
    println!("| step | median ms |");
    println!("| --- | ---: |");
    for (step, timing) in [
        ("bare parse into serde_yaml::Value (the floor)", parse_floor),
        ("positioned YAML tree parse (yaml::tree::parse)", tree_parse),
        (
            "tree read into the format's structs (reading::read)",
            tree_read,
        ),
        ("tree read + validation (reading::read + build)", build),
        ("sha256 digest of the file", digest),
        ("framework::load (all of the above)", load),
        (
            "clone + drop of the loaded framework (allocation cost)",
            drop_framework,
        ),
        ("scoring::profile of a full assessment", profile),
        (
            "parse a full assessment (JSON)",
            measure(budget, 7, || {
                parse("full.json", files.full_text.as_bytes()).expect("parses")
            }),
        ),
        (
            "report json after loading (Report::new + json::render)",
            report_only,
        ),
        (
            "diff after loading (diff::diff + DiffReport + json::render)",
            diff_only,
        ),
    ] {
        println!("| {step} | {:.1} |", timing.ms());
    }
    println!();

    // ---- Processes at 1x.
    let framework_arg = files.framework.to_str().expect("UTF-8 temp path");
    let validate = measure_process(budget, 10, &rungs_bin, &["validate", framework_arg]);
    // The same file with `x-` keys (at the top, in a competency and in an indicator).
    let x_path = files.framework.with_file_name("framework-x-keys.yaml");
    let x_text = files
        .framework_text
        .replacen("\nname: ", "\nx-owner: People team\nname: ", 1)
        .replacen(
            "\n    levels:",
            "\n    x-notes: { reviewed: 2026 }\n    levels:",
            1,
        );
    assert_ne!(x_text, files.framework_text, "x- keys added");
    std::fs::write(&x_path, &x_text).expect("x- key file written");
    let x_arg = x_path.to_str().expect("UTF-8 temp path");
    let validate_x = measure_process(budget, 10, &rungs_bin, &["validate", x_arg]);
    let list = measure_process(budget, 30, &rungs_bin, &["list"]);
    let version = measure_process(budget, 30, &rungs_bin, &["--version"]);
    let python = Path::new("python3");
    let pyyaml_line = "import sys, yaml; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)";
    let pyyaml = Command::new(python)
        .args(["-c", "import yaml; assert yaml.__with_libyaml__"])
        .status()
        .is_ok_and(|s| s.success())
        .then(|| measure_process(budget, 5, python, &["-c", pyyaml_line, framework_arg]))
        .flatten();
    let pyyaml_inner = Command::new(python)
        .args([
            "-c",
            "import sys, time, yaml\nt = time.perf_counter()\nyaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)\nprint((time.perf_counter() - t) * 1000)",
            framework_arg,
        ])
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse::<f64>().ok());
    let python_start = measure_process(budget, 5, python, &["-c", "import yaml"]);
    let validate_memory = peak_memory_mib(&rungs_bin, &["validate", framework_arg]);
    let full_arg = files.full.to_str().expect("UTF-8 temp path");
    let changed_arg = files.changed.to_str().expect("UTF-8 temp path");
    let report_args = [
        "report",
        full_arg,
        "--framework",
        framework_arg,
        "--target",
        "role-3",
        "--format",
        "json",
    ];
    let diff_args = [
        "diff",
        full_arg,
        changed_arg,
        "--framework",
        framework_arg,
        "--format",
        "json",
    ];
    // The reference framework as a sheet (one row per indicator), for `import csv`.
    let sheet = dir.path().join("reference-sheet.csv");
    let sheet_bytes = Command::new(&rungs_bin)
        .args(["show", framework_arg, "--format", "csv"])
        .output()
        .expect("rungs show --format csv runs")
        .stdout;
    let sheet_rows = sheet_bytes.iter().filter(|&&b| b == b'\n').count();
    std::fs::write(&sheet, &sheet_bytes).expect("write sheet");
    let sheet_arg = sheet.to_str().expect("UTF-8 temp path");
    let show_csv_args = ["show", framework_arg, "--format", "csv"];
    let import_csv_args = ["import", "csv", sheet_arg, "--id", "reference"];
    let show_csv = measure_process(budget, 10, &rungs_bin, &show_csv_args);
    let import_csv = measure_process(budget, 10, &rungs_bin, &import_csv_args);
    let report_process = measure_process(budget, 10, &rungs_bin, &report_args);
    let diff_process = measure_process(budget, 10, &rungs_bin, &diff_args);
    let report_memory = peak_memory_mib(&rungs_bin, &report_args);
    let diff_memory = peak_memory_mib(&rungs_bin, &diff_args);

    let show = |t: Option<Timing>| t.map_or("n/a".to_string(), |t| format!("{:.2}", t.ms()));
    println!(
        "## Whole processes at the reference size ({} indicators, {:.1} MiB)\n",
        files.shape.indicators(),
        mib(files.framework_text.len())
    );
    println!("| command | median ms | fastest ms |");
    println!("| --- | ---: | ---: |");
    for (name, timing) in [
        ("rungs validate FRAMEWORK", validate),
        ("rungs validate FRAMEWORK-WITH-X-KEYS", validate_x),
        (
            "rungs report FULL --framework FRAMEWORK --target role-3 --format json",
            report_process,
        ),
        (
            "rungs diff FULL CHANGED --framework FRAMEWORK --format json",
            diff_process,
        ),
        ("rungs show FRAMEWORK --format csv", show_csv),
        (
            "rungs import csv SHEET (the same framework as CSV)",
            import_csv,
        ),
        ("rungs list", list),
        ("rungs --version", version),
        ("python3 PyYAML CSafeLoader parse (whole process)", pyyaml),
        (
            "python3 -c 'import yaml' (interpreter start only)",
            python_start,
        ),
    ] {
        println!(
            "| {name} | {} | {} |",
            show(timing),
            timing.map_or("n/a".to_string(), |t| format!(
                "{:.2}",
                t.min.as_secs_f64() * 1000.0
            ))
        );
    }
    if let Some(inner) = pyyaml_inner {
        println!("| PyYAML CSafeLoader parse inside Python (one run) | {inner:.2} | |");
    }
    println!();
    println!("| peak memory | MiB |");
    println!("| --- | ---: |");
    println!(
        "| rungs validate FRAMEWORK | {} |",
        validate_memory.map_or("n/a".into(), |m| format!("{m:.1}"))
    );
    for (name, memory) in [
        ("rungs report FULL --format json", report_memory),
        ("rungs diff FULL CHANGED --format json", diff_memory),
    ] {
        println!(
            "| {name} | {} |",
            memory.map_or("n/a".into(), |m| format!("{m:.1}"))
        );
    }

    // ---- Targets.
    println!("\n## Targets\n");
    println!("| target | measured | verdict |");
    println!("| --- | --- | --- |");
    let ratio = load_score.ms() / parse_floor.ms();
    println!(
        "| load+validate+score within 1.2x of bare parse | {ratio:.2}x | {} |",
        verdict(ratio <= 1.2)
    );
    let ratio = report.ms() / load.ms();
    println!(
        "| report (json) within 1.5x of framework load, in-process | {ratio:.2}x | {} |",
        verdict(ratio <= 1.5)
    );
    let ratio = diff.ms() / load.ms();
    println!(
        "| diff within 1.5x of framework load, in-process | {ratio:.2}x | {} |",
        verdict(ratio <= 1.5)
    );
    for (name, process) in [("report", report_process), ("diff", diff_process)] {
        if let (Some(p), Some(v)) = (process, validate) {
            let ratio = p.ms() / v.ms();
            println!(
                "| {name} within 1.5x of framework load, whole process (rungs {name} ÷ rungs validate) | {ratio:.2}x | {} |",
                verdict(ratio <= 1.5)
            );
        }
    }
    for (name, process) in [("show --format csv", show_csv), ("import csv", import_csv)] {
        if let (Some(p), Some(v)) = (process, validate) {
            let ratio = p.ms() / v.ms();
            println!(
                "| rungs {name} within 1.5x of rungs validate, whole process | {ratio:.2}x | {} |",
                verdict(ratio <= 1.5)
            );
        }
    }
    println!(
        "| (the sheet: {} bytes, {sheet_rows} lines for {} indicators; quoted cells span lines) | | |",
        sheet_bytes.len(),
        files.shape.indicators()
    );
    match (validate, pyyaml) {
        (Some(v), Some(p)) => {
            let ratio = p.ms() / v.ms();
            println!("| rungs validate process >= 5x faster than PyYAML C loader parse | {ratio:.1}x faster | {} |", verdict(ratio >= 5.0));
        }
        _ => println!("| rungs validate process >= 5x faster than PyYAML C loader parse | PyYAML with libyaml not available | n/a |"),
    }
    if let (Some(v), Some(p)) = (validate_x, pyyaml) {
        let ratio = p.ms() / v.ms();
        println!("| rungs validate of the file with x- keys >= 5x faster than PyYAML C loader parse | {ratio:.1}x faster | {} |", verdict(ratio >= 5.0));
    }
    if let Some(l) = list {
        println!(
            "| rungs list under 5 ms | {:.2} ms | {} |",
            l.ms(),
            verdict(l.ms() < 5.0)
        );
    }
    let peak = [validate_memory, report_memory, diff_memory]
        .into_iter()
        .flatten()
        .fold(0.0, f64::max);
    println!(
        "| peak memory under 40 MB | {peak:.1} MiB | {} |",
        verdict(peak * 1.048_576 < 40.0)
    );
    form_section(&write_files(dir.path(), 200), dir.path(), &rungs_bin);
    team_section(dir.path(), &rungs_bin);
    over_time_section(dir.path(), &rungs_bin);
    sheet_section(dir.path(), &rungs_bin);
    growth_section(dir.path(), &rungs_bin);
    println!("\nReproduce: `cargo bench --bench perf`");
}
