//! Importing the records a network already keeps (`saathi import cases`, `docs/import.md`): a
//! register (CSV, a workbook or JSON Lines) and a mapping of its columns (`MAP.toml`) become
//! cases of the importing person's organisation, assigned to her as a case she opens herself.
//!
//! Every line is read and checked first, by the same checks as a case opened on the page, her
//! words recorded and a note written; a line with any problem is refused whole, with every
//! problem named. The lines that pass are written `BATCH` at a time, each batch one
//! transaction with every case's audit entries. A dry run stops before writing.

mod dates;
pub mod mapping;
pub mod register;

use std::collections::HashMap;
use std::sync::Arc;

use domain::audit::AuditAction;
use domain::intake::Intake;
use domain::note::NoteKind;
use domain::policy::{Action, Resource};
use domain::zone::TimeZone;
use domain::{Case, CaseCode, CaseId, Language, Stage, VoiceId};
use rand_core::{OsRng, RngCore};
use store::{ImportedCase, NewCase, NewVoice, Store, StoreError};

use crate::casework::{IdentityInput, IntakeInput, VoiceInput, check, event};
use crate::{Acting, Error, FieldError};

pub use mapping::Mapping;
pub use register::{Register, RegisterFormat, Row};

/// Cases written in one transaction.
pub const BATCH: usize = 500;

/// A line that was (or in a dry run would be) refused, and every reason, each named by the
/// register's column (`FieldError::field`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub line: usize,
    pub problems: Vec<FieldError>,
}

impl Refusal {
    /// One line of English: `line 7: Sex: unknown gender "X"; Age: …`.
    pub fn english(&self) -> String {
        let reasons: Vec<String> = self
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.field, p.english))
            .collect();
        format!("line {}: {}", self.line, reasons.join("; "))
    }
}

/// What an import did, or in a dry run would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub dry_run: bool,
    /// Lines of the register with anything in them.
    pub lines: usize,
    /// Cases opened (a dry run: that would be).
    pub imported: usize,
    pub refused: Vec<Refusal>,
}

/// Where each mapped column is in the register.
struct Positions {
    case: HashMap<&'static str, usize>,
    voice: Vec<VoicePositions>,
    note: Vec<(usize, Option<usize>)>,
}

struct VoicePositions {
    text: usize,
    kind: Option<usize>,
    language: Option<usize>,
    spoken_on: Option<usize>,
}

fn locate(register: &Register, mapping: &Mapping) -> Result<Positions, Error> {
    let missing: Vec<&str> = mapping
        .columns()
        .into_iter()
        .filter(|c| register.position(c).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(Error::Malformed(format!(
            "the register has no column {} (its columns: {})",
            missing
                .iter()
                .map(|c| format!("{c:?}"))
                .collect::<Vec<_>>()
                .join(", "),
            register.header.join(", ")
        )));
    }
    let at = |c: &str| register.position(c).unwrap_or(usize::MAX);
    let at_opt = |c: Option<&String>| c.map(|c| at(c));
    Ok(Positions {
        case: mapping::CASE_FIELDS
            .iter()
            .filter_map(|f| mapping.case.column(f).map(|c| (*f, at(c))))
            .collect(),
        voice: mapping
            .voice
            .iter()
            .map(|v| VoicePositions {
                text: at(&v.column),
                kind: at_opt(v.kind_column.as_ref()),
                language: at_opt(v.language_column.as_ref()),
                spoken_on: at_opt(v.spoken_on.as_ref()),
            })
            .collect(),
        note: mapping
            .note
            .iter()
            .map(|n| (at(&n.column), at_opt(n.language_column.as_ref())))
            .collect(),
    })
}

fn cell(row: &Row, at: Option<usize>) -> &str {
    at.and_then(|i| row.cells.get(i)).map_or("", |c| c.trim())
}

/// A problem of the import itself (not one of the case's own checks).
fn problem(column: &str, message_id: &'static str, english: String) -> FieldError {
    FieldError {
        field: column.to_string().into(),
        message_id,
        english,
    }
}

/// Everything one run needs to read a line.
struct Reader<'a> {
    mapping: &'a Mapping,
    positions: Positions,
    patterns: Vec<dates::Pattern>,
    zone: TimeZone,
    acting: &'a Acting,
    actor: &'a domain::policy::Actor,
    /// References already imported into the organisation, with their case codes.
    imported: HashMap<String, CaseCode>,
    /// References seen earlier in this register, with their lines.
    seen: HashMap<String, usize>,
}

impl Reader<'_> {
    /// The register column a field's problem is named by.
    fn column_of(&self, field: &str) -> String {
        match self.mapping.case.column(field) {
            Some(column) => column.to_string(),
            None => format!("[fixed] {field}"),
        }
    }

    /// A case field's value in `row`: its column's cell or its fixed value, spelled as Saathi
    /// spells it.
    fn value(&self, row: &Row, field: &'static str) -> String {
        let raw = match self.positions.case.get(field) {
            Some(at) => cell(row, Some(*at)),
            None => self.mapping.fixed.get(field).map_or("", |v| v.trim()),
        };
        if raw.is_empty() {
            return String::new();
        }
        self.mapping.translate(field, raw).trim().to_string()
    }

    fn list(&self, row: &Row, field: &'static str) -> Vec<String> {
        let raw = match self.positions.case.get(field) {
            Some(at) => cell(row, Some(*at)).to_string(),
            None => self.mapping.fixed.get(field).cloned().unwrap_or_default(),
        };
        let separators = &self.mapping.register.list_separators;
        raw.split(|c: char| separators.contains(c))
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| self.mapping.translate(field, item).trim().to_string())
            .collect()
    }

    /// A date as `YYYY-MM-DD` for the case's own checks; blank stays blank.
    fn date(&self, text: &str, column: &str, problems: &mut Vec<FieldError>) -> String {
        if text.is_empty() {
            return String::new();
        }
        dates::to_iso(text, &self.patterns).unwrap_or_else(|| {
            let mut formats = self.mapping.register.date_formats.clone();
            formats.push("YYYY-MM-DD".into());
            let e = domain::DomainError::InvalidDate(text.to_string());
            problems.push(problem(
                column,
                e.message_id(),
                format!("{text:?} is not a date (use {})", formats.join(" or ")),
            ));
            String::new()
        })
    }

    fn reference(&mut self, row: &Row, problems: &mut Vec<FieldError>) -> Option<String> {
        let at = *self.positions.case.get("reference")?;
        let column = self.column_of("reference");
        let reference = domain::text::normalise(cell(row, Some(at)));
        if reference.is_empty() {
            problems.push(problem(
                &column,
                "import-error-reference-missing",
                "no reference: each line needs its own".into(),
            ));
        } else if let Some(code) = self.imported.get(&reference) {
            problems.push(problem(
                &column,
                "import-error-reference-imported",
                format!("{reference:?} was already imported, as case {code}"),
            ));
        } else if let Some(line) = self.seen.get(&reference) {
            problems.push(problem(
                &column,
                "import-error-reference-repeated",
                format!("{reference:?} is also on line {line}"),
            ));
        } else {
            self.seen.insert(reference.clone(), row.line);
        }
        Some(reference)
    }

    /// The line as a case ready to write, or every reason it cannot be one.
    fn read(&mut self, row: &Row) -> Result<ImportedCase, Refusal> {
        let (actor, source, at) = (self.actor, self.acting.source.as_str(), self.acting.at);
        let mut problems = Vec::new();
        let reference = self.reference(row, &mut problems);
        let identity = IdentityInput {
            name: self.value(row, "name"),
            family: self.value(row, "family"),
            address: self.value(row, "address"),
        };
        let intake = IntakeInput {
            identified_on: {
                let text = self.value(row, "identified_on");
                self.date(&text, &self.column_of("identified_on"), &mut problems)
            },
            identified_district: self.value(row, "identified_district"),
            identified_state: self.value(row, "identified_state"),
            identified_country: self.value(row, "identified_country"),
            age: self.value(row, "age"),
            born_on: {
                let text = self.value(row, "born_on");
                self.date(&text, &self.column_of("born_on"), &mut problems)
            },
            gender: self.value(row, "gender"),
            languages: self.list(row, "languages"),
            citizenship: self.value(row, "citizenship"),
            exploitation: self.list(row, "exploitation"),
        };
        let mut errors = Vec::new();
        let identity = identity.validate(&mut errors);
        let intake: Intake = intake.validate(at, &self.zone, &mut errors);
        for mut e in errors {
            e.field = self.column_of(&e.field).into();
            problems.push(e);
        }
        let case = Case {
            id: CaseId::new(),
            code: new_code(),
            custodian: actor.org_id,
            stage: Stage::Identified,
            assigned: vec![actor.user_id],
            opened_at: at,
            version: 1,
            updated_at: at,
            survivor: None,
            intake,
            passages: Vec::new(),
        };
        let mut audit = vec![
            event(actor, source, at, AuditAction::CaseCreated, &case).with_detail(
                crate::accounts::detail(&[
                    ("code", case.code.as_str()),
                    ("imported", reference.as_deref().unwrap_or("")),
                ]),
            ),
        ];
        let mut voice = Vec::new();
        for (column, at_) in self.mapping.voice.iter().zip(&self.positions.voice) {
            let text = cell(row, Some(at_.text));
            if text.is_empty() {
                continue;
            }
            let name = |field: &str| -> String {
                match field {
                    "kind" => column.kind_column.clone(),
                    "language" => column.language_column.clone(),
                    "spoken_on" => column.spoken_on.clone(),
                    _ => None,
                }
                .unwrap_or_else(|| column.column.clone())
            };
            let kind = match &column.kind {
                Some(kind) => kind.clone(),
                None => self
                    .mapping
                    .translate("kind", cell(row, at_.kind))
                    .to_string(),
            };
            let language = match &column.language {
                Some(language) => language.clone(),
                None => self
                    .mapping
                    .translate("language", cell(row, at_.language))
                    .to_string(),
            };
            let spoken_on = self.date(cell(row, at_.spoken_on), &name("spoken_on"), &mut problems);
            let input = VoiceInput {
                kind,
                text: text.to_string(),
                language,
                spoken_on: Some(spoken_on),
                read_back: column.read_back,
            };
            match input.validate(&case, at, &self.zone) {
                Ok(fields) => {
                    let id = VoiceId::new();
                    audit.push(
                        event(actor, source, at, AuditAction::VoiceRecorded, &case).with_detail(
                            crate::accounts::detail(&[
                                ("entry", &id.to_string()),
                                ("kind", fields.kind.as_str()),
                            ]),
                        ),
                    );
                    voice.push(NewVoice {
                        id,
                        case_id: case.id,
                        fields,
                        recorded_by: actor.user_id,
                        recorded_at: at,
                    });
                }
                Err(Error::Invalid(errors)) => {
                    for mut e in errors {
                        e.field = name(&e.field).into();
                        problems.push(e);
                    }
                }
                Err(other) => {
                    problems.push(problem(&column.column, "error-internal", other.english()))
                }
            }
        }
        let mut notes = Vec::new();
        for (column, (text_at, language_at)) in self.mapping.note.iter().zip(&self.positions.note) {
            let text = cell(row, Some(*text_at));
            if text.is_empty() {
                continue;
            }
            let language_column = column
                .language_column
                .clone()
                .unwrap_or_else(|| column.column.clone());
            let language_text = match &column.language {
                Some(language) => language.clone(),
                None => self
                    .mapping
                    .translate("language", cell(row, *language_at))
                    .to_string(),
            };
            let language: Option<Language> = language_text
                .trim()
                .parse()
                .map_err(|e: domain::DomainError| {
                    problems.push(problem(&language_column, e.message_id(), e.to_string()));
                })
                .ok();
            let checked = domain::note::check_note(NoteKind::Case, text, "", "")
                .map_err(|found| {
                    for (_, e) in found {
                        problems.push(problem(&column.column, e.message_id(), e.to_string()));
                    }
                })
                .ok();
            if let (Some(language), Some((text, _))) = (language, checked) {
                let note = domain::note::Note {
                    id: uuid::Uuid::now_v7(),
                    case_id: case.id,
                    kind: NoteKind::Case,
                    text,
                    language,
                    response: None,
                    written_by: actor.user_id,
                    written_at: at,
                };
                audit.push(
                    event(actor, source, at, AuditAction::NoteWritten, &case).with_detail(
                        crate::accounts::detail(&[
                            ("note", &note.id.to_string()),
                            ("kind", NoteKind::Case.as_str()),
                        ]),
                    ),
                );
                notes.push(note);
            }
        }
        if !problems.is_empty() {
            return Err(Refusal {
                line: row.line,
                problems,
            });
        }
        Ok(ImportedCase {
            case: NewCase {
                id: case.id,
                code: case.code,
                custodian: case.custodian,
                opened_at: at,
                assigned: case.assigned,
                identity,
                intake: case.intake,
            },
            reference,
            voice,
            notes,
            audit,
        })
    }
}

fn new_code() -> CaseCode {
    let mut bytes = [0_u8; 5];
    OsRng.fill_bytes(&mut bytes);
    CaseCode::from_random(bytes)
}

/// Writes one case alone (a batch that failed is written again case by case, so that one
/// taken code or reference refuses that line only). A taken code is drawn again.
async fn write_alone(
    store: &Arc<dyn Store>,
    mut one: ImportedCase,
    line: usize,
) -> Result<Option<Refusal>, Error> {
    for _ in 0..5 {
        match store.import_cases(std::slice::from_ref(&one)).await {
            Ok(()) => return Ok(None),
            Err(StoreError::Duplicate("case code")) => {
                let code = new_code();
                if let Some(created) = one.audit.first_mut() {
                    let reference = one.reference.as_deref().unwrap_or("");
                    created.detail = crate::accounts::detail(&[
                        ("code", code.as_str()),
                        ("imported", reference),
                    ]);
                }
                one.case.code = code;
            }
            Err(StoreError::Duplicate(_)) => {
                let reference = one.reference.clone().unwrap_or_default();
                return Ok(Some(Refusal {
                    line,
                    problems: vec![problem(
                        "reference",
                        "import-error-reference-imported",
                        format!("{reference:?} was imported meanwhile"),
                    )],
                }));
            }
            Err(other) => return Err(other.into()),
        }
    }
    Err(Error::internal("no free case code after five tries"))
}

/// Imports `bytes` (a register in `format`) as `mapping` says, for the person `acting`: her
/// organisation's cases, assigned to her. With `dry_run`, reads and checks every line and
/// writes nothing. A line with a problem is refused whole; the others are written in batches
/// of [`BATCH`], each one transaction, and the run is recorded with one `cases-imported`
/// entry besides each case's own.
pub async fn import_cases(
    store: &Arc<dyn Store>,
    acting: &Acting,
    bytes: &[u8],
    format: RegisterFormat,
    mapping: &Mapping,
    dry_run: bool,
) -> Result<ImportReport, Error> {
    let (actor, _, _) = acting.signed_in()?;
    crate::policy::require(
        actor,
        Action::CreateCase,
        &Resource::Organisation(actor.org_id),
    )?;
    // Her words and notes on a case she opens: asked once, of a case as it will be.
    let probe = Case {
        id: CaseId::new(),
        code: new_code(),
        custodian: actor.org_id,
        stage: Stage::Identified,
        assigned: vec![actor.user_id],
        opened_at: acting.at,
        version: 1,
        updated_at: acting.at,
        survivor: None,
        intake: Intake::default(),
        passages: Vec::new(),
    };
    if !mapping.voice.is_empty() {
        check(actor, Action::RecordVoice, &probe)?;
    }
    if !mapping.note.is_empty() {
        check(actor, Action::WriteNote(NoteKind::Case), &probe)?;
    }
    let register = Register::read(bytes, format, mapping.register.sheet.as_deref())?;
    let positions = locate(&register, mapping)?;
    let imported = if positions.case.contains_key("reference") {
        store.case_references(actor.org_id).await?
    } else {
        HashMap::new()
    };
    let mut reader = Reader {
        mapping,
        positions,
        patterns: mapping
            .register
            .date_formats
            .iter()
            .filter_map(|f| dates::Pattern::parse(f))
            .collect(),
        zone: store.time_zone_of(actor.org_id).await?,
        acting,
        actor,
        imported,
        seen: HashMap::new(),
    };
    let mut report = ImportReport {
        dry_run,
        lines: register.rows.len(),
        imported: 0,
        refused: Vec::new(),
    };
    let mut batch: Vec<(usize, ImportedCase)> = Vec::with_capacity(BATCH);
    for row in &register.rows {
        match reader.read(row) {
            Ok(case) => batch.push((row.line, case)),
            Err(refusal) => report.refused.push(refusal),
        }
        if batch.len() == BATCH {
            write(store, &mut batch, &mut report).await?;
        }
    }
    write(store, &mut batch, &mut report).await?;
    report.refused.sort_by_key(|r| r.line);
    if !dry_run {
        let event = acting
            .event(
                AuditAction::CasesImported,
                format!("org:{}", actor.org_id),
                Some(actor.org_id),
            )
            .with_detail(crate::accounts::detail(&[
                ("format", format.as_str()),
                ("lines", &report.lines.to_string()),
                ("imported", &report.imported.to_string()),
                ("refused", &report.refused.len().to_string()),
            ]));
        store.append_audit(event).await?;
    }
    Ok(report)
}

/// Writes the batch (a dry run only counts it) and empties it.
async fn write(
    store: &Arc<dyn Store>,
    batch: &mut Vec<(usize, ImportedCase)>,
    report: &mut ImportReport,
) -> Result<(), Error> {
    if report.dry_run || batch.is_empty() {
        report.imported += batch.len();
        batch.clear();
        return Ok(());
    }
    let (lines, cases): (Vec<usize>, Vec<ImportedCase>) = batch.drain(..).unzip();
    match store.import_cases(&cases).await {
        Ok(()) => report.imported += cases.len(),
        Err(StoreError::Duplicate(_)) => {
            for (line, case) in lines.into_iter().zip(cases) {
                match write_alone(store, case, line).await? {
                    None => report.imported += 1,
                    Some(refusal) => report.refused.push(refusal),
                }
            }
        }
        Err(other) => return Err(other.into()),
    }
    Ok(())
}
