//! The team at a terminal: the matrix (one line per person, the rank held per competency,
//! coloured by rank), the distribution of levels, and the target view.
//!
//! The matrix fits the width it is given: names are cut to 24 columns, each competency takes
//! four, and competencies that do not fit go to a further block of the same people.

use crate::render::cell;
use comfy_table::CellAlignment;

use super::{heading, risk, some_names};
use crate::render::width::{cut, pad, width as text_width};
use crate::render::{bold, lines, table, visible, Style};
use crate::team::Team;

const NAME_MAX: usize = 24;
const COLUMN: usize = 4;

/// Everything, as text for a terminal of `style.width` columns.
pub fn render(team: &Team, style: Style) -> String {
    let mut out = String::new();
    out.push_str(&bold(&lines(&visible(&heading(team)), style.width), style));
    out.push('\n');
    out.push_str(&matrix(team, style));
    out.push('\n');
    let people = people(team, style);
    if !people.is_empty() {
        out.push_str(&people);
        out.push('\n');
    }
    out.push_str(&distribution(team, style));
    if team.competencies.iter().any(|c| c.target.is_some()) {
        out.push('\n');
        out.push_str(&targets(team, style));
    }
    if team.over_time.is_some() {
        out.push('\n');
        out.push_str(&rounds(team, style));
        out.push('\n');
        out.push_str(&movement(team, style));
    }
    if !team.without_view.is_empty() {
        out.push_str(&format!(
            "\nLeft out, with no {}: {}\n",
            super::view_text(team.view).trim_end_matches('s'),
            visible(&some_names(&team.without_view, 10))
        ));
    }
    out
}

/// The rank held, coloured from red (none) to green (the top rank); `na` when the competency
/// does not apply to the person.
fn rank_cell(standing: &crate::compare::Standing, max: usize, style: Style) -> String {
    let rank = standing.rank;
    let text = if !standing.applicable {
        "na".to_string()
    } else if rank == 0 {
        "·".to_string()
    } else {
        rank.to_string()
    };
    let padded = format!("{text:>width$}", width = COLUMN - 1);
    if !style.color {
        return padded;
    }
    let styled = console::style(padded).force_styling(true);
    let share = rank as f64 / max.max(1) as f64;
    let styled = if !standing.applicable {
        styled.dim()
    } else if rank == 0 {
        styled.red().dim()
    } else if share < 0.4 {
        styled.red()
    } else if share < 0.7 {
        styled.yellow()
    } else {
        styled.green()
    };
    styled.to_string()
}

/// The matrix, in blocks of competencies that fit the width.
pub fn matrix(team: &Team, style: Style) -> String {
    let width = usize::from(style.width).max(40);
    let name_width = team
        .members
        .iter()
        .map(|m| text_width(&visible(&m.subject)) + usize::from(!m.complete))
        .max()
        .unwrap_or(6)
        .clamp(6, NAME_MAX);
    let per_block = ((width - name_width - 1) / COLUMN).max(1);
    let na = team
        .members
        .iter()
        .any(|m| m.competencies.iter().any(|s| !s.applicable));
    let mut out = lines(
        &style.lang.fill(
            if na { "team.matrix.na" } else { "team.matrix" },
            &[("max", &team.max_rank.to_string())],
        ),
        style.width,
    ) + "\n";
    let numbered: Vec<(usize, &crate::team::CompetencyStats)> =
        team.competencies.iter().enumerate().collect();
    for block in numbered.chunks(per_block) {
        out.push('\n');
        let mut header = pad(style.lang.text("col.person"), name_width);
        for (n, _) in block {
            header.push_str(&format!(" {:>w$}", format!("C{}", n + 1), w = COLUMN - 1));
        }
        out.push_str(&bold(header.trim_end(), style));
        out.push('\n');
        for m in &team.members {
            let mark = if m.complete { "" } else { "*" };
            let name = cut(&visible(&m.subject), name_width - usize::from(!m.complete)) + mark;
            let mut line = pad(&name, name_width);
            for (n, _) in block {
                line.push(' ');
                line.push_str(&rank_cell(&m.competencies[*n], team.max_rank, style));
            }
            out.push_str(&line);
            out.push('\n');
        }
        let legend: Vec<String> = block
            .iter()
            .map(|(n, c)| format!("C{} {}", n + 1, visible(&c.name)))
            .collect();
        out.push_str(&pack(&legend, width));
    }
    out
}

/// Items joined by ` · `, as many on a line as fit in `width`; an item is never split, and
/// one longer than a line is cut.
fn pack(items: &[String], width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for item in items {
        let item = cut(item, width);
        let needed = text_width(&line) + 3 + text_width(&item);
        if !line.is_empty() && needed > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(&item);
    }
    if !line.is_empty() {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Per person not fully answered or with a best fit: how much is answered and the best-fit
/// role. Empty when every assessment is answered in full and the framework has no roles.
pub fn people(team: &Team, style: Style) -> String {
    let fits = super::has_fits(team);
    let tracks = super::several_tracks(team);
    if !fits && !tracks && team.members.iter().all(|m| m.coverage.complete()) {
        return String::new();
    }
    let mut t = table(style);
    let w = |k: &str| style.lang.text(k);
    let mut header = vec![w("col.person"), w("col.answered")];
    if tracks {
        header.push(w("col.track"));
    }
    if fits {
        header.push(w("col.best_fit"));
    }
    t.set_header(header);
    // Without roles, only the people still in progress.
    let shown = team
        .members
        .iter()
        .filter(|m| fits || tracks || !m.coverage.complete());
    for m in shown {
        let answered = match super::progress_text(m, style.lang) {
            Some(progress) => progress,
            None => style
                .lang
                .fill("team.all", &[("n", &m.coverage.of.to_string())]),
        };
        let mut row = vec![cell(visible(&m.subject)), cell(answered)];
        if tracks {
            row.push(cell(visible(m.track.as_deref().unwrap_or(""))));
        }
        if fits {
            row.push(cell(visible(
                &super::fit_text(m, style.lang).unwrap_or_default(),
            )));
        }
        t.add_row(row);
    }
    let t = crate::render::fit::laid_out(t);
    let title = style.lang.text(if fits && tracks {
        "team.people.track_fit"
    } else if fits {
        "team.people.fit"
    } else if tracks {
        "team.people.track"
    } else {
        "team.people.incomplete"
    });
    format!("{}\n{t}\n", lines(title, style.width))
}

/// `2 growing` for each level shown: its rank and id.
fn level_headers(team: &Team) -> impl Iterator<Item = comfy_table::Cell> + '_ {
    team.levels
        .iter()
        .zip(&team.level_ranks)
        .map(|(id, rank)| cell(format!("{rank} {}", visible(id))))
}

/// Per competency, how many people hold each level.
pub fn distribution(team: &Team, style: Style) -> String {
    let mut t = table(style);
    let w = |k: &str| cell(style.lang.text(k));
    let mut header = vec![w("col.competency"), w("col.none")];
    header.extend(level_headers(team));
    if team.any_not_applicable() {
        header.push(w("col.na"));
    }
    t.set_header(header);
    for c in &team.competencies {
        let mut row = vec![cell(visible(&c.name))];
        let count = |id: &str| {
            c.distribution
                .iter()
                .find(|(l, _)| l == id)
                .map(|(_, n)| *n)
        };
        row.push(cell(count("none").unwrap_or(0)).set_alignment(CellAlignment::Right));
        for id in &team.levels {
            row.push(
                cell(count(id).map_or_else(|| "–".to_string(), |n| n.to_string()))
                    .set_alignment(CellAlignment::Right),
            );
        }
        if team.any_not_applicable() {
            row.push(cell(c.not_applicable()).set_alignment(CellAlignment::Right));
        }
        t.add_row(row);
    }
    let t = crate::render::fit::laid_out(t);
    let title = lines(style.lang.text("team.distribution"), style.width);
    format!("{title}\n{t}\n")
}

/// Per competency with a target: how many meet it, who could mentor, single points of failure.
pub fn targets(team: &Team, style: Style) -> String {
    let mut t = table(style);
    let w = |k: &str| style.lang.text(k);
    t.set_header(vec![
        w("col.competency"),
        w("col.target"),
        w("col.met"),
        w("col.mentor"),
        "",
    ]);
    for c in team.competencies.iter().filter(|c| c.target.is_some()) {
        t.add_row(vec![
            cell(visible(&c.name)),
            cell(format!(
                "{} {}",
                c.target_rank.unwrap_or(0),
                visible(
                    c.target_title
                        .as_deref()
                        .or(c.target.as_deref())
                        .unwrap_or("")
                )
            )),
            cell(style.lang.fill(
                "team.met_of",
                &[
                    ("met", &c.met.unwrap_or(0).to_string()),
                    ("of", &team.members.len().to_string()),
                ],
            ))
            .set_alignment(CellAlignment::Right),
            cell(visible(&some_names(&c.holders, 5))),
            cell(risk(c.met)),
        ]);
    }
    let single = team
        .competencies
        .iter()
        .filter(|c| c.single_point())
        .count();
    let t = crate::render::fit::laid_out(t);
    format!(
        "{}\n{t}\n{}\n",
        style.lang.text("team.against"),
        match single {
            0 => style.lang.text("team.single.none").to_string(),
            n => style.lang.count(n, "team.single", &[]),
        }
    )
}

/// With rounds: per competency, how many people hold each level in each round.
pub fn rounds(team: &Team, style: Style) -> String {
    let Some(over) = &team.over_time else {
        return String::new();
    };
    let mut t = table(style);
    let w = |k: &str| cell(style.lang.text(k));
    let mut header = vec![w("col.competency"), w("col.round"), w("col.none")];
    header.extend(level_headers(team));
    t.set_header(header);
    for (c, competency) in team.competencies.iter().enumerate() {
        for (round, label) in over.labels.iter().enumerate() {
            let distribution = &over.distributions[round][c];
            let name = if round == 0 {
                visible(&competency.name).into_owned()
            } else {
                String::new()
            };
            let mut row = vec![
                cell(name),
                cell(visible(label)),
                cell(super::count(distribution, "none").unwrap_or(0))
                    .set_alignment(CellAlignment::Right),
            ];
            for id in &team.levels {
                row.push(
                    cell(
                        super::count(distribution, id)
                            .map_or_else(|| "–".to_string(), |n| n.to_string()),
                    )
                    .set_alignment(CellAlignment::Right),
                );
            }
            t.add_row(row);
        }
    }
    let t = crate::render::fit::laid_out(t);
    let title = lines(style.lang.text("team.rounds"), style.width);
    format!("{title}\n{t}\n")
}

/// With rounds: each person × competency whose level changed between the first and the last
/// round the person appears in.
pub fn movement(team: &Team, style: Style) -> String {
    let Some(over) = &team.over_time else {
        return String::new();
    };
    let w = |k: &str| style.lang.text(k);
    let title = lines(w("team.moved.title"), style.width);
    if over.moves.is_empty() {
        return format!("{title}\n{}\n", w("team.no_moves"));
    }
    let mut t = table(style);
    t.set_header(vec![
        w("col.person"),
        w("col.competency"),
        w("col.before"),
        w("col.after"),
        w("col.change"),
    ]);
    for m in &over.moves {
        let plain = |s: &str| visible(s).into_owned();
        t.add_row(vec![
            cell(visible(&m.subject)),
            cell(visible(&team.competencies[m.competency].name)),
            cell(format!(
                "{} ({})",
                super::level_cell(&m.before, plain, style.lang),
                visible(&over.labels[m.from])
            )),
            cell(format!(
                "{} ({})",
                super::level_cell(&m.after, plain, style.lang),
                visible(&over.labels[m.to])
            )),
            cell(super::change_cell(m.change(), style.lang)),
        ]);
    }
    let t = crate::render::fit::laid_out(t);
    format!("{title}\n{t}\n")
}
