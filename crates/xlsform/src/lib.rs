//! XLSForm import, as pyxform (the reference reader) reads a form: the `survey`, `choices`
//! and `settings` sheets of an `.xlsx` or `.xls`, into a [`FormDef`]. Question order and names
//! are kept exactly as written; questions outside any group stay in their place. All or
//! nothing: every row that cannot be taken is named with its sheet, its row number and why
//! (a Fluent id, see [`problems::code`]), and no form comes out of a file with problems.
//!
//! A top-level group is a section (a `sensitivity` column on its row sets the section's
//! class, default `other`); groups inside it are kept by name, their `relevant` joined into
//! their questions'. `relevant` and `calculation` are kept as written and evaluated where
//! [`domain::form::expression`] can.

use std::collections::{BTreeMap, BTreeSet};

use domain::consent::SectionClass;
use domain::form::{Choice, Condition, Field, FieldKind, FormDef, Item, Section, Text};

mod header;
mod kind;
mod problems;
mod workbook;

use header::{Header, language_of};
use kind::{RowType, row_type};
pub use problems::{PROBLEMS_KEPT, Problem, Problems, code};

fn is_empty(t: &Text) -> bool {
    t.bn.is_empty() && t.hi.is_empty() && t.en.is_empty()
}

/// `${field} = 'value'` or `selected(${field}, 'value')`: the one condition every Saathi
/// page can say in words ("Answer only if …").
fn condition(text: &str) -> Option<Condition> {
    let t = text.trim();
    let quoted = |s: &str| {
        let s = s.trim();
        s.strip_prefix('\'')
            .and_then(|x| x.strip_suffix('\''))
            .or_else(|| s.strip_prefix('"').and_then(|x| x.strip_suffix('"')))
            .filter(|x| !x.contains(['\'', '"']))
            .map(str::to_string)
    };
    let reference = |s: &str| {
        s.trim()
            .strip_prefix("${")
            .and_then(|x| x.strip_suffix('}'))
            .filter(|x| !x.contains(['$', '{', '}']))
            .map(|x| x.trim().to_string())
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
    if field.ends_with(['!', '<', '>']) || value.contains('=') {
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

/// A relevance made of the conditions of the groups around an item and its own: one simple
/// condition on an earlier field stays a [`Condition`]; anything else is kept as written.
fn relevance(texts: &[&str], earlier: &BTreeSet<String>) -> (Option<Condition>, Option<String>) {
    let texts: Vec<&str> = texts.iter().copied().filter(|t| !t.is_empty()).collect();
    match texts.as_slice() {
        [] => (None, None),
        [one] => match condition(one) {
            Some(c) if earlier.contains(&c.field) => (Some(c), None),
            _ => (None, Some(one.to_string())),
        },
        many => (
            None,
            Some(
                many.iter()
                    .map(|t| format!("({t})"))
                    .collect::<Vec<_>>()
                    .join(" and "),
            ),
        ),
    }
}

/// What the form's `settings` say, or its file name.
struct Settings {
    key: Option<String>,
    title: Text,
    default_language: &'static str,
}

fn settings(rows: Option<&workbook::Rows>) -> Settings {
    let mut out = Settings {
        key: None,
        title: Text::default(),
        default_language: "en",
    };
    let Some([head, values, ..]) = rows.map(Vec::as_slice) else {
        return out;
    };
    let header = Header::read(head, "en");
    if let Some(lang) = language_of(header.cell(values, "default_language")) {
        out.default_language = lang;
    }
    let id = header.cell(values, "form_id");
    out.key = (!id.is_empty()).then(|| id.to_string());
    for (suffix, column) in header.suffixed("form_title") {
        let v = values.get(column).cloned().unwrap_or_default();
        match language_of(suffix) {
            Some("bn") => out.title.bn = v,
            Some("hi") => out.title.hi = v,
            Some(_) => out.title.en = v,
            None => {}
        }
    }
    // A plain `form_title` is in the default language, unless that one is given too.
    let slot = match out.default_language {
        "bn" => &mut out.title.bn,
        "hi" => &mut out.title.hi,
        _ => &mut out.title.en,
    };
    if slot.is_empty() {
        *slot = header.cell(values, "form_title").to_string();
    }
    out
}

/// A file name's stem as a form key: what pyxform would take as the form's id.
fn key_from_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s).trim();
    let mut key: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if key
        .chars()
        .next()
        .is_some_and(|c| !(c.is_alphabetic() || c == '_'))
    {
        key.insert(0, '_');
    }
    key
}

fn choice_lists(
    rows: Option<&workbook::Rows>,
    default_language: &'static str,
    problems: &mut Problems,
) -> BTreeMap<String, Vec<Choice>> {
    let mut lists: BTreeMap<String, Vec<Choice>> = BTreeMap::new();
    let Some((head, rows)) = rows.and_then(|r| r.split_first()) else {
        return lists;
    };
    let header = Header::read(head, default_language);
    for lang in &header.unknown_languages {
        problems.push(Problem::new(
            "choices",
            1,
            code::LANGUAGE,
            lang,
            "Saathi works in Bengali (bn), Hindi (hi) and English (en)",
        ));
    }
    if header.col("list_name").is_none() {
        problems.push(Problem::new(
            "choices",
            1,
            code::NO_COLUMN,
            "list_name",
            "the choices sheet has no such column",
        ));
    }
    for (i, row) in rows.iter().enumerate() {
        let n = i + 2;
        let list = header.cell(row, "list_name");
        let name = header.cell(row, "name");
        if list.is_empty() && name.is_empty() {
            continue;
        }
        if name.is_empty() || list.is_empty() {
            problems.push(Problem::new(
                "choices",
                n,
                code::CHOICE_INCOMPLETE,
                "",
                "a choice needs a list_name and a name",
            ));
            continue;
        }
        let mut label = header.text(row, "label");
        // pyxform takes a choice without a label (with a warning); its name stands for it.
        if is_empty(&label) {
            label.en = name.to_string();
        }
        lists.entry(list.to_string()).or_default().push(Choice {
            value: name.to_string(),
            label,
        });
    }
    lists
}

/// What is open around the row being read.
enum Frame {
    /// A top-level group: the section being filled.
    Section,
    /// A group inside it, with its `relevant` as written.
    Inner(String),
    /// A repeat being filled (`None` when it could not be taken, so that its end still
    /// matches and the rows inside are not blamed twice).
    Repeat(Option<Repeat>),
}

struct Repeat {
    name: String,
    label: Text,
    fields: Vec<Field>,
    relevant: (Option<Condition>, Option<String>),
}

struct Reading {
    sections: Vec<Section>,
    /// The section being filled: a group, or questions outside any group.
    current: Option<Section>,
    stack: Vec<Frame>,
    title: Text,
}

impl Reading {
    /// The section outside any group, opened in place when a question comes outside one.
    fn loose(&mut self, row: usize) -> &mut Section {
        let first = self.sections.is_empty();
        let title = self.title.clone();
        self.current.get_or_insert_with(|| Section {
            name: if first {
                "main".into()
            } else {
                format!("part-{row}")
            },
            label: title,
            sensitivity: SectionClass::Other,
            items: Vec::new(),
            group: false,
            inner_groups: Vec::new(),
            relevant: None,
            relevant_expression: None,
        })
    }

    fn close_loose(&mut self) {
        if self.stack.is_empty()
            && let Some(section) = self.current.take()
        {
            self.sections.push(section);
        }
    }

    /// The `relevant` of the groups inside the section (or inside the repeat) around the row,
    /// as written: the groups around a repeat already hold for the repeat as a whole.
    fn around(&self) -> Vec<&str> {
        let mut texts: Vec<&str> = self
            .stack
            .iter()
            .rev()
            .take_while(|f| !matches!(f, Frame::Repeat(_)))
            .filter_map(|f| match f {
                Frame::Inner(r) => Some(r.as_str()),
                _ => None,
            })
            .collect();
        texts.reverse();
        texts
    }

    fn add(&mut self, row: usize, field: Field) {
        if let Some(Frame::Repeat(repeat)) = self
            .stack
            .iter_mut()
            .rev()
            .find(|f| matches!(f, Frame::Repeat(_)))
        {
            if let Some(r) = repeat {
                r.fields.push(field);
            }
            return;
        }
        self.loose(row).items.push(Item::Field(field));
    }
}

/// Reads an XLSForm. `file_name` names the form when its settings have no `form_id`.
pub fn read(bytes: &[u8], file_name: Option<&str>) -> Result<FormDef, Problems> {
    let mut problems = Problems::default();
    let book = workbook::open(bytes).map_err(|p| {
        let mut problems = Problems::default();
        problems.push(p);
        problems
    })?;
    let settings = settings(book.settings.as_ref());
    let key = match (&settings.key, file_name.filter(|n| !n.trim().is_empty())) {
        (Some(id), _) => id.trim().to_string(),
        (None, Some(name)) => key_from_file_name(name),
        (None, None) => {
            problems.push(Problem::new(
                "settings",
                0,
                code::NO_FORM_ID,
                "form_id",
                "the form has no form_id and came without a file name to name it",
            ));
            String::new()
        }
    };
    if !key.is_empty() && !domain::form::name_ok(&key) {
        problems.push(Problem::new(
            "settings",
            2,
            code::NAME_INVALID,
            &key,
            "a name starts with a letter or _ and has only letters, digits, _ - and .",
        ));
    }
    let mut title = settings.title.clone();
    if is_empty(&title) {
        title.en = file_name
            .map(|n| {
                let base = n.rsplit(['/', '\\']).next().unwrap_or(n);
                base.rsplit_once('.').map_or(base, |(s, _)| s).to_string()
            })
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| key.clone());
    }
    let default_language = settings.default_language;
    let lists = choice_lists(book.choices.as_ref(), default_language, &mut problems);

    let Some((head, rows)) = book.survey.as_ref().and_then(|s| s.split_first()) else {
        problems.push(Problem::new(
            "survey",
            0,
            code::NO_SURVEY,
            "",
            "there is no survey sheet, or it is empty",
        ));
        return Err(problems);
    };
    let header = Header::read(head, default_language);
    for lang in &header.unknown_languages {
        problems.push(Problem::new(
            "survey",
            1,
            code::LANGUAGE,
            lang,
            "Saathi works in Bengali (bn), Hindi (hi) and English (en)",
        ));
    }
    for needed in ["type", "name"] {
        if header.col(needed).is_none() {
            problems.push(Problem::new(
                "survey",
                1,
                code::NO_COLUMN,
                needed,
                "the survey sheet has no such column",
            ));
        }
    }
    let mut reading = Reading {
        sections: Vec::new(),
        current: None,
        stack: Vec::new(),
        title: title.clone(),
    };
    // Names taken so far: a condition may only be a simple one on an earlier question.
    let mut names: BTreeSet<String> = BTreeSet::new();
    let mut opened: Vec<(usize, &'static str)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let n = i + 2;
        let type_cell = header.cell(row, "type");
        if type_cell.is_empty() {
            continue;
        }
        let problem = |code: &'static str, what: &str, message: &str| {
            Problem::new("survey", n, code, what, message)
        };
        let written_name = header.cell(row, "name");
        let label = header.text(row, "label");
        let hint = header.text(row, "hint");
        let relevant = header.cell(row, "relevant");
        let appearance = header.cell(row, "appearance").to_lowercase();
        let row_kind = row_type(type_cell, &appearance);
        // A name is needed, well formed and unique, for everything that holds an answer.
        let needs_name = matches!(
            row_kind,
            RowType::BeginRepeat | RowType::Question(..) | RowType::BeginGroup
        );
        let name = match &row_kind {
            RowType::Question(FieldKind::Note, _) if written_name.is_empty() => {
                format!("generated_note_name_{n}")
            }
            RowType::BeginGroup if written_name.is_empty() => format!("group-{n}"),
            _ => written_name.to_string(),
        };
        if needs_name {
            if name.is_empty() {
                problems.push(problem(
                    code::NAME_MISSING,
                    type_cell,
                    "this row needs a name",
                ));
            } else if !domain::form::name_ok(&name) {
                problems.push(problem(
                    code::NAME_INVALID,
                    &name,
                    "a name starts with a letter or _ and has only letters, digits, _ - and .",
                ));
            } else if !names.insert(name.clone()) {
                problems.push(problem(
                    code::NAME_TAKEN,
                    &name,
                    "another row already has this name",
                ));
            }
        }
        match row_kind {
            RowType::BeginGroup if reading.stack.is_empty() => {
                reading.close_loose();
                let class = header.cell(row, "sensitivity");
                let sensitivity = if class.is_empty() {
                    SectionClass::Other
                } else {
                    class.parse::<SectionClass>().unwrap_or_else(|_| {
                        problems.push(problem(
                            code::SENSITIVITY,
                            class,
                            "use legal, health, psychosocial, identity, voice or other",
                        ));
                        SectionClass::Other
                    })
                };
                let (relevant, relevant_expression) = relevance(&[relevant], &names);
                reading.current = Some(Section {
                    name,
                    label,
                    sensitivity,
                    items: Vec::new(),
                    group: true,
                    inner_groups: Vec::new(),
                    relevant,
                    relevant_expression,
                });
                reading.stack.push(Frame::Section);
                opened.push((n, "begin group"));
            }
            RowType::BeginGroup => {
                if let Some(s) = reading.current.as_mut() {
                    s.inner_groups.push(name);
                }
                reading.stack.push(Frame::Inner(relevant.to_string()));
                opened.push((n, "begin group"));
            }
            RowType::EndGroup => match reading.stack.last() {
                Some(Frame::Section) => {
                    reading.stack.pop();
                    opened.pop();
                    if let Some(s) = reading.current.take() {
                        reading.sections.push(s);
                    }
                }
                Some(Frame::Inner(_)) => {
                    reading.stack.pop();
                    opened.pop();
                }
                _ => problems.push(problem(
                    code::END_WITHOUT_BEGIN,
                    type_cell,
                    "no begin group is open here",
                )),
            },
            RowType::BeginRepeat => {
                let inside = reading.stack.iter().any(|f| matches!(f, Frame::Repeat(_)));
                let repeat = if inside {
                    problems.push(problem(
                        code::REPEAT_IN_REPEAT,
                        &name,
                        "a repeat inside a repeat is not taken",
                    ));
                    None
                } else {
                    let mut around = reading.around();
                    around.push(relevant);
                    Some(Repeat {
                        name,
                        label,
                        fields: Vec::new(),
                        relevant: relevance(&around, &names),
                    })
                };
                if reading.stack.is_empty() {
                    reading.loose(n);
                }
                reading.stack.push(Frame::Repeat(repeat));
                opened.push((n, "begin repeat"));
            }
            RowType::EndRepeat => match reading.stack.last() {
                Some(Frame::Repeat(_)) => {
                    opened.pop();
                    if let Some(Frame::Repeat(Some(r))) = reading.stack.pop() {
                        let item = Item::Repeat {
                            name: r.name,
                            label: r.label,
                            fields: r.fields,
                            relevant: r.relevant.0,
                            relevant_expression: r.relevant.1,
                        };
                        reading.loose(n).items.push(item);
                    }
                }
                _ => problems.push(problem(
                    code::END_WITHOUT_BEGIN,
                    type_cell,
                    "no begin repeat is open here",
                )),
            },
            RowType::Metadata => {}
            RowType::NotTaken(feature) => problems.push(problem(
                code::TYPE_NOT_TAKEN,
                type_cell,
                &format!("Saathi does not take this XLSForm feature ({feature}) yet"),
            )),
            RowType::Unknown => problems.push(problem(
                code::TYPE_UNKNOWN,
                type_cell,
                "this question type is not one XLSForm has",
            )),
            RowType::Question(kind, list) => {
                if let Some(list) = &list
                    && !lists.contains_key(list)
                {
                    problems.push(problem(
                        code::LIST_MISSING,
                        list,
                        "this choice list is not on the choices sheet",
                    ));
                    continue;
                }
                if kind != FieldKind::Calculate && is_empty(&label) && is_empty(&hint) {
                    problems.push(problem(
                        code::LABEL_MISSING,
                        &name,
                        "this question has no label",
                    ));
                }
                let mut around = reading.around();
                around.push(relevant);
                let (relevant, relevant_expression) = relevance(&around, &names);
                let calculation = header.cell(row, "calculation");
                let parameters = header.cell(row, "parameters");
                let field = Field {
                    help: (!is_empty(&hint)).then_some(hint),
                    required: kind.is_asked() && truthy(header.cell(row, "required")),
                    choices: list,
                    relevant,
                    relevant_expression,
                    calculation: (!calculation.is_empty()).then(|| calculation.to_string()),
                    parameters: (kind == FieldKind::Range && !parameters.is_empty())
                        .then(|| parameters.to_string()),
                    ..Field::new(&name, kind, label)
                };
                reading.add(n, field);
            }
        }
    }
    for (row, what) in opened.into_iter().rev() {
        problems.push(Problem::new(
            "survey",
            row,
            code::BEGIN_WITHOUT_END,
            what,
            "it is never closed",
        ));
    }
    if let Some(section) = reading.current.take() {
        reading.sections.push(section);
    }
    let def = FormDef {
        key,
        title,
        sections: reading.sections,
        choice_lists: lists,
        purpose: domain::form::FormPurpose::Case,
    };
    if problems.is_empty()
        && let Err(found) = def.check()
    {
        problems.extend(
            found
                .into_iter()
                .map(|m| Problem::new("survey", 0, code::DEFINITION, "", &m)),
        );
    }
    if problems.is_empty() {
        Ok(def)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests;
