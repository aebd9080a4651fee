//! Short texts the library and every renderer write alike: a count with its noun, a
//! percentage, a date, a level.

/// `1 indicator`, `2 indicators`: a count with the word that fits it.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", agree(n, one, many))
}

/// The word that agrees with a count, without the count: "is" for 1, "are" otherwise.
pub fn agree<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// `0.8` -> `80%`.
pub fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round())
}

/// The `YYYY-MM-DD` at the start of an RFC 3339 time, or the whole text when it has none.
pub fn date_part(time: &str) -> &str {
    match time.get(..10) {
        Some(date) if date.as_bytes().get(4) == Some(&b'-') => date,
        _ => time,
    }
}

/// "2 · Listens actively", or "none" for rank 0.
pub fn level_text(rank: usize, title: Option<&str>) -> String {
    match title {
        Some(title) if rank > 0 => format!("{rank} · {title}"),
        _ => "none".to_string(),
    }
}

/// A name with the framework's own code beside it, `Browsing and searching [1.1]`; the name
/// alone when there is no code.
pub fn coded<'a>(name: &'a str, code: Option<&str>) -> std::borrow::Cow<'a, str> {
    match code {
        Some(code) => format!("{name} [{code}]").into(),
        None => name.into(),
    }
}

/// An indicator's text with its code and kind, `Refines a search [LO1.1.02] (kind: skill)`;
/// the text alone when it has neither.
pub fn indicator_label<'a>(
    text: &'a str,
    code: Option<&str>,
    kind: Option<&str>,
) -> std::borrow::Cow<'a, str> {
    if code.is_none() && kind.is_none() {
        return text.into();
    }
    let mut out = coded(text, code).into_owned();
    if let Some(kind) = kind {
        out.push_str(&format!(" (kind: {kind})"));
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_takes_the_word_that_fits_it() {
        assert_eq!(plural(0, "level", "levels"), "0 levels");
        assert_eq!(plural(1, "level", "levels"), "1 level");
        assert_eq!(
            plural(2, "indicator is", "indicators are"),
            "2 indicators are"
        );
        assert_eq!(agree(1, "is", "are"), "is");
        assert_eq!(agree(3, "is", "are"), "are");
    }

    #[test]
    fn date_part_keeps_the_day() {
        assert_eq!(date_part("2026-03-01T10:00:00Z"), "2026-03-01");
        assert_eq!(date_part("yesterday"), "yesterday");
    }
}
