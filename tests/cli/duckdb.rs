//! The DuckDB queries of the team guide (docs/TEAMS.md) over `rungs team --format ndjson`, run through a real DuckDB:
//! no cast, the feed's `value` is a number or null.
//!
//! DuckDB comes from the `duckdb` Python package (`.ci/run` installs it) or the `duckdb`
//! command. Without either this test fails when the environment variable CI is set, and
//! otherwise prints a loud SKIPPED message.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use crate::support::run;

/// The SQL between the team guide's `<!-- duckdb-query -->` marker and the end of its code block.
fn readme_query() -> String {
    readme_sql("<!-- duckdb-query -->")
}

/// The SQL of the ```sql block after `marker` in the team guide.
fn readme_sql(marker: &str) -> String {
    let readme = crate::support::doc("docs/TEAMS.md");
    let start = readme
        .find(marker)
        .unwrap_or_else(|| panic!("docs/TEAMS.md marks its DuckDB query with {marker}"));
    let rest = &readme[start..];
    let open = rest
        .find("```sql\n")
        .expect("a ```sql block after the marker")
        + 7;
    let close = rest[open..].find("```").expect("the block ends") + open;
    rest[open..close].to_string()
}

enum DuckDb {
    Python,
    Cli,
}

fn find_duckdb() -> Option<DuckDb> {
    let python = Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if python {
        return Some(DuckDb::Python);
    }
    let cli = Command::new("duckdb")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    cli.then_some(DuckDb::Cli)
}

/// Run `sql` in `dir`, one line per row, columns separated by tabs.
fn query(duckdb: &DuckDb, dir: &Path, sql: &str) -> String {
    let output = match duckdb {
        DuckDb::Python => Command::new("python3")
            .arg("-c")
            .arg(
                "import sys, duckdb\n\
                 for row in duckdb.sql(sys.argv[1]).fetchall():\n    \
                     print('\\t'.join(str(v) for v in row))",
            )
            .arg(sql)
            .current_dir(dir)
            .output(),
        DuckDb::Cli => Command::new("duckdb")
            .args(["-noheader", "-separator", "\t", "-csv", "-c", sql])
            .current_dir(dir)
            .output(),
    }
    .expect("DuckDB runs");
    assert!(
        output.status.success(),
        "DuckDB failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// DuckDB, or `None` after saying loudly that `test` was skipped (a failure under CI).
fn duckdb_or_skip(test: &str) -> Option<DuckDb> {
    let found = find_duckdb();
    if found.is_none() {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        assert!(
            !ci,
            "DuckDB is not installed and CI is set: install it with `python3 -m pip install duckdb`"
        );
        let _ = writeln!(
            std::io::stderr(),
            "\nSKIPPED {test}: DuckDB is not installed, so the team guide's query was NOT run.\n\
             Install it with `python3 -m pip install duckdb`; under CI this is a failure.\n"
        );
    }
    found
}

#[test]
fn the_readme_rounds_query_compares_two_rounds_without_a_cast() {
    let Some(duckdb) = duckdb_or_skip("the_readme_rounds_query_compares_two_rounds_without_a_cast")
    else {
        return;
    };
    let dir = tempfile::tempdir().expect("temporary folder");
    crate::over_time::two_rounds(dir.path());
    let out = crate::support::command(&["team", "spring", "autumn", "--format", "ndjson"])
        .arg("--framework")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::over_time::FRAMEWORK))
        .current_dir(dir.path())
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::write(dir.path().join("ratings.ndjson"), &out.stdout).expect("write ratings");
    // By hand (self, the latest file of each person and round; Ana's autumn draft and Cy, in
    // autumn only, do not appear): Ana listening 2.2 -> 3.0, sharing 2.33 -> 3.0; Ben
    // listening 2.6 -> 2.2, sharing 2.0 -> 2.67.
    assert_eq!(
        query(
            &duckdb,
            dir.path(),
            &readme_sql("<!-- duckdb-rounds-query -->")
        ),
        "Ana\tlistening\t2.2\t3.0\t0.8\n\
         Ana\tsharing\t2.33\t3.0\t0.67\n\
         Ben\tsharing\t2.0\t2.67\t0.67\n\
         Ben\tlistening\t2.6\t2.2\t-0.4\n"
    );
    assert!(
        !readme_sql("<!-- duckdb-rounds-query -->").contains("CAST")
            && !readme_query().contains("CAST"),
        "the team guide's queries need no cast"
    );
}

#[test]
fn the_readme_duckdb_query_runs_over_team_ndjson() {
    let Some(duckdb) = find_duckdb() else {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        assert!(
            !ci,
            "DuckDB is not installed and CI is set: install it with `python3 -m pip install duckdb`"
        );
        let _ = writeln!(
            std::io::stderr(),
            "\n\
             ************************************************************************\n\
             SKIPPED the_readme_duckdb_query_runs_over_team_ndjson: DuckDB is not\n\
             installed, so the team guide's query was NOT run. Install it with\n\
             `python3 -m pip install duckdb`; under CI this is a failure.\n\
             ************************************************************************\n"
        );
        return;
    };
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = run(&[
        "team",
        "tests/fixtures/team",
        "--framework",
        "tests/fixtures/assess/teamwork.yaml",
        "--format",
        "ndjson",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::write(dir.path().join("ratings.ndjson"), &out.stdout).expect("write ratings");
    std::fs::write(
        dir.path().join("people.csv"),
        "subject,department\nAlex Rivera,platform\nBo Diaz,platform\nCy Okafor,design\ndee,design\n",
    )
    .expect("write people");
    // Self ratings by hand: platform listening (4+4+3+3+4 + 3+3+2+1+1) / 10 = 2.8, sharing
    // (3+3+3 + 2+2+1) / 6 = 2.33; design listening (3+4+4+3+2 + 2+2+2+2, one na) / 9 = 2.67,
    // sharing (3+3, one unrated + 4+4+4) / 5 = 3.6.
    assert_eq!(
        query(&duckdb, dir.path(), &readme_query()),
        "design\tlistening\t2.67\t2\n\
         design\tsharing\t3.6\t2\n\
         platform\tlistening\t2.8\t2\n\
         platform\tsharing\t2.33\t2\n"
    );
}

/// The team guide's `people.csv` block.
fn readme_people() -> String {
    let readme = crate::support::doc("docs/TEAMS.md");
    let start = readme
        .find("```csv\nsubject,department\n")
        .expect("docs/TEAMS.md gives people.csv")
        + "```csv\n".len();
    let end = start + readme[start..].find("```").expect("the block ends");
    readme[start..end].to_string()
}

#[test]
fn the_readme_duckdb_table_is_what_the_query_gives_on_the_team_session() {
    let Some(duckdb) = find_duckdb() else {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        assert!(!ci, "DuckDB is not installed and CI is set");
        return;
    };
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = run(&["team", "tests/fixtures/readme/team", "--format", "ndjson"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::write(dir.path().join("ratings.ndjson"), &out.stdout).expect("write ratings");
    std::fs::write(dir.path().join("people.csv"), readme_people()).expect("write people");
    let rows = query(&duckdb, dir.path(), &readme_query());
    assert_eq!(rows.lines().count(), 6, "{rows}");
    let readme = crate::support::doc("docs/TEAMS.md");
    for row in rows.lines() {
        let cells: Vec<&str> = row.split('\t').collect();
        let [department, competency, average, people] = cells[..] else {
            panic!("four columns: {row}");
        };
        let line = format!("│ {department:<12} │ {competency:<18} │ {average:>14} │ {people:>6} │");
        assert!(
            readme.contains(&line),
            "docs/TEAMS.md's DuckDB table lacks the row the query gives:\n{line}"
        );
    }
}
