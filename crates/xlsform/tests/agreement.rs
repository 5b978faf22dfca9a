#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Agreement with pyxform, the reference XLSForm reader: every form of `tests/forms/` (real
//! public forms, see `tests/forms/LICENSES.md`) is read by pyxform's `xls2xform` and by Saathi,
//! and the two readings must agree on the questions by type, the choices of each select, the
//! groups, the repeats, the fields each relevance condition reads, and the languages. A form
//! pyxform takes that Saathi refuses fails, unless it is listed in `EXCEPTIONS` with the
//! feature it uses (at most two).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use domain::form::{FieldKind, FormDef, Item, Text, expression};
use serde_json::{Value, json};

/// Forms pyxform takes and Saathi does not yet, with the XLSForm feature that stops it.
const EXCEPTIONS: [(&str, &str); 0] = [];

/// The Python of the test environment (`scripts/test-deps` installs pyxform into it).
fn python() -> PathBuf {
    let python = std::env::var_os("SAATHI_PYXFORM_PYTHON")
        .or_else(|| std::env::var_os("SAATHI_PYOTP_PYTHON"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/cache/saathi-test/pyotp/bin/python"));
    assert!(
        python.exists(),
        "pyxform's Python {} is missing: run scripts/test-deps",
        python.display()
    );
    python
}

fn kind_name(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Text | FieldKind::LongText => "text",
        FieldKind::Integer | FieldKind::Number => "integer",
        FieldKind::Decimal => "decimal",
        FieldKind::Date => "date",
        FieldKind::Time => "time",
        FieldKind::DateTime => "datetime",
        FieldKind::Choice | FieldKind::YesNo => "select_one",
        FieldKind::Choices => "select_multiple",
        FieldKind::Note => "note",
        FieldKind::Calculate => "calculate",
        FieldKind::Acknowledge => "acknowledge",
        FieldKind::Range => "range",
        FieldKind::Geopoint => "geopoint",
        FieldKind::Image => "image",
        FieldKind::Audio => "audio",
        FieldKind::File => "file",
    }
}

fn languages_of(t: &Text, into: &mut BTreeSet<&'static str>) {
    for (lang, text) in [("bn", &t.bn), ("hi", &t.hi), ("en", &t.en)] {
        if !text.is_empty() {
            into.insert(lang);
        }
    }
}

fn refs(condition: Option<&str>, written: Option<&str>) -> Vec<String> {
    let mut r: BTreeSet<String> = condition.map(str::to_string).into_iter().collect();
    r.extend(written.map(expression::references).unwrap_or_default());
    r.into_iter().collect()
}

/// Saathi's reading, in the summary's terms.
fn saathi(def: &FormDef) -> Value {
    let mut types: BTreeMap<&str, u64> = BTreeMap::new();
    let mut selects = BTreeMap::new();
    let mut groups = Vec::new();
    let mut repeats = Vec::new();
    let mut relevance = BTreeMap::new();
    let mut languages = BTreeSet::new();
    for (_, f) in def.fields() {
        *types.entry(kind_name(f.kind)).or_default() += 1;
        languages_of(&f.label, &mut languages);
        if let Some(list) = &f.choices {
            let names: Vec<&str> = def.choice_lists[list]
                .iter()
                .map(|c| c.value.as_str())
                .collect();
            selects.insert(f.name.clone(), json!(names));
        }
        let r = refs(
            f.relevant.as_ref().map(|c| c.field.as_str()),
            f.relevant_expression.as_deref(),
        );
        if !r.is_empty() {
            relevance.insert(f.name.clone(), json!(r));
        }
    }
    for s in &def.sections {
        if s.group {
            groups.push(s.name.clone());
            languages_of(&s.label, &mut languages);
            let r = refs(
                s.relevant.as_ref().map(|c| c.field.as_str()),
                s.relevant_expression.as_deref(),
            );
            if !r.is_empty() {
                relevance.insert(s.name.clone(), json!(r));
            }
        }
        groups.extend(s.inner_groups.iter().cloned());
        for item in &s.items {
            if let Item::Repeat {
                name,
                label,
                relevant,
                relevant_expression,
                ..
            } = item
            {
                repeats.push(name.clone());
                languages_of(label, &mut languages);
                let r = refs(
                    relevant.as_ref().map(|c| c.field.as_str()),
                    relevant_expression.as_deref(),
                );
                if !r.is_empty() {
                    relevance.insert(name.clone(), json!(r));
                }
            }
        }
    }
    groups.sort();
    repeats.sort();
    json!({
        "types": types,
        "selects": selects,
        "groups": groups,
        "repeats": repeats,
        "relevance": relevance,
        "languages": languages,
    })
}

/// pyxform's reading: `xls2xform` must take the form, and `pyxform_summary.py` says what it read.
fn pyxform(python: &Path, form: &Path, out: &Path) -> Value {
    let xls2xform = python.with_file_name("xls2xform");
    let run = Command::new(&xls2xform)
        .arg(form)
        .arg(out.join("form.xml"))
        .output()
        .unwrap_or_else(|e| panic!("{}: {e} (run scripts/test-deps)", xls2xform.display()));
    assert!(
        run.status.success() && out.join("form.xml").exists(),
        "pyxform refuses {}: {}",
        form.display(),
        String::from_utf8_lossy(&run.stderr)
    );
    let summary = Command::new(python)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pyxform_summary.py"))
        .arg(form)
        .output()
        .expect("pyxform_summary.py");
    assert!(
        summary.status.success(),
        "{}",
        String::from_utf8_lossy(&summary.stderr)
    );
    serde_json::from_slice(&summary.stdout).expect("a JSON summary")
}

#[test]
fn saathi_reads_every_form_of_the_corpus_as_pyxform_does() {
    let python = python();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/forms");
    let mut forms: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("xls" | "xlsx")))
        .collect();
    forms.sort();
    assert!(forms.len() >= 8, "the corpus has at least eight forms");
    assert!(
        forms
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "xls")),
        "and an .xls among them"
    );
    assert!(EXCEPTIONS.len() <= 2);
    let out = std::env::temp_dir().join(format!("saathi-pyxform-{}", std::process::id()));
    let mut disagreements = Vec::new();
    for form in &forms {
        let file = form.file_name().unwrap().to_string_lossy().into_owned();
        std::fs::create_dir_all(&out).unwrap();
        let theirs = pyxform(&python, form, &out);
        let bytes = std::fs::read(form).unwrap();
        match (
            saathi_xlsform::read(&bytes, Some(&file)),
            EXCEPTIONS.iter().find(|e| e.0 == file),
        ) {
            (Ok(_), Some((_, feature))) => disagreements.push(format!(
                "{file}: listed as an exception ({feature}) but Saathi reads it: take it off"
            )),
            (Err(_), Some(_)) => {}
            (Err(problems), None) => disagreements.push(format!(
                "{file}: pyxform takes it, Saathi refuses it: {:?}",
                problems.iter().map(|p| p.to_string()).collect::<Vec<_>>()
            )),
            (Ok(def), None) => {
                let ours = saathi(&def);
                for part in [
                    "types",
                    "selects",
                    "groups",
                    "repeats",
                    "relevance",
                    "languages",
                ] {
                    if ours[part] != theirs[part] {
                        disagreements.push(format!(
                            "{file}: {part}: Saathi {} · pyxform {}",
                            ours[part], theirs[part]
                        ));
                    }
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

/// The HTCDS form as published: names as written (they map to the standard), and the
/// `__version__` calculation KoboToolbox adds, kept.
#[test]
fn the_htcds_form_keeps_its_names_and_version() {
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/forms/htcds_xlsform.xlsx"))
            .unwrap();
    let def = saathi_xlsform::read(&bytes, Some("htcds_xlsform.xlsx")).expect("HTCDS as published");
    assert_eq!(
        def.key, "htcds_xlsform",
        "named from the file: it has no form_id"
    );
    let names: Vec<&str> = def.fields().map(|(_, f)| f.name.as_str()).collect();
    assert!(names.contains(&"vic_TypeOfExploitation"));
    assert_eq!(names.first(), Some(&"con_Consent"));
    let version = def
        .fields()
        .find(|(_, f)| f.name == "__version__")
        .unwrap()
        .1;
    assert_eq!(version.kind, FieldKind::Calculate);
    assert_eq!(
        domain::form::calculated(version, &Default::default(), None).as_deref(),
        Some("vSmt4GQA3C9uBMLPEVfgND")
    );
    def.check().unwrap();
}
