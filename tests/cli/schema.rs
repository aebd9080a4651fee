//! `rungs schema`: the committed JSON Schemas are its output, are valid draft-07 schemas, and
//! accept every framework rungs ships and every file rungs writes.

use std::fs;
use std::path::Path;

use serde_json::{json, Value};

use crate::support::{run, run_in};

fn committed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn validator(kind: &str) -> jsonschema::Validator {
    let result = run(&["schema", kind]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let schema: Value = serde_json::from_str(&result.stdout).expect("schema is JSON");
    jsonschema::draft7::new(&schema).expect("a valid draft-07 schema")
}

fn yaml_as_json(text: &str) -> Value {
    serde_yaml::from_str(text).expect("YAML with string keys converts to JSON")
}

/// Every problem the schema finds, as `path: message`.
fn problems(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn committed_schemas_equal_the_command_output() {
    for (kind, file) in [
        ("framework", "framework.schema.json"),
        ("assessment", "assessment.schema.json"),
        ("translation", "translation.schema.json"),
    ] {
        let result = run(&["schema", kind]);
        assert_eq!(result.code, 0);
        assert_eq!(
            result.stdout,
            committed(file),
            "schema/{file} is stale: run `rungs schema {kind} > schema/{file}`"
        );
    }
}

#[test]
fn every_shipped_framework_follows_the_schema() {
    let validator = validator("framework");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("frameworks");
    let files = rungs::catalog::yaml_files_in(&dir)
        .map(|found| found.files)
        .unwrap_or_default();
    assert!(!files.is_empty(), "no framework in frameworks/");
    assert_eq!(
        files.len(),
        rungs::framework::builtin::BUILTIN_FILES.len(),
        "every file in frameworks/ is built in"
    );
    for file in files {
        let text = fs::read_to_string(&file).expect("read shipped framework");
        assert!(
            text.starts_with("# yaml-language-server: $schema=../schema/framework.schema.json\n"),
            "{} does not point editors at the schema on its first line",
            file.display()
        );
        let found = problems(&validator, &yaml_as_json(&text));
        assert!(found.is_empty(), "{}: {found:#?}", file.display());
    }
}

#[test]
fn the_scaffold_of_rungs_new_follows_the_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert_eq!(run_in(dir.path(), &["new", "ours"]).code, 0);
    let text = fs::read_to_string(dir.path().join("ours.yaml")).expect("scaffold");
    let found = problems(&validator("framework"), &yaml_as_json(&text));
    assert!(found.is_empty(), "{found:#?}");
}

fn minimal() -> Value {
    json!({
        "id": "tiny",
        "name": "Tiny",
        "version": 1.0,
        "levels": [{ "id": "one", "name": "One" }, { "id": "two", "name": "Two" }],
        "competencies": [{
            "id": "c",
            "name": "C",
            "levels": [
                { "level": "one", "indicators": ["A plain string indicator"] },
                { "level": "two", "title": null, "indicators": [
                    { "id": "c-2-1", "text": "An object indicator", "examples": ["e"] }
                ] },
            ],
        }],
        "targets": [{ "id": "t", "name": "T", "levels": { "c": "two" } }],
    })
}

/// Apply a change to a copy of [`minimal`] at a JSON pointer's parent.
fn changed(pointer: &str, key: &str, value: Value) -> Value {
    let mut document = minimal();
    let target = document.pointer_mut(pointer).expect("pointer exists");
    target
        .as_object_mut()
        .expect("an object")
        .insert(key.to_string(), value);
    document
}

#[test]
fn the_framework_schema_allows_x_keys_and_forbids_other_unknown_keys() {
    let validator = validator("framework");
    assert_eq!(problems(&validator, &minimal()), Vec::<String>::new());

    for pointer in [
        "",
        "/levels/0",
        "/competencies/0",
        "/competencies/0/levels/1",
        "/competencies/0/levels/1/indicators/0",
        "/targets/0",
    ] {
        let extended = changed(pointer, "x-owner", json!({ "anything": [1, 2] }));
        assert!(
            validator.is_valid(&extended),
            "x- key refused at {pointer:?}"
        );
        let typo = changed(pointer, "descripton", json!("typo"));
        let found = problems(&validator, &typo);
        assert!(!found.is_empty(), "unknown key accepted at {pointer:?}");
    }
}

#[test]
fn the_framework_schema_checks_types_and_required_keys() {
    let validator = validator("framework");
    let cases = [
        ("", "id", json!("Not A Slug")),
        ("", "threshold", json!(1.5)),
        ("", "threshold", json!(0)),
        ("", "levels", json!([])),
        ("", "competencies", json!("none")),
        ("/competencies/0/levels/0", "indicators", json!([42])),
        ("/competencies/0/levels/0", "indicators", json!(["   "])),
        (
            "/competencies/0/levels/1/indicators/0",
            "examples",
            json!("not a list"),
        ),
        ("", "scale", json!([{ "value": -1, "label": "Never" }])),
        ("/targets/0", "levels", json!({ "c": 2 })),
    ];
    for (pointer, key, value) in cases {
        let document = changed(pointer, key, value.clone());
        assert!(
            !validator.is_valid(&document),
            "{pointer}/{key} = {value} passed the schema"
        );
    }
    let mut missing = minimal();
    missing.as_object_mut().expect("object").remove("version");
    assert!(!validator.is_valid(&missing));
}

#[test]
fn the_assessment_schema_accepts_what_rungs_writes() {
    let validator = validator("assessment");
    let text = r#"{
      "format": "rungs-assessment/1",
      "framework": { "id": "tiny", "version": "1", "digest": "sha256:00" },
      "started_at": "2026-01-02T03:04:05Z",
      "completed_at": null,
      "ratings": { "a": { "value": 3, "note": "did it" }, "b": { "value": "na" } },
      "set_aside": {
        "gone": { "value": 4, "note": "kept", "reason": "not_in_framework", "text": "0123456789ab" },
        "noted": { "note": "before any rating", "reason": "text_changed" }
      }
    }"#;
    let assessment = rungs::assessment::file::parse("a.json", text.as_bytes()).expect("parses");
    assert_eq!(assessment.set_aside.len(), 2);
    let written: Value =
        serde_json::from_str(&rungs::assessment::file::to_json(&assessment).expect("JSON"))
            .expect("JSON");
    assert_eq!(problems(&validator, &written), Vec::<String>::new());

    let mut wrong_format = written.clone();
    wrong_format["format"] = json!("rungs-assessment/2");
    assert!(!validator.is_valid(&wrong_format));
    let mut bad_value = written.clone();
    bad_value["ratings"]["a"]["value"] = json!("often");
    assert!(!validator.is_valid(&bad_value));
    let mut bad_reason = written.clone();
    bad_reason["set_aside"]["gone"]["reason"] = json!("forgotten");
    assert!(!validator.is_valid(&bad_reason));
    let mut unknown = written;
    unknown["ratings"]["a"]["score"] = json!(1);
    assert!(!validator.is_valid(&unknown));
}
