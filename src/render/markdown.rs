//! What every Markdown document writes alike: escaping, a table row, a level's texts.

use crate::render::prose;

/// What a competency looks like at a level: its description as a paragraph, its examples as a
/// list; empty when the framework says nothing. `show` and the report's plan write it so.
pub fn level_texts(description: Option<&str>, examples: &[String]) -> String {
    let mut out = String::new();
    if let Some(d) = description {
        out.push_str(&format!("{}\n\n", prose::markdown(d, escape, "")));
    }
    if !examples.is_empty() {
        out.push_str("Examples:\n\n");
        for e in examples {
            out.push_str(&format!("- {}\n", prose::markdown(e, escape, "  ")));
        }
        out.push('\n');
    }
    out
}

/// Escape text for Markdown inline content and table cells: characters with an inline Markdown
/// meaning are backslash-escaped, `<` and `>` become entities so no HTML gets through, and line
/// breaks become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out.trim().to_string()
}

/// A Markdown table row from cells that are already escaped.
pub fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup_and_html() {
        assert_eq!(
            escape("a|b *c* <script>x</script>\nnext"),
            "a\\|b \\*c\\* &lt;script&gt;x&lt;/script&gt; next"
        );
    }
}
