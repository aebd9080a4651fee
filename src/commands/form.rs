//! `rungs form`: a self-contained HTML page for a rater who does not use a terminal, or one
//! page per rater of a raters sheet.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use rungs::assessment::issued::{self, IssuedPage};
use rungs::assessment::Assessment;
use rungs::catalog::Entry;
use rungs::error::BadInput;
use rungs::form::{form, FormPage, Who};
use rungs::framework::Ladder;
use rungs::io::write::{self, check_target, Refusal};
use rungs::render::{Document, Style};

use super::output::Output;
use super::Context;
use crate::cli::FormArgs;

/// The page as a document with one format, written the way every command writes a file.
struct Page(FormPage);

impl Document for Page {
    type Format = ();

    fn render(&self, _format: (), _style: Style) -> String {
        rungs::render::form::render(&self.0)
    }
}

pub fn run(context: &Context, args: &FormArgs) -> anyhow::Result<ExitCode> {
    for (flag, name) in [("--subject", &args.subject), ("--rater", &args.rater)] {
        if let Some(name) = name {
            rungs::assessment::person::check_name(flag, name).map_err(BadInput::new)?;
        }
    }
    let catalog = context.catalog()?;
    let (entry, base) = match &args.from {
        Some(from) => {
            let opened = rungs::open::to_continue(&catalog, from, Some(&args.framework))?;
            context.warn_all(&opened.warnings);
            let mut base = Assessment::started_from(&opened.entry, &opened.assessment, from);
            // The page offers last time's ratings and notes as the values to start from.
            base.ratings = opened.assessment.ratings.clone();
            base.notes = opened.assessment.notes.clone();
            (opened.entry, base)
        }
        None => {
            let entry = catalog.resolve(&args.framework)?;
            let base = Assessment::new(&entry);
            (entry, base)
        }
    };
    for warning in &rungs::error::capped(&entry.warnings) {
        context.say(warning);
    }
    // The page shows the framework's texts in the language asked for; what it saves is
    // fitted to the framework as written.
    let mut base = base;
    let mut entry = entry;
    if let Some(translated) = context.in_language(&entry, args.lang.lang.as_deref())? {
        entry.framework = translated.framework.into();
        base.lang.clone_from(&args.lang.lang);
    }
    let ladder = rungs::open::choose_ladder(
        &entry.framework,
        args.track.track.as_deref(),
        base.track.as_deref(),
        &Default::default(),
    )?;
    let relation = args.relation.map(Into::into);
    match (&args.output, &args.raters, &args.output_dir) {
        (Some(output), None, None) => {
            let who = Who {
                subject: args.subject.clone(),
                rater: args.rater.clone(),
                relation,
            };
            let issued = (who.rater.clone(), who.relation);
            let page = page(&entry, &ladder, &base, who);
            let output = Output::new(Some(output), args.force);
            refuse_inputs(output, &entry, args)?;
            output.check()?;
            // The ledger first: a page is never out without its record.
            let ledger = match output.path {
                Some(path) => {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    if name == issued::LEDGER_NAME {
                        return Err(BadInput::new(format!(
                            "--output {}: that is the name of the ledger rungs form keeps beside its pages; give the page another name",
                            path.display()
                        ))
                        .into());
                    }
                    let record =
                        IssuedPage::of(&name, &page.0.base, issued.0.as_deref(), issued.1);
                    Some(record_pages(&write::folder_of(path), record.into_iter().collect())?)
                }
                None => None,
            };
            output.write(context, &page, ())?;
            say_next(context, &page.0);
            say_ledger(context, ledger.as_deref());
        }
        (None, Some(raters), Some(dir)) => {
            per_rater(context, args, (&entry, &ladder, &base), raters, dir)?;
        }
        _ => {
            return Err(BadInput::new(
                "give --output FILE.html for one page, or --raters FILE.csv --output-dir DIR for a page per rater",
            )
            .into())
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn page(entry: &Entry, ladder: &Ladder, base: &Assessment, who: Who) -> Page {
    Page(form(&entry.framework, ladder, base, who))
}

/// One page per row of the raters sheet, named from the rater's name, all checked before any
/// is written.
fn per_rater(
    context: &Context,
    args: &FormArgs,
    (entry, ladder, base): (&Entry, &Ladder, &Assessment),
    raters: &Path,
    dir: &Path,
) -> anyhow::Result<()> {
    if args.subject.is_none() && base.subject.is_none() {
        return Err(
            BadInput::new("--raters: name the person they rate with --subject NAME").into(),
        );
    }
    let shown = raters.display().to_string();
    let bytes = rungs::io::read_limited(raters, rungs::form::MAX_RATERS_SIZE, "raters sheet")?;
    let rows = rungs::form::raters(&shown, &bytes)?;
    if dir.exists() && !dir.is_dir() {
        return Err(
            BadInput::new(format!("--output-dir {}: is not a folder", dir.display())).into(),
        );
    }
    let targets: Vec<_> = rows
        .iter()
        .map(|row| dir.join(format!("{}.html", row.stem)))
        .collect();
    // The one output check for every page before any is written: an existing page only with
    // --force, and never a link, a named pipe or a device.
    let refused: Vec<String> = targets
        .iter()
        .filter_map(|t| {
            match check_target(t, args.force) {
                // The folder is made below.
                Ok(()) | Err(Refusal::NoFolder(_)) => None,
                Err(refusal) => Some(format!("{}: {refusal}", t.display())),
            }
        })
        .collect();
    if !refused.is_empty() {
        return Err(BadInput::many(refused).into());
    }
    for target in &targets {
        refuse_inputs(Output::new(Some(target), true), entry, args)?;
    }
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    let pages: Vec<Page> = rows
        .iter()
        .map(|row| {
            let who = Who {
                subject: args.subject.clone(),
                rater: Some(row.name.clone()),
                relation: Some(row.relation),
            };
            page(entry, ladder, base, who)
        })
        .collect();
    // The ledger first: a page is never out without its record.
    let records = rows
        .iter()
        .zip(&pages)
        .filter_map(|(row, page)| {
            IssuedPage::of(
                &format!("{}.html", row.stem),
                &page.0.base,
                Some(&row.name),
                Some(row.relation),
            )
        })
        .collect();
    let ledger = record_pages(dir, records)?;
    for (page, target) in pages.iter().zip(&targets) {
        Output::new(Some(target), args.force).write(context, page, ())?;
    }
    context.say(format!(
        "{} written to {}. Send each person their page; each saves a file to send back. Then: rungs compare FILE...",
        rungs::render::plural(rows.len(), "page", "pages"),
        dir.display()
    ));
    say_ledger(context, Some(&ledger));
    Ok(())
}

/// Record issued pages in the ledger of `folder`.
fn record_pages(folder: &Path, pages: Vec<IssuedPage>) -> anyhow::Result<PathBuf> {
    issued::record(folder, pages).map_err(|e| match e {
        issued::RecordError::Bad(bad) => bad.into(),
        io => anyhow::Error::from(io),
    })
}

/// Where the pages were recorded, and what the record is for.
fn say_ledger(context: &Context, ledger: Option<&Path>) {
    match ledger {
        Some(ledger) => context.say(format!(
            "Recorded in {}: with --issued {} compare, team and report count only files saved from the pages it lists, as they were issued.",
            ledger.display(),
            ledger.display()
        )),
        None => context.say("The page went to stdout, so no ledger records it: files saved from it cannot be checked with --issued."),
    }
}

/// A page may not replace a file the form is made from: the framework file, the previous
/// assessment (`--from`) or the raters sheet.
fn refuse_inputs(output: Output<'_>, entry: &Entry, args: &FormArgs) -> Result<(), BadInput> {
    if let rungs::catalog::Origin::File(framework) = &entry.origin {
        output.refuse_inputs([framework.as_path()], "the framework of the form")?;
    }
    output.refuse_inputs(args.from.as_deref(), "the assessment the form starts from")?;
    output.refuse_inputs(args.raters.as_deref(), "the raters sheet")
}

/// What to do with the page.
fn say_next(context: &Context, page: &FormPage) {
    context.say(format!(
        "{} indicators to rate. Send the page to the rater: they open it in a browser, rate, and press Save to download a file to send back. Then: rungs compare FILE...",
        page.indicator_count()
    ));
}
