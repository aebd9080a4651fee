//! How YAML reads a scalar written without quotes, and what a node is in messages: shared by
//! the framework reader and the answers file.

use super::tree::{Document, NodeId, NodeKind};

/// How YAML reads an unquoted scalar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PlainScalar {
    /// `~`, `null` or nothing.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number (decimal, `0x` hexadecimal or `0o` octal).
    Int(i128),
    /// A number with a fraction or exponent, or `.inf` / `.nan`.
    Float(f64),
    /// Anything else: text.
    Text,
}

/// How YAML (as the typed loader reads it) resolves an unquoted scalar.
pub fn plain_value(text: &str) -> PlainScalar {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return PlainScalar::Null,
        "true" | "True" | "TRUE" => return PlainScalar::Bool(true),
        "false" | "False" | "FALSE" => return PlainScalar::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return PlainScalar::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return PlainScalar::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return PlainScalar::Float(f64::NAN),
        _ => {}
    }
    let (negative, digits) = match text.as_bytes()[0] {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let whole = if let Some(hex) = digits.strip_prefix("0x") {
        parse_radix(hex, 16)
    } else if let Some(octal) = digits.strip_prefix("0o") {
        parse_radix(octal, 8)
    } else if digits == "0" || (!digits.starts_with('0') && !digits.is_empty()) {
        parse_radix(digits, 10)
    } else {
        None
    };
    if let Some(value) = whole {
        return PlainScalar::Int(if negative { -value } else { value });
    }
    let looks_numeric = digits.bytes().any(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
        && digits.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'));
    match text.parse::<f64>() {
        Ok(value) if looks_numeric => PlainScalar::Float(value),
        _ => PlainScalar::Text,
    }
}

fn parse_radix(digits: &str, radix: u32) -> Option<i128> {
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    i128::from_str_radix(digits, radix).ok()
}

/// What a node is, for "must be X, but is Y" messages.
pub fn describe(document: &Document, node: NodeId) -> String {
    match &document.node(node).kind {
        NodeKind::Sequence(_) => "a list".into(),
        NodeKind::Mapping(_) => "a mapping".into(),
        NodeKind::Alias(_) => "an alias".into(),
        NodeKind::Scalar { text, plain } => {
            let shown = if text.chars().count() > 40 {
                format!("{}...", text.chars().take(40).collect::<String>())
            } else {
                text.clone()
            };
            if !*plain {
                return format!("the text {shown:?}");
            }
            match plain_value(text) {
                PlainScalar::Null => "empty".into(),
                PlainScalar::Bool(_) => format!("`{text}` (true/false)"),
                PlainScalar::Int(_) | PlainScalar::Float(_) => format!("the number {shown}"),
                PlainScalar::Text => format!("the text {shown:?}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_resolve_like_yaml() {
        assert_eq!(plain_value(""), PlainScalar::Null);
        assert_eq!(plain_value("~"), PlainScalar::Null);
        assert_eq!(plain_value("True"), PlainScalar::Bool(true));
        assert_eq!(plain_value("3"), PlainScalar::Int(3));
        assert_eq!(plain_value("+3"), PlainScalar::Int(3));
        assert_eq!(plain_value("-1"), PlainScalar::Int(-1));
        assert_eq!(plain_value("0x1F"), PlainScalar::Int(31));
        assert_eq!(plain_value("0o17"), PlainScalar::Int(15));
        assert_eq!(plain_value("0.8"), PlainScalar::Float(0.8));
        assert_eq!(plain_value(".5"), PlainScalar::Float(0.5));
        assert_eq!(plain_value("1e3"), PlainScalar::Float(1000.0));
        assert_eq!(plain_value(".inf"), PlainScalar::Float(f64::INFINITY));
        assert_eq!(plain_value("03"), PlainScalar::Text);
        assert_eq!(plain_value("1_000"), PlainScalar::Text);
        assert_eq!(plain_value("yes"), PlainScalar::Text);
        assert_eq!(plain_value("inf"), PlainScalar::Text);
        assert_eq!(plain_value("e"), PlainScalar::Text);
        assert_eq!(plain_value("-"), PlainScalar::Text);
    }
}

#[cfg(test)]
mod resolution_agrees_with_the_typed_loader {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The reader resolves unquoted scalars as YAML 1.2 (and serde_yaml) does.
        #[test]
        fn plain_scalars(text in "[-+.0-9a-fA-FxoeE_~]{1,7}|null|Null|true|False|\\.inf|-\\.Inf|\\.nan") {
            let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(&text) else {
                return Ok(());
            };
            let ours = plain_value(&text);
            match value {
                serde_yaml::Value::Null => prop_assert_eq!(ours, PlainScalar::Null),
                serde_yaml::Value::Bool(b) => prop_assert_eq!(ours, PlainScalar::Bool(b)),
                serde_yaml::Value::Number(n) => {
                    if let Some(i) = n.as_i64() {
                        prop_assert_eq!(ours, PlainScalar::Int(i128::from(i)));
                    } else if let Some(u) = n.as_u64() {
                        prop_assert_eq!(ours, PlainScalar::Int(i128::from(u)));
                    } else {
                        let f = n.as_f64().unwrap_or(f64::NAN);
                        match ours {
                            PlainScalar::Float(v) => prop_assert!(v == f || (v.is_nan() && f.is_nan())),
                            other => prop_assert!(false, "{text:?}: serde reads float {f}, we read {other:?}"),
                        }
                    }
                }
                serde_yaml::Value::String(_) => prop_assert_eq!(ours, PlainScalar::Text),
                _ => {}
            }
        }
    }
}
