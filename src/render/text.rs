//! Short texts every renderer writes alike: a score and a bar. Those the library writes too (a
//! count, a percentage, a date, a level) are in [`crate::words`].

/// A horizontal bar of `cells` characters for `value` out of `max`, in eighths of a cell:
/// `████▌░░░`.
pub fn bar(value: f64, max: f64, cells: usize) -> String {
    const PARTIAL: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let ratio = if max > 0.0 {
        (value / max).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let eighths = (ratio * cells as f64 * 8.0).round() as usize;
    let full = eighths / 8;
    let rest = eighths % 8;
    let mut out = "█".repeat(full);
    let mut used = full;
    if rest > 0 {
        out.push(PARTIAL[rest]);
        used += 1;
    }
    out.push_str(&"░".repeat(cells.saturating_sub(used)));
    out
}

/// Bar width for a framework with `max_rank` levels: two cells a level, within 4..=12.
pub fn bar_cells(max_rank: usize) -> usize {
    (2 * max_rank).clamp(4, 12)
}

/// A score with two decimals; "–" for none (a competency that does not apply).
pub fn score_text(score: impl Into<Option<f64>>) -> String {
    score_text_in(crate::language::Language::English, score)
}

/// [`score_text`] as a language writes the number: `2.50`, `2,50`.
pub fn score_text_in(lang: crate::language::Language, score: impl Into<Option<f64>>) -> String {
    match score.into() {
        Some(score) => lang.number(score, 2),
        None => "–".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_fills_in_eighths() {
        assert_eq!(bar(0.0, 3.0, 6), "░░░░░░");
        assert_eq!(bar(3.0, 3.0, 6), "██████");
        assert_eq!(bar(1.5, 3.0, 6), "███░░░");
        assert_eq!(bar(1.25, 2.0, 4), "██▌░");
        assert_eq!(bar(5.0, 3.0, 6), "██████");
    }
}
