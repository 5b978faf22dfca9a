//! One form's filled assessments as KoboToolbox exports a form's submissions: one row per
//! submission, one column per question name exactly as the form writes it, choices as their
//! labels in the chosen language, and each repeat on a sheet (or CSV file) of its own, one row
//! per repeat, joined to its submission by `_parent_index` and `_submission__id`.
//!
//! Only the cases the reader reads in full are in it, and of each only the sections her role
//! reads and her organisation holds (`Sight`): the same reading as the assessment's own page.

use std::collections::BTreeMap;

use domain::consent::SectionClass;
use domain::form::{Answer, Answers, Field, FieldKind, FormDef, FormVersion, Item};
use domain::policy::{Action, Export, Resource};
use domain::{Case, Language};

use super::{Cell, Download, Entry, Format, Table, audited, write};
use crate::casework::{self, allowed};
use crate::{Acting, App, Error};

/// A column of the export: a field's name, and the repeat it belongs to (`None`: the
/// submission's own sheet).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    repeat: Option<String>,
    name: String,
}

/// Whether a field is a column: everything answered or worked out; a note asks nothing.
fn exported(f: &Field) -> bool {
    f.kind != FieldKind::Note
}

/// The columns of one version, in the form's order, of the sections her role reads.
fn columns_of(def: &FormDef, reads: &dyn Fn(SectionClass) -> bool) -> Vec<Column> {
    let mut out = Vec::new();
    for section in def.sections.iter().filter(|s| reads(s.sensitivity)) {
        for item in &section.items {
            match item {
                Item::Field(f) if exported(f) => out.push(Column {
                    repeat: None,
                    name: f.name.clone(),
                }),
                Item::Field(_) => {}
                Item::Repeat { name, fields, .. } => {
                    out.extend(fields.iter().filter(|f| exported(f)).map(|f| Column {
                        repeat: Some(name.clone()),
                        name: f.name.clone(),
                    }))
                }
            }
        }
    }
    out
}

/// The repeats of a version, in order, whose section her role reads.
fn repeats_of(def: &FormDef, reads: &dyn Fn(SectionClass) -> bool) -> Vec<String> {
    def.sections
        .iter()
        .filter(|s| reads(s.sensitivity))
        .flat_map(|s| &s.items)
        .filter_map(|item| match item {
            Item::Repeat { name, .. } => Some(name.clone()),
            Item::Field(_) => None,
        })
        .collect()
}

/// A field of `def` by name (within `repeat`), with the class of its section.
fn field<'a>(
    def: &'a FormDef,
    repeat: Option<&str>,
    name: &str,
) -> Option<(&'a Field, SectionClass)> {
    def.sections.iter().find_map(|s| {
        s.items.iter().find_map(|item| match (item, repeat) {
            (Item::Field(f), None) if f.name == name => Some((f, s.sensitivity)),
            (
                Item::Repeat {
                    name: r, fields, ..
                },
                Some(want),
            ) if r == want => fields
                .iter()
                .find(|f| f.name == name)
                .map(|f| (f, s.sensitivity)),
            _ => None,
        })
    })
}

struct Words {
    yes: String,
    no: String,
    language: Language,
}

/// One answer as KoboToolbox exports it: a choice by its label in the chosen language, yes or
/// no in words, and a number, date or time as stored (`45`, `2026-08-26`), so that a
/// spreadsheet sorts and sums it. A calculation not stored is worked out.
fn value(def: &FormDef, f: &Field, top: &Answers, row: Option<&Answers>, words: &Words) -> String {
    let own = row.unwrap_or(top);
    match own.get(&f.name) {
        Some(Answer::One(v)) if !matches!(f.kind, FieldKind::Choice | FieldKind::YesNo) => {
            v.clone()
        }
        Some(a) => crate::forms::display(def, f, a, words.language, &words.yes, &words.no),
        None if f.kind == FieldKind::Calculate => {
            domain::form::calculated(f, top, row).unwrap_or_default()
        }
        None => String::new(),
    }
}

/// Every filled assessment of the form `key` in the cases she reads in full, oldest first.
pub async fn assessments(
    app: &App,
    acting: &Acting,
    key: &str,
    language: Language,
    format: Format,
) -> Result<Download, Error> {
    let (actor, _, _) = acting.signed_in()?;
    let org = actor.org_id;
    crate::policy::require(
        actor,
        Action::Export(Export::Assessments),
        &Resource::Organisation(org),
    )?;
    let newest = crate::forms::form(&app.store, key, None).await?;
    // A workshop's questionnaire is not filled for cases: its results are the workshop's.
    if !newest.def.purpose.is_case() {
        return Err(Error::NotFound);
    }
    let key = newest.def.key.clone();
    // The classes her role reads on a case she carries: a section she may not read is no
    // column at all.
    let carried = Resource::Case {
        custodian: org,
        assigned: true,
        held: false,
        awaited: false,
        hers: false,
    };
    let reads =
        |class: SectionClass| crate::policy::allows(actor, Action::ReadDocument(class), &carried);

    // The submissions, with what her organisation holds of each case.
    let mut cases = Vec::new();
    let mut filter = store::CaseFilter::of(org, acting.at);
    filter.limit = 500;
    loop {
        let page = app.store.find_cases(&filter).await?;
        let n = page.len();
        cases.extend(page);
        if n < 500 {
            break;
        }
        filter.offset += 500;
    }
    let mut submissions: Vec<(domain::form::Assessment, Case, domain::sight::Sight)> = Vec::new();
    for case in cases
        .into_iter()
        .filter(|c| allowed(actor, Action::ViewCase, c))
    {
        let sight = casework::sight(&app.store, acting, &case).await?;
        for (a, _) in crate::forms::assessments_of(&app.store, &case, &sight).await? {
            if a.form_key == key {
                submissions.push((a, case.clone(), sight.clone()));
            }
        }
    }
    submissions.sort_by_key(|(a, _, _)| (a.recorded_at, a.id));

    // Every version the submissions were filled in; the columns are the newest version's, then
    // any that only older versions ask, in their order (as KoboToolbox joins versions).
    let mut versions: BTreeMap<i64, FormVersion> = BTreeMap::new();
    versions.insert(newest.version, newest.clone());
    for (a, _, _) in &submissions {
        if let std::collections::btree_map::Entry::Vacant(slot) = versions.entry(a.form_version) {
            slot.insert(crate::forms::form(&app.store, &key, Some(a.form_version)).await?);
        }
    }
    let mut columns = columns_of(&newest.def, &reads);
    let mut repeats = repeats_of(&newest.def, &reads);
    for v in versions.values().rev() {
        for c in columns_of(&v.def, &reads) {
            if !columns.contains(&c) {
                columns.push(c);
            }
        }
        for r in repeats_of(&v.def, &reads) {
            if !repeats.contains(&r) {
                repeats.push(r);
            }
        }
    }
    let t = super::tr(app, language);
    let words = Words {
        yes: t.get("form-yes"),
        no: t.get("form-no"),
        language,
    };
    let top: Vec<&Column> = columns.iter().filter(|c| c.repeat.is_none()).collect();
    let mut header: Vec<String> = top.iter().map(|c| c.name.clone()).collect();
    header.extend(
        [
            "_case_code",
            "_id",
            "_version",
            "_submission_time",
            "_index",
        ]
        .map(String::from),
    );
    let mut main = Table::new(&key, header);
    let mut tables: Vec<Table> = repeats
        .iter()
        .map(|r| {
            let mut header: Vec<String> = columns
                .iter()
                .filter(|c| c.repeat.as_deref() == Some(r.as_str()))
                .map(|c| c.name.clone())
                .collect();
            header.extend(
                [
                    "_index",
                    "_parent_table_name",
                    "_parent_index",
                    "_submission__id",
                ]
                .map(String::from),
            );
            Table::new(r, header)
        })
        .collect();
    let mut repeat_index = vec![0_i64; repeats.len()];
    for (i, (a, case, sight)) in submissions.iter().enumerate() {
        let index = i as i64 + 1;
        let Some(version) = versions.get(&a.form_version) else {
            continue;
        };
        let def = &version.def;
        // A section is read when her role reads its class and her organisation holds it.
        let sees = |class: SectionClass| reads(class) && sight.sees(class, a.org);
        let mut row: Vec<Cell> = top
            .iter()
            .map(|c| match field(def, None, &c.name) {
                Some((f, class)) if sees(class) => value(def, f, &a.answers, None, &words).into(),
                _ => Cell::from(""),
            })
            .collect();
        row.extend([
            case.code.to_string().into(),
            a.id.to_string().into(),
            Cell::Count(a.form_version),
            a.recorded_at.to_rfc3339().into(),
            Cell::Count(index),
        ]);
        main.rows.push(row);
        for (r, table) in repeats.iter().zip(tables.iter_mut()) {
            let Some(Answer::Rows(rows)) = a.answers.get(r) else {
                continue;
            };
            let Some(slot) = repeats.iter().position(|x| x == r) else {
                continue;
            };
            // A repeat of a section she may not read, or her organisation does not hold, has
            // no rows.
            let visible = def.sections.iter().any(|s| {
                sees(s.sensitivity)
                    && s.items
                        .iter()
                        .any(|item| matches!(item, Item::Repeat { name, .. } if name == r))
            });
            if !visible {
                continue;
            }
            for answers in rows {
                let cells: Vec<Cell> = columns
                    .iter()
                    .filter(|c| c.repeat.as_deref() == Some(r.as_str()))
                    .map(|c| match field(def, Some(r), &c.name) {
                        Some((f, class)) if sees(class) => {
                            value(def, f, &a.answers, Some(answers), &words).into()
                        }
                        _ => Cell::from(""),
                    })
                    .collect();
                repeat_index[slot] += 1;
                let mut row = cells;
                row.extend([
                    Cell::Count(repeat_index[slot]),
                    Cell::from(key.as_str()),
                    Cell::Count(index),
                    a.id.to_string().into(),
                ]);
                table.rows.push(row);
            }
        }
    }
    let mut all = vec![main];
    all.append(&mut tables);
    let download = write(&key, &all, format)?;
    let cases = {
        let mut ids: Vec<_> = submissions.iter().map(|(_, c, _)| c.id).collect();
        ids.sort();
        ids.dedup();
        ids.len().to_string()
    };
    let entry = Entry {
        export: Export::Assessments,
        subject: format!("form:{key}"),
        scope: Some(org),
        identity: false,
        filters: vec![("form", key.clone()), ("cases", cases)],
    };
    audited(&app.store, acting, &entry, &download).await?;
    Ok(download)
}
