//! `MAP.toml`: which column of a register fills which field of a case, her words and notes,
//! with the register's own spellings of values and dates (`docs/import.md`).

use std::collections::BTreeMap;

use crate::Error;

/// How the register is laid out.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterSettings {
    /// The sheet of a workbook to read (the first when not given).
    #[serde(default)]
    pub sheet: Option<String>,
    /// How dates are written, tried in order: `DD`, `MM` and `YYYY` (or `YY`, read as
    /// 20YY) between any separators, e.g. `DD/MM/YYYY`. `YYYY-MM-DD` is always tried last.
    #[serde(default)]
    pub date_formats: Vec<String>,
    /// Characters that separate the items of a list (languages, types of exploitation).
    #[serde(default = "default_separators")]
    pub list_separators: String,
}

fn default_separators() -> String {
    ",;/".into()
}

impl Default for RegisterSettings {
    fn default() -> Self {
        Self {
            sheet: None,
            date_formats: Vec::new(),
            list_separators: default_separators(),
        }
    }
}

/// The register's column for each field of the case; a field left out is not imported.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseColumns {
    /// The register's own reference (serial number): each is imported once per organisation.
    pub reference: Option<String>,
    pub name: Option<String>,
    pub family: Option<String>,
    pub address: Option<String>,
    pub identified_on: Option<String>,
    pub identified_district: Option<String>,
    pub identified_state: Option<String>,
    pub identified_country: Option<String>,
    pub age: Option<String>,
    pub born_on: Option<String>,
    pub gender: Option<String>,
    pub languages: Option<String>,
    pub citizenship: Option<String>,
    pub exploitation: Option<String>,
}

/// The case fields a mapping may fill, by their names in `[case]`, `[fixed]` and `[values]`.
pub const CASE_FIELDS: [&str; 14] = [
    "reference",
    "name",
    "family",
    "address",
    "identified_on",
    "identified_district",
    "identified_state",
    "identified_country",
    "age",
    "born_on",
    "gender",
    "languages",
    "citizenship",
    "exploitation",
];

impl CaseColumns {
    /// The column mapped to `field`.
    pub fn column(&self, field: &str) -> Option<&str> {
        match field {
            "reference" => self.reference.as_deref(),
            "name" => self.name.as_deref(),
            "family" => self.family.as_deref(),
            "address" => self.address.as_deref(),
            "identified_on" => self.identified_on.as_deref(),
            "identified_district" => self.identified_district.as_deref(),
            "identified_state" => self.identified_state.as_deref(),
            "identified_country" => self.identified_country.as_deref(),
            "age" => self.age.as_deref(),
            "born_on" => self.born_on.as_deref(),
            "gender" => self.gender.as_deref(),
            "languages" => self.languages.as_deref(),
            "citizenship" => self.citizenship.as_deref(),
            "exploitation" => self.exploitation.as_deref(),
            _ => None,
        }
    }
}

/// A column of her words: each non-blank cell becomes an entry of her voice.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoiceColumn {
    pub column: String,
    /// hope, fear, plan, preference or feedback, for every entry of this column…
    pub kind: Option<String>,
    /// …or the column that says which.
    pub kind_column: Option<String>,
    /// bn, hi or en, for every entry of this column…
    pub language: Option<String>,
    /// …or the column that says which.
    pub language_column: Option<String>,
    /// The column with the day she said it (blank: the day of the import).
    pub spoken_on: Option<String>,
    /// Whether the register's words were read back to her.
    #[serde(default)]
    pub read_back: bool,
}

/// A column of notes: each non-blank cell becomes a case note.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteColumn {
    pub column: String,
    pub language: Option<String>,
    pub language_column: Option<String>,
}

/// The whole mapping file.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    #[serde(default)]
    pub register: RegisterSettings,
    pub case: CaseColumns,
    /// A value for every line, for a field the register has no column for (e.g. the country
    /// all its cases were identified in).
    #[serde(default)]
    pub fixed: BTreeMap<String, String>,
    /// For a field, the register's spellings and the value Saathi keeps for each (e.g. under
    /// `[values.gender]`, `"F" = "feminine"`). Matched without regard to case or spaces; a
    /// value not listed is read as written.
    #[serde(default)]
    pub values: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    pub voice: Vec<VoiceColumn>,
    #[serde(default)]
    pub note: Vec<NoteColumn>,
    /// `values`, folded once: field → folded spelling → Saathi's value.
    #[serde(skip)]
    lookup: std::collections::HashMap<String, std::collections::HashMap<String, String>>,
}

/// The fields whose values a `[values.…]` table may translate: the case's fields, and `kind`
/// and `language` for her words and notes.
fn may_have_values(field: &str) -> bool {
    CASE_FIELDS.contains(&field) || field == "kind" || field == "language"
}

/// A value as it is compared: trimmed, in normal form, without case.
pub(crate) fn fold(text: &str) -> String {
    domain::text::normalise(text).to_lowercase()
}

impl Mapping {
    /// Reads and checks the mapping: every problem named at once, in one message.
    pub fn parse(text: &str) -> Result<Self, Error> {
        let mut mapping: Mapping = basic_toml::from_str(text)
            .map_err(|e| Error::Malformed(format!("the mapping: {e}")))?;
        let mut problems = Vec::new();
        if mapping.case.name.is_none() && !mapping.fixed.contains_key("name") {
            problems.push("[case] needs a name column: a case is opened with her name".to_string());
        }
        for field in mapping.fixed.keys() {
            if !CASE_FIELDS.contains(&field.as_str()) || field == "reference" || field == "name" {
                problems.push(format!("[fixed] cannot set {field:?}"));
            } else if mapping.case.column(field).is_some() {
                problems.push(format!("{field} has both a column and a [fixed] value"));
            }
        }
        for field in mapping.values.keys() {
            if !may_have_values(field) {
                problems.push(format!("[values.{field}] names no field"));
            }
        }
        for voice in &mapping.voice {
            if voice.kind.is_some() == voice.kind_column.is_some() {
                problems.push(format!(
                    "[[voice]] {:?}: give either kind or kind_column",
                    voice.column
                ));
            }
            if voice.language.is_some() == voice.language_column.is_some() {
                problems.push(format!(
                    "[[voice]] {:?}: give either language or language_column",
                    voice.column
                ));
            }
        }
        for note in &mapping.note {
            if note.language.is_some() == note.language_column.is_some() {
                problems.push(format!(
                    "[[note]] {:?}: give either language or language_column",
                    note.column
                ));
            }
        }
        for format in &mapping.register.date_formats {
            if super::dates::Pattern::parse(format).is_none() {
                problems.push(format!(
                    "date format {format:?}: use DD, MM and YYYY (or YY) with separators"
                ));
            }
        }
        mapping.lookup = mapping
            .values
            .iter()
            .map(|(field, table)| {
                let folded = table.iter().map(|(k, v)| (fold(k), v.clone())).collect();
                (field.clone(), folded)
            })
            .collect();
        if problems.is_empty() {
            Ok(mapping)
        } else {
            Err(Error::Malformed(format!(
                "the mapping: {}",
                problems.join("; ")
            )))
        }
    }

    /// Every register column the mapping reads.
    pub fn columns(&self) -> Vec<&str> {
        let mut columns: Vec<&str> = CASE_FIELDS
            .iter()
            .filter_map(|f| self.case.column(f))
            .collect();
        for voice in &self.voice {
            columns.push(&voice.column);
            columns.extend(voice.kind_column.as_deref());
            columns.extend(voice.language_column.as_deref());
            columns.extend(voice.spoken_on.as_deref());
        }
        for note in &self.note {
            columns.push(&note.column);
            columns.extend(note.language_column.as_deref());
        }
        columns
    }

    /// `value` as Saathi spells it for `field`, through `[values.field]`.
    pub fn translate<'a>(&'a self, field: &str, value: &'a str) -> &'a str {
        match self.lookup.get(field) {
            None => value,
            Some(table) => table.get(&fold(value)).map_or(value, String::as_str),
        }
    }
}
