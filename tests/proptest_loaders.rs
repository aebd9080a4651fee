//! The loaders never panic, whatever they are fed, and an assessment survives a trip through
//! its JSON file unchanged. A panic inside a property fails it, so "never panics" is checked by
//! calling the loader; the assertions check that a refusal is an ordinary, explained error.

use std::collections::BTreeMap;

use proptest::prelude::*;
use rungs::assessment::file::{parse, to_json};
use rungs::assessment::{Assessment, FrameworkRef, IndicatorPrint, Rating, RatingValue, FORMAT};
use rungs::framework;

const VALID_FRAMEWORK: &str = r#"
id: tiny
name: Tiny framework
version: "1.0"
scale:
  - { value: 1, label: Rarely }
  - { value: 2, label: Sometimes }
  - { value: 3, label: Often }
demonstrated_at: 2
threshold: 0.5
levels:
  - { id: one, name: One }
  - { id: two, name: Two, description: Higher }
competencies:
  - id: c
    name: C
    description: A competency
    levels:
      - level: one
        title: First
        indicators:
          - { id: c-1, text: Does the first thing, examples: [an example] }
          - Does the second thing
      - level: two
        indicators: []
    guidance:
      - { title: Questions, items: [Why?] }
targets:
  - { id: t, name: T, levels: { c: two } }
"#;

/// Keys and scalars a framework or assessment uses, so random documents often look real.
const WORDS: &[&str] = &[
    "id",
    "name",
    "version",
    "description",
    "source",
    "scale",
    "value",
    "label",
    "demonstrated_at",
    "threshold",
    "levels",
    "level",
    "competencies",
    "indicators",
    "text",
    "examples",
    "title",
    "guidance",
    "items",
    "targets",
    "x-note",
    "one",
    "two",
    "c",
    "na",
    "format",
    "framework",
    "digest",
    "path",
    "subject",
    "started_at",
    "completed_at",
    "ratings",
    "note",
    "rungs-assessment/1",
    "c-1",
    "c.one.2",
    "Often",
    "",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(WORDS).prop_map(str::to_string),
        1 => "\\PC{0,12}",
    ]
}

/// Any YAML value, biased towards the keys and shapes of a framework.
fn yaml_value() -> impl Strategy<Value = serde_yaml::Value> {
    use serde_yaml::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        any::<u64>().prop_map(|n| Value::Number(n.into())),
        any::<f64>().prop_map(|n| Value::Number(n.into())),
        (0u32..6).prop_map(|n| Value::Number(n.into())),
        word().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_yaml::Value::Sequence),
            proptest::collection::vec((word(), inner), 0..8).prop_map(|pairs| {
                serde_yaml::Value::Mapping(
                    pairs
                        .into_iter()
                        .map(|(k, v)| (serde_yaml::Value::String(k), v))
                        .collect(),
                )
            }),
        ]
    })
}

/// A change somewhere inside a document: a path of choices and what to put there.
#[derive(Debug, Clone)]
enum Edit {
    Replace(Vec<usize>, serde_yaml::Value),
    Remove(Vec<usize>),
    Insert(Vec<usize>, String, serde_yaml::Value),
}

fn edit() -> impl Strategy<Value = Edit> {
    let path = proptest::collection::vec(0usize..16, 0..7);
    prop_oneof![
        (path.clone(), yaml_value()).prop_map(|(p, v)| Edit::Replace(p, v)),
        path.clone().prop_map(Edit::Remove),
        (path, word(), yaml_value()).prop_map(|(p, k, v)| Edit::Insert(p, k, v)),
    ]
}

/// Follow a path of choices (index modulo the children) into a collection.
fn walk<'a>(
    mut node: &'a mut serde_yaml::Value,
    path: &[usize],
) -> (&'a mut serde_yaml::Value, Option<usize>) {
    use serde_yaml::Value;
    for (depth, &choice) in path.iter().enumerate() {
        let children = match &*node {
            Value::Sequence(s) => s.len(),
            Value::Mapping(m) => m.len(),
            _ => 0,
        };
        if children == 0 {
            return (node, None);
        }
        let index = choice % children;
        if depth + 1 == path.len() {
            return (node, Some(index));
        }
        node = match node {
            Value::Sequence(s) => &mut s[index],
            Value::Mapping(m) => m.values_mut().nth(index).expect("index below len"),
            _ => unreachable!("only collections have children"),
        };
    }
    (node, None)
}

fn apply(document: &mut serde_yaml::Value, edit: Edit) {
    use serde_yaml::Value;
    match edit {
        Edit::Replace(path, value) => match walk(document, &path) {
            (Value::Sequence(s), Some(i)) => s[i] = value,
            (Value::Mapping(m), Some(i)) => {
                if let Some(v) = m.values_mut().nth(i) {
                    *v = value;
                }
            }
            (node, _) => *node = value,
        },
        Edit::Remove(path) => match walk(document, &path) {
            (Value::Sequence(s), Some(i)) => {
                s.remove(i);
            }
            (Value::Mapping(m), Some(i)) => {
                let key = m.keys().nth(i).cloned();
                if let Some(key) = key {
                    m.remove(&key);
                }
            }
            _ => {}
        },
        Edit::Insert(path, key, value) => match walk(document, &path) {
            (Value::Mapping(m), _) => {
                m.insert(Value::String(key), value);
            }
            (Value::Sequence(s), _) => s.push(value),
            _ => {}
        },
    }
}

thread_local! {
    static FRAMEWORK_SCHEMA: jsonschema::Validator =
        jsonschema::draft7::new(&rungs::schema::SchemaKind::Framework.schema())
            .expect("the framework schema compiles");
}

/// rungs reads a plain scalar where it wants text as that text (`name: 12` is the name "12",
/// `id: null` the id "null"); the schema asks for such values to be quoted. That is the one
/// place the schema is meant to be stricter than the loader.
fn is_unquoted_text(error: &jsonschema::ValidationError) -> bool {
    let scalar = !matches!(
        error.instance().as_ref(),
        serde_json::Value::Array(_) | serde_json::Value::Object(_)
    );
    let message = error.to_string();
    scalar && message.contains("is not of type") && message.contains("\"string\"")
}

/// A load that failed says where and what, on at least one line.
fn assert_explained(result: &Result<framework::Loaded, framework::LoadError>) {
    if let Err(e) = result {
        assert!(!e.diagnostics.is_empty(), "an error with no diagnostic");
        for d in &e.diagnostics {
            assert!(!d.message.trim().is_empty(), "an empty message: {d:?}");
            assert!(d.to_string().starts_with("f.yaml"), "{d}");
        }
        assert!(e.diagnostics.iter().any(|d| d.is_error()));
    }
}

/// What a successful load promises: unique indicator ids and levels in framework order.
fn assert_consistent(result: &Result<framework::Loaded, framework::LoadError>) {
    if let Ok(loaded) = result {
        let f = &loaded.framework;
        let ids: std::collections::HashSet<_> = f.indicators().map(|(_, _, i)| &i.id).collect();
        assert_eq!(ids.len(), f.indicator_count());
        for c in &f.competencies {
            assert!(c.levels.windows(2).all(|w| w[0].level < w[1].level));
            assert!(c.levels.iter().all(|l| l.level < f.levels.len()));
        }
        assert!(f.threshold > 0.0 && f.threshold <= 1.0);
    }
}

fn rating() -> impl Strategy<Value = Rating> {
    (
        prop_oneof![
            any::<u32>().prop_map(RatingValue::Scale),
            Just(RatingValue::NotApplicable)
        ],
        proptest::option::of("\\PC{0,40}"),
    )
        .prop_map(|(value, note)| Rating { value, note })
}

/// A valid RFC 3339 time, with a `Z` or an offset.
// Past times only: a time later than tomorrow is refused.
const TIME: &str = "20([01][0-9]|2[0-5])-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](Z|[+-]0[0-9]:[0-5][0-9])";

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        ("\\PC{1,20}", "\\PC{0,10}", "sha256:[0-9a-f]{64}"),
        proptest::option::of("\\PC{1,40}"),
        (
            // A name rungs accepts: none of the characters that show as nothing.
            proptest::option::of("\\PC{0,30}".prop_filter("a name rungs accepts", |name| {
                rungs::assessment::person::check_name("subject", name).is_ok()
            })),
            proptest::option::of("[a-z]{1,10}"),
        ),
        // rungs writes RFC 3339 times only, and refuses others when it reads.
        TIME,
        proptest::option::of(TIME),
        proptest::collection::btree_map("\\PC{1,30}", rating(), 0..20),
        proptest::option::of(proptest::collection::btree_map(
            "\\PC{1,30}",
            ("\\PC{1,20}", "\\PC{1,20}", "[0-9a-f]{12}").prop_map(|(competency, level, text)| {
                IndicatorPrint {
                    competency,
                    level,
                    text,
                }
            }),
            0..10,
        )),
    )
        .prop_map(
            |(
                (id, version, digest),
                path,
                (subject, track),
                started_at,
                completed_at,
                ratings,
                indicators,
            )| {
                Assessment {
                    format: FORMAT.to_string(),
                    framework: FrameworkRef {
                        id,
                        version,
                        digest,
                        path,
                        indicators,
                    },
                    subject,
                    track,
                    rater: None,
                    lang: None,
                    form_token: None,
                    from: None,
                    set_aside: Default::default(),
                    started_at,
                    completed_at,
                    ratings: ratings.into_iter().collect::<BTreeMap<_, _>>(),
                    notes: BTreeMap::new(),
                    target: None,
                }
            },
        )
}

/// Any JSON value, biased towards the keys and shapes of an assessment.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        word().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            proptest::collection::vec((word(), inner), 0..8)
                .prop_map(|pairs| serde_json::Value::Object(pairs.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn framework_loader_survives_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let result = framework::load("f.yaml", &bytes);
        assert_explained(&result);
        assert_consistent(&result);
    }

    #[test]
    fn framework_loader_survives_any_yaml_document(document in yaml_value()) {
        let text = serde_yaml::to_string(&document).expect("a YAML value serialises");
        let result = framework::load("f.yaml", text.as_bytes());
        assert_explained(&result);
        assert_consistent(&result);
    }

    #[test]
    fn framework_loader_survives_edits_of_a_valid_framework(edits in proptest::collection::vec(edit(), 1..4)) {
        let mut document: serde_yaml::Value =
            serde_yaml::from_str(VALID_FRAMEWORK).expect("the sample parses");
        for e in edits {
            apply(&mut document, e);
        }
        let text = serde_yaml::to_string(&document).expect("a YAML value serialises");
        let result = framework::load("f.yaml", text.as_bytes());
        assert_explained(&result);
        assert_consistent(&result);
        if result.is_ok() {
            let json = serde_json::to_value(&document).expect("a loadable framework is JSON too");
            let problems: Vec<String> = FRAMEWORK_SCHEMA.with(|v| {
                v.iter_errors(&json)
                    .filter(|e| !is_unquoted_text(e))
                    .map(|e| format!("{}: {e}", e.instance_path()))
                    .collect()
            });
            prop_assert!(problems.is_empty(), "rungs loads it but the schema refuses it: {problems:?}\n{text}");
        }
    }

    #[test]
    fn framework_loader_survives_cut_and_spliced_text(cut in 0usize..VALID_FRAMEWORK.len(), junk in "\\PC{0,8}") {
        let mut text = VALID_FRAMEWORK.as_bytes()[..cut].to_vec();
        text.extend_from_slice(junk.as_bytes());
        text.extend_from_slice(&VALID_FRAMEWORK.as_bytes()[cut..]);
        let result = framework::load("f.yaml", &text);
        assert_explained(&result);
        assert_consistent(&result);
    }

    #[test]
    fn answers_loader_survives_any_yaml_document(document in yaml_value()) {
        let text = serde_yaml::to_string(&document).expect("a YAML value serialises");
        let framework = framework::load("f.yaml", VALID_FRAMEWORK.as_bytes()).expect("valid");
        match rungs::assessment::answers::parse("answers.yaml", text.as_bytes()) {
            Ok(answers) => {
                if let Err(e) = answers.resolve(&framework.framework) {
                    prop_assert!(!e.problems.is_empty());
                }
            }
            Err(e) => prop_assert!(!e.problems.is_empty()),
        }
    }

    #[test]
    fn answers_loader_survives_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        if let Err(e) = rungs::assessment::answers::parse("answers.yaml", &bytes) {
            prop_assert!(!e.problems.is_empty());
        }
    }

    #[test]
    fn assessment_loader_survives_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        if let Err(e) = parse("a.json", &bytes) {
            prop_assert!(e.problems.iter().all(|p| p.to_string().starts_with("a.json")), "{e}");
        }
    }

    #[test]
    fn assessment_loader_survives_any_json(document in json_value(), with_format in any::<bool>()) {
        let mut document = document;
        if with_format {
            if let serde_json::Value::Object(map) = &mut document {
                map.insert("format".into(), FORMAT.into());
            }
        }
        let text = serde_json::to_vec(&document).expect("a JSON value serialises");
        if let Err(e) = parse("a.json", &text) {
            prop_assert!(e.problems.iter().all(|p| p.to_string().starts_with("a.json")), "{e}");
        }
    }

    #[test]
    fn assessment_survives_a_round_trip_through_json(original in assessment()) {
        let text = to_json(&original).expect("JSON");
        let read = parse("a.json", text.as_bytes()).expect("rungs reads what it writes");
        prop_assert_eq!(&read, &original);
        prop_assert_eq!(to_json(&read).expect("JSON"), text);
    }
}

#[test]
fn the_sample_framework_is_valid() {
    let loaded = framework::load("f.yaml", VALID_FRAMEWORK.as_bytes()).expect("valid");
    assert_eq!(loaded.framework.indicator_count(), 2);
}

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

#[test]
fn the_benchmark_framework_is_valid_and_its_assessments_fit_it() {
    let shape = synthetic::Shape {
        competencies: 20,
        ..synthetic::Shape::BASE
    };
    let text = synthetic::framework_yaml(shape);
    let loaded = framework::load("synthetic.yaml", text.as_bytes()).expect("valid");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.framework.indicator_count(), shape.indicators());
    let ids: Vec<String> = loaded
        .framework
        .indicators()
        .map(|(_, _, i)| i.id.clone())
        .collect();
    assert_eq!(ids, synthetic::indicator_ids(shape));

    let full = parse(
        "full.json",
        synthetic::assessment_json(shape, &loaded.digest, 0).as_bytes(),
    )
    .expect("parses");
    let changed = parse(
        "changed.json",
        synthetic::assessment_json(shape, &loaded.digest, 10).as_bytes(),
    )
    .expect("parses");
    for a in [&full, &changed] {
        assert_eq!(a.ratings.len(), shape.indicators());
        assert!(rungs::assessment::reconcile(&loaded.framework, a)
            .dropped
            .is_empty());
    }
    let differing = ids
        .iter()
        .filter(|id| full.ratings[*id] != changed.ratings[*id])
        .count();
    let percent = differing * 100 / ids.len();
    assert!((8..=12).contains(&percent), "{percent}% changed");
}
