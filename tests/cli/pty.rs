//! `rungs assess` at a real (pseudo-)terminal: keys in, screens and files out.
//!
//! Every step waits for the text of the screen it expects before typing, with a generous
//! timeout, so the tests hold on a slow, busy machine.

use std::path::{Path, PathBuf};
use std::process::Command;

use rexpect::process::{Signal, WaitStatus};
use rexpect::session::{spawn_command, PtySession};
use rungs::assessment::{Rating, RatingValue};
use rungs::assessment::{Ratings, TargetRequest};
use rungs::framework::Framework;
use rungs::render::{self, Style};
use rungs::report::Report;

use crate::support::assess_with_answers;

/// Kill the walk with SIGKILL, as a crash or a power cut would, and see it die of it.
fn kill_hard(session: &mut PtySession) {
    session
        .process_mut()
        .signal(Signal::SIGKILL)
        .expect("send SIGKILL");
    match session.process_mut().wait() {
        Ok(WaitStatus::Signaled(_, Signal::SIGKILL, _)) => {}
        other => panic!("expected death by SIGKILL, got {other:?}"),
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The framework walked: the shipped `networking` framework (24 indicators over four levels,
/// after a first level with none), named by its id as a person would.
fn framework() -> (String, Framework) {
    let catalog = rungs::catalog::Catalog::builtin();
    let entry = catalog.get("networking").expect("networking is built in");
    (entry.framework.id.clone(), (*entry.framework).clone())
}

const WAIT_MS: u64 = 60_000;

/// The end of the review screen's prompt, in plain ASCII as rexpect matches it byte by byte.
const REVIEW: &str = "a number to jump to an indicator";

fn spawn(home: &Path, args: &[&str]) -> PtySession {
    spawn_waiting(home, args, WAIT_MS)
}

/// Like [`spawn`], waiting at most `wait_ms` for each expected text.
fn spawn_waiting(home: &Path, args: &[&str], wait_ms: u64) -> PtySession {
    spawn_sized(home, args, wait_ms, 100)
}

/// Like [`spawn_waiting`], on a terminal `columns` wide.
fn spawn_sized(home: &Path, args: &[&str], wait_ms: u64, columns: u16) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rungs"));
    command
        .args(args)
        .current_dir(home)
        .env("HOME", home.join("home"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", columns.to_string())
        .env("LINES", "24")
        .env("TERM", "xterm")
        .env_remove("RUNGS_FRAMEWORKS");
    spawn_command(command, Some(wait_ms)).expect("rungs starts in a pseudo-terminal")
}

/// Wait for `text` and return what came before it (rexpect hands bytes over one per char).
fn wait_for(session: &mut PtySession, text: &str) -> String {
    match session.exp_string(text) {
        Ok(before) => utf8(&before),
        Err(e) => panic!("waited for {text:?}: {e}"),
    }
}

fn utf8(bytes_as_chars: &str) -> String {
    let bytes: Vec<u8> = bytes_as_chars.chars().map(|c| c as u8).collect();
    String::from_utf8_lossy(&bytes).replace("\r\n", "\n")
}

fn press(session: &mut PtySession, keys: &str) {
    session.send(keys).expect("send keys");
    session.flush().expect("flush keys");
}

/// Wait for the screen of indicator `number` of `total`, then its prompt.
fn at_indicator(session: &mut PtySession, number: usize, total: usize) {
    wait_for(session, &format!("[{number}/{total}]"));
    wait_for(session, render::walk::PROMPT);
}

fn exit_code(session: &mut PtySession) -> i32 {
    match session.process_mut().wait() {
        Ok(WaitStatus::Exited(_, code)) => code,
        other => panic!("rungs did not exit normally: {other:?}"),
    }
}

fn saved(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("the assessment file exists");
    serde_json::from_str(&text).expect("the assessment file is complete JSON")
}

fn scale(value: u32) -> serde_json::Value {
    serde_json::json!({ "value": value })
}

/// The single keys rated in order: a mix around the demonstrated mark.
fn key_for(position: usize) -> u32 {
    [3, 4, 2, 4, 3, 1, 4, 3][position % 8]
}

#[test]
fn a_whole_walk_with_back_na_note_quit_and_resume() {
    let (path, framework) = framework();
    let ids: Vec<String> = framework
        .indicators()
        .map(|(_, _, i)| i.id.clone())
        .collect();
    let total = ids.len();
    assert!(total >= 6, "the walk needs a few indicators");
    let home = tempfile::tempdir().expect("temporary folder");
    let file = home.path().join("walk.json");
    let file_arg = file.display().to_string();
    let mut expected = serde_json::Map::new();

    let mut session = spawn(home.path(), &["assess", &path, "--out", &file_arg]);
    let opening = wait_for(&mut session, "Press Enter to begin");
    assert!(opening.contains(&framework.name), "{opening}");
    assert!(
        opening.contains(&format!("{total} indicators")),
        "{opening}"
    );
    assert!(opening.contains("0 or n  not applicable"), "{opening}");
    press(&mut session, "\r");

    // 1 and 2 with single keys.
    at_indicator(&mut session, 1, total);
    press(&mut session, "3");
    expected.insert(ids[0].clone(), scale(3));
    at_indicator(&mut session, 2, total);
    press(&mut session, "4");
    // Back to 2, which shows its rating, and change it.
    at_indicator(&mut session, 3, total);
    press(&mut session, "\x7f");
    wait_for(&mut session, &format!("[2/{total}]"));
    let revisit = wait_for(&mut session, render::walk::PROMPT);
    assert!(
        revisit.contains("Rated 4 "),
        "the rating given shows: {revisit}"
    );
    press(&mut session, "3");
    expected.insert(ids[1].clone(), scale(3));
    // 3 is not applicable.
    at_indicator(&mut session, 3, total);
    press(&mut session, "n");
    expected.insert(ids[2].clone(), serde_json::json!({ "value": "na" }));
    // 4 gets a note, then its rating.
    at_indicator(&mut session, 4, total);
    press(&mut session, "e");
    wait_for(&mut session, &format!("Evidence note for {}", ids[3]));
    press(&mut session, "ran the partner day\r");
    wait_for(&mut session, "Note saved");
    wait_for(&mut session, render::walk::PROMPT);
    press(&mut session, "4");
    expected.insert(
        ids[3].clone(),
        serde_json::json!({ "value": 4, "note": "ran the partner day" }),
    );
    // Quit in the middle.
    let stop = total / 2 + 1;
    for (position, id) in ids.iter().enumerate().take(stop - 1).skip(4) {
        at_indicator(&mut session, position + 1, total);
        let value = key_for(position);
        press(&mut session, &value.to_string());
        expected.insert(id.clone(), scale(value));
    }
    at_indicator(&mut session, stop, total);
    press(&mut session, "q");
    let bye = wait_for(&mut session, "Continue with: rungs assess --resume");
    assert!(
        bye.contains(&format!("Saved {} of {total} answers", stop - 1)),
        "{bye}"
    );
    session.exp_eof().expect("rungs ends after q");
    assert_eq!(exit_code(&mut session), 0);

    let halfway = saved(&file);
    assert_eq!(
        halfway["ratings"],
        serde_json::Value::Object(expected.clone())
    );
    assert!(halfway["completed_at"].is_null());

    // Resume: it starts at the first unrated indicator and goes to the end.
    let mut session = spawn(home.path(), &["assess", "--resume", &file_arg]);
    wait_for(
        &mut session,
        &format!("Resuming: {} of {total} already answered", stop - 1),
    );
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    for (position, id) in ids.iter().enumerate().skip(stop - 1) {
        at_indicator(&mut session, position + 1, total);
        let value = key_for(position);
        press(&mut session, &value.to_string());
        expected.insert(id.clone(), scale(value));
    }
    // The last answer opens the review: the profile, then Enter finishes.
    let review = wait_for(&mut session, REVIEW);
    assert!(
        review.contains(&format!("Review: all {total} indicators answered")),
        "{review}"
    );
    assert!(review.contains("Level profile"), "{review}");
    press(&mut session, "\r");
    wait_for(&mut session, "Level profile");
    let rest = session.exp_eof().expect("rungs ends after the review");
    assert_eq!(exit_code(&mut session), 0);
    let printed = format!("Level profile{}", utf8(&rest));

    let done = saved(&file);
    assert_eq!(done["ratings"], serde_json::Value::Object(expected.clone()));
    assert!(done["completed_at"].is_string(), "the walk is complete");
    assert_eq!(done["framework"]["id"], framework.id.as_str());

    // The profile printed is the profile of exactly these answers.
    let ratings: Ratings = expected
        .iter()
        .map(|(id, rating)| {
            let value = match &rating["value"] {
                serde_json::Value::String(_) => RatingValue::NotApplicable,
                v => RatingValue::Scale(v.as_u64().expect("a number") as u32),
            };
            (id.clone(), Rating { value, note: None })
        })
        .collect();
    let report = Report::from_ratings(&framework, &ratings, &TargetRequest::default())
        .expect("no target asked for");
    let table = render::report::table::profile_and_gaps(
        &report,
        Style {
            width: 100,
            color: false,
            ..Style::default()
        },
    );
    assert!(
        printed.starts_with(&table),
        "printed:\n{printed}\nexpected:\n{table}"
    );
    assert!(
        printed.contains(&format!("Saved to {file_arg}")),
        "{printed}"
    );
    insta::assert_snapshot!("walk_profile", table);
}

#[test]
fn sigkill_in_the_middle_keeps_every_answer_given() {
    let (path, framework) = framework();
    let ids: Vec<String> = framework
        .indicators()
        .map(|(_, _, i)| i.id.clone())
        .collect();
    let total = ids.len();
    let home = tempfile::tempdir().expect("temporary folder");
    let mut session = spawn(home.path(), &["assess", &path]);
    let opening = wait_for(&mut session, "Press Enter to begin");
    let default_file = default_file(&opening, home.path());
    press(&mut session, "\r");
    let answered = total / 2;
    for position in 0..answered {
        at_indicator(&mut session, position + 1, total);
        press(&mut session, &key_for(position).to_string());
    }
    // The next screen is drawn only after the last answer was saved.
    at_indicator(&mut session, answered + 1, total);
    kill_hard(&mut session);

    let file = saved(&default_file);
    let ratings = file["ratings"].as_object().expect("ratings");
    assert_eq!(ratings.len(), answered);
    for (position, id) in ids.iter().enumerate().take(answered) {
        assert_eq!(ratings[id], scale(key_for(position)), "{id}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(default_file.parent().expect("a folder"))
        .expect("the folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
}

#[test]
fn ctrl_c_saves_and_says_how_to_continue() {
    let (path, framework) = framework();
    let total = framework.indicator_count();
    let home = tempfile::tempdir().expect("temporary folder");
    let file = home.path().join("c.json");
    let file_arg = file.display().to_string();
    let mut session = spawn(home.path(), &["assess", &path, "--out", &file_arg]);
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    at_indicator(&mut session, 1, total);
    press(&mut session, "4");
    at_indicator(&mut session, 2, total);
    session.send_control('c').expect("send Ctrl-C");
    wait_for(&mut session, "Saved 1 of");
    wait_for(&mut session, &format!("rungs assess --resume {file_arg}"));
    session.exp_eof().expect("rungs ends after Ctrl-C");
    assert_eq!(exit_code(&mut session), 0);
    assert_eq!(
        saved(&file)["ratings"].as_object().map(|r| r.len()),
        Some(1)
    );
}

#[test]
fn ctrl_c_while_typing_a_note_cancels_the_note_and_keeps_the_walk() {
    let (path, framework) = framework();
    let total = framework.indicator_count();
    let home = tempfile::tempdir().expect("temporary folder");
    let file = home.path().join("n.json");
    let file_arg = file.display().to_string();
    // Short waits: a Ctrl-C that lands while the prompt is between two key reads is taken by
    // the terminal, not the prompt, and is sent again, as a person would press it again.
    let mut session = spawn_waiting(home.path(), &["assess", &path, "--out", &file_arg], 10_000);
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    at_indicator(&mut session, 1, total);
    press(&mut session, "4");
    at_indicator(&mut session, 2, total);
    press(&mut session, "e");
    wait_for(&mut session, "Evidence note for");
    press(&mut session, "half a no");
    wait_for(&mut session, "half a no");
    let mut back = false;
    for _ in 0..5 {
        session.send_control('c').expect("send Ctrl-C");
        if session.exp_string(&format!("[2/{total}]")).is_ok() {
            back = true;
            break;
        }
    }
    assert!(
        back,
        "Ctrl-C in the note prompt did not return to the indicator"
    );
    wait_for(&mut session, render::walk::PROMPT);
    press(&mut session, "3");
    at_indicator(&mut session, 3, total);
    press(&mut session, "q");
    session.exp_eof().expect("rungs ends after q");
    assert_eq!(exit_code(&mut session), 0);
    let ratings = saved(&file)["ratings"].clone();
    let ratings = ratings.as_object().expect("ratings");
    assert_eq!(ratings.len(), 2, "{ratings:?}");
    assert!(
        ratings.values().all(|r| r.get("note").is_none()),
        "the cancelled note is not saved: {ratings:?}"
    );
}

#[test]
fn adaptive_skips_levels_out_of_reach() {
    let (path, framework) = framework();
    let home = tempfile::tempdir().expect("temporary folder");
    let file = home.path().join("a.json");
    let file_arg = file.display().to_string();
    let mut session = spawn(
        home.path(),
        &["assess", &path, "--out", &file_arg, "--adaptive"],
    );
    wait_for(&mut session, "Adaptive:");
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    // Rating every indicator 1 puts each competency's first level out of reach: only that
    // level is asked (or, after empty levels, the first one with indicators).
    let expected: usize = framework
        .competencies
        .iter()
        .map(|c| {
            let mut count = 0;
            for level in &c.levels {
                count += level.indicators.len();
                if !level.indicators.is_empty() {
                    break;
                }
            }
            count
        })
        .sum();
    let mut asked = 0;
    loop {
        match session.exp_any(vec![
            rexpect::ReadUntil::String(render::walk::PROMPT.into()),
            rexpect::ReadUntil::String(REVIEW.into()),
        ]) {
            Ok((review, found)) if found == REVIEW => {
                assert!(
                    utf8(&review).contains("not asked: their level is out of reach"),
                    "the review warns of what was skipped: {}",
                    utf8(&review)
                );
                press(&mut session, "\r");
                // The levels skipped stay unanswered, and the profile says how many.
                wait_for(
                    &mut session,
                    &format!(
                        "in progress: {expected} of {} answered",
                        framework.indicator_count()
                    ),
                );
                wait_for(&mut session, "Level profile");
                break;
            }
            Ok(_) => {
                asked += 1;
                press(&mut session, "1");
            }
            Err(e) => panic!("waiting for the next screen after {asked} answers: {e}"),
        }
    }
    let rest = utf8(&session.exp_eof().expect("rungs ends"));
    assert_eq!(exit_code(&mut session), 0);
    assert_eq!(asked, expected);
    assert!(asked < framework.indicator_count());
    assert!(
        rest.contains("not asked: their level was out of reach"),
        "{rest}"
    );
    let ratings = saved(&file)["ratings"].as_object().map(|r| r.len());
    assert_eq!(ratings, Some(asked));
}

/// The file named on the opening screen ("Every answer is saved at once to PATH").
fn default_file(opening: &str, home: &Path) -> PathBuf {
    let text = opening.replace("\r\n", " ").replace('\n', " ");
    let start = text
        .find("saved at once to ")
        .map(|i| i + "saved at once to ".len())
        .expect("the opening names the file");
    let path = PathBuf::from(text[start..].split_whitespace().next().expect("a path"));
    assert!(
        path.starts_with(home.join("data/rungs/assessments")),
        "{}",
        path.display()
    );
    path
}

#[test]
fn resume_after_the_framework_changed_continues_by_indicator_id() {
    let home = tempfile::tempdir().expect("temporary folder");
    let framework_file = home.path().join("team.yaml");
    let original = std::fs::read_to_string(root().join("tests/fixtures/assess/teamwork.yaml"))
        .expect("fixture framework");
    std::fs::write(&framework_file, &original).expect("copy the framework");
    let file = home.path().join("saved.json");
    let file_arg = file.display().to_string();
    assess_with_answers(
        home.path(),
        &framework_file.display().to_string(),
        "lis-1: 3\nlis-2: 4\nlis-4: 3\nlis-5: 2\n",
        &["--out", &file_arg],
    );
    let old_digest = saved(&file)["framework"]["digest"].clone();

    // lis-5 is renamed lis-6: the answer to lis-5 is dropped, lis-6 is named as added; lis-3 was
    // skipped, so it comes first.
    let changed = original.replace("id: lis-5", "id: lis-6");
    std::fs::write(&framework_file, changed).expect("change the framework");
    let mut session = spawn(home.path(), &["assess", "--resume", &file_arg]);
    let before = wait_for(&mut session, "Press Enter to begin");
    assert!(
        before.contains("has changed since this assessment was made"),
        "{before}"
    );
    assert!(
        before.contains("no longer in the framework: lis-5"),
        "{before}"
    );
    assert!(
        before.contains("added to the framework since this assessment was taken: lis-6"),
        "{before}"
    );
    press(&mut session, "\r");
    wait_for(&mut session, "(lis-3)");
    wait_for(&mut session, render::walk::PROMPT);
    press(&mut session, "4");
    wait_for(&mut session, "(lis-6)");
    wait_for(&mut session, render::walk::PROMPT);
    press(&mut session, "q");
    session.exp_eof().expect("rungs ends after q");
    assert_eq!(exit_code(&mut session), 0);

    let value = saved(&file);
    assert_eq!(
        value["ratings"],
        serde_json::json!({
            "lis-1": { "value": 3 },
            "lis-2": { "value": 4 },
            "lis-3": { "value": 4 },
            "lis-4": { "value": 3 },
        })
    );
    assert_ne!(
        value["framework"]["digest"], old_digest,
        "the file records the new framework"
    );
}

/// A small framework of one competency, three indicators, written to `home`.
fn three_indicators(home: &Path) -> String {
    let path = home.join("three.yaml");
    std::fs::write(
        &path,
        "id: three\nname: Three\nversion: \"1\"\nlevels: [{ id: one, name: One }]\n\
         competencies:\n  - id: craft\n    name: Craft\n    levels:\n      - level: one\n        \
         indicators: [{ id: t1, text: First }, { id: t2, text: Second }, { id: t3, text: Third }]\n",
    )
    .expect("write the framework");
    path.display().to_string()
}

#[test]
fn a_note_on_an_unrated_indicator_survives_q_and_joins_the_rating_on_resume() {
    for columns in [50, 100] {
        let home = tempfile::tempdir().expect("temporary folder");
        let framework = three_indicators(home.path());
        let file = home.path().join("n.json");
        let file_arg = file.display().to_string();
        let args = ["assess", framework.as_str(), "--out", &file_arg];
        let mut session = spawn_sized(home.path(), &args, WAIT_MS, columns);
        wait_for(&mut session, "Press Enter to begin");
        press(&mut session, "\r");
        at_indicator(&mut session, 1, 3);
        press(&mut session, "e");
        wait_for(&mut session, "Evidence note for t1");
        press(&mut session, "ran the partner day\r");
        wait_for(&mut session, "Note saved");
        wait_for(&mut session, render::walk::PROMPT);
        press(&mut session, "q");
        let bye = wait_for(&mut session, "Continue with");
        assert!(bye.contains("Saved 0 of 3 answers"), "{bye}");
        session.exp_eof().expect("rungs ends after q");
        assert_eq!(exit_code(&mut session), 0);
        let value = saved(&file);
        assert_eq!(
            value["notes"],
            serde_json::json!({ "t1": "ran the partner day" })
        );
        assert_eq!(value["ratings"], serde_json::json!({}));

        let mut session = spawn_sized(
            home.path(),
            &["assess", "--resume", &file_arg],
            WAIT_MS,
            columns,
        );
        wait_for(&mut session, "Press Enter to begin");
        press(&mut session, "\r");
        wait_for(&mut session, "[1/3]");
        let shown = wait_for(&mut session, render::walk::PROMPT);
        assert!(shown.contains("Note: ran the partner day"), "{shown}");
        press(&mut session, "3");
        at_indicator(&mut session, 2, 3);
        press(&mut session, "q");
        session.exp_eof().expect("rungs ends after q");
        let value = saved(&file);
        assert_eq!(
            value["ratings"],
            serde_json::json!({ "t1": { "value": 3, "note": "ran the partner day" } })
        );
        assert!(
            value.get("notes").is_none(),
            "the note moved into the rating: {value}"
        );
    }
}

#[test]
fn the_review_goes_back_jumps_and_a_complete_assessment_reopens_for_changes() {
    for columns in [50, 100] {
        let home = tempfile::tempdir().expect("temporary folder");
        let framework = three_indicators(home.path());
        let file = home.path().join("r.json");
        let file_arg = file.display().to_string();
        let args = ["assess", framework.as_str(), "--out", &file_arg];
        let mut session = spawn_sized(home.path(), &args, WAIT_MS, columns);
        wait_for(&mut session, "Press Enter to begin");
        press(&mut session, "\r");
        for (number, key) in [(1, "3"), (2, "4"), (3, "n")] {
            at_indicator(&mut session, number, 3);
            press(&mut session, key);
        }
        let review = wait_for(&mut session, REVIEW);
        assert!(review.contains("1 not applicable"), "{review}");
        assert!(review.contains("Level profile"), "{review}");
        assert!(
            saved(&file)["completed_at"].is_string(),
            "saved as complete before Enter"
        );
        // Back: the last indicator, with its answer shown.
        press(&mut session, "\x1b[D");
        at_indicator(&mut session, 3, 3);
        press(&mut session, "2");
        wait_for(&mut session, REVIEW);
        // A number jumps there; the new answer returns to the review.
        press(&mut session, "1");
        let before = wait_for(&mut session, render::walk::PROMPT);
        assert!(
            before.contains("[1/3]") && before.contains("Rated 3"),
            "{before}"
        );
        press(&mut session, "1");
        wait_for(&mut session, REVIEW);
        press(&mut session, "\r");
        wait_for(&mut session, "Level profile");
        session
            .exp_eof()
            .expect("rungs ends after Enter on the review");
        assert_eq!(exit_code(&mut session), 0);
        assert_eq!(
            saved(&file)["ratings"],
            serde_json::json!({ "t1": { "value": 1 }, "t2": { "value": 4 }, "t3": { "value": 2 } })
        );

        // --resume of the complete file opens it for changes.
        let mut session = spawn_sized(
            home.path(),
            &["assess", "--resume", &file_arg],
            WAIT_MS,
            columns,
        );
        wait_for(&mut session, "Resuming: all 3 indicators answered");
        wait_for(&mut session, "Press Enter to review");
        press(&mut session, "\r");
        wait_for(&mut session, REVIEW);
        press(&mut session, "2");
        at_indicator(&mut session, 2, 3);
        press(&mut session, "3");
        wait_for(&mut session, REVIEW);
        press(&mut session, "q");
        let bye = wait_for(&mut session, "Review or change it with");
        assert!(bye.contains("complete"), "{bye}");
        session.exp_eof().expect("rungs ends after q");
        assert_eq!(
            saved(&file)["ratings"]["t2"],
            serde_json::json!({ "value": 3 })
        );
    }
}

#[test]
fn rating_someone_else_says_whose_behaviour_on_every_screen() {
    let (path, framework) = framework();
    let total = framework.indicator_count();
    let home = tempfile::tempdir().expect("temporary folder");
    let file = home.path().join("alex-by-sam.json");
    let file_arg = file.display().to_string();
    let mut session = spawn(
        home.path(),
        &[
            "assess",
            &path,
            "--subject",
            "Alex Rivera",
            "--rater",
            "Sam Lee",
            "--relation",
            "manager",
            "--out",
            &file_arg,
        ],
    );
    let opening = wait_for(&mut session, "Press Enter to begin");
    assert!(
        opening.contains("Whose behaviour: Alex Rivera, rated by Sam Lee (manager)"),
        "{opening}"
    );
    press(&mut session, "\r");
    let first = wait_for(&mut session, &format!("[1/{total}]"));
    assert!(
        first.contains("Alex Rivera, rated by Sam Lee (manager)"),
        "{first}"
    );
    wait_for(&mut session, "Your rating of Alex Rivera (");
    press(&mut session, "2");
    let second = wait_for(&mut session, &format!("[2/{total}]"));
    assert!(
        second.contains("Alex Rivera, rated by Sam Lee (manager)"),
        "{second}"
    );
    wait_for(&mut session, "Your rating of Alex Rivera (");
    press(&mut session, "q");
    session.exp_eof().expect("rungs ends after q");
    assert_eq!(exit_code(&mut session), 0);

    let value = saved(&file);
    assert_eq!(value["subject"], "Alex Rivera");
    assert_eq!(
        value["rater"],
        serde_json::json!({ "name": "Sam Lee", "relation": "manager" })
    );
    assert_eq!(value["ratings"].as_object().map(|r| r.len()), Some(1));
}

#[test]
fn notes_and_names_from_the_file_are_shown_not_obeyed() {
    let home = tempfile::tempdir().expect("temporary folder");
    let (id, framework) = framework();
    let first = framework
        .indicators()
        .next()
        .map(|(_, _, i)| i.id.clone())
        .expect("an indicator");
    let file = home.path().join("saved.json");
    assess_with_answers(
        home.path(),
        &id,
        &format!("{first}: {{ value: 3, note: \"ran it \\e]0;pwned\\a\\x9b2J \\u202Edone\" }}\n"),
        &["--out", &file.display().to_string()],
    );
    let mut value = saved(&file);
    value["subject"] = serde_json::json!("Sam\u{1b}]0;title\u{7}");
    value["rater"] = serde_json::json!({ "name": "Lee\u{1b}[8m", "relation": "manager" });
    std::fs::write(&file, value.to_string()).expect("edit the file");

    let file_arg = file.display().to_string();
    let mut session = spawn(home.path(), &["assess", "--resume", &file_arg]);
    let opening = wait_for(&mut session, "Press Enter to begin");
    assert!(
        opening.contains("Sam\\u{1b}]0;title\\u{7}, rated by Lee\\u{1b}[8m (manager)"),
        "{opening}"
    );
    press(&mut session, "\r");
    wait_for(&mut session, render::walk::PROMPT);
    press(&mut session, "\x1b[D");
    let screen = wait_for(&mut session, "done");
    assert!(
        screen.contains("Note: ran it \\u{1b}]0;pwned\\u{7}\\u{9b}2J \\u{202e}"),
        "{screen}"
    );
    for raw in ["\u{1b}]0;", "\u{1b}[8m", "\u{9b}", "\u{202e}"] {
        assert!(
            !opening.contains(raw) && !screen.contains(raw),
            "{raw:?} reached the terminal"
        );
    }
    press(&mut session, "q");
    assert_eq!(exit_code(&mut session), 0);
}

#[test]
fn the_walk_on_a_track_names_it_and_asks_only_its_levels() {
    let home = tempfile::tempdir().expect("a temporary folder");
    let framework = root().join("tests/fixtures/frameworks/engineering-ladder.yaml");
    let out = home.path().join("manager.json");
    let mut session = spawn(
        home.path(),
        &[
            "assess",
            framework.to_str().expect("utf-8 path"),
            "--track",
            "manager",
            "--out",
            out.to_str().expect("utf-8 path"),
        ],
    );
    wait_for(&mut session, "Track: People manager");
    // 3 + 4 + 5 indicators on the manager track; the 5 of staff and principal are not asked.
    let opening = wait_for(&mut session, "to rate");
    let flat = opening.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("also Individual contributor (ic) (rate on it with --track ID)"),
        "the walk says the other track exists and how to pick it: {opening}"
    );
    assert!(opening.contains("12 indicators"), "{opening}");
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    at_indicator(&mut session, 1, 12);
    press(&mut session, "4");
    at_indicator(&mut session, 2, 12);
    press(&mut session, "q");
    assert_eq!(exit_code(&mut session), 0);
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("saved")).expect("JSON");
    assert_eq!(saved["track"], "manager");
}

#[test]
fn the_review_names_ratings_worth_a_second_look_and_offers_the_explanation() {
    let home = tempfile::tempdir().expect("temporary folder");
    let framework = root().join("tests/fixtures/second-look/habits.yaml");
    let file = home.path().join("r.json");
    let file_arg = file.display().to_string();
    let args = [
        "assess",
        framework.to_str().expect("path"),
        "--out",
        &file_arg,
    ];
    let mut session = spawn(home.path(), &args);
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    let keys = ["1", "2", "3", "3", "4", "3", "2", "2", "2", "2", "2"];
    for (number, key) in keys.iter().enumerate() {
        at_indicator(&mut session, number + 1, keys.len());
        press(&mut session, key);
    }
    let review = wait_for(&mut session, REVIEW);
    assert!(
        review.contains(&format!(
            "Why these levels: rungs report {file_arg} --explain"
        )),
        "{review}"
    );
    let flat = review.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("warning: Listening: Leading is rated demonstrated (l5, l6) while most of the lower Starting is not"),
        "{review}"
    );
    assert!(
        flat.contains("warning: Writing: all 5 indicators are rated 2"),
        "{review}"
    );
    press(&mut session, "\r");
    let after = wait_for(&mut session, "--explain");
    assert!(after.contains("Level profile"), "{after}");
    session
        .exp_eof()
        .expect("rungs ends after Enter on the review");
    assert_eq!(exit_code(&mut session), 0);
}

#[test]
fn resume_by_framework_id_continues_its_latest_assessment() {
    for columns in [50, 100] {
        let home = tempfile::tempdir().expect("temporary folder");
        let framework = three_indicators(home.path());
        assess_with_answers(home.path(), &framework, "t1: 3\n", &[]);
        let folder = home.path().join("data/rungs/assessments");
        let file = std::fs::read_dir(&folder)
            .expect("the assessments folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .next()
            .expect("one assessment saved");

        let mut session = spawn_sized(
            home.path(),
            &["assess", "--resume", "three"],
            WAIT_MS,
            columns,
        );
        wait_for(&mut session, "Resuming ");
        wait_for(&mut session, "Resuming: 1 of 3 already answered");
        wait_for(&mut session, "Press Enter to begin");
        press(&mut session, "\r");
        at_indicator(&mut session, 2, 3);
        press(&mut session, "4");
        at_indicator(&mut session, 3, 3);
        press(&mut session, "q");
        session.exp_eof().expect("rungs ends after q");
        assert_eq!(exit_code(&mut session), 0);
        assert_eq!(
            saved(&file)["ratings"],
            serde_json::json!({ "t1": { "value": 3 }, "t2": { "value": 4 } })
        );
    }
}

#[test]
fn the_walk_names_each_competencys_group() {
    let home = tempfile::tempdir().expect("a temporary folder");
    let framework = root().join("tests/fixtures/frameworks/engineering-ladder.yaml");
    let out = home.path().join("me.json");
    let mut session = spawn(
        home.path(),
        &[
            "assess",
            framework.to_str().expect("utf-8 path"),
            "--out",
            out.to_str().expect("utf-8 path"),
        ],
    );
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    // The breadcrumb: group, competency, level (the terminal reads `›` as bytes, so it is left out).
    wait_for(&mut session, "[1/13] Technical craft ");
    wait_for(&mut session, " System design ");
    wait_for(&mut session, " Junior engineer\r\n");
    wait_for(&mut session, render::walk::PROMPT);
    press(&mut session, "q");
    assert_eq!(exit_code(&mut session), 0);
}

/// The last screen drawn in `output`: what follows the last clear-screen, without styling.
fn last_screen(output: &str) -> String {
    let start = output.rfind("\x1b[2J").map_or(0, |i| i + "\x1b[2J".len());
    console::strip_ansi_codes(&output[start..])
        .replace("\x1b[H", "")
        .trim_start_matches('\r')
        .to_string()
}

/// No line wider than the terminal (so the terminal never breaks one mid-word), and no line the
/// layout wrapped starts with a space.
fn assert_fits(screen: &str, columns: u16) {
    let columns = usize::from(columns);
    for line in screen.lines() {
        assert!(
            console::measure_text_width(line) <= columns,
            "wider than {columns} columns: {line:?}\n{screen}"
        );
        assert!(
            line.starts_with("  ")
                || !line.starts_with(' ')
                || line.trim_start().starts_with(char::is_numeric),
            "a wrapped line starts with a space: {line:?}\n{screen}"
        );
    }
}

#[test]
fn the_walk_fits_small_terminals_and_drops_stale_messages() {
    for columns in [50, 100] {
        let home = tempfile::tempdir().expect("temporary folder");
        let file = home.path().join("s.json");
        let file_arg = file.display().to_string();
        let mut session = spawn_sized(
            home.path(),
            &["assess", "building-relationships", "--out", &file_arg],
            WAIT_MS,
            columns,
        );
        // Nothing names the person: the opening asks whose assessment it is, and still fits,
        // with the row for the name below it.
        let opening = last_screen(&wait_for(&mut session, "Press Enter to begin."));
        assert!(
            opening.lines().count() + 1 < 24,
            "the opening fits 24 rows at {columns} columns:\n{opening}"
        );
        assert_fits(&opening, columns);
        assert!(opening.contains("not applicable"), "{opening}");
        assert!(opening.contains("Whose assessment is this?"), "{opening}");
        press(&mut session, "\r");
        wait_for(&mut session, "[1/33]");
        let first = last_screen(&format!(
            "\x1b[2J[1/33]{}",
            wait_for(&mut session, "q quit):")
        ));
        assert_fits(&first, columns);
        assert!(!first.contains("n/a"), "not applicable, in words: {first}");
        press(&mut session, "9");
        wait_for(&mut session, "9 is not on the scale");
        wait_for(&mut session, "q quit):");
        press(&mut session, "3");
        let above = wait_for(&mut session, "[2/33]");
        let second = wait_for(&mut session, "q quit):");
        assert!(
            !above.contains("not on the scale") && !second.contains("not on the scale"),
            "stale: {second}"
        );
        assert!(
            last_screen(&above).contains("✓ rel-est-1 3 Often"),
            "{above}"
        );
        // Back: the answer is shown as the rating, the ✓ of the move before is gone.
        press(&mut session, "\x1b[D");
        let above = wait_for(&mut session, "[1/33]");
        let back = wait_for(&mut session, "q quit):");
        assert!(back.contains("Rated 3 Often"), "{back}");
        assert!(
            !last_screen(&above).contains('✓'),
            "a ✓ of another move: {above}"
        );
        press(&mut session, "q");
        session.exp_eof().expect("rungs ends after q");
    }
}

#[test]
fn from_a_previous_assessment_enter_keeps_a_digit_changes_and_the_changes_are_shown() {
    let home = tempfile::tempdir().expect("temporary folder");
    let framework = three_indicators(home.path());
    let previous = home.path().join("spring.json");
    assess_with_answers(
        home.path(),
        &framework,
        "t1: { value: 3, note: \"led the spring retro\" }\nt2: 2\nt3: 4\n",
        &["--out", &previous.display().to_string()],
    );
    let before = std::fs::read(&previous).expect("saved");

    let file = home.path().join("autumn.json");
    let (previous_arg, file_arg) = (previous.display().to_string(), file.display().to_string());
    let args = [
        "assess",
        &framework,
        "--from",
        &previous_arg,
        "--out",
        &file_arg,
    ];
    let mut session = spawn(home.path(), &args);
    let opening = wait_for(&mut session, "Press Enter to begin");
    assert!(
        opening.contains("Starting from your previous answers"),
        "{opening}"
    );
    press(&mut session, "\r");
    let first = wait_for(&mut session, render::walk::PROMPT);
    assert!(first.contains("[1/3]"), "{first}");
    assert!(first.contains("Note: led the spring retro"), "{first}");
    press(&mut session, "\r"); // keep t1 as 3
    let second = wait_for(&mut session, render::walk::PROMPT);
    assert!(second.contains("[2/3]"), "{second}");
    press(&mut session, "4"); // t2: 2 -> 4
    at_indicator(&mut session, 3, 3);
    press(&mut session, "\r"); // keep t3 as 4
    wait_for(&mut session, REVIEW);
    press(&mut session, "\r");
    let rest = utf8(&session.exp_eof().expect("rungs ends"));
    assert_eq!(exit_code(&mut session), 0);
    assert!(rest.contains("Level profile"), "{rest}");
    let flat = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("t2"), "the change is shown: {rest}");
    assert!(flat.contains("2 · Sometimes"), "{rest}");

    assert_eq!(
        std::fs::read(&previous).expect("kept"),
        before,
        "the previous file is untouched"
    );
    let new = saved(&file);
    assert_eq!(new["ratings"]["t1"]["value"], 3);
    assert_eq!(new["ratings"]["t1"]["note"], "led the spring retro");
    assert_eq!(new["ratings"]["t2"]["value"], 4);
    assert_eq!(new["ratings"]["t3"]["value"], 4);
    let origin = &new["from"];
    assert_eq!(
        origin["path"],
        previous
            .canonicalize()
            .expect("absolute")
            .display()
            .to_string()
    );
    assert_eq!(origin["started_at"], saved(&previous)["started_at"]);
    assert!(new["completed_at"].is_string());
}

#[test]
fn a_competency_on_its_own_scale_is_rated_with_its_labels_and_origins_are_shown() {
    let home = tempfile::tempdir().expect("temporary folder");
    let framework = root()
        .join("tests/fixtures/frameworks/own-scales.yaml")
        .display()
        .to_string();
    let file = home.path().join("own.json");
    let file_arg = file.display().to_string();
    let mut session = spawn(home.path(), &["assess", &framework, "--out", &file_arg]);
    let opening = wait_for(&mut session, "Press Enter to begin");
    assert!(
        opening.contains("Rated on a scale of its own, shown with its indicators: Knowing."),
        "{opening}"
    );
    press(&mut session, "\r");
    at_indicator(&mut session, 1, 4);
    press(&mut session, "4");
    wait_for(&mut session, "[2/4]");
    let second = wait_for(&mut session, render::walk::PROMPT);
    assert!(
        second.contains("From: Author, 2020, p. 5 (quoted)"),
        "{second}"
    );
    press(&mut session, "4");
    wait_for(&mut session, "[3/4]");
    let third = wait_for(&mut session, render::walk::PROMPT);
    assert!(
        third.contains("Its own scale: 0 Not yet · 1 Partly · 2 Can explain (2 or more counts as demonstrated)"),
        "{third}"
    );
    // 3 is on the framework's scale, not on knowing's; 0 is a rating there, not "na".
    press(&mut session, "3");
    let refused = wait_for(&mut session, render::walk::PROMPT);
    assert!(refused.contains("3 is not on the scale (0-2)"), "{refused}");
    press(&mut session, "0");
    let confirmed = wait_for(&mut session, "[4/4]");
    assert!(confirmed.contains("k1 0 Not yet"), "{confirmed}");
    wait_for(&mut session, render::walk::PROMPT);
    press(&mut session, "2");
    wait_for(&mut session, REVIEW);
    press(&mut session, "\r");
    session.exp_eof().expect("rungs ends after the review");
    assert_eq!(exit_code(&mut session), 0);
    let value = saved(&file);
    assert_eq!(value["ratings"]["k1"]["value"], 0);
    assert_eq!(value["ratings"]["k2"]["value"], 2);
    assert_eq!(value["ratings"]["d2"]["value"], 4);
}

/// Save answers to the first indicator of [`three_indicators`] in `file`, without a terminal.
fn first_answered(home: &Path, framework: &str, file: &Path) {
    assess_with_answers(
        home,
        framework,
        "t1: 3\n",
        &["--out", &file.display().to_string()],
    );
}

#[test]
fn resuming_through_a_link_saves_to_the_file_it_leads_to_and_keeps_the_link() {
    let home = tempfile::tempdir().expect("temporary folder");
    let framework = three_indicators(home.path());
    let real = home.path().join("real.json");
    first_answered(home.path(), &framework, &real);
    let link = home.path().join("link.json");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    let link_arg = link.display().to_string();
    let mut session = spawn(home.path(), &["assess", "--resume", &link_arg]);
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    at_indicator(&mut session, 2, 3);
    press(&mut session, "4");
    at_indicator(&mut session, 3, 3);
    press(&mut session, "q");
    session.exp_eof().expect("rungs ends after q");
    assert_eq!(exit_code(&mut session), 0);
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("the link")
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(
        saved(&real)["ratings"],
        serde_json::json!({ "t1": { "value": 3 }, "t2": { "value": 4 } })
    );
}

#[test]
fn from_enter_on_last_times_rating_is_saved_at_once_and_survives_sigkill() {
    let (path, framework) = framework();
    let ids: Vec<String> = framework
        .indicators()
        .map(|(_, _, i)| i.id.clone())
        .collect();
    let total = ids.len();
    let home = tempfile::tempdir().expect("temporary folder");
    // Last time: every indicator rated 3, saved in the assessments folder.
    let lines: String = ids.iter().map(|id| format!("{id}: 3\n")).collect();
    assess_with_answers(home.path(), &path, &lines, &[]);

    let file = home.path().join("autumn.json");
    let file_arg = file.display().to_string();
    // --from takes the framework id: the latest own self-assessment of it.
    let mut session = spawn(
        home.path(),
        &["assess", "--from", &path, "--out", &file_arg],
    );
    let opening = wait_for(&mut session, "Press Enter to begin");
    assert!(
        opening.contains("those you do not reach stay unanswered"),
        "{opening}"
    );
    press(&mut session, "\r");
    for number in 1..=3 {
        wait_for(&mut session, &format!("[{number}/{total}]"));
        let screen = wait_for(&mut session, render::walk::PROMPT);
        assert!(screen.contains("last time: 3 "), "{screen}");
        assert!(!screen.contains("Rated 3"), "{screen}");
        press(&mut session, "\r");
    }
    at_indicator(&mut session, 4, total);
    press(&mut session, "1");
    // The next screen is drawn only after the answer before it was saved.
    at_indicator(&mut session, 5, total);
    kill_hard(&mut session);
    let kept = saved(&file);
    let ratings = kept["ratings"].as_object().expect("ratings");
    assert_eq!(ratings.len(), 4, "only the answers given: {ratings:?}");
    for id in &ids[..3] {
        assert_eq!(ratings[id], scale(3), "{id} kept with Enter");
    }
    assert_eq!(ratings[&ids[3]], scale(1), "changed");
    assert!(kept["completed_at"].is_null(), "in progress: {kept}");

    // --resume continues at the first unanswered, still offering last time's rating.
    let mut session = spawn(home.path(), &["assess", "--resume", &file_arg]);
    let opening = wait_for(&mut session, "Press Enter to begin");
    assert!(
        opening.contains(&format!("4 of {total} already answered")),
        "{opening}"
    );
    press(&mut session, "\r");
    wait_for(&mut session, &format!("[5/{total}]"));
    let screen = wait_for(&mut session, render::walk::PROMPT);
    assert!(screen.contains("last time: 3 "), "{screen}");
    press(&mut session, "\r");
    at_indicator(&mut session, 6, total);
    press(&mut session, "q");
    let rest = utf8(&session.exp_eof().expect("rungs ends after q"));
    assert!(
        rest.contains(&format!("Saved 5 of {total} answers to")),
        "{rest}"
    );
    let kept = saved(&file);
    assert_eq!(kept["ratings"].as_object().expect("ratings").len(), 5);
    assert_eq!(kept["ratings"][&ids[4]], scale(3));
    assert!(kept["completed_at"].is_null());
}

#[test]
fn a_paste_is_note_text_in_the_note_editor_and_no_keys_at_the_rating_prompt() {
    let home = tempfile::tempdir().expect("temporary folder");
    let framework = three_indicators(home.path());
    let file = home.path().join("p.json");
    let file_arg = file.display().to_string();
    let mut session = spawn(home.path(), &["assess", &framework, "--out", &file_arg]);
    let opening = wait_for(&mut session, "Press Enter to begin");
    assert!(
        opening.contains("\x1b[?2004h"),
        "the walk turns bracketed paste on: {opening:?}"
    );
    press(&mut session, "\r");
    at_indicator(&mut session, 1, 3);
    // Pasted at the rating prompt: neither ratings nor a quit.
    press(&mut session, "\x1b[200~4\n4\nq\n\x1b[201~");
    press(&mut session, "e");
    wait_for(&mut session, "Evidence note for t1");
    // Pasted into the note: all of it is the note, on one line.
    press(
        &mut session,
        "seen: \x1b[200~pasted line one\n4\n4\n1\nq\x1b[201~\r",
    );
    wait_for(&mut session, "Note saved");
    wait_for(&mut session, render::walk::PROMPT);
    press(&mut session, "3");
    at_indicator(&mut session, 2, 3);
    press(&mut session, "q");
    let bye = wait_for(&mut session, "Continue with");
    assert!(bye.contains("Saved 1 of 3 answers"), "{bye}");
    session.exp_eof().expect("rungs ends after q");
    assert_eq!(exit_code(&mut session), 0);
    assert_eq!(
        saved(&file)["ratings"],
        serde_json::json!({ "t1": { "value": 3, "note": "seen: pasted line one 4 4 1 q" } })
    );
}

#[test]
fn a_second_rungs_on_a_file_a_walk_has_open_is_refused_and_nothing_is_lost() {
    let home = tempfile::tempdir().expect("temporary folder");
    let framework = three_indicators(home.path());
    let file = home.path().join("shared.json");
    first_answered(home.path(), &framework, &file);
    let file_arg = file.display().to_string();
    let mut session = spawn(home.path(), &["assess", "--resume", &file_arg]);
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    at_indicator(&mut session, 2, 3);
    press(&mut session, "4");
    at_indicator(&mut session, 3, 3);

    let other = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_rungs"))
            .args(args)
            .env("HOME", home.path())
            .env("NO_COLOR", "1")
            .output()
            .expect("rungs runs")
    };
    let answers = home.path().join("other.yaml");
    std::fs::write(&answers, "t1: 1\nt2: 1\nt3: 1\n").expect("answers");
    let answers_arg = answers.display().to_string();
    for args in [
        vec!["assess", "--resume", &file_arg],
        vec![
            "assess",
            &framework,
            "--answers",
            &answers_arg,
            "--out",
            &file_arg,
            "--force",
        ],
    ] {
        let refused = other(&args);
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert_eq!(refused.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(
            stderr,
            format!("error: {file_arg}: another rungs assess has this assessment open; finish or quit that walk first (nothing was changed)\n"),
            "{args:?}"
        );
    }

    press(&mut session, "2");
    wait_for(&mut session, REVIEW);
    press(&mut session, "q");
    session.exp_eof().expect("rungs ends after q");
    assert_eq!(
        saved(&file)["ratings"],
        serde_json::json!({ "t1": { "value": 3 }, "t2": { "value": 4 }, "t3": { "value": 2 } }),
        "every answer of the walk is kept"
    );
    // Once the walk is over, the file is free again.
    assess_with_answers(
        home.path(),
        &framework,
        "t1: 1\nt2: 1\nt3: 1\n",
        &["--out", &file_arg, "--force"],
    );
}

#[test]
fn ratings_of_indicators_gone_from_the_framework_are_set_aside_and_come_back_with_them() {
    let home = tempfile::tempdir().expect("temporary folder");
    let framework = three_indicators(home.path());
    let original = std::fs::read_to_string(&framework).expect("framework");
    let file = home.path().join("aside.json");
    let file_arg = file.display().to_string();
    first_answered(home.path(), &framework, &file);

    // t1 is renamed t9: its rating is set aside by the first save, and the walk says so.
    std::fs::write(&framework, original.replace("id: t1,", "id: t9,")).expect("rename t1");
    let mut session = spawn(home.path(), &["assess", "--resume", &file_arg]);
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    wait_for(&mut session, "(t9)");
    wait_for(&mut session, render::walk::PROMPT);
    press(&mut session, "2");
    at_indicator(&mut session, 2, 3);
    press(&mut session, "q");
    let bye = wait_for(
        &mut session,
        "comes back when its indicator does: t1 (no longer in the framework)",
    );
    assert!(bye.contains("Saved 1 of 3 answers"), "{bye}");
    assert!(
        bye.contains("1 rating or note that no longer fit the framework is kept under \"set_aside\", not counted"),
        "{bye}"
    );
    session.exp_eof().expect("rungs ends after q");
    let value = saved(&file);
    assert_eq!(
        value["ratings"],
        serde_json::json!({ "t9": { "value": 2 } })
    );
    assert_eq!(value["set_aside"]["t1"]["value"], 3, "{value}");
    assert_eq!(value["set_aside"]["t1"]["reason"], "not_in_framework");

    // report counts what the framework has, and nothing set aside.
    let report = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(["report", &file_arg, "--format", "json"])
        .env("HOME", home.path())
        .output()
        .expect("rungs runs");
    assert!(
        report.status.success(),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).expect("JSON");
    assert!(!json.to_string().contains("\"t1\""), "{json}");
    assert!(
        report.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );

    // t1 is back (and t9 gone): its rating returns, t9's goes aside.
    std::fs::write(&framework, &original).expect("t1 back");
    let mut session = spawn(home.path(), &["assess", "--resume", &file_arg]);
    let opening = wait_for(&mut session, "Press Enter to begin");
    assert!(opening.contains("counted again: t1"), "{opening}");
    press(&mut session, "\r");
    wait_for(&mut session, "(t2)");
    wait_for(&mut session, render::walk::PROMPT);
    press(&mut session, "4");
    at_indicator(&mut session, 3, 3);
    press(&mut session, "q");
    wait_for(&mut session, "t9 (no longer in the framework)");
    session.exp_eof().expect("rungs ends after q");
    let value = saved(&file);
    assert_eq!(
        value["ratings"],
        serde_json::json!({ "t1": { "value": 3 }, "t2": { "value": 4 } })
    );
    assert_eq!(
        value["set_aside"],
        serde_json::json!({ "t9": { "value": 2, "reason": "not_in_framework", "text": value["set_aside"]["t9"]["text"] } })
    );
    assert!(value["set_aside"]["t9"]["text"].is_string(), "{value}");
}

#[test]
fn a_walk_from_an_earlier_file_carries_what_it_set_aside_until_its_indicator_returns() {
    let home = tempfile::tempdir().expect("temporary folder");
    let framework = three_indicators(home.path());
    let original = std::fs::read_to_string(&framework).expect("framework");
    let first = home.path().join("first.json");
    first_answered(home.path(), &framework, &first);
    let file_of = |name: &str| home.path().join(name).display().to_string();

    // t1 is renamed t9: a walk from the first file sets its rating aside and keeps it.
    std::fs::write(&framework, original.replace("id: t1,", "id: t9,")).expect("rename t1");
    let walk_from = |from: &str, out: &str, key: &str| {
        let mut session = spawn(
            home.path(),
            &["assess", "--from", &file_of(from), "--out", &file_of(out)],
        );
        wait_for(&mut session, "Press Enter to begin");
        press(&mut session, "\r");
        wait_for(&mut session, "(t9)");
        wait_for(&mut session, render::walk::PROMPT);
        press(&mut session, key);
        at_indicator(&mut session, 2, 3);
        press(&mut session, "q");
        let bye = wait_for(
            &mut session,
            "comes back when its indicator does: t1 (no longer in the framework)",
        );
        session.exp_eof().expect("rungs ends after q");
        assert!(bye.contains("Saved 1 of 3 answers"), "{bye}");
        saved(&home.path().join(out))
    };
    let second = walk_from("first.json", "second.json", "2");
    assert_eq!(
        second["ratings"],
        serde_json::json!({ "t9": { "value": 2 } })
    );
    assert_eq!(second["set_aside"]["t1"]["value"], 3, "{second}");
    assert_eq!(second["set_aside"]["t1"]["reason"], "not_in_framework");
    assert!(second["set_aside"]["t1"]["text"].is_string(), "{second}");

    // A walk from the second file (Enter keeps last time's t9) carries its set_aside on.
    let third = walk_from("second.json", "third.json", "\r");
    assert_eq!(
        third["ratings"],
        serde_json::json!({ "t9": { "value": 2 } })
    );
    assert_eq!(third["set_aside"], second["set_aside"], "{third}");

    // t1 is back: resuming the latest file counts its rating again.
    std::fs::write(&framework, &original).expect("t1 back");
    let mut session = spawn(home.path(), &["assess", "--resume", &file_of("third.json")]);
    let opening = wait_for(&mut session, "Press Enter to begin");
    assert!(opening.contains("counted again: t1"), "{opening}");
    press(&mut session, "\r");
    wait_for(&mut session, "(t2)");
    wait_for(&mut session, render::walk::PROMPT);
    press(&mut session, "4");
    at_indicator(&mut session, 3, 3);
    press(&mut session, "q");
    session.exp_eof().expect("rungs ends after q");
    let resumed = saved(&home.path().join("third.json"));
    assert_eq!(
        resumed["ratings"]["t1"],
        serde_json::json!({ "value": 3 }),
        "{resumed}"
    );
    assert_eq!(resumed["set_aside"]["t9"]["value"], 2, "{resumed}");
}

#[test]
fn the_prompt_names_the_scale_and_the_explain_hint_keeps_a_long_path_whole() {
    let home = tempfile::tempdir().expect("temporary folder");
    let framework = three_indicators(home.path());
    let folder = home
        .path()
        .join("a-folder-with-a-rather-long-name-for-assessments");
    std::fs::create_dir(&folder).expect("folder");
    let file = folder.join("x.json");
    let file_arg = file.display().to_string();
    let mut session = spawn_sized(
        home.path(),
        &["assess", &framework, "--out", &file_arg],
        WAIT_MS,
        70,
    );
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    let screen = wait_for(&mut session, render::walk::PROMPT);
    assert!(
        screen.contains("1 Rarely · 2 Sometimes · 3 Often · 4 Consistently · 0/n not applicable\n"),
        "{screen}"
    );
    press(&mut session, "3");
    at_indicator(&mut session, 2, 3);
    press(&mut session, "3");
    at_indicator(&mut session, 3, 3);
    press(&mut session, "3");
    let review = wait_for(&mut session, REVIEW);
    assert!(
        review.contains(&format!(
            "Why these levels:\n  rungs report {file_arg} --explain"
        )),
        "the command on a line of its own: {review}"
    );
    press(&mut session, "\r");
    let rest = utf8(&session.exp_eof().expect("rungs ends"));
    assert!(
        rest.contains(&format!(
            "Why these levels:\n  rungs report {file_arg} --explain"
        )),
        "{rest}"
    );
}

#[test]
fn a_narrow_terminal_cuts_the_scale_labels() {
    let home = tempfile::tempdir().expect("temporary folder");
    let framework = three_indicators(home.path());
    let file = home.path().join("n.json").display().to_string();
    let mut session = spawn_sized(
        home.path(),
        &["assess", &framework, "--out", &file],
        WAIT_MS,
        40,
    );
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    let screen = wait_for(&mut session, render::walk::PROMPT);
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("1 Rar. · 2 Som. · 3 Oft. · 4 Con. · 0/n not applicable"),
        "{screen}"
    );
    press(&mut session, "q");
    session.exp_eof().expect("rungs ends after q");
}

#[test]
fn the_walk_shows_codes_beside_names_and_the_kind_with_the_indicator() {
    let home = tempfile::tempdir().expect("temporary folder");
    let framework = home.path().join("coded.yaml");
    std::fs::write(&framework, crate::codes::CODED).expect("write the framework");
    let mut session = spawn(home.path(), &["assess", &framework.display().to_string()]);
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    let screen = wait_for(&mut session, render::walk::PROMPT);
    assert!(
        screen.contains(
            "[1/5] Information and data literacy [1] › Browsing and searching [1.1] › Foundation [L1]"
        ),
        "{screen}"
    );
    assert!(
        screen.contains("  Knows that search engines rank results. [LO1.1.01] (kind: knowledge)\n"),
        "{screen}"
    );
    kill_hard(&mut session);
}

#[test]
fn s_skips_an_indicator_the_review_names_it_and_resume_asks_it() {
    let home = tempfile::tempdir().expect("temporary folder");
    let framework = three_indicators(home.path());
    let file = home.path().join("s.json");
    let file_arg = file.display().to_string();
    let mut session = spawn(home.path(), &["assess", &framework, "--out", &file_arg]);
    let opening = wait_for(&mut session, "Press Enter to begin");
    assert!(opening.contains("s skip it for now"), "{opening}");
    press(&mut session, "\r");
    let first = wait_for(&mut session, render::walk::PROMPT);
    assert!(first.contains("[1/3]"), "{first}");
    let prompt = wait_for(&mut session, ":");
    assert!(
        prompt.contains("s skip"),
        "the prompt names the key: {prompt}"
    );
    // Enter on an unrated indicator says s skips it.
    press(&mut session, "\r");
    let told = wait_for(&mut session, render::walk::PROMPT);
    assert!(told.contains("or s to skip it for now"), "{told}");
    press(&mut session, "s"); // t1 skipped
    at_indicator(&mut session, 2, 3);
    press(&mut session, "3");
    at_indicator(&mut session, 3, 3);
    press(&mut session, "4");
    let review = wait_for(&mut session, REVIEW);
    let flat = review.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Review: 2 of 3 indicators answered"),
        "{review}"
    );
    assert!(flat.contains("Skipped, not answered yet: 1."), "{review}");
    press(&mut session, "\r");
    let rest = utf8(&session.exp_eof().expect("rungs ends"));
    assert_eq!(exit_code(&mut session), 0);
    let flat = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "1 indicator skipped, not answered yet; answer it with: rungs assess --resume"
        ),
        "{rest}"
    );
    let value = saved(&file);
    assert_eq!(
        value["ratings"],
        serde_json::json!({ "t2": { "value": 3 }, "t3": { "value": 4 } })
    );
    assert!(
        value["completed_at"].is_null(),
        "still in progress: {value}"
    );

    // The resume asks the skipped one first, and then the file is complete.
    let mut session = spawn(home.path(), &["assess", "--resume", &file_arg]);
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    let asked = wait_for(&mut session, render::walk::PROMPT);
    assert!(
        asked.contains("[1/3]") && asked.contains("First"),
        "{asked}"
    );
    press(&mut session, "2");
    wait_for(&mut session, REVIEW);
    press(&mut session, "\r");
    session.exp_eof().expect("rungs ends");
    assert_eq!(exit_code(&mut session), 0);
    let value = saved(&file);
    assert_eq!(value["ratings"]["t1"]["value"], 2);
    assert!(value["completed_at"].is_string(), "{value}");
}

#[test]
fn a_resumed_walk_from_an_earlier_assessment_ends_with_what_changed_since() {
    let home = tempfile::tempdir().expect("temporary folder");
    let framework = three_indicators(home.path());
    let previous = home.path().join("spring.json");
    assess_with_answers(
        home.path(),
        &framework,
        "t1: 3\nt2: 2\nt3: 4\n",
        &["--out", &previous.display().to_string()],
    );
    let file = home.path().join("autumn.json");
    let (previous_arg, file_arg) = (previous.display().to_string(), file.display().to_string());
    let args = [
        "assess",
        &framework,
        "--from",
        &previous_arg,
        "--out",
        &file_arg,
    ];
    let mut session = spawn(home.path(), &args);
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    at_indicator(&mut session, 1, 3);
    press(&mut session, "\r"); // keep t1 as 3
    at_indicator(&mut session, 2, 3);
    press(&mut session, "q");
    session.exp_eof().expect("rungs ends after q");
    assert_eq!(exit_code(&mut session), 0);

    let mut session = spawn(home.path(), &["assess", "--resume", &file_arg]);
    wait_for(&mut session, "Press Enter to begin");
    press(&mut session, "\r");
    let second = wait_for(&mut session, render::walk::PROMPT);
    assert!(second.contains("[2/3]"), "{second}");
    press(&mut session, "4"); // t2: 2 -> 4
    at_indicator(&mut session, 3, 3);
    press(&mut session, "\r"); // keep t3 as 4
    wait_for(&mut session, REVIEW);
    press(&mut session, "\r");
    let rest = utf8(&session.exp_eof().expect("rungs ends"));
    assert_eq!(exit_code(&mut session), 0);
    // The same end as an unbroken walk: the profile, then the changes as `rungs diff` shows
    // them.
    assert!(rest.contains("Level profile"), "{rest}");
    let diff = crate::support::command(&["diff", &previous_arg, &file_arg])
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .succeeds();
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let changes = diff.split_once("\n\n").map_or(diff.as_str(), |(_, t)| t);
    assert!(
        flat(&rest).contains(&flat(changes)),
        "the walk ends with the changes:\n{rest}\n---\n{diff}"
    );
    assert!(flat(&rest).contains("2 · Sometimes → 4"), "{rest}");
}

#[test]
fn the_walk_in_dutch_speaks_dutch_shows_the_translation_and_saves_lang() {
    let sandbox = crate::translate::kitchen_in_dutch();
    let framework = sandbox.path("kitchen.yaml").display().to_string();
    let out = sandbox.path("ana.json");
    let mut session = spawn(
        sandbox.dir.path(),
        &[
            "assess",
            &framework,
            "--lang",
            "nl",
            "--subject",
            "Ana",
            "--rater",
            "Sam",
            "--relation",
            "manager",
            "-o",
            &out.display().to_string(),
        ],
    );
    let opening = wait_for(
        &mut session,
        "Druk op Enter om te beginnen, q om te stoppen.",
    );
    assert!(opening.contains("Keukenvaardigheden"), "{opening}");
    assert!(
        opening.contains("Wiens gedrag: Ana, beoordeeld door Sam (leidinggevende)"),
        "{opening}"
    );
    assert!(
        opening.contains("2 competenties, 5 indicatoren te beoordelen"),
        "{opening}"
    );
    assert!(
        opening.contains("Beoordelingsschaal (3 of hoger telt als aangetoond):"),
        "{opening}"
    );
    press(&mut session, "\r");
    let first = wait_for(
        &mut session,
        "Uw beoordeling van Ana (1-4, 0/n niet van toepassing, s overslaan",
    );
    assert!(first.contains("Proeft voor het opdienen."), "{first}");
    assert!(first.contains("Soep"), "{first}");
    assert!(first.contains("Zout"), "{first}");
    press(&mut session, "7");
    wait_for(&mut session, "7 staat niet op de schaal (1-4)");
    for key in ["3", "4", "1", "3"] {
        press(&mut session, key);
        wait_for(&mut session, "Uw beoordeling van Ana");
    }
    press(&mut session, "n");
    let review = wait_for(&mut session, "een nummer om naar een indicator te springen");
    assert!(
        review.contains("Overzicht: alle 5 indicatoren beantwoord, 1 niet van toepassing."),
        "{review}"
    );
    press(&mut session, "\r");
    assert_eq!(exit_code(&mut session), 0);
    let file = saved(&out);
    assert_eq!(file["lang"], "nl");
    assert_eq!(file["ratings"]["soup-1"]["value"], 3);
    assert_eq!(file["ratings"]["bread-2"]["value"], "na");
}

#[test]
fn the_opening_asks_whose_assessment_it_is_and_later_walks_take_the_name() {
    let home = tempfile::tempdir().expect("temporary folder");
    let framework = three_indicators(home.path());
    let folder = home.path().join("data/rungs/assessments");

    // Nothing names the person: the opening asks, and the name is recorded.
    let mut session = spawn(home.path(), &["assess", &framework]);
    let opening = wait_for(&mut session, "Press Enter to begin.");
    assert!(opening.contains("Whose assessment is this?"), "{opening}");
    wait_for(&mut session, "Your name:");
    press(&mut session, "  Alex   Rivera \r");
    let first = wait_for(&mut session, render::walk::PROMPT);
    assert!(first.contains("[1/3]"), "{first}");
    assert!(first.contains("Alex Rivera, rating themself"), "{first}");
    press(&mut session, "343");
    wait_for(&mut session, REVIEW);
    press(&mut session, "\r");
    session.exp_eof().expect("rungs ends");
    assert_eq!(exit_code(&mut session), 0);
    let saved_files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("saved in the assessments folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(saved_files.len(), 1, "{saved_files:?}");
    assert_eq!(saved(&saved_files[0])["subject"], "Alex Rivera");

    // The next walk takes the name from it, shows it, and does not ask.
    let mut session = spawn(home.path(), &["assess", &framework]);
    let opening = wait_for(&mut session, "Press Enter to begin, q to quit.");
    assert!(
        opening.contains("Alex Rivera, rating themself"),
        "{opening}"
    );
    assert!(!opening.contains("Whose assessment"), "{opening}");
    press(&mut session, "\r");
    at_indicator(&mut session, 1, 3);
    press(&mut session, "4");
    at_indicator(&mut session, 2, 3);
    press(&mut session, "q");
    session.exp_eof().expect("rungs ends after q");
    let newest = std::fs::read_dir(&folder)
        .expect("folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| !saved_files.contains(p))
        .expect("a second file");
    assert_eq!(saved(&newest)["subject"], "Alex Rivera");
    let listed = crate::support::rungs_with_env(
        &["history", "three"],
        &[(
            "XDG_DATA_HOME",
            &home.path().join("data").display().to_string(),
        )],
    );
    assert!(listed.stdout.contains("Alex Rivera"), "{}", listed.stdout);

    // Enter alone leaves it unrecorded.
    let other = tempfile::tempdir().expect("temporary folder");
    let framework = three_indicators(other.path());
    let file = other.path().join("none.json");
    let file_arg = file.display().to_string();
    let mut session = spawn(other.path(), &["assess", &framework, "-o", &file_arg]);
    wait_for(&mut session, "Your name:");
    press(&mut session, "\r");
    at_indicator(&mut session, 1, 3);
    press(&mut session, "3q");
    session.exp_eof().expect("rungs ends after q");
    assert!(saved(&file).get("subject").is_none(), "{}", saved(&file));
}
