//! Translation files (contract section 13): `F.LANG.yaml` beside a framework file `F.yaml`,
//! holding `translation: {framework, version, lang}` and `texts:` a map from a path
//! ([`texts::places`]) to `{source, text}`. `source` is the text translated, so a translation
//! whose source has changed since is stale.
//!
//! A translation is read on its own ([`read`]), checked against its framework ([`check`]:
//! unknown paths are errors, stale ones warnings) and laid over it ([`Translation::apply`]):
//! the framework's structure, ids and scoring stay the same, only the texts a person reads
//! change.

pub mod texts;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, LoadError};
use super::model::Framework;
use crate::yaml::tree::{self, Document, NodeId, NodeKind, Position};
use crate::yaml::write::{inline, scalar};
pub use texts::{places, Place};

/// One translated text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The path of the text ([`texts::places`]).
    pub path: String,
    /// The framework's text it translates.
    pub source: String,
    /// The translation.
    pub text: String,
    /// Where the path is written in the file (line 0 when it was not read from one).
    pub at: Position,
}

/// A translation of a framework into one language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Translation {
    /// The id of the framework it translates.
    pub framework: String,
    /// The framework version it was made for, when it says.
    pub version: Option<String>,
    /// The language, e.g. `nl`.
    pub lang: String,
    /// The texts, in file order, each path once.
    pub texts: Vec<Text>,
    /// Where `translation.framework` is written.
    framework_at: Position,
}

/// A framework with a translation laid over it, and how much of it is translated.
#[derive(Debug, Clone)]
pub struct Translated {
    /// The framework with translated texts where there are some.
    pub framework: Framework,
    /// Distinct texts shown translated.
    pub translated: usize,
    /// Distinct texts of the framework.
    pub total: usize,
}

impl Translated {
    /// How many texts are shown in the source language.
    pub fn untranslated(&self) -> usize {
        self.total - self.translated
    }
}

/// Whether a file's bytes hold a translation (a top-level `translation:` key, which no
/// framework file may have), without parsing them.
pub fn is_translation(bytes: &[u8]) -> bool {
    bytes
        .split(|&b| b == b'\n')
        .any(|line| line.starts_with(b"translation:"))
}

/// Whether `lang` is a language tag rungs accepts: `nl`, `pt-BR`, `zh-Hant`.
pub fn is_language(lang: &str) -> bool {
    let mut parts = lang.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The translation file of `framework` (a path) into `lang`: `F.LANG.yaml` beside `F.yaml`.
pub fn path_beside(framework: &Path, lang: &str) -> PathBuf {
    let stem = framework
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let extension = framework
        .extension()
        .map_or_else(|| "yaml".to_string(), |e| e.to_string_lossy().into_owned());
    framework.with_file_name(format!("{stem}.{lang}.{extension}"))
}

/// The language a file name gives a translation of the framework file named `framework`
/// (`F.nl.yaml` of `F.yaml`: `nl`).
pub fn language_of(framework: &str, file: &str) -> Option<String> {
    let stem = framework
        .strip_suffix(".yaml")
        .or_else(|| framework.strip_suffix(".yml"))?;
    let rest = file.strip_prefix(stem)?.strip_prefix('.')?;
    let lang = rest
        .strip_suffix(".yaml")
        .or_else(|| rest.strip_suffix(".yml"))?;
    is_language(lang).then(|| lang.to_string())
}

/// The framework file a translation file's name belongs to (`F.yaml` for `F.nl.yaml`), and
/// the language it names.
pub fn framework_beside(file: &Path) -> Option<(PathBuf, String)> {
    let name = file.file_name()?.to_str()?;
    let extension = file.extension()?.to_str()?;
    let stem = name.strip_suffix(&format!(".{extension}"))?;
    let (framework, lang) = stem.rsplit_once('.')?;
    is_language(lang).then(|| {
        (
            file.with_file_name(format!("{framework}.{extension}")),
            lang.to_string(),
        )
    })
}

impl Translation {
    /// An empty translation of `framework` into `lang`.
    pub fn new(framework: &Framework, lang: &str) -> Translation {
        Translation {
            framework: framework.id.clone(),
            version: Some(framework.version.clone()),
            lang: lang.to_string(),
            texts: Vec::new(),
            framework_at: Position::default(),
        }
    }

    /// The translation of a path.
    pub fn get(&self, path: &str) -> Option<&Text> {
        self.texts.iter().find(|t| t.path == path)
    }

    /// Set the translation of a path (its source as the framework says it now).
    pub fn set(&mut self, path: &str, source: &str, text: &str) {
        match self.texts.iter_mut().find(|t| t.path == path) {
            Some(found) => {
                found.source = source.to_string();
                found.text = text.to_string();
            }
            None => self.texts.push(Text {
                path: path.to_string(),
                source: source.to_string(),
                text: text.to_string(),
                at: Position::default(),
            }),
        }
    }

    /// The framework in this language: every text whose translation is current (its source
    /// is the framework's text) replaced; the others stay in the source language.
    pub fn apply(&self, framework: &Framework) -> Translated {
        let places = places(framework);
        let by_path: HashMap<&str, &Text> =
            self.texts.iter().map(|t| (t.path.as_str(), t)).collect();
        let current: HashMap<&str, &str> = places
            .iter()
            .filter_map(|p| {
                let found = by_path.get(p.path.as_str())?;
                (!found.text.trim().is_empty() && same_source(&found.source, &p.source))
                    .then_some((p.path.as_str(), found.text.as_str()))
            })
            .collect();
        let (framework, translated) = texts::replaced(framework, &current);
        Translated {
            framework,
            translated,
            total: places.len(),
        }
    }

    /// The file as YAML, texts in the framework's order (paths it does not know last).
    pub fn yaml(&self, framework: &Framework) -> String {
        let order: HashMap<String, usize> = places(framework)
            .into_iter()
            .enumerate()
            .map(|(i, p)| (p.path, i))
            .collect();
        let mut texts: Vec<&Text> = self.texts.iter().collect();
        texts.sort_by_key(|t| order.get(&t.path).copied().unwrap_or(usize::MAX));
        let mut out = format!(
            "# A translation of framework {} into {}: each text's path, the source it translates,\n# and its text (`rungs translate` reads and writes it).\ntranslation:\n  framework: {}\n",
            inline(&self.framework),
            inline(&self.lang),
            inline(&self.framework)
        );
        if let Some(version) = &self.version {
            out.push_str("  version:");
            scalar(&mut out, 2, version);
        }
        out.push_str(&format!("  lang: {}\n", inline(&self.lang)));
        if texts.is_empty() {
            out.push_str("texts: {}\n");
            return out;
        }
        out.push_str("texts:\n");
        for text in texts {
            out.push_str(&format!("  {}:\n    source:", inline(&text.path)));
            scalar(&mut out, 4, &text.source);
            out.push_str("    text:");
            scalar(&mut out, 4, &text.text);
        }
        out
    }
}

/// Whether a translation's source is the framework's text (white space at the ends aside).
pub fn same_source(recorded: &str, now: &str) -> bool {
    recorded.trim() == now.trim()
}

/// Check a translation against its framework: another framework's id or an unknown path is
/// an error, a stale translation (its source changed) a warning; each at its place in `file`.
pub fn check(file: &str, translation: &Translation, framework: &Framework) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let at = |p: Position, message: String| {
        Diagnostic::at(file, p.line.max(1), p.column.max(1), message)
    };
    if translation.framework != framework.id {
        out.push(at(
            translation.framework_at,
            format!(
                "translation of framework {:?}, but the framework beside it is {:?}",
                translation.framework, framework.id
            ),
        ));
        return out;
    }
    let places = places(framework);
    let known: HashMap<&str, &Place> = places.iter().map(|p| (p.path.as_str(), p)).collect();
    for text in &translation.texts {
        match known.get(text.path.as_str()) {
            None => out.push(at(
                text.at,
                format!(
                    "unknown path {:?}: framework {} has no such text (`rungs translate {} --lang {} -o SHEET` lists every path)",
                    text.path, framework.id, framework.id, translation.lang
                ),
            )),
            Some(place) if !same_source(&text.source, &place.source) => out.push(
                at(
                    text.at,
                    format!(
                        "stale translation of {:?}: its source has changed since it was translated (now {:?})",
                        text.path,
                        shortened(&place.source)
                    ),
                )
                .warning(),
            ),
            Some(_) => {}
        }
    }
    out
}

/// Read a translation file; `file` names it in messages. Every shape problem is an error at
/// its line and column.
pub fn read(file: &str, bytes: &[u8]) -> Result<Translation, LoadError> {
    let fail = |d: Vec<Diagnostic>| LoadError { diagnostics: d };
    if bytes.len() > super::load::MAX_FILE_SIZE {
        return Err(fail(vec![Diagnostic::file_error(
            file,
            format!(
                "file is {} bytes; translation files are limited to 8 MiB",
                bytes.len()
            ),
        )]));
    }
    let text = std::str::from_utf8(crate::io::without_bom(bytes)).map_err(|_| {
        fail(vec![Diagnostic::file_error(
            file,
            "file is not UTF-8 text; save it as UTF-8",
        )])
    })?;
    let document = tree::parse(text).map_err(|e| {
        fail(vec![match e.at {
            Some(at) => Diagnostic::at(file, at.line, at.column, e.message),
            None => Diagnostic::file_error(file, e.message),
        }])
    })?;
    let mut reader = Reader {
        file,
        document: &document,
        problems: Vec::new(),
    };
    let translation = reader.translation();
    if reader.problems.is_empty() {
        Ok(translation)
    } else {
        Err(fail(reader.problems))
    }
}

struct Reader<'a> {
    file: &'a str,
    document: &'a Document,
    problems: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn problem(&mut self, id: NodeId, message: impl Into<String>) {
        let at = self.document.position(id);
        self.problems
            .push(Diagnostic::at(self.file, at.line, at.column, message));
    }

    fn pairs(&mut self, id: NodeId, what: &str) -> Vec<(NodeId, NodeId)> {
        match &self.document.node(id).kind {
            NodeKind::Mapping(pairs) => pairs.clone(),
            _ => {
                self.problem(id, format!("{what} must be a mapping"));
                Vec::new()
            }
        }
    }

    fn text(&mut self, id: NodeId, what: &str) -> Option<String> {
        match &self.document.node(id).kind {
            NodeKind::Scalar { text, plain } if !(*plain && (text == "~" || text == "null")) => {
                Some(text.clone())
            }
            _ => {
                self.problem(id, format!("{what} must be text"));
                None
            }
        }
    }

    fn translation(&mut self) -> Translation {
        let mut out = Translation::default();
        let Some(root) = self.document.root() else {
            self.problems.push(Diagnostic::file_error(
                self.file,
                "file is empty; a translation holds `translation:` and `texts:`",
            ));
            return out;
        };
        let mut header = None;
        let mut texts = None;
        for (key, value) in self.pairs(root, "a translation file") {
            match self.document.scalar_text(key) {
                Some("translation") => header = Some((key, value)),
                Some("texts") => texts = Some(value),
                Some(other) if other.starts_with("x-") => {}
                other => {
                    let name = other.unwrap_or("?").to_string();
                    self.problem(key, format!("unknown key `{name}`; a translation file holds `translation:` and `texts:` (and keys starting with x-)"));
                }
            }
        }
        match header {
            Some((_, value)) => self.header(value, &mut out),
            None => self.problems.push(Diagnostic::file_error(
                self.file,
                "no `translation:` key: a translation file starts with translation: {framework: ID, lang: LANG}",
            )),
        }
        if let Some(texts) = texts {
            self.texts(texts, &mut out);
        }
        out
    }

    fn header(&mut self, id: NodeId, out: &mut Translation) {
        let mut framework = false;
        let mut lang = false;
        for (key, value) in self.pairs(id, "`translation`") {
            match self.document.scalar_text(key) {
                Some("framework") => {
                    framework = true;
                    out.framework_at = self.document.position(value);
                    out.framework = self.text(value, "`framework`").unwrap_or_default();
                }
                Some("version") => out.version = self.text(value, "`version`"),
                Some("lang") => {
                    lang = true;
                    out.lang = self.text(value, "`lang`").unwrap_or_default();
                    if !out.lang.is_empty() && !is_language(&out.lang) {
                        let shown = out.lang.clone();
                        self.problem(
                            value,
                            format!(
                                "{shown:?} is not a language tag; write one like nl, de or pt-BR"
                            ),
                        );
                    }
                }
                other => {
                    let name = other.unwrap_or("?").to_string();
                    self.problem(key, format!("unknown key `{name}` in `translation`; it holds framework, version and lang"));
                }
            }
        }
        for (present, name) in [(framework, "framework"), (lang, "lang")] {
            if !present {
                self.problem(id, format!("`translation` has no `{name}`"));
            }
        }
    }

    fn texts(&mut self, id: NodeId, out: &mut Translation) {
        if matches!(&self.document.node(id).kind, NodeKind::Scalar { text, plain: true } if text == "~" || text == "null")
        {
            return;
        }
        let mut seen: HashMap<String, Position> = HashMap::new();
        for (key, value) in self.pairs(id, "`texts`") {
            let Some(path) = self.text(key, "a path") else {
                continue;
            };
            let at = self.document.position(key);
            if let Some(first) = seen.insert(path.clone(), at) {
                self.problem(
                    key,
                    format!("path {path:?} is translated twice (first at {first})"),
                );
                continue;
            }
            let mut source = None;
            let mut text = None;
            for (k, v) in self.pairs(value, &format!("the translation of {path:?}")) {
                match self.document.scalar_text(k) {
                    Some("source") => source = self.text(v, "`source`"),
                    Some("text") => text = self.text(v, "`text`"),
                    other => {
                        let name = other.unwrap_or("?").to_string();
                        self.problem(
                            k,
                            format!(
                                "unknown key `{name}`; a translated text holds source and text"
                            ),
                        );
                    }
                }
            }
            match (source, text) {
                (Some(source), Some(text)) => out.texts.push(Text {
                    path,
                    source,
                    text,
                    at,
                }),
                (None, _) => self.problem(
                    value,
                    format!("the translation of {path:?} has no `source` (the text it translates)"),
                ),
                (_, None) => {
                    self.problem(value, format!("the translation of {path:?} has no `text`"))
                }
            }
        }
    }
}

/// The first 60 characters of a text, `…` after them when there are more.
fn shortened(text: &str) -> String {
    let mut out: String = text.trim().chars().take(60).collect();
    if text.trim().chars().nth(60).is_some() {
        out.push('…');
    }
    out
}
