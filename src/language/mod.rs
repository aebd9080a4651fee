//! The interface's words per language (contract section 13): a message catalogue for what
//! raters and readers see — the form page, the walk's screens, the headings and sentences of
//! report, compare, team, show, diff and history in their human formats (text, Markdown,
//! HTML). Machine formats (JSON, NDJSON, CSV) and the diagnostics on stderr keep English.
//!
//! The catalogue is a table per language of its own (`en::MESSAGES`, `nl::MESSAGES`): a
//! key, and the text with `{name}` places filled by [`Language::fill`]. A count picks the
//! key's `.one` or `.other` form ([`Language::count`]). A message missing from a language falls
//! back to English; the test `every_english_message_has_a_dutch_one` keeps Dutch complete, and
//! a debug build panics on a key that English lacks.
//!
//! Why a table of its own and not Fluent: the messages are short, their plurals are one/other
//! in both languages, and a table checked by a test costs no dependency and no parse at run
//! time.

mod en;
mod nl;

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// English, the language of the source and of every machine format.
    #[default]
    English,
    /// Dutch (`nl`).
    Dutch,
}

impl Language {
    /// The interface language for a `--lang` tag: Dutch for `nl` (and `nl-BE`), else English
    /// (a language without a catalogue has an English interface).
    pub fn from_tag(tag: Option<&str>) -> Language {
        match tag.map(|t| t.split('-').next().unwrap_or_default()) {
            Some("nl") => Language::Dutch,
            _ => Language::English,
        }
    }

    /// The language's tag, as HTML's `lang` attribute takes it.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Dutch => "nl",
        }
    }

    fn table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Language::English => en::MESSAGES,
            Language::Dutch => nl::MESSAGES,
        }
    }

    /// The message `key` in this language (English when this language lacks it).
    pub fn text(self, key: &str) -> &'static str {
        let find = |table: &'static [(&'static str, &'static str)]| {
            table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
        };
        match find(self.table()).or_else(|| find(en::MESSAGES)) {
            Some(found) => found,
            None => {
                debug_assert!(false, "message {key:?} is not in the English catalogue");
                ""
            }
        }
    }

    /// The message `key` with each `{name}` replaced by its value.
    pub fn fill(self, key: &str, values: &[(&str, &str)]) -> String {
        let mut out = self.text(key).to_string();
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// The message `key.one` or `key.other` that fits `n`, with `{n}` and the other values
    /// filled in.
    pub fn count(self, n: usize, key: &str, values: &[(&str, &str)]) -> String {
        let form = if n == 1 { "one" } else { "other" };
        let n_text = n.to_string();
        let mut all = vec![("n", n_text.as_str())];
        all.extend_from_slice(values);
        self.fill(&format!("{key}.{form}"), &all)
    }

    /// A number with `decimals` digits after the separator the language writes: `2.50` in
    /// English, `2,50` in Dutch.
    pub fn number(self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        match self {
            Language::English => text,
            Language::Dutch => text.replace('.', ","),
        }
    }

    /// The day of an RFC 3339 time (or a `YYYY-MM-DD` date) as the language writes it:
    /// `2026-03-01` in English (as rungs always wrote it), `1 maart 2026` in Dutch. Anything
    /// else is returned as it is.
    pub fn date(self, time: &str) -> String {
        let day = crate::words::date_part(time);
        if self == Language::English {
            return day.to_string();
        }
        let parts: Vec<&str> = day.split('-').collect();
        let (Some(year), Some(month), Some(date)) = (
            parts.first(),
            parts.get(1).and_then(|m| m.parse::<usize>().ok()),
            parts.get(2).and_then(|d| d.parse::<u32>().ok()),
        ) else {
            return day.to_string();
        };
        const MONTHS: [&str; 12] = [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ];
        match MONTHS.get(month.wrapping_sub(1)) {
            Some(name) if parts.len() == 3 => format!("{date} {name} {year}"),
            _ => day.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(table: &[(&str, &str)]) -> BTreeSet<String> {
        table.iter().map(|(k, _)| k.to_string()).collect()
    }

    /// The placeholders `{name}` of a message.
    fn places(text: &str) -> BTreeSet<String> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
            .collect()
    }

    #[test]
    fn every_english_message_has_a_dutch_one() {
        let english = keys(en::MESSAGES);
        let dutch = keys(nl::MESSAGES);
        let missing: Vec<&String> = english.difference(&dutch).collect();
        assert!(
            missing.is_empty(),
            "in English and not in Dutch: {missing:?}"
        );
        let extra: Vec<&String> = dutch.difference(&english).collect();
        assert!(extra.is_empty(), "in Dutch and not in English: {extra:?}");
    }

    #[test]
    fn each_key_once_and_the_same_places_in_both_languages() {
        for table in [en::MESSAGES, nl::MESSAGES] {
            assert_eq!(keys(table).len(), table.len(), "a key is written twice");
        }
        for (key, english) in en::MESSAGES {
            let dutch = Language::Dutch.text(key);
            assert_eq!(
                places(english),
                places(dutch),
                "{key}: {english:?} / {dutch:?}"
            );
            assert!(!dutch.is_empty(), "{key} is empty in Dutch");
        }
        for (key, _) in en::MESSAGES {
            if let Some(stem) = key.strip_suffix(".one") {
                assert!(
                    keys(en::MESSAGES).contains(&format!("{stem}.other")),
                    "{key}"
                );
            }
        }
    }

    #[test]
    fn numbers_plurals_and_dates_follow_the_language() {
        assert_eq!(Language::English.number(2.5, 2), "2.50");
        assert_eq!(Language::Dutch.number(2.5, 2), "2,50");
        assert_eq!(Language::English.date("2026-03-01T10:00:00Z"), "2026-03-01");
        assert_eq!(Language::Dutch.date("2026-03-01T10:00:00Z"), "1 maart 2026");
        assert_eq!(Language::Dutch.date("yesterday"), "yesterday");
        assert_eq!(
            Language::Dutch.count(1, "count.indicator", &[]),
            "1 indicator"
        );
        assert_eq!(
            Language::Dutch.count(3, "count.indicator", &[]),
            "3 indicatoren"
        );
        assert_eq!(
            Language::English.count(3, "count.indicator", &[]),
            "3 indicators"
        );
        assert_eq!(Language::from_tag(Some("nl-BE")), Language::Dutch);
        assert_eq!(Language::from_tag(Some("de")), Language::English);
    }
}
