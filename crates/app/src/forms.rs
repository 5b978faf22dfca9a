//! Assessments for the pages and the API: filling a form for a case (only the sections her
//! role may write, checked against the version it is filled in), and reading one back in the
//! reader's language with the sections she may not read left out.

use std::sync::Arc;

use domain::audit::AuditAction;
use domain::consent::SectionClass;
use domain::form::{Answer, Assessment, FormDef, FormVersion, Item, RawAnswers, check_answers};
use domain::policy::{Action, Actor, DenyReason};
use domain::{Case, Language};
use store::Store;

use crate::casework::allowed;
use crate::{Acting, Error, FieldError};

/// Whether she may write, and read, a section of this class in this case.
pub fn may(actor: &Actor, case: &Case) -> impl Fn(SectionClass) -> bool {
    move |class| allowed(actor, Action::Document(class), case)
}

/// Which classes of an assessment this person's role reads (what her organisation holds is
/// the `sight`'s to say).
pub fn may_read<'a>(actor: &'a Actor, case: &'a Case) -> impl Fn(SectionClass) -> bool + Sync + 'a {
    move |class| allowed(actor, Action::ReadDocument(class), case)
}

pub async fn form(
    store: &Arc<dyn Store>,
    key: &str,
    version: Option<i64>,
) -> Result<FormVersion, Error> {
    store
        .form(key.trim(), version)
        .await?
        .ok_or(Error::NotFound)
}

/// A problem with one answer, named by the input's own name so the page puts the message
/// beside it.
pub fn answer_error(place: &str, e: &domain::DomainError) -> FieldError {
    FieldError {
        field: place.to_string().into(),
        message_id: e.message_id(),
        english: e.to_string(),
    }
}

/// A file given for a photo, recording or file question, under the input's name (`photo`, or
/// `members.2.photo` in a repeat).
#[derive(Debug, Clone)]
pub struct MediaFile {
    pub place: String,
    /// The name it had on her phone.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The files that answer questions, checked as uploads are (content, size) and against what
/// each question asks, each becoming a document under its section's class; its id goes into
/// `raw` as the answer. Problems are named by the input, like any answer's.
fn media_documents(
    def: &FormDef,
    case: &Case,
    actor: &Actor,
    at: domain::Timestamp,
    files: Vec<MediaFile>,
    raw: &mut RawAnswers,
    errors: &mut Vec<FieldError>,
) -> Vec<(domain::document::DocumentInfo, Vec<u8>)> {
    let mut documents = Vec::new();
    for file in files {
        let Some((section, field)) = def.media_place(&file.place) else {
            errors.push(answer_error(
                &file.place,
                &domain::DomainError::AnswerNotValid,
            ));
            continue;
        };
        let checked = domain::document::check_document("other", &file.bytes)
            .map_err(|(_, e)| e)
            .and_then(|(_, media_type)| field.kind.takes(media_type).map(|()| media_type));
        let media_type = match checked {
            Ok(media_type) => media_type,
            Err(e) => {
                errors.push(answer_error(&file.place, &e));
                continue;
            }
        };
        let info = domain::document::DocumentInfo {
            id: uuid::Uuid::now_v7(),
            case_id: case.id,
            class: section.sensitivity,
            name: domain::document::stored_name(&file.name, media_type),
            media_type: media_type.to_string(),
            size: i64::try_from(file.bytes.len()).unwrap_or(i64::MAX),
            uploaded_by: actor.user_id,
            uploaded_at: at,
        };
        raw.insert(file.place, vec![info.id.to_string()]);
        documents.push((info, file.bytes));
    }
    documents
}

/// Every document a media answer names: (the input's place, its section's class, the id).
fn media_answers(
    def: &FormDef,
    answers: &domain::form::Answers,
) -> Vec<(String, SectionClass, uuid::Uuid)> {
    let id_of = |answers: &domain::form::Answers, name: &str| match answers.get(name) {
        Some(Answer::One(id)) => uuid::Uuid::parse_str(id).ok(),
        _ => None,
    };
    let mut named = Vec::new();
    for section in &def.sections {
        for item in &section.items {
            match item {
                Item::Field(f) if f.kind.is_media() => {
                    if let Some(id) = id_of(answers, &f.name) {
                        named.push((f.name.clone(), section.sensitivity, id));
                    }
                }
                Item::Field(_) => {}
                Item::Repeat { name, fields, .. } => {
                    let Some(Answer::Rows(rows)) = answers.get(name) else {
                        continue;
                    };
                    for (i, row) in rows.iter().enumerate() {
                        for f in fields.iter().filter(|f| f.kind.is_media()) {
                            if let Some(id) = id_of(row, &f.name) {
                                named.push((
                                    format!("{name}.{i}.{}", f.name),
                                    section.sensitivity,
                                    id,
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    named
}

/// Fills `form_key` (at `version`, else its newest) for the case. A photo, recording or file
/// question is answered by a file in `files`, which becomes a document of the case in the same
/// transaction, or (from the API) by the id of a document the case already has, of the class
/// of the question's section.
pub async fn fill(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    form_key: &str,
    version: Option<i64>,
    raw: &RawAnswers,
    files: Vec<MediaFile>,
) -> Result<Assessment, Error> {
    let (actor, source, at) = acting.signed_in()?;
    // A workshop questionnaire is not a case form: it is answered on the workshop's page.
    let form = form(store, form_key, version)
        .await
        .ok()
        .filter(|f| f.def.purpose.is_case())
        .ok_or_else(|| {
            Error::Invalid(vec![FieldError {
                field: "form".into(),
                message_id: "error-unknown-form",
                english: format!("there is no case form {form_key:?}"),
            }])
        })?;
    let may = may(actor, case);
    if !form.def.sections.iter().any(|s| may(s.sensitivity)) {
        return Err(Error::Forbidden(DenyReason::NotAssigned));
    }
    let mut raw = raw.clone();
    let mut errors = Vec::new();
    let mut documents = media_documents(&form.def, case, actor, at, files, &mut raw, &mut errors);
    let answers = match check_answers(&form.def, &raw, &may) {
        Ok(answers) if errors.is_empty() => answers,
        Ok(_) => return Err(Error::Invalid(errors)),
        Err(more) => {
            // A file refused above is not also "required".
            let more: Vec<FieldError> = more
                .iter()
                .filter(|(place, _)| !errors.iter().any(|e| e.field == place.as_str()))
                .map(|(place, e)| answer_error(place, e))
                .collect();
            errors.extend(more);
            return Err(Error::Invalid(errors));
        }
    };
    // A file whose question was not asked (its condition did not hold) is not kept; an id
    // given for a question must be a document of this case, of that section's class.
    let named = media_answers(&form.def, &answers);
    documents.retain(|(info, _)| named.iter().any(|(_, _, id)| *id == info.id));
    let given: Vec<&(String, SectionClass, uuid::Uuid)> = named
        .iter()
        .filter(|(_, _, id)| !documents.iter().any(|(info, _)| info.id == *id))
        .collect();
    if !given.is_empty() {
        let sight = crate::casework::sight(store, acting, case).await?;
        let held = store.documents_of(case.id, &sight).await?;
        let missing: Vec<FieldError> = given
            .iter()
            .filter(|(_, class, id)| !held.iter().any(|d| d.id == *id && d.class == *class))
            .map(|(place, _, _)| answer_error(place, &domain::DomainError::NoSuchDocument))
            .collect();
        if !missing.is_empty() {
            return Err(Error::Invalid(missing));
        }
    }
    let assessment = Assessment {
        id: uuid::Uuid::now_v7(),
        case_id: case.id,
        form_key: form.def.key.clone(),
        form_version: form.version,
        answers,
        recorded_by: actor.user_id,
        recorded_at: at,
        org: actor.org_id,
    };
    let audit = domain::audit::AuditEvent::new(
        at,
        AuditAction::AssessmentRecorded,
        format!("case:{}", case.id),
    )
    .by(actor.user_id, actor.org_id)
    .scoped_to(case.custodian)
    .from_source(source.to_string())
    .with_detail(crate::accounts::detail(&[
        ("assessment", &assessment.id.to_string()),
        ("form", &assessment.form_key),
        ("version", &assessment.form_version.to_string()),
    ]));
    let files: Vec<store::AnswerFile> = documents
        .into_iter()
        .map(|(info, content)| store::AnswerFile {
            audit: crate::casework::event(actor, source, at, AuditAction::DocumentAdded, case)
                .with_detail(crate::accounts::detail(&[
                    ("document", &info.id.to_string()),
                    ("section", info.class.as_str()),
                    ("assessment", &assessment.id.to_string()),
                ])),
            info,
            content,
        })
        .collect();
    store
        .add_assessment_with_files(&assessment, &files, audit)
        .await?;
    Ok(assessment)
}

/// One answered field as shown.
pub struct Shown {
    pub label: String,
    pub value: String,
    /// For a photo, recording or file question: the document the answer is.
    pub document: Option<uuid::Uuid>,
}

/// A section as shown: its label and answers, or rows for a repeat group.
pub struct ShownSection {
    pub label: String,
    pub answers: Vec<Shown>,
    /// Repeat groups: (label, column labels, rows of answers, each labelled by its column).
    pub tables: Vec<(String, Vec<String>, Vec<Vec<Shown>>)>,
}

pub(crate) fn display(
    def: &FormDef,
    f: &domain::form::Field,
    a: &Answer,
    language: Language,
    yes: &str,
    no: &str,
) -> String {
    match a {
        Answer::One(v) if f.kind == domain::form::FieldKind::YesNo => {
            if v == "yes" {
                yes.to_string()
            } else {
                no.to_string()
            }
        }
        Answer::One(v) => {
            use domain::form::FieldKind;
            match f.kind {
                FieldKind::Choice => def.choice_label(f, v, language),
                // A date the long way, a number and a time in her digits: as every page
                // writes them, never as stored (`2026-08-26`, `45`).
                FieldKind::Date => domain::voice::parse_date(v)
                    .map(|d| i18n::format_day(language, d))
                    .unwrap_or_else(|_| v.clone()),
                FieldKind::DateTime => match v.split_once('T') {
                    Some((day, clock)) => match domain::voice::parse_date(day) {
                        Ok(d) => format!(
                            "{}, {}",
                            i18n::format_day(language, d),
                            i18n::localise_digits(language, clock)
                        ),
                        Err(_) => v.clone(),
                    },
                    None => v.clone(),
                },
                FieldKind::Integer
                | FieldKind::Decimal
                | FieldKind::Number
                | FieldKind::Range
                | FieldKind::Time => i18n::localise_digits(language, v),
                _ => v.clone(),
            }
        }
        Answer::Many(vs) => vs
            .iter()
            .map(|v| def.choice_label(f, v, language))
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Rows(_) => String::new(),
    }
}

/// The assessment in `language`, in the form version it was filled in; sections she may not
/// read are left out (and counted, so the page can say so).
pub fn show(
    form: &FormVersion,
    assessment: &Assessment,
    language: Language,
    may: &dyn Fn(SectionClass) -> bool,
    yes: &str,
    no: &str,
) -> (Vec<ShownSection>, usize) {
    let def = &form.def;
    // One answer as shown, in a section or in a repeat's row; a photo, recording or file names
    // its document, wherever it stands, so that the page can link it.
    let answer = |f: &domain::form::Field, a: Option<&Answer>| Shown {
        label: f.label.get(language).to_string(),
        value: a
            .map(|a| display(def, f, a, language, yes, no))
            .unwrap_or_default(),
        document: match a {
            Some(Answer::One(id)) if f.kind.is_media() => uuid::Uuid::parse_str(id).ok(),
            _ => None,
        },
    };
    let mut hidden = 0;
    let mut shown = Vec::new();
    for section in &def.sections {
        if !may(section.sensitivity) {
            hidden += 1;
            continue;
        }
        let mut s = ShownSection {
            label: section.label.get(language).to_string(),
            answers: Vec::new(),
            tables: Vec::new(),
        };
        for item in &section.items {
            match item {
                Item::Field(f) => {
                    if let Some(a) = assessment.answers.get(&f.name) {
                        s.answers.push(answer(f, Some(a)));
                    }
                }
                Item::Repeat {
                    name,
                    label,
                    fields,
                    ..
                } => {
                    if let Some(Answer::Rows(rows)) = assessment.answers.get(name) {
                        let columns = fields
                            .iter()
                            .map(|f| f.label.get(language).to_string())
                            .collect();
                        let rows = rows
                            .iter()
                            .map(|row| fields.iter().map(|f| answer(f, row.get(&f.name))).collect())
                            .collect();
                        s.tables
                            .push((label.get(language).to_string(), columns, rows));
                    }
                }
            }
        }
        shown.push(s);
    }
    (shown, hidden)
}

/// Answers as the API takes them: `{"name": "text" | ["a", "b"] | [{"field": …}, …]}`.
pub fn raw_from_json(value: &serde_json::Value) -> Result<RawAnswers, Error> {
    let bad = |what: &str| Error::Malformed(format!("answers: {what}"));
    let object = value.as_object().ok_or_else(|| bad("not an object"))?;
    let mut raw = RawAnswers::new();
    let scalar = |v: &serde_json::Value| -> Option<String> {
        match v {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            serde_json::Value::Bool(b) => Some(if *b { "yes" } else { "no" }.to_string()),
            _ => None,
        }
    };
    for (name, v) in object {
        match v {
            serde_json::Value::Array(items)
                if items.iter().all(serde_json::Value::is_object) && !items.is_empty() =>
            {
                for (i, row) in items.iter().enumerate() {
                    for (field, v) in row.as_object().into_iter().flatten() {
                        let values = match v {
                            serde_json::Value::Array(vs) => vs.iter().filter_map(scalar).collect(),
                            other => scalar(other).into_iter().collect(),
                        };
                        raw.insert(format!("{name}.{i}.{field}"), values);
                    }
                }
            }
            serde_json::Value::Array(vs) => {
                raw.insert(name.clone(), vs.iter().filter_map(scalar).collect());
            }
            serde_json::Value::Null => {}
            other => {
                let s = scalar(other).ok_or_else(|| bad(name))?;
                raw.insert(name.clone(), vec![s]);
            }
        }
    }
    Ok(raw)
}

/// The assessment's answers as JSON, only the sections she may read.
pub fn answers_json(
    form: &FormVersion,
    assessment: &Assessment,
    may: &dyn Fn(SectionClass) -> bool,
) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for section in form.def.sections.iter().filter(|s| may(s.sensitivity)) {
        for item in &section.items {
            let name = match item {
                Item::Field(f) => &f.name,
                Item::Repeat { name, .. } => name,
            };
            if let Some(a) = assessment.answers.get(name)
                && let Ok(v) = serde_json::to_value(a)
            {
                out.insert(name.clone(), v);
            }
        }
    }
    serde_json::Value::Object(out)
}

/// The assessment `id` of this case with its form; another case's, none, or one of which
/// `sight` reaches no section: not found.
pub async fn assessment_of(
    store: &Arc<dyn Store>,
    case: &Case,
    id: domain::AssessmentId,
    sight: &domain::sight::Sight,
) -> Result<(Assessment, FormVersion), Error> {
    let a = store
        .assessment(id.0)
        .await?
        .filter(|a| a.case_id == case.id)
        .ok_or(Error::NotFound)?;
    let form = form(store, &a.form_key, Some(a.form_version)).await?;
    if form
        .def
        .sections
        .iter()
        .any(|s| sight.sees(s.sensitivity, a.org))
    {
        Ok((a, form))
    } else {
        Err(Error::NotFound)
    }
}

/// The case's assessments of which `sight` reaches some section, newest first, each with its
/// form.
pub async fn assessments_of(
    store: &Arc<dyn Store>,
    case: &Case,
    sight: &domain::sight::Sight,
) -> Result<Vec<(Assessment, FormVersion)>, Error> {
    let mut found = Vec::new();
    for a in store.assessments_of(case.id).await? {
        let form = form(store, &a.form_key, Some(a.form_version)).await?;
        if form
            .def
            .sections
            .iter()
            .any(|s| sight.sees(s.sensitivity, a.org))
        {
            found.push((a, form));
        }
    }
    Ok(found)
}

/// Stores `def` as the next version of its form (the network admin; audited).
pub async fn add_version(
    store: &Arc<dyn Store>,
    acting: &crate::Acting,
    def: &FormDef,
) -> Result<FormVersion, Error> {
    acting.check(Action::ManageForms, domain::policy::Resource::Network)?;
    def.check().map_err(definition_errors)?;
    let audit = acting
        .event(
            AuditAction::FormVersionAdded,
            format!("form:{}", def.key),
            None,
        )
        .with_detail(crate::accounts::detail(&[("form", &def.key)]));
    let by = acting.actor.as_ref().map(|a| a.user_id);
    Ok(store.add_form_version(def, by, audit).await?)
}

/// The message id of the last line of a long list of an XLSForm's problems: "and N more".
pub const MORE_PROBLEMS: &str = "xlsform-more-problems";

/// A line of a refused XLSForm in her language: a row's problem (sheet, row, why, and what
/// the form wrote there), or "and N more"; `None` for any other error.
pub fn xlsform_problem(
    e: &FieldError,
    i18n: &i18n::I18n,
    lang: domain::Language,
) -> Option<String> {
    if e.message_id == MORE_PROBLEMS {
        let n: i64 = e
            .english
            .strip_prefix("and ")?
            .strip_suffix(" more")?
            .parse()
            .ok()?;
        return Some(i18n.text_with(lang, MORE_PROBLEMS, &[("count", i18n::Arg::Count(n))]));
    }
    let code = xlsform::code::ALL
        .iter()
        .find(|c| **c == e.message_id)
        .copied()?;
    let p = xlsform::Problem::from_line(code, &e.english)?;
    let place = if p.row == 0 {
        i18n.text_with(
            lang,
            "xlsform-place-sheet",
            &[("sheet", p.sheet.as_str().into())],
        )
    } else {
        i18n.text_with(
            lang,
            "xlsform-place-row",
            &[
                ("sheet", p.sheet.as_str().into()),
                ("row", i18n::Arg::Count(p.row as i64)),
            ],
        )
    };
    Some(i18n.text_with(
        lang,
        code,
        &[
            ("place", i18n::Arg::Text(place)),
            ("what", p.what.as_str().into()),
        ],
    ))
}

/// Reads an XLSForm and stores it as the next version of its form (the network admin). All or
/// nothing: every row it could not take is listed, and nothing is stored. `file_name` names
/// the form when its settings have no `form_id`, as pyxform does: never a shared default, so
/// an unrelated form never becomes the next version of another.
pub async fn import_xlsform(
    store: &Arc<dyn Store>,
    acting: &crate::Acting,
    bytes: &[u8],
    file_name: Option<&str>,
) -> Result<FormVersion, Error> {
    acting.check(Action::ManageForms, domain::policy::Resource::Network)?;
    let def = xlsform::read(bytes, file_name).map_err(|problems| {
        let mut errors: Vec<FieldError> = problems
            .iter()
            .map(|p| FieldError {
                field: "file".into(),
                message_id: p.code,
                english: p.to_string(),
            })
            .collect();
        if problems.more() > 0 {
            errors.push(FieldError {
                field: "file".into(),
                message_id: MORE_PROBLEMS,
                english: format!("and {} more", problems.more()),
            });
        }
        Error::Invalid(errors)
    })?;
    add_version(store, acting, &def).await
}

/// A definition's problems, each as a field error (for the API and the upload page).
pub fn definition_errors(problems: Vec<String>) -> Error {
    Error::Invalid(
        problems
            .into_iter()
            .map(|p| FieldError {
                field: "definition".into(),
                message_id: "error-form-definition",
                english: p,
            })
            .collect(),
    )
}
