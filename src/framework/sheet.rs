//! A framework as a spreadsheet: one row per indicator, and its roles one row per role and
//! competency. `rungs show --format csv` writes these columns and `rungs import sheet` reads
//! them, from the lists below, so a framework shown as CSV imports back the same.

/// One column of the framework sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// The competency's name (required on import).
    Competency,
    /// The level's name (required on import).
    Level,
    /// The indicator's text (required on import).
    Indicator,
    /// The indicator's id.
    IndicatorId,
    /// The competency's id.
    CompetencyId,
    /// The level's id.
    LevelId,
    /// Examples, one a line (or separated by ` ; `).
    Examples,
    /// The competency's description.
    CompetencyDescription,
    /// The level's description.
    LevelDescription,
    /// The name of the group (area, theme) the competency belongs to.
    Group,
    /// The id of that group (default: made from its name).
    GroupId,
    /// The competency's own title for the level.
    CompetencyLevelTitle,
    /// What the competency looks like at the level.
    CompetencyLevelDescription,
    /// Examples of the competency at the level, one a line (or separated by ` ; `).
    CompetencyLevelExamples,
    /// The tracks the row's level is on (names or ids, ` ; ` between several; empty: every
    /// track).
    Track,
    /// The ids of those tracks, in the same order (default: made from the names).
    TrackId,
    /// Where the indicator's text comes from, when it is not the framework's own.
    IndicatorOrigin,
    /// The group's own code (e.g. `ITSP`), kept beside its slug id.
    GroupCode,
    /// The competency's own code (e.g. `4.2`).
    CompetencyCode,
    /// The level's own code.
    LevelCode,
    /// The indicator's own code (e.g. `LO3.1.06`).
    IndicatorCode,
    /// What the indicator is: knowledge, skill, attitude, behaviour, or a label of one's own.
    Kind,
    /// What the competency's group covers.
    GroupDescription,
    /// The framework's id (the same on every row), used when the import is given no `--id`.
    FrameworkId,
    /// The framework's name, used when the import is given no `--name`.
    FrameworkName,
    /// The framework's version, used when the import is given no `--version`.
    FrameworkVersion,
}

/// The text of an indicator cell that says a competency level has no indicators (it imposes no
/// requirement); an empty indicator cell is an error.
pub const NO_INDICATORS: &str = "(no indicators)";

/// Every column, in the order `show --format csv` writes them.
pub const COLUMNS: [Column; 26] = [
    Column::Competency,
    Column::Level,
    Column::Indicator,
    Column::IndicatorId,
    Column::CompetencyId,
    Column::LevelId,
    Column::Examples,
    Column::CompetencyDescription,
    Column::LevelDescription,
    Column::Group,
    Column::GroupId,
    Column::CompetencyLevelTitle,
    Column::CompetencyLevelDescription,
    Column::CompetencyLevelExamples,
    Column::Track,
    Column::TrackId,
    Column::IndicatorOrigin,
    Column::GroupCode,
    Column::CompetencyCode,
    Column::LevelCode,
    Column::IndicatorCode,
    Column::Kind,
    Column::GroupDescription,
    Column::FrameworkId,
    Column::FrameworkName,
    Column::FrameworkVersion,
];

impl Column {
    /// The header written for the column.
    pub fn name(self) -> &'static str {
        match self {
            Column::Competency => "competency",
            Column::Level => "level",
            Column::Indicator => "indicator",
            Column::IndicatorId => "indicator_id",
            Column::CompetencyId => "competency_id",
            Column::LevelId => "level_id",
            Column::Examples => "examples",
            Column::CompetencyDescription => "competency_description",
            Column::LevelDescription => "level_description",
            Column::Group => "group",
            Column::GroupId => "group_id",
            Column::CompetencyLevelTitle => "competency_level_title",
            Column::CompetencyLevelDescription => "competency_level_description",
            Column::CompetencyLevelExamples => "competency_level_examples",
            Column::Track => "track",
            Column::TrackId => "track_id",
            Column::IndicatorOrigin => "indicator_origin",
            Column::GroupCode => "group_code",
            Column::CompetencyCode => "competency_code",
            Column::LevelCode => "level_code",
            Column::IndicatorCode => "indicator_code",
            Column::Kind => "kind",
            Column::GroupDescription => "group_description",
            Column::FrameworkId => "framework_id",
            Column::FrameworkName => "framework_name",
            Column::FrameworkVersion => "framework_version",
        }
    }

    /// Whether an imported sheet must have the column.
    pub fn is_required(self) -> bool {
        matches!(self, Column::Competency | Column::Level | Column::Indicator)
    }

    /// The column a header names: case does not matter, and spaces, hyphens and underscores
    /// are alike (`Competency ID` = `competency_id`).
    pub fn from_header(header: &str) -> Option<Column> {
        let key = header_key(header);
        COLUMNS.into_iter().find(|c| header_key(c.name()) == key)
    }
}

/// One column of the roles sheet: a role's level for one competency a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoleColumn {
    /// The role's name (required).
    Role,
    /// The role's id (default: made from its name).
    RoleId,
    /// What the role is for.
    RoleDescription,
    /// The track the role is on (its id or name).
    Track,
    /// The competency (its id or name; required).
    Competency,
    /// The level the role asks for it (its id or name; required).
    Level,
}

/// Every roles column, in the order `show --roles-output` writes them.
pub const ROLE_COLUMNS: [RoleColumn; 6] = [
    RoleColumn::Role,
    RoleColumn::RoleId,
    RoleColumn::RoleDescription,
    RoleColumn::Track,
    RoleColumn::Competency,
    RoleColumn::Level,
];

impl RoleColumn {
    /// The header written for the column.
    pub fn name(self) -> &'static str {
        match self {
            RoleColumn::Role => "role",
            RoleColumn::RoleId => "role_id",
            RoleColumn::RoleDescription => "role_description",
            RoleColumn::Track => "track",
            RoleColumn::Competency => "competency",
            RoleColumn::Level => "level",
        }
    }

    /// Whether a roles sheet must have the column.
    pub fn is_required(self) -> bool {
        matches!(
            self,
            RoleColumn::Role | RoleColumn::Competency | RoleColumn::Level
        )
    }
}

/// Every field a sheet's header may be mapped to with `--column HEADER=FIELD`: the framework
/// sheet's columns, then the roles sheet's that are not among them.
pub fn fields() -> Vec<&'static str> {
    let mut fields: Vec<&'static str> = COLUMNS.iter().map(|c| c.name()).collect();
    for column in ROLE_COLUMNS {
        if !fields.contains(&column.name()) {
            fields.push(column.name());
        }
    }
    fields
}

/// Whether two headers are the same once case and separators are set aside.
pub fn same_header(a: &str, b: &str) -> bool {
    header_key(a) == header_key(b)
}

/// A header reduced to what matching compares: lowercase, with spaces, hyphens and underscores
/// all `_`, surrounding white space dropped.
fn header_key(header: &str) -> String {
    header
        .trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' | '_' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Examples in one cell, one a line. An example that itself runs over several lines is written
/// on one (its line breaks become spaces), since [`split_examples`] splits on line breaks.
pub fn join_examples(examples: &[String]) -> String {
    examples
        .iter()
        .map(|e| {
            if e.contains(['\n', '\r']) {
                e.split_whitespace().collect::<Vec<_>>().join(" ")
            } else {
                e.clone()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The examples a cell lists: split on line breaks or ` ; `, trimmed, empty items dropped.
pub fn split_examples(cell: &str) -> Vec<String> {
    cell.lines()
        .flat_map(|line| line.split(" ; "))
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_string)
        .collect()
}

/// A cell as written: one a spreadsheet would read as a formula (starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return) gets a leading apostrophe, so it is shown as text and never
/// evaluated. A cell that already starts with an apostrophe gets one more, so that
/// [`restore_cell`] can tell the two apart and give back exactly the text that was written.
pub fn protect_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The text of a cell [`protect_cell`] wrote: the apostrophe it added is taken off again. An
/// apostrophe before any other character is the cell's own text and stays.
pub fn restore_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) => rest,
        _ => cell,
    }
}

/// A slug made from a name: lowercase ASCII letters and digits, other runs as one `-`
/// (`Communication & Influence` -> `communication-influence`); empty when nothing is left.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_whatever_their_case_and_separators() {
        assert_eq!(
            Column::from_header("Competency ID"),
            Some(Column::CompetencyId)
        );
        assert_eq!(
            Column::from_header(" level-description "),
            Some(Column::LevelDescription)
        );
        assert_eq!(Column::from_header("INDICATOR"), Some(Column::Indicator));
        assert_eq!(Column::from_header("notes"), None);
        for column in COLUMNS {
            assert_eq!(Column::from_header(column.name()), Some(column));
        }
    }

    #[test]
    fn protected_cells_restore_to_what_was_written() {
        for text in [
            "=SUM(A1)",
            "+1",
            "-2 degrees",
            "@home",
            "'quoted'",
            "''=x",
            "'=x",
            "plain",
            "",
            "\tindented",
        ] {
            let cell = protect_cell(text);
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
            assert_eq!(restore_cell(&cell), text);
        }
        // An apostrophe a person typed before ordinary text is theirs.
        assert_eq!(restore_cell("'tis the season"), "'tis the season");
    }

    #[test]
    fn examples_split_on_lines_and_semicolons() {
        assert_eq!(
            split_examples("runs a demo ; writes notes\r\n\n asks questions "),
            ["runs a demo", "writes notes", "asks questions"]
        );
        let examples = vec!["one".to_string(), "two\n  lines".to_string()];
        assert_eq!(join_examples(&examples), "one\ntwo lines");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Communication & Influence"), "communication-influence");
        assert_eq!(slug("  Level 3 (Senior) "), "level-3-senior");
        assert_eq!(slug("Équipe"), "quipe");
        assert_eq!(slug("!!"), "");
    }
}
