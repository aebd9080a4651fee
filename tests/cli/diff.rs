//! `rungs diff`: level and score changes, rating changes, framework versions, refusals.

use serde_json::Value;

use crate::support::{command, fixture};

const MARCH: &str = "tests/fixtures/assessments/teamwork/2026-03-01.json";
const JUNE: &str = "tests/fixtures/assessments/teamwork/2026-06-02.json";
const FRAMEWORKS: &str = "tests/fixtures/frameworks";

fn diff(old: &str, new: &str, format: &str) -> String {
    command(&[
        "diff",
        old,
        new,
        "--frameworks",
        FRAMEWORKS,
        "--format",
        format,
    ])
    .succeeds()
}

fn json(old: &str, new: &str) -> Value {
    serde_json::from_str(&diff(old, new, "json")).expect("valid JSON")
}

#[test]
fn every_format_of_march_to_june() {
    for (format, name) in [
        ("table", "teamwork_march_june_table"),
        ("json", "teamwork_march_june_json"),
        ("markdown", "teamwork_march_june_markdown"),
    ] {
        insta::assert_snapshot!(name, diff(MARCH, JUNE, format));
    }
}

#[test]
fn contract_fields_with_hand_computed_values() {
    let d = json(MARCH, JUNE);
    // listening: lis-5 went 3 -> 2, so level 3 (2 indicators, 1/2 < 80%) is lost: 3.0 -> 2.5.
    // feedback: fb-1 2 -> 3 gives level 1 (2/2); level 2 has fb-3 = 2 and fb-4 na: 0.5 -> 1.0.
    // planning: practising.2 na -> 3 keeps practising (2/2); leading unchanged: 2.0 -> 2.0.
    let expected = [
        ("listening", Some("leading"), Some("practising"), 3.0, 2.5),
        ("feedback", None, Some("starting"), 0.5, 1.0),
        ("planning", Some("practising"), Some("practising"), 2.0, 2.0),
    ];
    let competencies = d["competencies"].as_array().expect("competencies");
    assert_eq!(competencies.len(), 3);
    for (c, (id, from, to, from_score, to_score)) in competencies.iter().zip(expected) {
        assert_eq!(c["id"], id);
        assert_eq!(c["from_level"], serde_json::json!(from), "{id}");
        assert_eq!(c["to_level"], serde_json::json!(to), "{id}");
        assert_eq!(c["from_score"].as_f64(), Some(from_score), "{id}");
        assert_eq!(c["to_score"].as_f64(), Some(to_score), "{id}");
    }
    let changes: Vec<(String, Value, Value)> = d["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap_or_default().to_string(),
                i["from"].clone(),
                i["to"].clone(),
            )
        })
        .collect();
    // Newly demonstrated first, then lost, then the rest; walk order within each.
    let expected: Vec<(String, Value, Value)> = vec![
        ("fb-1".into(), 2.into(), 3.into()),
        ("planning.practising.2".into(), "na".into(), 3.into()),
        ("lis-5".into(), 3.into(), 2.into()),
        ("fb-2".into(), 3.into(), 4.into()),
        ("fb-3".into(), 1.into(), 2.into()),
        ("fb-4".into(), Value::Null, "na".into()),
    ];
    assert_eq!(changes, expected);
}

#[test]
fn an_assessment_against_itself_is_empty() {
    let d = json(MARCH, MARCH);
    assert_eq!(d["indicators"], serde_json::json!([]));
    assert_eq!(d["added"], serde_json::json!([]));
    assert_eq!(d["removed"], serde_json::json!([]));
    for c in d["competencies"].as_array().expect("competencies") {
        assert_eq!(c["from_level"], c["to_level"]);
        assert_eq!(c["from_score"], c["to_score"]);
        assert_eq!(c["score_change"].as_f64(), Some(0.0));
    }
    let table = diff(MARCH, MARCH, "table");
    assert!(table.ends_with("\nNo change: the same levels, scores and ratings.\n"));
    assert!(!table.contains("Newly demonstrated"));
    assert!(!table.contains("Other rating changes"));
}

/// What B vs A should be, given A vs B.
fn mirrored(d: &Value) -> Value {
    let mut m = d.clone();
    let swap = |v: &mut Value, a: &str, b: &str| {
        let (x, y) = (v[a].clone(), v[b].clone());
        v[a] = y;
        v[b] = x;
    };
    swap(&mut m, "old", "new");
    swap(&mut m, "added", "removed");
    for c in m["competencies"].as_array_mut().expect("competencies") {
        swap(c, "from_level", "to_level");
        swap(c, "from_title", "to_title");
        swap(c, "from_rank", "to_rank");
        swap(c, "from_score", "to_score");
        if let Some(change) = c["score_change"].as_f64() {
            c["score_change"] = (-change).into();
        }
    }
    for n in m["notes"].as_array_mut().expect("notes") {
        swap(n, "from", "to");
    }
    for i in m["indicators"].as_array_mut().expect("indicators") {
        swap(i, "from", "to");
        swap(i, "from_label", "to_label");
        i["change"] = match i["change"].as_str() {
            Some("demonstrated") => "lost".into(),
            Some("lost") => "demonstrated".into(),
            _ => i["change"].clone(),
        };
    }
    m
}

fn by_id(list: &Value) -> Vec<Value> {
    let mut items = list.as_array().expect("a list").clone();
    items.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    items
}

#[test]
fn b_against_a_mirrors_a_against_b() {
    let forward = json(MARCH, JUNE);
    let backward = json(JUNE, MARCH);
    let expected = mirrored(&forward);
    assert_eq!(backward["competencies"], expected["competencies"]);
    assert_eq!(backward["old"], expected["old"]);
    assert_eq!(backward["new"], expected["new"]);
    // The same indicators change, each in the mirrored direction; the order follows the kind.
    assert_eq!(
        by_id(&backward["indicators"]),
        by_id(&expected["indicators"])
    );
    // 2 newly demonstrated and 1 lost forward are 1 newly demonstrated and 2 lost backward.
    assert_eq!(
        forward["summary"],
        "Levels: 1 up, 1 down. Scores: 1 rose, 1 fell. Ratings: 2 newly demonstrated, 1 lost, 3 other changes. 3 notes changed."
    );
    assert_eq!(
        backward["summary"],
        "Levels: 1 up, 1 down. Scores: 1 rose, 1 fell. Ratings: 1 newly demonstrated, 2 lost, 3 other changes. 3 notes changed."
    );
    assert_eq!(by_id(&backward["notes"]), by_id(&expected["notes"]));
}

#[test]
fn different_frameworks_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let other = dir.path().join("other.json");
    std::fs::write(
        &other,
        r#"{"format": "rungs-assessment/1",
            "framework": {"id": "networking", "version": "1.0", "digest": "sha256:00"},
            "started_at": "2026-01-01T00:00:00Z", "completed_at": null, "ratings": {}}"#,
    )
    .expect("write");
    let out = command(&["diff", MARCH]).arg(&other).run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "error: cannot compare {MARCH} (framework \"teamwork\") with {} (framework \"networking\"): diff compares two assessments of one framework\n",
            other.display()
        )
    );
    assert_eq!(out.stdout, "");
}

/// Write framework `text` and an assessment of it, recording the framework's path and digest.
fn assessment_of(
    dir: &std::path::Path,
    name: &str,
    framework_text: &str,
    date: &str,
    ratings: &str,
) -> std::path::PathBuf {
    let framework_path = dir.join(format!("{name}.yaml"));
    std::fs::write(&framework_path, framework_text).expect("write framework");
    let version = if framework_text.contains("version: \"1.1\"") {
        "1.1"
    } else {
        "1.0"
    };
    let assessment = serde_json::json!({
        "format": "rungs-assessment/1",
        "framework": {
            "id": "teamwork",
            "version": version,
            "digest": rungs::framework::load::digest(framework_text.as_bytes()),
            "path": framework_path.display().to_string(),
        },
        "started_at": date,
        "completed_at": date,
        "ratings": serde_json::from_str::<Value>(ratings).expect("ratings JSON"),
    });
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, assessment.to_string()).expect("write assessment");
    path
}

#[test]
fn another_version_is_compared_by_indicator_id_with_added_and_removed_listed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let v1 = std::fs::read_to_string(fixture("frameworks/teamwork.yaml")).expect("fixture");
    let v2 = v1.replace("version: \"1.0\"", "version: \"1.1\"").replace(
        "          - { id: lis-6, text: Changes a plan after hearing a dissenting view. }\n",
        "          - { id: lis-7, text: Asks the room what it has not yet heard. }\n",
    );
    assert_ne!(v1, v2);
    let old = assessment_of(
        dir.path(),
        "v1",
        &v1,
        "2026-01-10T10:00:00Z",
        r#"{"lis-1": {"value": 3}, "lis-2": {"value": 3}, "lis-5": {"value": 3}, "lis-6": {"value": 4}}"#,
    );
    let new = assessment_of(
        dir.path(),
        "v2",
        &v2,
        "2026-02-10T10:00:00Z",
        r#"{"lis-1": {"value": 3}, "lis-2": {"value": 1}, "lis-5": {"value": 3}, "lis-7": {"value": 4}}"#,
    );
    let out = command(&["diff", "--format", "json"])
        .arg(&old)
        .arg(&new)
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr, "",
        "each assessment found its own framework unchanged"
    );
    let d: Value = serde_json::from_str(&out.stdout).expect("valid JSON");
    assert_eq!(d["old"]["version"], "1.0");
    assert_eq!(d["new"]["version"], "1.1");
    assert_eq!(d["added"][0]["id"], "lis-7");
    assert_eq!(d["removed"][0]["id"], "lis-6");
    assert_eq!(d["added"].as_array().map(Vec::len), Some(1));
    assert_eq!(d["removed"].as_array().map(Vec::len), Some(1));
    // Only lis-2 changed among the indicators both versions have.
    assert_eq!(d["indicators"].as_array().map(Vec::len), Some(1));
    assert_eq!(d["indicators"][0]["id"], "lis-2");
    assert_eq!(d["indicators"][0]["change"], "lost");

    let table = command(&["diff"]).arg(&old).arg(&new).succeeds();
    insta::assert_snapshot!("teamwork_versions_table", table);
}

#[test]
fn seed_diff_in_every_format() {
    let january = "tests/fixtures/assessments/lasting-relationships/2026-01-15.json";
    let june = "tests/fixtures/assessments/lasting-relationships/2026-06-20.json";
    for (format, name) in [
        ("table", "lasting_january_june_table"),
        ("json", "lasting_january_june_json"),
        ("markdown", "lasting_january_june_markdown"),
    ] {
        let out = command(&["diff", january, june, "--format", format]).succeeds();
        insta::assert_snapshot!(name, out);
    }
}

#[test]
fn same_day_assessments_are_told_apart_and_changed_notes_are_shown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let march = std::fs::read_to_string(MARCH).expect("fixture");
    let morning = dir.path().join("morning.json");
    let afternoon = dir.path().join("afternoon.json");
    std::fs::write(&morning, &march).expect("write");
    let later = march
        .replace("2026-03-01T09:20:00Z", "2026-03-01T15:45:00Z")
        .replace("Only when my manager asks.", "Asked two peers this week.");
    std::fs::write(&afternoon, &later).expect("write");
    let out = crate::support::command(&["diff", "--frameworks", FRAMEWORKS])
        .arg(&morning)
        .arg(&afternoon)
        .env("NO_COLOR", "1")
        .succeeds();
    let heading = out.lines().next().expect("a heading");
    assert!(
        heading.ends_with("2026-03-01 09:20 → 2026-03-01 15:45"),
        "{heading}"
    );
    assert!(out.contains("Changed notes"), "{out}");
    assert!(out.contains("“Only when my manager"), "{out}");
    assert!(out.contains("1 note changed."), "{out}");
    assert!(out.contains("“Asked two peers this"), "{out}");

    // The same time too: the files name the sides.
    std::fs::write(&afternoon, march.replace("Only when", "Not even when")).expect("write");
    let out = crate::support::command(&["diff", "--frameworks", FRAMEWORKS, "-f", "markdown"])
        .arg(&morning)
        .arg(&afternoon)
        .env("NO_COLOR", "1")
        .succeeds();
    assert!(
        out.lines()
            .next()
            .expect("a heading")
            .ends_with("morning.json → afternoon.json"),
        "{out}"
    );
    assert!(out.contains("## Changed notes"), "{out}");
}

/// JUNE, saved in `dir` as `name` with `change` made to its JSON.
fn june_changed(dir: &std::path::Path, name: &str, change: impl Fn(&mut Value)) -> String {
    let mut june: Value =
        serde_json::from_str(&std::fs::read_to_string(JUNE).expect("fixture")).expect("JSON");
    change(&mut june);
    let path = dir.join(name);
    std::fs::write(&path, june.to_string()).expect("write");
    path.display().to_string()
}

fn diff_run(old: &str, new: &str) -> crate::support::Run {
    command(&["diff", old, new, "--frameworks", FRAMEWORKS]).run()
}

#[test]
fn two_people_or_two_raters_are_refused_naming_both() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pat = june_changed(dir.path(), "pat.json", |a| {
        a["subject"] = "Pat Ng".into();
    });
    let out = diff_run(MARCH, &pat);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains(&format!(
            "of 2 people: \"Sam Example\" ({MARCH}), \"Pat Ng\" ({pat})"
        )),
        "{}",
        out.stderr
    );

    let by_lee = june_changed(dir.path(), "by-lee.json", |a| {
        a["rater"] = serde_json::json!({ "name": "Kim Lee", "relation": "manager" });
    });
    let out = diff_run(MARCH, &by_lee);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!(
            "of 2 raters: self ({MARCH}), \"Kim Lee\" (manager) ({by_lee})"
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn names_differing_only_in_spaces_are_one_person() {
    let dir = tempfile::tempdir().expect("temp dir");
    let spaced = june_changed(dir.path(), "spaced.json", |a| {
        a["subject"] = " Sam   Example ".into();
    });
    let out = diff_run(MARCH, &spaced);
    assert_eq!(out.code, 0, "{}", out.stderr);
}
