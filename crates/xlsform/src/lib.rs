//! XLSForm import: the `survey`, `choices` and `settings` sheets of an `.xlsx`, as ODK and
//! KoboToolbox users write them, into a [`FormDef`]. All or nothing: every row that cannot be
//! taken is named with its sheet, its row number (as the spreadsheet shows it) and why, and no
//! form comes out of a file with problems.
//!
//! Taken: `text` (with `appearance` `multiline`: long text), `integer`, `decimal`, `date`,
//! `select_one LIST`, `select_multiple LIST`, `begin group`/`end group` (a top-level group is a
//! section; a `sensitivity` column on its row sets the section's class, default `other`),
//! `begin repeat`/`end repeat`, `required`, `relevant` of the simple forms `${field} = 'value'`
//! and `selected(${field}, 'value')`, `label`/`hint` with language columns
//! (`label::Bengali (bn)`, `label::bn`, `label::English`). Skipped without complaint, as they
//! ask nothing: `note` and the metadata types (`start`, `end`, `today`, `deviceid`, …).

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use domain::consent::SectionClass;
use domain::form::{Choice, Condition, Field, FieldKind, FormDef, Item, Section, Text};

mod problems;

pub use problems::{PROBLEMS_KEPT, Problem, Problems};

/// Which working language a column suffix names: `Bengali (bn)`, `bn`, `English`, `Bangla`.
fn language_of(suffix: &str) -> Option<&'static str> {
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

fn cell(row: &[Data], col: Option<usize>) -> String {
    col.and_then(|c| row.get(c))
        .map(|d| match d {
            Data::Empty => String::new(),
            Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
            other => other.to_string(),
        })
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// A sheet's header: the column of each plain name, and of each language of `label`/`hint`.
struct Header {
    columns: BTreeMap<String, usize>,
    /// (base, language) → column
    texts: BTreeMap<(String, &'static str), usize>,
    /// `label`/`hint` columns with a language this Saathi does not work in.
    unknown_languages: Vec<String>,
}

impl Header {
    fn read(row: &[Data], default_language: &'static str) -> Self {
        let mut columns = BTreeMap::new();
        let mut texts = BTreeMap::new();
        let mut unknown_languages = Vec::new();
        for (i, d) in row.iter().enumerate() {
            let name = d.to_string().trim().to_string();
            let lower = name.to_lowercase();
            if let Some((base, suffix)) = lower.split_once("::") {
                let base = base.trim().to_string();
                if base == "label" || base == "hint" {
                    let original_suffix = name.split_once("::").map(|x| x.1).unwrap_or_default();
                    match language_of(original_suffix) {
                        Some(lang) => {
                            texts.insert((base, lang), i);
                        }
                        None => unknown_languages.push(name.clone()),
                    }
                } else if base == "saathi" {
                    // Our own columns: `saathi::sensitivity`.
                    columns.insert(suffix.trim().to_string(), i);
                } else {
                    // `form_title::Bengali (bn)` and the like.
                    columns.insert(lower.clone(), i);
                }
            } else if lower == "label" || lower == "hint" {
                texts.entry((lower.clone(), default_language)).or_insert(i);
            } else {
                columns.insert(lower.replace(' ', "_"), i);
            }
        }
        Header {
            columns,
            texts,
            unknown_languages,
        }
    }

    fn col(&self, name: &str) -> Option<usize> {
        self.columns.get(name).copied()
    }

    fn text(&self, row: &[Data], base: &str) -> Text {
        let get =
            |lang: &'static str| cell(row, self.texts.get(&(base.to_string(), lang)).copied());
        Text {
            bn: get("bn"),
            hi: get("hi"),
            en: get("en"),
        }
    }
}

fn is_empty(t: &Text) -> bool {
    t.bn.is_empty() && t.hi.is_empty() && t.en.is_empty()
}

/// `${field} = 'value'` or `selected(${field}, 'value')`.
fn condition(text: &str) -> Option<Condition> {
    let t = text.trim();
    let quoted = |s: &str| {
        let s = s.trim();
        s.strip_prefix('\'')
            .and_then(|x| x.strip_suffix('\''))
            .or_else(|| s.strip_prefix('"').and_then(|x| x.strip_suffix('"')))
            .map(str::to_string)
    };
    let reference = |s: &str| {
        s.trim()
            .strip_prefix("${")
            .and_then(|x| x.strip_suffix('}'))
            .map(|x| x.trim().to_lowercase())
    };
    if let Some(inner) = t
        .strip_prefix("selected(")
        .and_then(|x| x.strip_suffix(')'))
    {
        let (field, value) = inner.split_once(',')?;
        return Some(Condition {
            field: reference(field)?,
            equals: quoted(value)?,
        });
    }
    let (field, value) = t.split_once('=')?;
    if field.ends_with('!') || field.ends_with('<') || field.ends_with('>') {
        return None;
    }
    Some(Condition {
        field: reference(field)?,
        equals: quoted(value)?,
    })
}

fn truthy(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "yes" | "true" | "true()" | "1" | "y"
    )
}

const METADATA: [&str; 12] = [
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "username",
    "email",
    "audit",
    "start-geopoint",
    "imei",
];

fn sheet(workbook: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Option<calamine::Range<Data>> {
    let found = workbook
        .sheet_names()
        .into_iter()
        .find(|s| s.trim().eq_ignore_ascii_case(name))?;
    workbook.worksheet_range(&found).ok()
}

/// Where rows are being added: the open section, and the open repeat in it, if any.
struct Open {
    section: Option<Section>,
    repeat: Option<(usize, Item)>,
    /// Groups nested inside the section's group, flattened into it.
    depth: usize,
}

/// Reads an XLSForm. `fallback_key` names the form when the settings sheet has no `form_id`.
pub fn read(bytes: &[u8], fallback_key: &str) -> Result<FormDef, Problems> {
    let mut problems = Problems::default();
    let problem = |sheet: &str, row: usize, message: String| Problem {
        sheet: sheet.to_string(),
        row,
        message,
    };
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| {
            let mut problems = Problems::default();
            problems.push(problem("file", 0, format!("not an .xlsx workbook ({e})")));
            problems
        })?;

    // Settings first: the default language and the form's id and title.
    let mut key = fallback_key.to_string();
    let mut title = Text::default();
    let mut default_language = "en";
    if let Some(settings) = sheet(&mut workbook, "settings") {
        let mut rows = settings.rows();
        if let (Some(head), Some(values)) = (rows.next(), rows.next()) {
            let header = Header::read(head, "en");
            if let Some(lang) = header
                .col("default_language")
                .map(|c| cell(values, Some(c)))
                .and_then(|l| language_of(&l))
            {
                default_language = lang;
            }
            let header = Header::read(head, default_language);
            let id = cell(values, header.col("form_id"));
            if !id.is_empty() {
                key = id;
            }
            let plain = cell(values, header.col("form_title"));
            for (column, lang) in header.columns.iter().filter_map(|(k, c)| {
                k.strip_prefix("form_title::")
                    .and_then(language_of)
                    .map(|l| (*c, l))
            }) {
                let v = cell(values, Some(column));
                match lang {
                    "bn" => title.bn = v,
                    "hi" => title.hi = v,
                    _ => title.en = v,
                }
            }
            // A plain `form_title` is in the default language, unless that one is given too.
            let slot = match default_language {
                "bn" => &mut title.bn,
                "hi" => &mut title.hi,
                _ => &mut title.en,
            };
            if slot.is_empty() {
                *slot = plain;
            }
        }
    }
    let key = key.trim().to_lowercase().replace([' ', '.'], "-");
    if is_empty(&title) {
        title.en = key.clone();
    }

    // Choices.
    let mut choice_lists: BTreeMap<String, Vec<Choice>> = BTreeMap::new();
    if let Some(choices) = sheet(&mut workbook, "choices") {
        let mut rows = choices.rows().enumerate();
        if let Some((_, head)) = rows.next() {
            let header = Header::read(head, default_language);
            for lang in &header.unknown_languages {
                problems.push(problem(
                    "choices",
                    1,
                    format!(
                        "column {lang:?}: Saathi works in Bengali (bn), Hindi (hi) and English (en)"
                    ),
                ));
            }
            let list_col = header.col("list_name");
            if list_col.is_none() {
                problems.push(problem("choices", 1, "no list_name column".into()));
            }
            for (i, row) in rows {
                let list = cell(row, list_col);
                let name = cell(row, header.col("name"));
                if list.is_empty() && name.is_empty() {
                    continue;
                }
                let label = header.text(row, "label");
                if name.is_empty() || list.is_empty() {
                    problems.push(problem(
                        "choices",
                        i + 1,
                        "a choice needs a list_name and a name".into(),
                    ));
                    continue;
                }
                if is_empty(&label) {
                    problems.push(problem(
                        "choices",
                        i + 1,
                        format!("choice {name:?} has no label"),
                    ));
                }
                choice_lists
                    .entry(list)
                    .or_default()
                    .push(Choice { value: name, label });
            }
        }
    }

    // The survey.
    let Some(survey) = sheet(&mut workbook, "survey") else {
        problems.push(problem("survey", 0, "there is no survey sheet".into()));
        return Err(problems);
    };
    let mut rows = survey.rows().enumerate();
    let Some((_, head)) = rows.next() else {
        problems.push(problem("survey", 0, "the survey sheet is empty".into()));
        return Err(problems);
    };
    let header = Header::read(head, default_language);
    for lang in &header.unknown_languages {
        problems.push(problem(
            "survey",
            1,
            format!("column {lang:?}: Saathi works in Bengali (bn), Hindi (hi) and English (en)"),
        ));
    }
    for needed in ["type", "name"] {
        if header.col(needed).is_none() {
            problems.push(problem("survey", 1, format!("no {needed} column")));
        }
    }
    let mut sections: Vec<Section> = Vec::new();
    let mut open = Open {
        section: None,
        repeat: None,
        depth: 0,
    };
    let mut loose: Vec<Item> = Vec::new();
    for (i, row) in rows {
        let n = i + 1;
        let kind = cell(row, header.col("type"));
        if kind.is_empty() {
            continue;
        }
        let name = cell(row, header.col("name")).to_lowercase();
        let label = header.text(row, "label");
        let hint = header.text(row, "hint");
        let words: Vec<&str> = kind.split_whitespace().collect();
        let base = words
            .first()
            .copied()
            .unwrap_or_default()
            .to_lowercase()
            .replace('_', " ");
        let base = base.as_str();
        match (base, words.get(1).map(|w| w.to_lowercase())) {
            ("begin", Some(what)) | ("end", Some(what)) if what == "group" || what == "repeat" => {
                // `begin group` / `end group` written with a space.
                handle_structure(
                    &mut problems,
                    n,
                    &format!("{base} {what}"),
                    &name,
                    &label,
                    row,
                    &header,
                    &mut open,
                    &mut sections,
                    &mut loose,
                );
                continue;
            }
            _ => {}
        }
        let kind_lower = kind.to_lowercase();
        if matches!(
            kind_lower.as_str(),
            "begin_group" | "end_group" | "begin_repeat" | "end_repeat"
        ) {
            handle_structure(
                &mut problems,
                n,
                &kind_lower.replace('_', " "),
                &name,
                &label,
                row,
                &header,
                &mut open,
                &mut sections,
                &mut loose,
            );
            continue;
        }
        if kind_lower == "note" || METADATA.contains(&kind_lower.as_str()) {
            continue;
        }
        let appearance = cell(row, header.col("appearance")).to_lowercase();
        let (field_kind, list) = match words.as_slice() {
            [t] if matches!(t.to_lowercase().as_str(), "text" | "string") => {
                if appearance.contains("multiline") {
                    (FieldKind::LongText, None)
                } else {
                    (FieldKind::Text, None)
                }
            }
            [t] if matches!(t.to_lowercase().as_str(), "integer" | "int" | "decimal") => {
                (FieldKind::Number, None)
            }
            [t] if t.eq_ignore_ascii_case("date") => (FieldKind::Date, None),
            [t, list] if t.eq_ignore_ascii_case("select_one") => {
                (FieldKind::Choice, Some(list.to_string()))
            }
            [t, list] if t.eq_ignore_ascii_case("select_multiple") => {
                (FieldKind::Choices, Some(list.to_string()))
            }
            _ => {
                problems.push(problem(
                    "survey",
                    n,
                    format!(
                        "the question type {kind:?} is not supported (use text, integer, decimal, date, select_one or select_multiple)"
                    ),
                ));
                continue;
            }
        };
        if let Some(list) = &list
            && !choice_lists.contains_key(list)
        {
            problems.push(problem(
                "survey",
                n,
                format!(
                    "{kind:?} names the choice list {list:?}, which is not on the choices sheet"
                ),
            ));
            continue;
        }
        if name.is_empty() {
            problems.push(problem("survey", n, "a question needs a name".into()));
            continue;
        }
        if is_empty(&label) {
            problems.push(problem(
                "survey",
                n,
                format!("question {name:?} has no label"),
            ));
        }
        let relevant_text = cell(row, header.col("relevant"));
        let relevant = if relevant_text.is_empty() {
            None
        } else {
            match condition(&relevant_text) {
                Some(c) => Some(c),
                None => {
                    problems.push(problem(
                        "survey",
                        n,
                        format!(
                            "relevant {relevant_text:?} is not one Saathi takes: use ${{field}} = 'value' or selected(${{field}}, 'value')"
                        ),
                    ));
                    None
                }
            }
        };
        let field = Field {
            name,
            kind: field_kind,
            label,
            help: (!is_empty(&hint)).then_some(hint),
            required: truthy(&cell(row, header.col("required"))),
            choices: list,
            relevant,
        };
        match (&mut open.repeat, &mut open.section) {
            (Some((_, Item::Repeat { fields, .. })), _) => fields.push(field),
            (_, Some(section)) => section.items.push(Item::Field(field)),
            _ => loose.push(Item::Field(field)),
        }
    }
    if open.repeat.is_some() {
        problems.push(problem(
            "survey",
            0,
            "a begin repeat has no end repeat".into(),
        ));
    }
    if open.section.is_some() {
        problems.push(problem(
            "survey",
            0,
            "a begin group has no end group".into(),
        ));
    }
    if !loose.is_empty() {
        sections.insert(
            0,
            Section {
                name: "main".into(),
                label: title.clone(),
                sensitivity: SectionClass::Other,
                items: loose,
            },
        );
    }
    let def = FormDef {
        key,
        title,
        sections,
        choice_lists,
        purpose: domain::form::FormPurpose::Case,
    };
    if problems.is_empty()
        && let Err(found) = def.check()
    {
        problems.extend(found.into_iter().map(|m| problem("survey", 0, m)));
    }
    if problems.is_empty() {
        Ok(def)
    } else {
        Err(problems)
    }
}

#[allow(clippy::too_many_arguments)]
fn handle_structure(
    problems: &mut Problems,
    n: usize,
    what: &str,
    name: &str,
    label: &Text,
    row: &[Data],
    header: &Header,
    open: &mut Open,
    sections: &mut Vec<Section>,
    loose: &mut Vec<Item>,
) {
    let problem = |message: String| Problem {
        sheet: "survey".into(),
        row: n,
        message,
    };
    let relevant_text = cell(row, header.col("relevant"));
    let relevant = if relevant_text.is_empty() {
        None
    } else {
        condition(&relevant_text)
    };
    match what {
        "begin group" if !relevant_text.is_empty() => {
            problems.push(problem(format!(
                "a condition on a whole group ({relevant_text:?}) is not supported: put it on its questions"
            )));
            // Still open the group, so its end is matched and later rows are read right.
            open.depth += usize::from(open.section.is_some());
            if open.section.is_none() {
                open.section = Some(Section {
                    name: format!("section-{n}"),
                    label: label.clone(),
                    sensitivity: SectionClass::Other,
                    items: Vec::new(),
                });
            }
        }
        "begin repeat" if !relevant_text.is_empty() && relevant.is_none() => {
            problems.push(problem(format!(
                "relevant {relevant_text:?} is not one Saathi takes: use ${{field}} = 'value' or selected(${{field}}, 'value')"
            )));
        }
        "begin group" => {
            if open.repeat.is_some() {
                problems.push(problem("a group inside a repeat is not supported".into()));
            } else if open.section.is_some() {
                // A group within a group: its questions join the outer section.
                open.depth += 1;
            } else {
                let class = cell(row, header.col("sensitivity"));
                let sensitivity = if class.is_empty() {
                    SectionClass::Other
                } else {
                    match class.parse::<SectionClass>() {
                        Ok(c) => c,
                        Err(_) => {
                            problems.push(problem(format!(
                                "sensitivity {class:?}: use legal, health, psychosocial, identity, voice or other"
                            )));
                            SectionClass::Other
                        }
                    }
                };
                open.section = Some(Section {
                    name: if name.is_empty() {
                        format!("section-{n}")
                    } else {
                        name.to_string()
                    },
                    label: label.clone(),
                    sensitivity,
                    items: Vec::new(),
                });
            }
        }
        "end group" => {
            if open.depth > 0 {
                open.depth -= 1;
            } else if let Some(section) = open.section.take() {
                sections.push(section);
            } else {
                problems.push(problem("an end group without a begin group".into()));
            }
        }
        "begin repeat" => {
            if open.repeat.is_some() {
                problems.push(problem("a repeat inside a repeat is not supported".into()));
            } else if name.is_empty() {
                problems.push(problem("a repeat needs a name".into()));
            } else {
                open.repeat = Some((
                    n,
                    Item::Repeat {
                        name: name.to_string(),
                        label: label.clone(),
                        fields: Vec::new(),
                        relevant,
                    },
                ));
            }
        }
        "end repeat" => match open.repeat.take() {
            Some((_, item)) => match &mut open.section {
                Some(section) => section.items.push(item),
                None => loose.push(item),
            },
            None => problems.push(problem("an end repeat without a begin repeat".into())),
        },
        _ => {}
    }
}

#[cfg(test)]
mod tests;
