//! A sheet's header row as pyxform reads it: plain columns (`list name` is `list_name`,
//! `bind:relevant` is `relevant`), and `label`/`hint` per language, written `label::Bengali (bn)`,
//! `label:Bengali (bn)`, `label::bn` or `label::Bengali`.

use std::collections::BTreeMap;

use domain::form::Text;

/// Which working language a column suffix names: `Bengali (bn)`, `bn`, `English`, `Bangla`.
pub fn language_of(suffix: &str) -> Option<&'static str> {
    let s = suffix.trim().to_lowercase();
    let code = s
        .rsplit_once('(')
        .and_then(|(_, c)| c.strip_suffix(')'))
        .map(str::trim)
        .unwrap_or(s.as_str());
    match code {
        "bn" | "bengali" | "bangla" | "বাংলা" => Some("bn"),
        "hi" | "hindi" | "हिन्दी" | "हिंदी" => Some("hi"),
        "en" | "english" => Some("en"),
        _ => None,
    }
}

/// The column of each plain name, and of each language of `label`/`hint`.
pub struct Header {
    columns: BTreeMap<String, usize>,
    /// (base, language) → column
    texts: BTreeMap<(String, &'static str), usize>,
    /// `label`/`hint` columns in a language Saathi does not work in, as written.
    pub unknown_languages: Vec<String>,
}

/// pyxform's other spellings of a column.
fn plain(name: &str) -> String {
    let name = name.trim().to_lowercase().replace(' ', "_");
    if name == "calculate" {
        "calculation".into()
    } else {
        name
    }
}

impl Header {
    pub fn read(row: &[String], default_language: &'static str) -> Self {
        let mut columns = BTreeMap::new();
        let mut texts = BTreeMap::new();
        let mut unknown_languages = Vec::new();
        for (i, name) in row.iter().enumerate() {
            let split = name.split_once("::").or_else(|| name.split_once(':'));
            match split {
                Some((base, suffix)) => {
                    let base = base.trim().to_lowercase();
                    match base.as_str() {
                        "label" | "hint" => match language_of(suffix) {
                            Some(lang) => {
                                texts.insert((base, lang), i);
                            }
                            None => unknown_languages.push(name.clone()),
                        },
                        // `bind:relevant`, `control:appearance`, and our own `saathi::sensitivity`.
                        "bind" | "control" | "body" | "saathi" => {
                            let key = plain(suffix.trim_start_matches("jr:"));
                            columns.entry(key).or_insert(i);
                        }
                        // `form_title::Bengali (bn)`, `media::image::English` and the like.
                        _ => {
                            columns.insert(format!("{base}::{}", suffix.trim()), i);
                        }
                    }
                }
                None => {
                    let key = plain(name);
                    if key == "label" || key == "hint" {
                        texts.entry((key, default_language)).or_insert(i);
                    } else {
                        columns.entry(key).or_insert(i);
                    }
                }
            }
        }
        Header {
            columns,
            texts,
            unknown_languages,
        }
    }

    pub fn col(&self, name: &str) -> Option<usize> {
        self.columns.get(name).copied()
    }

    /// The columns whose name starts `prefix::`, with what follows.
    pub fn suffixed<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, usize)> {
        self.columns.iter().filter_map(move |(k, c)| {
            k.strip_prefix(prefix)
                .and_then(|r| r.strip_prefix("::"))
                .map(|s| (s, *c))
        })
    }

    pub fn cell<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        self.col(name)
            .and_then(|c| row.get(c))
            .map_or("", String::as_str)
    }

    pub fn text(&self, row: &[String], base: &str) -> Text {
        let get = |lang: &'static str| {
            self.texts
                .get(&(base.to_string(), lang))
                .and_then(|c| row.get(*c))
                .cloned()
                .unwrap_or_default()
        };
        Text {
            bn: get("bn"),
            hi: get("hi"),
            en: get("en"),
        }
    }
}
