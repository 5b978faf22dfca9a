#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Every visible word comes from Fluent: templates hold no bare text, and every message id the
//! templates and page handlers name exists (the i18n crate's tests then check that each id has
//! English, Bengali and Hindi text).

use std::path::Path;

use domain::Language;
use i18n::I18n;

fn files(dir: &str, ext: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == ext) {
            found.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    assert!(!found.is_empty(), "no .{ext} files in {}", root.display());
    found
}

/// Removes everything between `open` and `close`, markers included.
fn strip(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        match rest[start..].find(close) {
            Some(end) => rest = &rest[start + end + close.len()..],
            None => panic!("unclosed {open} in a template"),
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn templates_hold_no_bare_text() {
    for (name, text) in files("templates", "html") {
        let mut visible = strip(&text, "{{", "}}");
        visible = strip(&visible, "{%", "%}");
        visible = strip(&visible, "{#", "#}");
        visible = strip(&visible, "<", ">");
        let bare: String = visible.chars().filter(|c| c.is_alphanumeric()).collect();
        assert!(
            bare.is_empty(),
            "{name} shows text that is not from Fluent: {bare:?}"
        );
    }
}

/// The string literals of a source text.
fn literals(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut parts = text.split('"');
    parts.next();
    while let Some(inside) = parts.next() {
        found.push(inside.to_string());
        parts.next();
    }
    found
}

/// The text inside `{{ }}` and `{% %}` of a template.
fn expressions(text: &str) -> String {
    let mut out = String::new();
    for (open, close) in [("{{", "}}"), ("{%", "%}")] {
        let mut rest = text;
        while let Some(start) = rest.find(open) {
            let end = rest[start..].find(close).unwrap();
            out.push_str(&rest[start + open.len()..start + end]);
            out.push('\n');
            rest = &rest[start + end + close.len()..];
        }
    }
    out
}

fn looks_like_message_id(s: &str, prefixes: &[String]) -> bool {
    s.contains('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && prefixes.iter().any(|p| s.starts_with(&format!("{p}-")))
}

#[test]
fn every_message_id_used_exists() {
    let i18n = I18n::load().unwrap();
    let ids = i18n.message_ids(Language::En);
    let mut prefixes: Vec<String> = ids
        .iter()
        .map(|id| id.split('-').next().unwrap().to_string())
        .collect();
    prefixes.sort();
    prefixes.dedup();
    // Words in query strings that are not messages.
    let not_messages = ["signed-out", "password-changed"];
    let mut checked = 0;
    // In templates only the expressions name messages; the rest is HTML (class="sign-out").
    let mut sources: Vec<(String, String)> = files("templates", "html")
        .into_iter()
        .map(|(name, text)| (name, expressions(&text)))
        .collect();
    sources.extend(files("src/pages", "rs"));
    for (name, text) in sources {
        for literal in literals(&text) {
            if looks_like_message_id(&literal, &prefixes)
                && !not_messages.contains(&literal.as_str())
            {
                assert!(
                    ids.contains(&literal),
                    "{name} uses the message id {literal:?}, which no .ftl file has"
                );
                checked += 1;
            }
        }
    }
    assert!(
        checked > 80,
        "only {checked} ids found: is the scan still finding them?"
    );
}
