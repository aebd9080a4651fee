//! `rungs import sheet` of frameworks as organisations publish them (contract section 11):
//! sheets in other encodings, workbooks whose problems are said per sheet, problems said once
//! for many rows, damaged workbooks named as such. Every sheet is written by the test.

use std::io::Write as _;
use std::path::Path;

use crate::support::run_in;

/// A workbook with these sheets, each a list of rows of text cells.
fn workbook(path: &Path, sheets: &[(&str, &[&[&str]])]) {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name).expect("name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    sheet.write_string(r as u32, c as u16, *cell).expect("cell");
                }
            }
        }
    }
    workbook.save(path).expect("workbook saved");
}

/// A zip file of these parts, stored as given.
fn zipped(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in parts {
        zip.start_file(*name, options).expect("part");
        zip.write_all(bytes).expect("part written");
    }
    zip.finish().expect("zip").into_inner()
}

/// The parts of a zip file, by name.
fn unzipped(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read as _;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index(i).expect("part");
            let mut content = Vec::new();
            part.read_to_end(&mut content).expect("read");
            (part.name().to_string(), content)
        })
        .collect()
}

#[test]
fn a_windows_1252_sheet_is_refused_naming_encoding_and_read_with_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    // "Café" and "Naïve" as Excel's plain "CSV" saves them on Windows.
    std::fs::write(
        dir.path().join("ladder.csv"),
        b"competency,level,indicator\nCaf\xe9 craft,Junior,Na\xefve code \x96 reviewed\n",
    )
    .expect("write");
    let out = run_in(dir.path(), &["import", "sheet", "ladder.csv"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "error: ladder.csv:2: file is not UTF-8 text (byte 0xE9 on this line); give its encoding with --encoding, e.g. --encoding windows-1252 for Excel's plain \"CSV\" on Windows, or save the sheet as \"CSV UTF-8\"\n"
    );
    let out = run_in(
        dir.path(),
        &[
            "-q",
            "import",
            "sheet",
            "ladder.csv",
            "--encoding",
            "windows-1252",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("name: Café craft"), "{}", out.stdout);
    assert!(
        out.stdout.contains("text: Naïve code – reviewed"),
        "{}",
        out.stdout
    );
    let out = run_in(
        dir.path(),
        &["import", "sheet", "ladder.csv", "--encoding", "klingon"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: --encoding \"klingon\" is not the name of a text encoding"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_file_of_another_kind_is_refused_naming_the_kinds_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("notes.md"),
        "competency,level,indicator\nA,One,x\n",
    )
    .expect("write");
    let out = run_in(dir.path(), &["import", "sheet", "notes.md"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: notes.md: sheets are read from .csv, .tsv, .xlsx and .ods files, chosen by the extension, and this name has none of them; save the sheet as one of these (or rename it, if it is one)\n"
    );
}

#[test]
fn the_main_sheets_and_the_roles_sheets_problems_are_said_together_naming_each_sheet() {
    let dir = tempfile::tempdir().expect("temp dir");
    workbook(
        &dir.path().join("ladder.xlsx"),
        &[
            (
                "Signals",
                &[
                    &["competency", "level", "indicator"],
                    &["Craft", "Junior", "Writes tests"],
                    &["Craft", "Senior", ""],
                ],
            ),
            (
                "Roles",
                &[
                    &["role", "competency", "level"],
                    &["Engineer", "Craft", "Junior"],
                    &["Engineer", "Craft", "Junior"],
                    &["Lead", "Craft", "Principal"],
                ],
            ),
        ],
    );
    let out = run_in(
        dir.path(),
        &["import", "sheet", "ladder.xlsx", "--roles-sheet", "Roles"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "error: ladder.xlsx[Signals]:3:3: empty indicator: give the text to rate, write (no indicators) for a level that asks nothing, or delete the row\n\
         error: ladder.xlsx[Roles]:4:3: no level \"Principal\" in the framework sheet; give an id or a name of: junior, senior\n"
    );
}

#[test]
fn a_semicolon_that_splits_no_examples_is_one_warning_per_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut sheet = String::from("competency,level,indicator,examples\n");
    for i in 0..30 {
        sheet.push_str(&format!(
            "Craft,Junior,Writes test {i},adds tests;names things\n"
        ));
    }
    sheet.push_str("Craft,Senior,Designs,one ; two\n");
    std::fs::write(dir.path().join("ladder.csv"), sheet).expect("write");
    let out = run_in(
        dir.path(),
        &["import", "sheet", "ladder.csv", "-o", "ladder.yaml"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "ladder.csv:2:4: warning: 30 cells of column \"examples\" hold ';' with no space on both sides, which does not split examples, so each is one example (the first here); to split them, write \" ; \" or one example a line\n\
         imported 1 competency, 2 levels, 31 indicators into ladder.yaml; check it with: rungs validate ladder.yaml\n"
    );
}

#[test]
fn one_problem_on_many_rows_is_said_for_twenty_then_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut sheet = String::from("competency,level,indicator\n");
    for _ in 0..3000 {
        sheet.push_str("Craft,Junior,\n");
    }
    std::fs::write(dir.path().join("ladder.csv"), sheet).expect("write");
    let out = run_in(dir.path(), &["import", "sheet", "ladder.csv"]);
    assert_eq!(out.code, 2);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 21, "{}", out.stderr);
    assert!(lines[19].starts_with("error: ladder.csv:21:3: empty indicator"));
    assert!(
        lines[20].starts_with(
            "error: ladder.csv:22:3: 2980 more places with this problem, from here on: empty indicator"
        ),
        "{}",
        lines[20]
    );
    // Warnings too: 3000 indicators of one text.
    let mut sheet = String::from("competency,level,indicator\n");
    for i in 0..3000 {
        sheet.push_str(&format!("Craft {i},Junior,Writes tests\n"));
    }
    std::fs::write(dir.path().join("same.csv"), sheet).expect("write");
    let out = run_in(
        dir.path(),
        &["import", "sheet", "same.csv", "-o", "same.yaml"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.lines().count() <= 25, "{}", out.stderr);
    let out = run_in(dir.path(), &["validate", "same.yaml"]);
    assert!(out.stderr.lines().count() <= 25, "{}", out.stderr);
}

#[test]
fn an_ods_of_a_row_repeated_a_billion_times_is_refused_in_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1">
<table:table-row><table:table-cell office:value-type="string"><text:p>competency</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>level</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>indicator</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1000000000"><table:table-cell office:value-type="string"><text:p>Craft</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Junior</text:p></table:table-cell><table:table-cell/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let ods = |content: &str| {
        zipped(&[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("content.xml", content.as_bytes()),
            ("META-INF/manifest.xml", manifest.as_bytes()),
        ])
    };
    std::fs::write(dir.path().join("huge.ods"), ods(content)).expect("write");
    let out = run_in(dir.path(), &["import", "sheet", "huge.ods"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "error: huge.ods: sheet \"Sheet1\" repeats its rows or cells (table:number-rows-repeated, table:number-columns-repeated) into 1000000001 rows by 3 columns, far more than the file holds; it was not read. Save the sheet again from the spreadsheet, or as CSV\n"
    );
    // Repeated a few times, the rows are read (and, all empty, each said in one line at most).
    std::fs::write(
        dir.path().join("few.ods"),
        ods(&content.replace("1000000000", "30")),
    )
    .expect("write");
    let out = run_in(dir.path(), &["import", "sheet", "few.ods"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 21, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("error: few.ods[Sheet1]:2:3: empty indicator"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_damaged_workbook_says_what_is_wrong_with_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let book = dir.path().join("ladder.xlsx");
    workbook(
        &book,
        &[(
            "Signals",
            &[
                &["competency", "level", "indicator"],
                &["Craft", "Junior", "Tests"],
            ],
        )],
    );
    let bytes = std::fs::read(&book).expect("read");
    // Cut short, as a download that stopped.
    std::fs::write(dir.path().join("cut.xlsx"), &bytes[..bytes.len() / 2]).expect("write");
    let out = run_in(dir.path(), &["import", "sheet", "cut.xlsx"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with(
            "error: cut.xlsx: the workbook is damaged: its zip directory cannot be read ("
        ),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("Cannot detect"), "{}", out.stderr);
    // A part declaring a DOCTYPE.
    let parts: Vec<(String, Vec<u8>)> = unzipped(&bytes)
        .into_iter()
        .map(|(name, content)| {
            if name == "xl/workbook.xml" {
                let text = String::from_utf8(content).expect("text");
                let text = text.replacen("?>", "?><!DOCTYPE workbook [<!ENTITY a \"aaaa\">]>", 1);
                (name, text.into_bytes())
            } else {
                (name, content)
            }
        })
        .collect();
    let parts: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_slice()))
        .collect();
    std::fs::write(dir.path().join("doctype.xlsx"), zipped(&parts)).expect("write");
    let out = run_in(dir.path(), &["import", "sheet", "doctype.xlsx"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: doctype.xlsx: the workbook is damaged: its part \"xl/workbook.xml\" declares a DOCTYPE, which no spreadsheet writes; it was not read (save it again from the spreadsheet, or as CSV)\n"
    );
}

/// `rungs show FILE --format json`, parsed.
fn shown(dir: &Path, file: &str) -> serde_json::Value {
    let out = run_in(dir, &["-q", "show", file, "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON")
}

#[test]
fn names_differing_only_in_case_or_spacing_are_one_item_and_cells_are_trimmed() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A trailing space, a no-break space, a doubled space, another case: one level, one
    // competency, one group, and the descriptions the same once trimmed.
    std::fs::write(
        dir.path().join("ladder.csv"),
        "competency,level,indicator,group,level_description\n\
         Personal Growth,Basic ,Seeks feedback,Growth , Starts out\n\
         Personal growth,Basic\u{a0},Shares what they learn,growth,Starts out \n\
         Personal  Growth,Advanced,Coaches others,GROWTH,\n\
         Delivery,Basic,Ships,Growth,\n",
    )
    .expect("write");
    let out = run_in(
        dir.path(),
        &["import", "sheet", "ladder.csv", "-o", "ladder.yaml"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "ladder.csv:3:1: warning: competency \"personal-growth\" is spelled \"Personal growth\" (row 3), \"Personal  Growth\" (row 4) as well as \"Personal Growth\" (row 2); names that differ only in case or spacing are one, and the first spelling is kept\n\
         ladder.csv:3:4: warning: group \"growth\" is spelled \"growth\" (row 3), \"GROWTH\" (row 4) as well as \"Growth\" (row 2); names that differ only in case or spacing are one, and the first spelling is kept\n\
         imported 2 competencies, 2 levels, 4 indicators into ladder.yaml; check it with: rungs validate ladder.yaml\n"
    );
    let framework = shown(dir.path(), "ladder.yaml");
    assert_eq!(framework["levels"][0]["name"], "Basic");
    assert_eq!(framework["levels"][0]["description"], "Starts out");
    assert_eq!(framework["competencies"][0]["name"], "Personal Growth");
    assert_eq!(framework["groups"][0]["name"], "Growth");
    // Another name altogether is still an error.
    std::fs::write(
        dir.path().join("other.csv"),
        "competency,competency_id,level,indicator\nGrowth,g,Basic,a\nLearning,g,Basic,b\n",
    )
    .expect("write");
    let out = run_in(dir.path(), &["import", "sheet", "other.csv"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "error: other.csv:3:1: competency \"g\" has name \"Learning\" here but \"Growth\" at row 2; give every row the same\n"
    );
}

#[test]
fn codes_that_are_not_slugs_become_ids_and_are_kept_as_codes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut sheet =
        String::from("competency_id,competency,level_id,level,indicator,group_id,group\n");
    for i in 0..40 {
        sheet.push_str(&format!(
            "ITSP{i},IT strategy {i},L1,Level 1,Follows plan {i},STGY,Strategy\n\
             ITSP{i},IT strategy {i},L2,Level 2,Makes plan {i},STGY,Strategy\n"
        ));
    }
    std::fs::write(dir.path().join("sfia.csv"), sheet).expect("write");
    let out = run_in(
        dir.path(),
        &["import", "sheet", "sfia.csv", "-o", "sfia.yaml"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "imported 40 competencies, 2 levels, 80 indicators into sfia.yaml; check it with: rungs validate sfia.yaml\n"
    );
    let framework = shown(dir.path(), "sfia.yaml");
    let competency = &framework["competencies"][3];
    assert_eq!(competency["id"], "itsp3");
    assert_eq!(competency["code"], "ITSP3");
    assert_eq!(framework["levels"][1]["id"], "l2");
    assert_eq!(framework["levels"][1]["code"], "L2");
    assert_eq!(framework["groups"][0]["id"], "stgy");
    assert_eq!(framework["groups"][0]["code"], "STGY");
    // And the code comes back through a sheet.
    let csv = run_in(dir.path(), &["-q", "show", "sfia.yaml", "--format", "csv"]);
    std::fs::write(dir.path().join("again.csv"), &csv.stdout).expect("write");
    let out = run_in(
        dir.path(),
        &["-q", "import", "sheet", "again.csv", "-o", "again.yaml"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        shown(dir.path(), "again.yaml")["competencies"],
        framework["competencies"]
    );
}

#[test]
fn behaviours_restated_at_higher_levels_are_folded_into_their_first_occurrence() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("ladder.csv"),
        "competency,level,indicator\n\
         Craft,One,Writes tests\n\
         Craft,Two,Writes tests\n\
         Craft,Two,Designs modules\n\
         Craft,Three,Writes  tests\n\
         Craft,Three,Designs modules\n\
         Craft,Three,Sets direction\n\
         Other,Two,Writes tests\n",
    )
    .expect("write");
    let out = run_in(
        dir.path(),
        &["import", "sheet", "ladder.csv", "-o", "ladder.yaml"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "ladder.csv:3:3: warning: competency \"craft\" restates 3 indicators word for word at a higher level; each is kept once, at the lowest level that asks it (a higher level asks what the levels below it ask); --keep-repeats keeps every row\n\
         ladder.csv: warning: competencies[1].levels[0].indicators[0]: indicator \"other.two.1\" has the same text as an earlier indicator\n\
         imported 2 competencies, 3 levels, 4 indicators into ladder.yaml; check it with: rungs validate ladder.yaml\n"
    );
    let framework = shown(dir.path(), "ladder.yaml");
    let texts = |c: usize| -> Vec<Vec<String>> {
        framework["competencies"][c]["levels"]
            .as_array()
            .expect("levels")
            .iter()
            .map(|l| {
                l["indicators"]
                    .as_array()
                    .expect("indicators")
                    .iter()
                    .map(|i| i["text"].as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .collect()
    };
    assert_eq!(
        texts(0),
        [
            vec!["Writes tests"],
            vec!["Designs modules"],
            vec!["Sets direction"]
        ]
    );
    assert_eq!(texts(1), [vec!["Writes tests"]]);
    let out = run_in(
        dir.path(),
        &[
            "import",
            "sheet",
            "ladder.csv",
            "--keep-repeats",
            "-o",
            "kept.yaml",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.ends_with("imported 2 competencies, 3 levels, 7 indicators into kept.yaml; check it with: rungs validate kept.yaml\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_framework_shown_as_a_sheet_keeps_its_identity_through_the_import() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = run_in(dir.path(), &["-q", "show", "networking", "--format", "csv"]);
    assert_eq!(csv.code, 0);
    let header = csv.stdout.lines().next().unwrap_or_default().to_string();
    assert!(
        header.ends_with(",framework_id,framework_name,framework_version"),
        "{header}"
    );
    std::fs::write(dir.path().join("sheet.csv"), &csv.stdout).expect("write");
    let out = run_in(
        dir.path(),
        &["-q", "import", "sheet", "sheet.csv", "-o", "back.yaml"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let original = shown(dir.path(), "networking");
    let back = shown(dir.path(), "back.yaml");
    for key in ["id", "name", "version"] {
        assert_eq!(back[key], original[key], "{key}");
    }
    // Flags still say what they say.
    let out = run_in(
        dir.path(),
        &[
            "-q",
            "import",
            "sheet",
            "sheet.csv",
            "--id",
            "ours",
            "--version",
            "9",
            "-o",
            "ours.yaml",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let ours = shown(dir.path(), "ours.yaml");
    assert_eq!(
        (&ours["id"], &ours["name"], &ours["version"]),
        (&"ours".into(), &original["name"], &"9".into())
    );
}

/// One competency's levels, each with its indicators' texts.
type Ladder = (String, Vec<(String, Vec<String>)>);

/// Each competency's levels and their indicators' texts, from `show --format json`.
fn ladders(framework: &serde_json::Value) -> Vec<Ladder> {
    framework["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .map(|c| {
            let levels = c["levels"]
                .as_array()
                .expect("levels")
                .iter()
                .map(|l| {
                    let texts = l["indicators"]
                        .as_array()
                        .expect("indicators")
                        .iter()
                        .map(|i| i["text"].as_str().unwrap_or_default().to_string())
                        .collect();
                    (l["level"].as_str().unwrap_or_default().to_string(), texts)
                })
                .collect();
            (c["id"].as_str().unwrap_or_default().to_string(), levels)
        })
        .collect()
}

#[test]
fn a_wide_sheet_of_one_column_per_level_imports_with_wide() {
    let dir = tempfile::tempdir().expect("temp dir");
    // As SFIA publishes its skills: a code, a name, a description and one column per level,
    // an empty cell where the skill has no such level; saved by Excel as Windows-1252.
    let sheet = "Code,Skill,Description,Levels,Level 3 description,Level 1 description,Level 2 description,\n\
                 ITSP,Strategic planning,Plans \u{2013} at scale,\"2-3\",Leads planning,,Helps plan,\n\
                 PROG,Programming,Writes code,\"1-2\",,\"\u{2022} Writes small programs\n\u{2022} Fixes bugs\",\"1. Designs programs\n2. Reviews code\",\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(sheet);
    std::fs::write(dir.path().join("sfia.csv"), &bytes).expect("write");
    let out = run_in(
        dir.path(),
        &[
            "import",
            "sheet",
            "sfia.csv",
            "--wide",
            "--split",
            "lines",
            "--encoding",
            "windows-1252",
            "--column",
            "Code=competency_id",
            "--column",
            "Skill=competency",
            "--column",
            "Description=competency_description",
            "-o",
            "sfia.yaml",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "sfia.csv:1:4: warning: column \"Levels\" is not read; to read it, add --column 'Levels=FIELD' with FIELD one of: level, indicator, indicator_id, level_id, examples, level_description, group, group_id, competency_level_title, competency_level_description, competency_level_examples, track, track_id, indicator_origin, group_code, competency_code, level_code, indicator_code, kind, group_description, framework_id, framework_name, framework_version\n\
         imported 2 competencies, 3 levels, 6 indicators into sfia.yaml; check it with: rungs validate sfia.yaml\n"
    );
    let framework = shown(dir.path(), "sfia.yaml");
    let levels: Vec<_> = framework["levels"]
        .as_array()
        .expect("levels")
        .iter()
        .map(|l| {
            (
                l["id"].as_str().unwrap_or_default(),
                l["name"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        levels,
        [
            ("level-1", "Level 1"),
            ("level-2", "Level 2"),
            ("level-3", "Level 3")
        ]
    );
    let s = |t: &str| t.to_string();
    assert_eq!(
        ladders(&framework),
        [
            (
                s("itsp"),
                vec![
                    (s("level-2"), vec![s("Helps plan")]),
                    (s("level-3"), vec![s("Leads planning")])
                ]
            ),
            (
                s("prog"),
                vec![
                    (
                        s("level-1"),
                        vec![s("Writes small programs"), s("Fixes bugs")]
                    ),
                    (s("level-2"), vec![s("Designs programs"), s("Reviews code")])
                ]
            ),
        ]
    );
    assert_eq!(framework["competencies"][0]["code"], "ITSP");
    assert_eq!(
        framework["competencies"][0]["description"],
        "Plans – at scale"
    );
    // Without --split a cell is one indicator; an error in a level's cell names that cell.
    let out = run_in(
        dir.path(),
        &[
            "-q",
            "import",
            "sheet",
            "sfia.csv",
            "--wide",
            "--encoding",
            "windows-1252",
            "--column",
            "Code=competency_id",
            "--column",
            "Skill=competency",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "text: |-\n              1. Designs programs\n              2. Reviews code\n"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn a_matrix_maps_each_level_column_with_column_level() {
    let dir = tempfile::tempdir().expect("temp dir");
    workbook(
        &dir.path().join("matrix.xlsx"),
        &[(
            "Matrix",
            &[
                &["Competency", "Novice", "", "Expert"],
                &["Listening", "Lets others finish", "", "Sums up"],
                &["Writing", "", "", "Edits others"],
                &["", "", "", ""],
            ],
        )],
    );
    let out = run_in(
        dir.path(),
        &[
            "import",
            "sheet",
            "matrix.xlsx",
            "--column",
            "Expert=level:Expert",
            "--column",
            "Novice=level:Novice",
            "-o",
            "m.yaml",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let framework = shown(dir.path(), "m.yaml");
    let s = |t: &str| t.to_string();
    // Levels in the sheet's order of columns, not the order of the flags.
    assert_eq!(framework["levels"][0]["id"], "novice");
    assert_eq!(
        ladders(&framework),
        [
            (
                s("listening"),
                vec![
                    (s("novice"), vec![s("Lets others finish")]),
                    (s("expert"), vec![s("Sums up")])
                ]
            ),
            (s("writing"), vec![(s("expert"), vec![s("Edits others")])]),
        ]
    );
    // --wide finds no "Level N" header here, and says how to map them.
    let out = run_in(dir.path(), &["import", "sheet", "matrix.xlsx", "--wide"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: matrix.xlsx[Matrix]:1: --wide: no header names a level (\"Level 1\", \"Level 2 description\"...); map each level's column with --column 'HEADER=level:NAME'\n"
    );
}

#[test]
fn a_workbook_of_several_tables_gives_levels_competencies_and_groups_their_texts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let statements: &[&[&str]] = &[
        &["competency", "level", "indicator", "competency_description"],
        &[
            "Browsing and searching",
            "Foundation",
            "Finds data with a search engine",
            "other text",
        ],
        &[
            "browsing and searching",
            "Intermediate",
            "Chooses search terms",
            "different",
        ],
        &["Interacting", "Advanced", "Picks a tool", ""],
    ];
    let write = |levels: &[&[&str]]| {
        workbook(
            &dir.path().join("digcomp.xlsx"),
            &[
                (
                    "ReadMe",
                    &[&["DigComp 3.0 ReadMe"], &["This workbook lists..."]],
                ),
                (
                    "Areas",
                    &[
                        &["group_id", "group", "group_description"],
                        &["1", "Information and data literacy", "Finding information"],
                        &["2", "Communication", "Working with others"],
                    ],
                ),
                (
                    "Competences",
                    &[
                        &[
                            "competency_id",
                            "competency",
                            "competency_description",
                            "group_id",
                        ],
                        &["1.1", "Browsing and searching", "To find data", "1"],
                        &["2.1", "Interacting", "To interact", "2"],
                        &["2.1", "Interacting ", "To interact", "2"],
                    ],
                ),
                ("Levels", levels),
                ("Statements", statements),
            ],
        )
    };
    write(&[
        &["level", "level_description"],
        &["Foundation", "Simple tasks"],
        &["Foundation ", "Simple tasks"],
        &["Intermediate", "Well-defined tasks"],
        &["Advanced", "Different tasks"],
    ]);
    let args = [
        "import",
        "sheet",
        "digcomp.xlsx",
        "--sheet",
        "Statements",
        "--levels-sheet",
        "Levels",
        "--competencies-sheet",
        "Competences",
        "--groups-sheet",
        "Areas",
        "-o",
        "digcomp.yaml",
        "--force",
    ];
    let out = run_in(dir.path(), &args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "digcomp.xlsx[Statements]:1:4: warning: column \"competency_description\" is not read: a table sheet gives these texts\n\
         imported 2 competencies, 3 levels, 3 indicators into digcomp.yaml; check it with: rungs validate digcomp.yaml\n"
    );
    let framework = shown(dir.path(), "digcomp.yaml");
    let pick = |list: &str, keys: &[&str]| -> Vec<Vec<serde_json::Value>> {
        framework[list]
            .as_array()
            .expect("list")
            .iter()
            .map(|item| keys.iter().map(|k| item[*k].clone()).collect())
            .collect()
    };
    let v = |t: &str| serde_json::Value::from(t);
    assert_eq!(
        pick("levels", &["id", "name", "description"]),
        [
            vec![v("foundation"), v("Foundation"), v("Simple tasks")],
            vec![
                v("intermediate"),
                v("Intermediate"),
                v("Well-defined tasks")
            ],
            vec![v("advanced"), v("Advanced"), v("Different tasks")],
        ]
    );
    assert_eq!(
        pick("competencies", &["id", "name", "description", "group"]),
        [
            vec![
                v("1.1"),
                v("Browsing and searching"),
                v("To find data"),
                v("1")
            ],
            vec![v("2.1"), v("Interacting"), v("To interact"), v("2")],
        ]
    );
    assert_eq!(
        pick("groups", &["id", "name", "description"]),
        [
            vec![
                v("1"),
                v("Information and data literacy"),
                v("Finding information")
            ],
            vec![v("2"), v("Communication"), v("Working with others")],
        ]
    );
    // The descriptions of groups come back through a sheet, with the framework's identity.
    let csv = run_in(
        dir.path(),
        &["-q", "show", "digcomp.yaml", "--format", "csv"],
    );
    std::fs::write(dir.path().join("again.csv"), &csv.stdout).expect("write");
    let out = run_in(
        dir.path(),
        &["-q", "import", "sheet", "again.csv", "-o", "again.yaml"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let again = shown(dir.path(), "again.yaml");
    for key in ["id", "name", "version", "levels", "groups", "competencies"] {
        assert_eq!(again[key], framework[key], "{key}");
    }

    // Rows naming one level with other texts: one error naming the rows.
    write(&[
        &["level", "level_description"],
        &["Foundation", "Simple tasks"],
        &["Foundation", "Simple, guided tasks"],
        &["Intermediate", "Well-defined tasks"],
        &["Advanced", "Different tasks"],
    ]);
    let out = run_in(dir.path(), &args);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "error: digcomp.xlsx[Levels]:3:2: level \"foundation\" has another description at row 3 than at row 2; give it once, or the same on every row\n"
        ),
        "{}",
        out.stderr
    );

    // The first sheet is a ReadMe: the error lists the sheets with their first row.
    let out = run_in(dir.path(), &["import", "sheet", "digcomp.xlsx"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.ends_with(
            "error: digcomp.xlsx: the workbook's sheets, with their first row: \"ReadMe\" (DigComp 3.0 ReadMe); \"Areas\" (group_id, group, group_description); \"Competences\" (competency_id, competency, competency_description, group_id); \"Levels\" (level, level_description); \"Statements\" (competency, level, indicator, competency_description); pick the one to read with --sheet NAME\n"
        ),
        "{}",
        out.stderr
    );
}
