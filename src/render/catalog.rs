//! `rungs list`: the frameworks available.

use comfy_table::Cell;

use super::{table, Style};
use crate::catalog::{Catalog, Origin};

/// One row per framework: id, name, version, counts, where it comes from, and its source note.
pub fn list(catalog: &Catalog, style: Style) -> String {
    let mut t = table(style);
    t.set_header(vec![
        "id",
        "name",
        "version",
        "competencies",
        "levels",
        "indicators",
        "from",
        "source",
    ]);
    for entry in &catalog.entries {
        let f = &entry.framework;
        let from = match &entry.origin {
            Origin::Builtin(_) => "built-in".to_string(),
            Origin::File(p) => p.display().to_string(),
        };
        t.add_row(vec![
            Cell::new(&f.id),
            Cell::new(&f.name),
            Cell::new(&f.version),
            Cell::new(f.competencies.len()),
            Cell::new(f.levels.len()),
            Cell::new(f.indicator_count()),
            Cell::new(from),
            Cell::new(f.source.as_deref().unwrap_or("")),
        ]);
    }
    format!("{t}\n")
}
