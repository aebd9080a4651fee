//! The rater form as one self-contained HTML page: the framework's indicators as radio
//! choices with a note each, a script that keeps the answers in the browser, rates by keyboard
//! and saves an assessment file, and a print stylesheet that makes it a paper form.
//!
//! Nothing leaves the page: its Content-Security-Policy allows no source but its own script and
//! style, named by their SHA-256. Every text from the framework or the command line is escaped
//! ([`escape`], as every page); the data the script needs is JSON in a block that is not run.

use std::fmt::Write;

use sha2::{Digest, Sha256};

use super::html::escape;
use super::safe;
use crate::assessment::{RatingValue, Relation};
use crate::form::{FormIndicator, FormPage};
use crate::framework::ScalePoint;
use crate::language::Language;

const STYLE: &str = include_str!("form.css");
const SCRIPT: &str = include_str!("form.js");

/// The messages the page's script says, handed to it in the page's data.
const SCRIPT_MESSAGES: [&str; 8] = [
    "form.answered",
    "form.js.cannot_keep",
    "form.js.choose_relation",
    "form.js.type_name",
    "form.js.type_subject",
    "form.js.not_saved",
    "form.js.saved",
    "form.js.saved_partial",
];

/// From how many indicators a form is laid out lazily.
const LARGE: usize = 2000;

/// The whole page.
pub fn render(page: &FormPage) -> String {
    let lang = page.language;
    let title = format!("{} {}", page.framework_name, page.framework_version);
    let mut out = String::with_capacity(4096 + page.indicator_count() * 900);
    let page_title = match &page.subject {
        Some(subject) => lang.fill(
            "form.title.rating",
            &[("title", &title), ("subject", subject)],
        ),
        None => lang.fill("form.title.blank", &[("title", &title)]),
    };
    // A very large form lays out only the levels near the screen (`content-visibility`): it
    // opens several times faster, at the cost of a screen reader's tree listing only those.
    let body = if page.indicator_count() > LARGE {
        " class=\"large\""
    } else {
        ""
    };
    super::html::page_head_in(
        lang.tag(),
        &mut out,
        &page_title,
        &content_security_policy(),
        STYLE,
        body,
    );
    header(&mut out, page, &title);
    for competency in &page.competencies {
        let _ = writeln!(
            out,
            "<section class=\"competency\" data-competency=\"{}\">\n<h2>{}</h2>",
            escape(&competency.id),
            escape(&competency.name)
        );
        if let Some(description) = &competency.description {
            let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(description.trim()));
        }
        if let Some(scale) = &competency.scale {
            let points: Vec<String> = scale
                .iter()
                .map(|p| format!("{} {}", p.value, p.label))
                .collect();
            let _ = writeln!(
                out,
                "<p class=\"meta own-scale\">{}</p>",
                escape(&lang.fill("form.own_scale", &[("points", &points.join(", "))]))
            );
        }
        let scale = competency.scale.as_deref().unwrap_or(&page.scale);
        for level in &competency.levels {
            let heading = match &level.title {
                Some(title) => format!("{}: {title}", level.name),
                None => level.name.clone(),
            };
            let _ = writeln!(
                out,
                "<section class=\"level\" data-level=\"{}\">\n<h3>{}</h3>",
                escape(&level.id),
                escape(&heading)
            );
            if let Some(description) = &level.description {
                let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(description.trim()));
            }
            examples(&mut out, &level.examples);
            for indicator in &level.indicators {
                indicator_fieldset(&mut out, lang, scale, indicator);
            }
            out.push_str("</section>\n");
        }
        out.push_str("</section>\n");
    }
    let _ = writeln!(
        out,
        "<p class=\"hint\">{}</p>",
        lang.fill(
            "form.done",
            &[(
                "save",
                &format!("<strong>{}</strong>", escape(lang.text("form.save")))
            )]
        )
    );
    let messages: serde_json::Map<String, serde_json::Value> = SCRIPT_MESSAGES
        .iter()
        .map(|key| (key.to_string(), lang.text(key).into()))
        .collect();
    let _ = writeln!(
        out,
        "<script type=\"application/json\" id=\"form-data\">{}</script>",
        script_json(
            &serde_json::json!({ "key": page.storage_key, "base": page.base, "messages": messages })
        )
    );
    let _ = writeln!(out, "<script>{SCRIPT}</script>\n</body>\n</html>");
    out
}

/// The page's policy: no source at all, except its own style and script by hash; no form
/// submission, no base URL.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src '{}'; style-src '{}'; form-action 'none'; base-uri 'none'",
        source_hash(SCRIPT),
        source_hash(STYLE)
    )
}

/// A CSP hash source (`sha256-<base64>`) for an inline script or style.
fn source_hash(text: &str) -> String {
    format!("sha256-{}", base64(&Sha256::digest(text.as_bytes())))
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> shift) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// JSON that can stand inside a `<script>` element: no `<`, `>` or `&` (so no `</script>` or
/// `<!--`), no line or paragraph separator, no hidden character raw.
fn script_json(value: &serde_json::Value) -> String {
    safe::json_pretty(value)
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// Title, who rates whom, the scale, the keys, and the bar with the progress and the save
/// button.
fn header(out: &mut String, page: &FormPage, title: &str) {
    let lang = page.language;
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(title));
    if let Some(track) = &page.track {
        let _ = writeln!(
            out,
            "<p class=\"meta\">{}</p>",
            escape(&lang.fill("form.track", &[("track", track)]))
        );
    }
    out.push_str("<div class=\"who\">\n");
    match &page.subject {
        Some(subject) => {
            let _ = writeln!(
                out,
                "<p>{} <strong id=\"subject-name\">{}</strong></p>",
                lang.text("form.rating"),
                escape(subject)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "<label for=\"subject\">{} <input id=\"subject\" type=\"text\" autocomplete=\"off\"></label>",
                lang.text("form.person_rated")
            );
        }
    }
    let _ = writeln!(
        out,
        "<label for=\"rater-name\">{} <input id=\"rater-name\" type=\"text\" autocomplete=\"name\" value=\"{}\"></label>",
        lang.text("form.your_name"),
        escape(page.rater.as_deref().unwrap_or_default())
    );
    let _ = writeln!(
        out,
        "<label for=\"relation\">{} <select id=\"relation\">",
        lang.text("form.relation")
    );
    let chosen = page.relation;
    let _ = writeln!(
        out,
        "<option value=\"\"{}>{}</option>",
        selected(chosen.is_none()),
        lang.text("form.choose")
    );
    for relation in Relation::ALL {
        let shown = lang.text(match relation {
            Relation::SelfRating => "form.relation.self",
            Relation::Manager => "form.relation.manager",
            Relation::Peer => "form.relation.peer",
            Relation::Report => "form.relation.report",
            Relation::Other => "form.relation.other",
        });
        let _ = writeln!(
            out,
            "<option value=\"{}\"{}>{shown}</option>",
            relation.as_str(),
            selected(chosen == Some(relation))
        );
    }
    out.push_str("</select></label>\n</div>\n");

    let described = page.scale.iter().any(|p| p.description.is_some());
    let _ = writeln!(
        out,
        "<table class=\"scale\">\n<caption class=\"meta\">{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>{}</tr></thead>\n<tbody>",
        lang.text("form.scale"),
        lang.text("form.value"),
        lang.text("form.label"),
        if described {
            format!("<th scope=\"col\">{}</th>", lang.text("form.meaning"))
        } else {
            String::new()
        }
    );
    for point in &page.scale {
        let meaning = point.description.as_deref().unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td>{}</tr>",
            point.value,
            escape(&point.label),
            if described {
                format!("<td>{}</td>", escape(meaning))
            } else {
                String::new()
            }
        );
    }
    let _ = writeln!(
        out,
        "<tr><td>na</td><td>{}</td>{}</tr>\n</tbody>\n</table>",
        lang.text("form.na_meaning"),
        if described { "<td></td>" } else { "" }
    );
    let _ = writeln!(out, "<p class=\"keys hint\">{}</p>", lang.text("form.keys"));
    let _ = writeln!(
        out,
        "</header>\n<div id=\"progress\" role=\"region\" aria-label=\"{}\"><span id=\"count\" role=\"status\" aria-live=\"polite\">{}</span><button id=\"save\" type=\"button\">{}</button><p id=\"save-status\" role=\"status\" aria-live=\"polite\"></p></div>",
        lang.text("form.progress"),
        lang.fill(
            "form.answered",
            &[
                ("n", &page.answered_count().to_string()),
                ("total", &page.indicator_count().to_string())
            ]
        ),
        lang.text("form.save")
    );
}

fn selected(yes: bool) -> &'static str {
    if yes {
        " selected"
    } else {
        ""
    }
}

/// One indicator: a fieldset whose legend is its text, its examples, a radio per scale value
/// and `na`, and a note.
fn indicator_fieldset(
    out: &mut String,
    lang: Language,
    scale: &[ScalePoint],
    indicator: &FormIndicator,
) {
    let id = escape(&indicator.id);
    let _ = writeln!(
        out,
        "<fieldset class=\"indicator\" data-id=\"{id}\">\n<legend>{} <span class=\"id\">{id}</span></legend>",
        escape(&crate::words::indicator_label(
            &indicator.text,
            indicator.code.as_deref(),
            indicator.kind.as_deref()
        ))
    );
    if let Some(origin) = &indicator.origin {
        let _ = writeln!(out, "<p class=\"origin\">{}</p>", escape(origin));
    }
    examples(out, &indicator.examples);
    out.push_str("<div class=\"choices\">");
    let choices = scale
        .iter()
        .map(|p| (RatingValue::Scale(p.value), p.label.as_str()))
        .chain([(RatingValue::NotApplicable, lang.text("form.na"))]);
    for (value, label) in choices {
        let _ = write!(
            out,
            "<label><input type=\"radio\" name=\"{id}\" value=\"{value}\"{}> {value} <span class=\"label\">{}</span></label>",
            if indicator.answer == Some(value) { " checked" } else { "" },
            escape(label)
        );
    }
    let _ = writeln!(
        out,
        "</div>\n<label class=\"note\">{} <textarea name=\"note:{id}\" rows=\"1\">{}</textarea></label>\n</fieldset>",
        lang.text("form.note"),
        escape(indicator.note.as_deref().unwrap_or_default())
    );
}

/// A list of examples, when there are any.
fn examples(out: &mut String, examples: &[String]) {
    if examples.is_empty() {
        return;
    }
    out.push_str("<ul class=\"examples\">");
    for example in examples {
        let _ = write!(out, "<li>{}</li>", escape(example));
    }
    out.push_str("</ul>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(
            source_hash(""),
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }

    #[test]
    fn script_json_cannot_close_its_element() {
        let json = script_json(&serde_json::json!({ "t": "</script><!-- a & b \u{2028}" }));
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&json).expect("still JSON");
        assert_eq!(back["t"], "</script><!-- a & b \u{2028}");
    }
}
