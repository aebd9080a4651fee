//! `rungs show ID` for every shipped framework, as a person reads it at 80 columns.

use crate::support::rungs;

fn show(id: &str) -> String {
    let run = rungs(&["show", id]);
    assert_eq!(run.code, 0, "rungs show {id} failed: {}", run.stderr);
    run.stdout
}

#[test]
fn shows_building_relationships() {
    insta::assert_snapshot!(show("building-relationships"));
}

#[test]
fn shows_community_platform_relationships() {
    insta::assert_snapshot!(show("community-platform-relationships"));
}

#[test]
fn shows_networking() {
    insta::assert_snapshot!(show("networking"));
}

#[test]
fn shows_lasting_relationships() {
    insta::assert_snapshot!(show("lasting-relationships"));
}

#[test]
fn shows_strategic_partnerships() {
    insta::assert_snapshot!(show("strategic-partnerships"));
}
