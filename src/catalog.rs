//! Where frameworks come from: the built-in set, `--frameworks` folders, and paths.

use std::path::{Path, PathBuf};

use crate::error::BadInput;
use crate::framework::translation::{self, Translated, Translation};
use crate::framework::{self, builtin::BUILTIN_FILES, Diagnostic, Framework};
use crate::io::{files_in, Depth, Found};

/// Where a framework was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the binary; the file name in `frameworks/`.
    Builtin(&'static str),
    /// A YAML file on disk (absolute when it could be made so).
    File(PathBuf),
}

/// A loaded framework and where it came from.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The validated framework, shared: an entry is cloned for each assessment that uses it.
    pub framework: std::sync::Arc<Framework>,
    /// `sha256:<hex>` of its file bytes.
    pub digest: String,
    /// Where it came from.
    pub origin: Origin,
    /// Warnings found while loading.
    pub warnings: Vec<Diagnostic>,
}

impl Entry {
    /// The name used in messages: `builtin:<id>` or the path.
    pub fn display_name(&self) -> String {
        match &self.origin {
            Origin::Builtin(_) => format!("builtin:{}", self.framework.id),
            Origin::File(p) => p.display().to_string(),
        }
    }

    /// The languages the framework has a translation file in (`F.LANG.yaml` beside it, or
    /// shipped with a built-in one), sorted.
    pub fn languages(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .translation_files()
            .into_iter()
            .map(|(lang, _)| lang)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The translation files of this framework: (language, where).
    fn translation_files(&self) -> Vec<(String, TranslationFile)> {
        match &self.origin {
            Origin::Builtin(name) => BUILTIN_FILES
                .iter()
                .filter(|(file, text)| {
                    translation::is_translation(text.as_bytes())
                        && translation::language_of(name, file).is_some()
                })
                .filter_map(|(file, text)| {
                    Some((
                        translation::language_of(name, file)?,
                        TranslationFile::Builtin(file, text),
                    ))
                })
                .collect(),
            Origin::File(path) => {
                let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                    return Vec::new();
                };
                let Some(dir) = path.parent() else {
                    return Vec::new();
                };
                let Ok(found) = yaml_files_in(dir) else {
                    return Vec::new();
                };
                found
                    .files
                    .into_iter()
                    .filter_map(|file| {
                        let lang = translation::language_of(name, file.file_name()?.to_str()?)?;
                        let bytes = read_framework_bytes(&file).ok()?;
                        translation::is_translation(&bytes)
                            .then_some((lang, TranslationFile::File(file)))
                    })
                    .collect()
            }
        }
    }

    /// The framework's translation into `lang`, when it has one: read and checked (a file that
    /// is broken, names another framework or an unknown path is bad input).
    pub fn translation(&self, lang: &str) -> Result<Option<(String, Translation)>, BadInput> {
        let Some((_, file)) = self
            .translation_files()
            .into_iter()
            .find(|(l, _)| l == lang)
        else {
            return Ok(None);
        };
        let (shown, bytes) = match file {
            TranslationFile::Builtin(name, text) => {
                (format!("frameworks/{name}"), text.as_bytes().to_vec())
            }
            TranslationFile::File(path) => {
                (path.display().to_string(), read_framework_bytes(&path)?)
            }
        };
        let read = translation::read(&shown, &bytes).map_err(BadInput::from)?;
        let errors: Vec<Diagnostic> = translation::check(&shown, &read, &self.framework)
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        if !errors.is_empty() {
            return Err(BadInput::located(errors));
        }
        Ok(Some((shown, read)))
    }

    /// The framework shown in `lang`: its translation laid over it, or (without one) the
    /// source texts, all of them counted as untranslated.
    pub fn in_language(&self, lang: &str) -> Result<Translated, BadInput> {
        match self.translation(lang)? {
            Some((_, found)) => Ok(found.apply(&self.framework)),
            None => Ok(Translated {
                framework: (*self.framework).clone(),
                translated: 0,
                total: translation::places(&self.framework).len(),
            }),
        }
    }

    /// The absolute path to record in an assessment, for frameworks that are not built in.
    pub fn recorded_path(&self) -> Option<String> {
        match &self.origin {
            Origin::Builtin(_) => None,
            Origin::File(p) => Some(p.display().to_string()),
        }
    }
}

/// Where a translation file is.
enum TranslationFile {
    Builtin(&'static str, &'static str),
    File(PathBuf),
}

/// Every framework available: built-in ones first, then those of the user folders.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Loaded frameworks, ids unique.
    pub entries: Vec<Entry>,
    /// Files of the user folders that were left out, one line each saying why: a broken file
    /// or a reused id must not stop every command (`rungs validate FOLDER` still fails on it).
    pub left_out: Vec<Diagnostic>,
    /// Frameworks loaded from the paths assessments record, by path: each loaded once per
    /// command however many assessments name it ([`Catalog::recorded`]).
    recorded: std::sync::Arc<std::sync::Mutex<Vec<(String, Entry)>>>,
}

/// Load one framework file from disk; `shown` is how the user named it.
pub fn load_file(path: &Path) -> Result<Entry, BadInput> {
    let bytes = read_framework_bytes(path)?;
    load_bytes(path, &bytes)
}

/// Load the framework read from `path` (as [`read_framework_bytes`] read it).
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Entry, BadInput> {
    let shown = path.display().to_string();
    let loaded = framework::load(&shown, bytes).map_err(BadInput::from)?;
    // Standard input (`-`) stays `-`: no file of that name is meant.
    let absolute = if crate::io::is_stdin(path) {
        path.to_path_buf()
    } else {
        std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
    };
    Ok(Entry {
        framework: loaded.framework.into(),
        digest: loaded.digest,
        origin: Origin::File(absolute),
        warnings: loaded.warnings,
    })
}

/// A built-in framework. Shipped files are validated by the test suite; one that fails is left
/// out rather than breaking every command. Its warnings are for its authors, who see them from
/// `rungs validate frameworks/`: its users cannot act on them, so they are not kept.
fn builtin_entry(name: &'static str, text: &str) -> Option<Entry> {
    let loaded = framework::load(&format!("frameworks/{name}"), text.as_bytes()).ok()?;
    Some(Entry {
        framework: loaded.framework.into(),
        digest: loaded.digest,
        origin: Origin::Builtin(name),
        warnings: Vec::new(),
    })
}

/// Read a framework file, refusing folders and files over the size limit before reading them.
pub fn read_framework_bytes(path: &Path) -> Result<Vec<u8>, BadInput> {
    crate::io::read_limited(
        path,
        framework::load::MAX_FILE_SIZE as u64,
        "framework file",
    )
}

/// The YAML files directly inside a folder, sorted by name, each real file once; pipes and
/// devices named like one are returned as problems.
pub fn yaml_files_in(dir: &Path) -> Result<Found, BadInput> {
    files_in(dir, &["yaml", "yml"], Depth::Top).map_err(|d| BadInput::located(vec![d]))
}

impl Catalog {
    /// The framework at `path` as an assessment records it: loaded by `load` the first time it
    /// is asked for, then the same entry for every other assessment that records the path.
    pub fn recorded(
        &self,
        path: &str,
        load: impl FnOnce() -> Result<Entry, BadInput>,
    ) -> Result<Entry, BadInput> {
        let found = self
            .recorded
            .lock()
            .ok()
            .and_then(|held| held.iter().find(|(p, _)| p == path).map(|(_, e)| e.clone()));
        if let Some(entry) = found {
            return Ok(entry);
        }
        let entry = load()?;
        if let Ok(mut held) = self.recorded.lock() {
            held.push((path.to_string(), entry.clone()));
        }
        Ok(entry)
    }

    /// The built-in frameworks only.
    pub fn builtin() -> Catalog {
        let entries = BUILTIN_FILES
            .iter()
            .filter(|(_, text)| !translation::is_translation(text.as_bytes()))
            .filter_map(|(name, text)| builtin_entry(name, text))
            .collect();
        Catalog {
            entries,
            left_out: Vec::new(),
            recorded: Default::default(),
        }
    }

    /// Built-in frameworks plus every YAML file in `dirs`. A folder that cannot be read is an
    /// error; an invalid file, a pipe or device, and an id that clashes with one loaded before
    /// are left out, each with a line in [`Catalog::left_out`].
    pub fn with_dirs(dirs: &[PathBuf]) -> Result<Catalog, BadInput> {
        let mut catalog = Catalog::builtin();
        let mut problems = Vec::new();
        for dir in dirs {
            let found = match yaml_files_in(dir) {
                Ok(found) => found,
                Err(e) => {
                    problems.extend(e.problems);
                    continue;
                }
            };
            let left_out = found.skipped.into_iter().map(|s| s.detail);
            catalog.left_out.extend(left_out);
            for file in found.files {
                let shown = file.display().to_string();
                let loaded = read_framework_bytes(&file).and_then(|bytes| {
                    if translation::is_translation(&bytes) {
                        Ok(None)
                    } else {
                        load_bytes(&file, &bytes).map(Some)
                    }
                });
                match loaded {
                    Ok(None) => {}
                    Ok(Some(entry)) => {
                        if let Some(other) = catalog.get(&entry.framework.id) {
                            let line = Diagnostic::file_error(
                                &shown,
                                format!(
                                    "framework id {:?} is already used by {}, so this file is left out; give one of them another id",
                                    entry.framework.id,
                                    other.display_name()
                                ),
                            );
                            catalog.left_out.push(line);
                        } else {
                            catalog.entries.push(entry);
                        }
                    }
                    Err(e) => {
                        let count = e.problems.len();
                        if let Some(mut first) = e.problems.into_iter().next() {
                            first.message = format!(
                                "{}; the file is left out{}",
                                first.message,
                                if count > 1 {
                                    format!(
                                        " (`rungs validate {shown}` lists all {count} problems)"
                                    )
                                } else {
                                    String::new()
                                }
                            );
                            catalog.left_out.push(first);
                        }
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(BadInput::located(problems))
        }
    }

    /// The framework with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.framework.id == id)
    }

    /// Resolve a FRAMEWORK argument: a known id, else a path to a YAML file.
    pub fn resolve(&self, argument: &str) -> Result<Entry, BadInput> {
        if let Some(entry) = self.get(argument) {
            return Ok(entry.clone());
        }
        let path = Path::new(argument);
        if path.exists() || crate::io::is_stdin(path) {
            return load_file(path);
        }
        let known = self
            .entries
            .iter()
            .map(|e| e.framework.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        Err(BadInput::in_file(
            argument,
            format!(
                "no framework with this id and no such file; available: {known} (see `rungs list`)"
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_built_in_framework_keeps_no_warnings_for_its_users() {
        let text = include_str!("../tests/broken/valid/warnings-only.yaml");
        let from_file = framework::load("warnings-only.yaml", text.as_bytes()).expect("valid");
        assert!(!from_file.warnings.is_empty(), "the file has warnings");
        let entry = builtin_entry("warnings-only.yaml", text).expect("loads");
        assert_eq!(entry.warnings, vec![]);
    }

    #[test]
    fn a_framework_recorded_by_many_assessments_is_loaded_once_per_catalog() {
        let catalog = Catalog::builtin();
        let entry = catalog.entries[0].clone();
        let loads = std::cell::Cell::new(0);
        for _ in 0..3 {
            let found = catalog
                .recorded("/frameworks/f.yaml", || {
                    loads.set(loads.get() + 1);
                    Ok(entry.clone())
                })
                .expect("found");
            assert_eq!(found.digest, entry.digest);
        }
        assert_eq!(loads.get(), 1, "loaded once, then kept");
        // A copy of the catalog (each command makes its own) shares what was loaded.
        let copy = catalog.clone();
        copy.recorded("/frameworks/f.yaml", || panic!("not loaded again"))
            .expect("kept");
        catalog
            .recorded("/frameworks/other.yaml", || {
                loads.set(loads.get() + 1);
                Ok(entry.clone())
            })
            .expect("found");
        assert_eq!(loads.get(), 2, "another path is another framework");
    }
}
