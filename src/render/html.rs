//! What every HTML page writes alike: escaping, and the head of a self-contained page.

use std::fmt::Write;

/// Escape text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// The Content-Security-Policy of a page with no script: nothing from anywhere, its own
/// inline style only.
pub const NO_SCRIPT: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// Opens a self-contained page: the doctype, the viewport, the Content-Security-Policy `csp`,
/// the escaped `title`, the `style`, and `<body>` with `body_attributes` (each with its leading
/// space, or empty).
pub fn page_head(out: &mut String, title: &str, csp: &str, style: &str, body_attributes: &str) {
    page_head_in("en", out, title, csp, style, body_attributes);
}

/// [`page_head`] of a page in the language `lang` (its `lang` attribute).
pub fn page_head_in(
    lang: &str,
    out: &mut String,
    title: &str,
    csp: &str,
    style: &str,
    body_attributes: &str,
) {
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">"
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"
    );
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(
        out,
        "<style>{style}</style>\n</head>\n<body{body_attributes}>"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert('x' & \"y\")</script>"),
            "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;"
        );
    }
}
