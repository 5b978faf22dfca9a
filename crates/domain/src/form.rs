//! Documentation tools as versioned data: the home and family assessment, the initial
//! assessment, strengths and resilience, the follow-up visit — designed jointly by source and
//! destination organisations and revised after review (DESIGN §6). A definition has sections
//! (each with a sensitivity class), fields of a few kinds, choice lists, labels and help in
//! bn/hi/en, required-ness and simple relevance ("show this when that answer is …"). A filled
//! assessment keeps the version it was filled in, so it still reads right after a revision.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::consent::SectionClass;
use crate::{DomainError, Language};

pub mod expression;

/// A text in each working language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub bn: String,
    pub hi: String,
    pub en: String,
}

impl Text {
    /// In `language`, else English, else whatever there is.
    pub fn get(&self, language: Language) -> &str {
        let wanted = match language {
            Language::Bn => &self.bn,
            Language::Hi => &self.hi,
            Language::En => &self.en,
        };
        [wanted, &self.en, &self.bn, &self.hi]
            .into_iter()
            .find(|t| !t.is_empty())
            .map(String::as_str)
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    Text,
    LongText,
    Number,
    /// YYYY-MM-DD.
    Date,
    /// One of a choice list.
    Choice,
    /// Any of a choice list.
    Choices,
    YesNo,
    /// The kinds below are XLSForm's, kept as the form wrote them (`Number` above is what
    /// definitions before them used for both of these).
    Integer,
    Decimal,
    /// HH:MM.
    Time,
    /// YYYY-MM-DDTHH:MM.
    DateTime,
    /// Text shown to the person filling in; nothing is asked.
    Note,
    /// A value worked out from other answers (`Field::calculation`); nothing is asked.
    Calculate,
    /// "OK" or nothing.
    Acknowledge,
    /// A number within `Field::parameters` (`start=0 end=10 step=1`).
    Range,
    /// Coordinates as text: "latitude longitude [altitude [accuracy]]".
    Geopoint,
    /// Media answers: the file becomes a document of the case, filed under the class of the
    /// section the question is in; the answer is that document's id.
    Image,
    Audio,
    File,
}

impl FieldKind {
    /// Whether a person answers it (a note and a calculation are not answered).
    pub fn is_asked(self) -> bool {
        !matches!(self, FieldKind::Note | FieldKind::Calculate)
    }

    /// Whether an answer is a file (kept as a document of the case, answered by its id).
    pub fn is_media(self) -> bool {
        matches!(self, FieldKind::Image | FieldKind::Audio | FieldKind::File)
    }

    /// Whether a file of `media_type` (as [`crate::document::sniff`] found it) answers a
    /// question of this kind: a photo is an image, a recording audio, a file any allowed kind.
    pub fn takes(self, media_type: &str) -> Result<(), DomainError> {
        match self {
            FieldKind::Image if !media_type.starts_with("image/") => {
                Err(DomainError::MediaNotWanted { wanted: "a photo" })
            }
            FieldKind::Audio if !crate::document::is_recording(media_type) => {
                Err(DomainError::MediaNotWanted {
                    wanted: "a recording",
                })
            }
            _ => Ok(()),
        }
    }
}

/// Show an item only when another field's answer is (or, for several choices, includes) a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    pub field: String,
    pub equals: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub name: String,
    pub kind: FieldKind,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    #[serde(default)]
    pub required: bool,
    /// The choice list, for `choice` and `choices`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevant: Option<Condition>,
    /// An XLSForm `relevant` beyond the one [`Condition`] (with the conditions of the groups
    /// around it joined by `and`), kept as written and evaluated by [`expression`] where it
    /// can be; where it cannot, the field is always shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevant_expression: Option<String>,
    /// A `calculate` field's expression, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calculation: Option<String>,
    /// A `range` field's `parameters`, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<String>,
}

impl Field {
    /// A field with no help, condition or calculation.
    pub fn new(name: &str, kind: FieldKind, label: Text) -> Self {
        Field {
            name: name.to_string(),
            kind,
            label,
            help: None,
            required: false,
            choices: None,
            relevant: None,
            relevant_expression: None,
            calculation: None,
            parameters: None,
        }
    }
}

/// A field, or a group of fields answered once per row (each household member, each service).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Item {
    Field(Field),
    Repeat {
        name: String,
        label: Text,
        fields: Vec<Field>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        relevant: Option<Condition>,
        /// As `Field::relevant_expression`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        relevant_expression: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub name: String,
    pub label: Text,
    /// Who may read the answers, as for the documents of her record.
    pub sensitivity: SectionClass,
    pub items: Vec<Item>,
    /// Whether the form wrote it as a group (`begin group`); questions outside any group are
    /// kept in sections of their own, in their place.
    #[serde(default = "written_as_group", skip_serializing_if = "is_true")]
    pub group: bool,
    /// The names of groups written inside this one: their questions are in `items`, their
    /// conditions joined into each question's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inner_groups: Vec<String>,
    /// A condition on the whole section (an XLSForm group's `relevant`), as on a field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevant: Option<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevant_expression: Option<String>,
}

/// Definitions stored before `Section::group` were all written as groups.
fn written_as_group() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDef {
    /// Stable across versions: `home-family-assessment`.
    pub key: String,
    pub title: Text,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub choice_lists: BTreeMap<String, Vec<Choice>>,
    /// What it is filled for: a case, or a workshop's questionnaire (never offered on a case).
    #[serde(default, skip_serializing_if = "FormPurpose::is_case")]
    pub purpose: FormPurpose,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FormPurpose {
    #[default]
    Case,
    Training,
}

impl FormPurpose {
    pub fn is_case(&self) -> bool {
        *self == FormPurpose::Case
    }
}

/// An answer as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    One(String),
    Many(Vec<String>),
    Rows(Vec<BTreeMap<String, Answer>>),
}

pub type Answers = BTreeMap<String, Answer>;

/// Answers as typed: every value of every input name. Rows of a repeat are named
/// `group.0.field`, `group.1.field` ….
pub type RawAnswers = BTreeMap<String, Vec<String>>;

pub const ANSWER_MAX: usize = 10_000;
pub const ROWS_MAX: usize = 50;

/// Names the entry page uses for itself; a field may not take them.
const RESERVED: [&str; 3] = ["csrf", "form", "version"];

/// A name as XLSForm (and XML) takes it, case kept: a letter or `_` first, then letters,
/// digits, `_`, `-` and `.` (`vic_TypeOfExploitation`, `__version__`).
fn key_ok(name: &str) -> bool {
    let mut chars = name.chars();
    !RESERVED.contains(&name)
        && name.len() <= 100
        && chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// Whether `name` can name a form or a field: what a reader of XLSForm names checks first.
pub fn name_ok(name: &str) -> bool {
    key_ok(name)
}

impl FormDef {
    /// Every field, with the repeat it belongs to.
    pub fn fields(&self) -> impl Iterator<Item = (Option<&str>, &Field)> {
        self.sections.iter().flat_map(|s| {
            s.items.iter().flat_map(|item| match item {
                Item::Field(f) => vec![(None, f)],
                Item::Repeat { name, fields, .. } => {
                    fields.iter().map(|f| (Some(name.as_str()), f)).collect()
                }
            })
        })
    }

    /// A definition that can be filled: names unique and well-formed, choice lists present,
    /// conditions pointing at earlier fields, every label in at least one language.
    pub fn check(&self) -> Result<(), Vec<String>> {
        let mut problems = Vec::new();
        if !key_ok(&self.key) {
            problems.push(format!("form key {:?}", self.key));
        }
        if self.title.en.is_empty() && self.title.bn.is_empty() && self.title.hi.is_empty() {
            problems.push("the form has no title".into());
        }
        let mut seen: Vec<&str> = Vec::new();
        let every: Vec<&str> = self
            .fields()
            .map(|(_, f)| f.name.as_str())
            .chain(self.sections.iter().flat_map(|s| {
                s.items.iter().filter_map(|i| match i {
                    Item::Repeat { name, .. } => Some(name.as_str()),
                    Item::Field(_) => None,
                })
            }))
            .collect();
        // An expression may name any question of the form, before or after it.
        let mut unknown = |place: &str, text: &Option<String>| {
            for name in text.iter().flat_map(|t| expression::references(t)) {
                if !every.contains(&name.as_str()) {
                    problems.push(format!("{place} refers to an unknown field {name:?}"));
                }
            }
        };
        for section in &self.sections {
            unknown(&section.name, &section.relevant_expression);
            for item in &section.items {
                match item {
                    Item::Field(f) => {
                        unknown(&f.name, &f.relevant_expression);
                        unknown(&f.name, &f.calculation);
                    }
                    Item::Repeat {
                        name,
                        fields,
                        relevant_expression,
                        ..
                    } => {
                        unknown(name, relevant_expression);
                        for f in fields {
                            unknown(&f.name, &f.relevant_expression);
                            unknown(&f.name, &f.calculation);
                        }
                    }
                }
            }
        }
        for section in &self.sections {
            if let Some(c) = &section.relevant
                && !seen.contains(&c.field.as_str())
            {
                problems.push(format!(
                    "section {:?} depends on {:?}, which does not come before it",
                    section.name, c.field
                ));
            }
            for item in &section.items {
                let (fields, relevant, group) = match item {
                    Item::Field(f) => (std::slice::from_ref(f), &None, None),
                    Item::Repeat {
                        name,
                        fields,
                        relevant,
                        ..
                    } => (fields.as_slice(), relevant, Some(name.as_str())),
                };
                if let Some(group) = group {
                    if !key_ok(group) || seen.contains(&group) {
                        problems.push(format!("repeat name {group:?}"));
                    }
                    seen.push(group);
                }
                if let Some(c) = relevant
                    && !seen.contains(&c.field.as_str())
                {
                    problems.push(format!(
                        "{:?} depends on an unknown field {:?}",
                        group, c.field
                    ));
                }
                for f in fields {
                    if !key_ok(&f.name) || seen.contains(&f.name.as_str()) {
                        problems.push(format!(
                            "field name {:?} (unique; a letter or _, then letters, digits, _ - .)",
                            f.name
                        ));
                    }
                    if matches!(f.kind, FieldKind::Choice | FieldKind::Choices) {
                        match &f.choices {
                            Some(list) if self.choice_lists.contains_key(list) => {}
                            other => problems.push(format!(
                                "field {:?} names the choice list {:?}, which is not there",
                                f.name, other
                            )),
                        }
                    }
                    if let Some(c) = &f.relevant
                        && !seen.contains(&c.field.as_str())
                    {
                        problems.push(format!(
                            "field {:?} depends on {:?}, which does not come before it",
                            f.name, c.field
                        ));
                    }
                    seen.push(&f.name);
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    fn choice_ok(&self, field: &Field, value: &str) -> bool {
        field
            .choices
            .as_ref()
            .and_then(|l| self.choice_lists.get(l))
            .is_some_and(|list| list.iter().any(|c| c.value == value))
    }

    /// The section and field a media answer at `place` belongs to (`photo`, or
    /// `members.2.photo` in a repeat), when the field there takes a file.
    pub fn media_place(&self, place: &str) -> Option<(&Section, &Field)> {
        let (repeat, name) = match place.split_once('.') {
            Some((repeat, rest)) => {
                let (row, name) = rest.split_once('.')?;
                row.parse::<usize>().ok().filter(|i| *i < ROWS_MAX)?;
                (Some(repeat), name)
            }
            None => (None, place),
        };
        self.sections
            .iter()
            .find_map(|s| {
                s.items.iter().find_map(|item| match (item, repeat) {
                    (Item::Field(f), None) if f.name == name => Some((s, f)),
                    (
                        Item::Repeat {
                            name: r, fields, ..
                        },
                        Some(repeat),
                    ) if r == repeat => fields.iter().find(|f| f.name == name).map(|f| (s, f)),
                    _ => None,
                })
            })
            .filter(|(_, f)| f.kind.is_media())
    }

    /// The label of a choice, for display.
    pub fn choice_label(&self, field: &Field, value: &str, language: Language) -> String {
        field
            .choices
            .as_ref()
            .and_then(|l| self.choice_lists.get(l))
            .and_then(|list| list.iter().find(|c| c.value == value))
            .map(|c| c.label.get(language).to_string())
            .unwrap_or_else(|| value.to_string())
    }
}

/// The value of an answer as an expression sees it: a `select_multiple` is its values
/// separated by spaces, as XForms stores it; no answer is the empty text.
fn value_of(name: &str, top: &Answers, row: Option<&Answers>) -> expression::Value {
    let answer = row.and_then(|r| r.get(name)).or_else(|| top.get(name));
    expression::Value::Text(match answer {
        Some(Answer::One(v)) => v.clone(),
        Some(Answer::Many(vs)) => vs.join(" "),
        _ => String::new(),
    })
}

/// Whether an item is shown: its condition, and its expression where Saathi can evaluate it
/// (one it cannot leaves the item shown).
pub fn shown(
    condition: &Option<Condition>,
    written: &Option<String>,
    top: &Answers,
    row: Option<&Answers>,
) -> bool {
    holds(condition, top, row)
        && written
            .as_deref()
            .and_then(expression::parse)
            .is_none_or(|e| e.evaluate(&|name| value_of(name, top, row)).truthy())
}

/// A `calculate` field's value, where Saathi can work it out.
pub fn calculated(f: &Field, top: &Answers, row: Option<&Answers>) -> Option<String> {
    let e = expression::parse(f.calculation.as_deref()?)?;
    Some(e.evaluate(&|name| value_of(name, top, row)).text()).filter(|v| !v.is_empty())
}

/// Whether a condition holds given the answers so far (top level, or within the row).
pub fn holds(condition: &Option<Condition>, top: &Answers, row: Option<&Answers>) -> bool {
    let Some(c) = condition else {
        return true;
    };
    let answer = row
        .and_then(|r| r.get(&c.field))
        .or_else(|| top.get(&c.field));
    match answer {
        Some(Answer::One(v)) => *v == c.equals,
        Some(Answer::Many(vs)) => vs.contains(&c.equals),
        _ => false,
    }
}

fn one_field(
    def: &FormDef,
    f: &Field,
    values: &[String],
    place: String,
    errors: &mut Vec<(String, DomainError)>,
) -> Option<Answer> {
    let values: Vec<String> = values
        .iter()
        .map(|v| crate::text::normalise(v))
        .filter(|v| !v.is_empty())
        .collect();
    if values.is_empty() {
        if f.required {
            errors.push((place, DomainError::AnswerRequired));
        }
        return None;
    }
    if values.iter().any(|v| v.chars().count() > ANSWER_MAX) {
        errors.push((place, DomainError::TextTooLong { max: ANSWER_MAX }));
        return None;
    }
    let first = values[0].clone();
    let bad = |errors: &mut Vec<(String, DomainError)>, place: String| {
        errors.push((place, DomainError::AnswerNotValid));
        None
    };
    let number = |text: &str| -> Option<String> {
        let folded = crate::text::ascii_digits(text.trim());
        folded
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .map(|_| folded)
    };
    match f.kind {
        FieldKind::Text | FieldKind::LongText => Some(Answer::One(first)),
        FieldKind::Integer => match number(&first) {
            Some(n) if n.parse::<i64>().is_ok() => Some(Answer::One(n)),
            _ => bad(errors, place),
        },
        FieldKind::Decimal => match number(&first) {
            Some(n) => Some(Answer::One(n)),
            None => bad(errors, place),
        },
        FieldKind::Range => match number(&first) {
            Some(n) if in_range(f.parameters.as_deref(), &n) => Some(Answer::One(n)),
            _ => bad(errors, place),
        },
        FieldKind::Time => match time_of_day(&first) {
            Some(t) => Some(Answer::One(t)),
            None => bad(errors, place),
        },
        FieldKind::DateTime => {
            let (date, time) = first.split_once(['T', ' ']).unwrap_or((first.as_str(), ""));
            match (crate::voice::parse_date(date), time_of_day(time)) {
                (Ok(d), Some(t)) => Some(Answer::One(format!(
                    "{}T{t}",
                    crate::voice::format_date_iso(d)
                ))),
                _ => bad(errors, place),
            }
        }
        FieldKind::Acknowledge => match first.as_str() {
            "OK" | "ok" | "yes" => Some(Answer::One("OK".into())),
            _ => bad(errors, place),
        },
        FieldKind::Geopoint => match geopoint(&first) {
            Some(g) => Some(Answer::One(g)),
            None => bad(errors, place),
        },
        // Not asked: nothing typed is kept.
        FieldKind::Note | FieldKind::Calculate => None,
        // The document the file became; the service checks it is one of this case's.
        FieldKind::Image | FieldKind::Audio | FieldKind::File => {
            match uuid::Uuid::parse_str(&first) {
                Ok(id) if values.len() == 1 => Some(Answer::One(id.to_string())),
                _ => bad(errors, place),
            }
        }
        FieldKind::Number => {
            let folded = crate::text::ascii_digits(first.trim());
            match folded.parse::<f64>() {
                Ok(n) if n.is_finite() => Some(Answer::One(folded)),
                _ => bad(errors, place),
            }
        }
        FieldKind::Date => match crate::voice::parse_date(&first) {
            Ok(d) => Some(Answer::One(crate::voice::format_date_iso(d))),
            Err(e) => {
                errors.push((place, e));
                None
            }
        },
        FieldKind::YesNo => match first.as_str() {
            "yes" | "no" => Some(Answer::One(first)),
            _ => bad(errors, place),
        },
        FieldKind::Choice => {
            if values.len() == 1 && def.choice_ok(f, &first) {
                Some(Answer::One(first))
            } else {
                bad(errors, place)
            }
        }
        FieldKind::Choices => {
            if values.iter().all(|v| def.choice_ok(f, v)) {
                let mut vs = values;
                vs.dedup();
                Some(Answer::Many(vs))
            } else {
                bad(errors, place)
            }
        }
    }
}

/// `HH:MM` or `HH:MM:SS`, as `HH:MM`.
fn time_of_day(text: &str) -> Option<String> {
    let text = crate::text::ascii_digits(text);
    let mut parts = text.trim().split(':');
    let h: u8 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let s: u8 = parts.next().map_or(Some(0), |s| s.parse().ok())?;
    (h < 24 && m < 60 && s < 60 && parts.next().is_none()).then(|| format!("{h:02}:{m:02}"))
}

/// "latitude longitude [altitude [accuracy]]", as ODK stores a geopoint.
fn geopoint(text: &str) -> Option<String> {
    let parts: Vec<f64> = crate::text::ascii_digits(text)
        .split([' ', ','])
        .filter(|p| !p.is_empty())
        .map(|p| p.parse::<f64>().ok().filter(|n| n.is_finite()))
        .collect::<Option<_>>()?;
    let ok = (2..=4).contains(&parts.len()) && parts[0].abs() <= 90.0 && parts[1].abs() <= 180.0;
    ok.then(|| {
        parts
            .iter()
            .map(f64::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Whether a number is within a range's `start=… end=…` (where they can be read).
fn in_range(parameters: Option<&str>, n: &str) -> bool {
    let Ok(n) = n.parse::<f64>() else {
        return false;
    };
    let bound = |key: &str| {
        parameters?
            .split_whitespace()
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| k.trim() == key)
            .and_then(|(_, v)| v.trim().parse::<f64>().ok())
    };
    let (start, end) = (bound("start").unwrap_or(0.0), bound("end").unwrap_or(10.0));
    n >= start.min(end) && n <= start.max(end)
}

/// Checks what was typed against the definition: required answers (only where relevant), the
/// kind of each, choices from their list. Answers to items not shown are dropped. Each problem
/// names its input (`reason`, `members.1.age`).
///
/// Only sections whose class `may` accepts are read: a case worker never writes (nor is asked
/// for) a psychosocial section, which is the counsellor's.
pub fn check_answers(
    def: &FormDef,
    raw: &RawAnswers,
    may: &dyn Fn(SectionClass) -> bool,
) -> Result<Answers, Vec<(String, DomainError)>> {
    let mut answers = Answers::new();
    let mut errors = Vec::new();
    let empty: Vec<String> = Vec::new();
    for section in def.sections.iter().filter(|s| may(s.sensitivity)) {
        if !shown(
            &section.relevant,
            &section.relevant_expression,
            &answers,
            None,
        ) {
            continue;
        }
        for item in &section.items {
            match item {
                Item::Field(f) => {
                    if !shown(&f.relevant, &f.relevant_expression, &answers, None) {
                        continue;
                    }
                    if f.kind == FieldKind::Calculate {
                        if let Some(v) = calculated(f, &answers, None) {
                            answers.insert(f.name.clone(), Answer::One(v));
                        }
                        continue;
                    }
                    let values = raw.get(&f.name).unwrap_or(&empty);
                    if let Some(a) = one_field(def, f, values, f.name.clone(), &mut errors) {
                        answers.insert(f.name.clone(), a);
                    }
                }
                Item::Repeat {
                    name,
                    fields,
                    relevant,
                    relevant_expression,
                    ..
                } => {
                    if !shown(relevant, relevant_expression, &answers, None) {
                        continue;
                    }
                    let beyond = raw.iter().any(|(k, vs)| {
                        k.strip_prefix(&format!("{name}."))
                            .and_then(|rest| rest.split('.').next())
                            .and_then(|i| i.parse::<usize>().ok())
                            .is_some_and(|i| i >= ROWS_MAX)
                            && vs.iter().any(|v| !v.trim().is_empty())
                    });
                    if beyond {
                        errors.push((name.clone(), DomainError::TooManyRows { max: ROWS_MAX }));
                        continue;
                    }
                    let mut rows = Vec::new();
                    for i in 0..ROWS_MAX {
                        let prefix = format!("{name}.{i}.");
                        let any = raw.iter().any(|(k, vs)| {
                            k.starts_with(&prefix) && vs.iter().any(|v| !v.trim().is_empty())
                        });
                        if !any {
                            continue;
                        }
                        let mut row = Answers::new();
                        for f in fields {
                            if !shown(&f.relevant, &f.relevant_expression, &answers, Some(&row)) {
                                continue;
                            }
                            if f.kind == FieldKind::Calculate {
                                if let Some(v) = calculated(f, &answers, Some(&row)) {
                                    row.insert(f.name.clone(), Answer::One(v));
                                }
                                continue;
                            }
                            let input = format!("{prefix}{}", f.name);
                            let values = raw.get(&input).unwrap_or(&empty);
                            if let Some(a) = one_field(def, f, values, input, &mut errors) {
                                row.insert(f.name.clone(), a);
                            }
                        }
                        rows.push(row);
                    }
                    if !rows.is_empty() {
                        answers.insert(name.clone(), Answer::Rows(rows));
                    }
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

/// One version of a form as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct FormVersion {
    pub def: FormDef,
    pub version: i64,
    pub created_at: crate::Timestamp,
}

/// A filled form: the answers, and the version they were given in.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub id: uuid::Uuid,
    pub case_id: crate::CaseId,
    pub form_key: String,
    pub form_version: i64,
    pub answers: Answers,
    pub recorded_by: crate::UserId,
    pub recorded_at: crate::Timestamp,
    /// The organisation that wrote it: its sections follow her consent to other organisations
    /// like every record's (see `crate::sight`).
    pub org: crate::OrgId,
}

/// The built-in tools every Saathi starts with (`data/forms/*.json`).
pub fn built_in() -> Vec<FormDef> {
    [
        include_str!("../data/forms/home-family-assessment.json"),
        include_str!("../data/forms/initial-assessment.json"),
        include_str!("../data/forms/strengths-resilience.json"),
        include_str!("../data/forms/follow-up-visit.json"),
        include_str!("../data/forms/workshop-evaluation.json"),
    ]
    .iter()
    .filter_map(|text| serde_json::from_str(text).ok())
    .collect()
}

#[cfg(test)]
mod tests;
