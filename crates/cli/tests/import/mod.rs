//! `saathi import cases` (issue 14, docs/import.md), as an operator runs it, on both engines.

use std::path::{Path, PathBuf};

use domain::intake::{Exploitation, Gender, SpokenLanguage};
use domain::sight::Sight;
use testkit::{TestStore, on_both_engines};

use crate::{saathi, stderr, stdout};

fn workdir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("saathi-import-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The example of docs/import.md, from the repository.
fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs/examples")
        .join(name)
        .to_str()
        .unwrap()
        .to_string()
}

fn import(url: &str, file: &str, mapping: &str, dry_run: bool) -> std::process::Output {
    let mut args = vec![
        "import",
        "cases",
        file,
        "--mapping",
        mapping,
        "--as",
        "caseworker.kolkata",
    ];
    if dry_run {
        args.push("--dry-run");
    }
    saathi(url, &args)
}

async fn worker(t: &TestStore) -> domain::User {
    t.store
        .user_by_username(&"caseworker.kolkata".parse().unwrap())
        .await
        .unwrap()
        .unwrap()
}

async fn count_cases(t: &TestStore, org: domain::OrgId) -> usize {
    let mut filter = store::CaseFilter::of(org, domain::Timestamp(0));
    filter.limit = 1000;
    t.store.find_cases(&filter).await.unwrap().len()
}

async fn audit_len(t: &TestStore) -> u64 {
    match t.store.verify_audit().await.unwrap() {
        store::AuditVerification::Intact { entries } => entries,
        broken => panic!("the audit chain is broken: {broken:?}"),
    }
}

/// The register and mapping that docs/import.md shows import as the page describes.
async fn the_documented_example_imports(t: &TestStore) {
    let url = t.url();
    assert!(saathi(url, &["demo"]).status.success());
    let me = worker(t).await;
    let (csv, toml) = (example("register.csv"), example("register.toml"));
    let before = count_cases(t, me.org_id).await;
    let entries = audit_len(t).await;

    let dry = import(url, &csv, &toml, true);
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert_eq!(
        stdout(&dry),
        "dry run: 4 of 4 lines would be imported, 0 refused; nothing was written"
    );
    assert_eq!(count_cases(t, me.org_id).await, before);
    assert_eq!(audit_len(t).await, entries, "a dry run writes nothing");

    let run = import(url, &csv, &toml, false);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(stdout(&run), "imported 4 of 4 lines, 0 refused");
    assert_eq!(count_cases(t, me.org_id).await, before + 4);
    let references = t.store.case_references(me.org_id).await.unwrap();
    assert_eq!(references.len(), 4);
    let code = &references["KOL/2025/014"];
    let case = t.store.case_by_code(code).await.unwrap().unwrap();
    assert_eq!(case.custodian, me.org_id);
    assert_eq!(case.assigned, vec![me.id], "assigned as when she opens one");
    assert_eq!(
        case.intake
            .identified_on
            .map(domain::voice::format_date_iso),
        Some("2025-03-12".to_string())
    );
    assert_eq!(case.intake.place.district, "Kolkata");
    assert_eq!(
        case.intake.place.country.map(|c| c.to_string()),
        Some("IN".into())
    );
    assert_eq!(case.intake.age, Some(16));
    assert_eq!(case.intake.gender, Some(Gender::Feminine));
    assert_eq!(
        case.intake.languages,
        vec![SpokenLanguage::Bengali, SpokenLanguage::Hindi]
    );
    assert_eq!(
        case.intake.citizenship.map(|c| c.to_string()),
        Some("BD".into())
    );
    assert_eq!(
        case.intake.exploitation,
        vec![Exploitation::SexualExploitation]
    );
    let voice = t
        .store
        .voice_of(case.id, &Sight::own(me.org_id))
        .await
        .unwrap();
    assert_eq!(voice.len(), 1);
    assert_eq!(voice[0].text, "আমি মায়ের কাছে ফিরে যেতে চাই।");
    assert_eq!(voice[0].language, domain::Language::Bn);
    let notes = t
        .store
        .notes_of(
            case.id,
            &[domain::note::NoteKind::Case],
            &Sight::own(me.org_id),
        )
        .await
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "Admitted on CWC order.");
    // Bengali digits and the register's own spellings.
    let salma = t
        .store
        .case_by_code(&references["KOL/2025/015"])
        .await
        .unwrap()
        .unwrap();
    assert_eq!(salma.intake.age, Some(17));
    assert_eq!(
        salma
            .intake
            .identified_on
            .map(domain::voice::format_date_iso),
        Some("2025-04-05".to_string())
    );
    let mousumi = t
        .store
        .case_by_code(&references["KOL/2025/017"])
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        mousumi.intake.exploitation,
        vec![Exploitation::SexualExploitation, Exploitation::ForcedLabour]
    );
    // Each case with its entries (opened, her words, a note), the run with its own; the chain
    // still verifies.
    assert_eq!(audit_len(t).await, entries + 4 + 3 + 3 + 1);
    let newest = &t.store.audit_entries(None, 1).await.unwrap()[0].event;
    assert_eq!(newest.action, domain::audit::AuditAction::CasesImported);
    assert_eq!(newest.actor, Some(me.id), "the audit trail names --as");
    assert!(
        newest.detail.contains("\"imported\":\"4\""),
        "{}",
        newest.detail
    );
    assert!(saathi(url, &["audit", "verify"]).status.success());

    // The same register again: every line was imported already, and says as which case.
    let again = import(url, &csv, &toml, false);
    assert_eq!(again.status.code(), Some(2), "{}", stderr(&again));
    assert_eq!(stdout(&again), "imported 0 of 4 lines, 4 refused");
    let first = stderr(&again).lines().next().unwrap().to_string();
    assert_eq!(
        first,
        format!("saathi: line 2: Reg. No.: \"KOL/2025/014\" was already imported, as case {code}")
    );
    assert_eq!(count_cases(t, me.org_id).await, before + 4);
}

const MAPPING: &str = r#"
[register]
date_formats = ["DD/MM/YYYY"]

[case]
reference = "Ref"
name = "Name"
identified_on = "Rescued"
gender = "Sex"
languages = "Languages"

[values.gender]
"F" = "feminine"

[[voice]]
column = "Words"
kind = "hope"
language_column = "Words language"
"#;

/// A line refused late (her words in a language Saathi does not know, after case fields that
/// are all right) is reported with its line and leaves nothing of its case; the dry run says
/// the same and writes nothing at all.
async fn a_refused_line_is_reported_by_its_number_and_never_half_written(t: &TestStore) {
    let url = t.url();
    assert!(saathi(url, &["demo"]).status.success());
    let me = worker(t).await;
    let dir = workdir();
    let csv = dir.join("register.csv");
    std::fs::write(
        &csv,
        "Ref,Name,Rescued,Sex,Languages,Words,Words language\r\n\
         R1,রিনা,01/02/2025,F,bn,ঝিনুকমালা পরব,bn\r\n\
         R2,\"সীমা, ছোট\",02/02/2025,F,bn,\"প্রজাপতির\r\nডানা\",klingon\r\n\
         R3,মিনা,03/02/2025,X,bn,,\r\n\
         R4,,31/02/2025,F,zz,,\r\n",
    )
    .unwrap();
    let toml = dir.join("map.toml");
    std::fs::write(&toml, MAPPING).unwrap();
    let (csv, toml) = (csv.to_str().unwrap(), toml.to_str().unwrap());
    let before = count_cases(t, me.org_id).await;
    let entries = audit_len(t).await;

    let dry = import(url, csv, toml, true);
    assert_eq!(dry.status.code(), Some(2), "{}", stderr(&dry));
    assert_eq!(
        stdout(&dry),
        "dry run: 1 of 4 lines would be imported, 3 refused; nothing was written"
    );
    let refused: Vec<String> = stderr(&dry).lines().map(str::to_string).collect();
    assert_eq!(refused.len(), 3, "one line each: {refused:?}");
    assert!(
        refused[0].starts_with("saathi: line 3: Words language: "),
        "{}",
        refused[0]
    );
    assert!(refused[0].contains("klingon"), "{}", refused[0]);
    assert!(
        refused[1].starts_with("saathi: line 5: Sex: "),
        "the quoted line break counts: {}",
        refused[1]
    );
    // Every problem of a line, on its one line.
    assert!(refused[2].starts_with("saathi: line 6: "), "{}", refused[2]);
    for column in ["Rescued:", "Name:", "Languages:"] {
        assert!(refused[2].contains(column), "{column} in {}", refused[2]);
    }
    assert_eq!(count_cases(t, me.org_id).await, before);
    assert_eq!(audit_len(t).await, entries);

    let run = import(url, csv, toml, false);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert_eq!(stdout(&run), "imported 1 of 4 lines, 3 refused");
    assert_eq!(
        stderr(&run),
        stderr(&dry),
        "the run refuses what the dry run said"
    );
    assert_eq!(count_cases(t, me.org_id).await, before + 1);
    let references = t.store.case_references(me.org_id).await.unwrap();
    let taken: Vec<&String> = references.keys().collect();
    assert_eq!(taken, vec!["R1"], "nothing of the refused lines");
    // R1 opened with its words and the run's entry; nothing of R2's case or words.
    assert_eq!(audit_len(t).await, entries + 2 + 1);
    let search = |words: &str| {
        let mut filter = store::CaseFilter::of(me.org_id, domain::Timestamp(0));
        filter.terms = domain::text::terms(words);
        filter
    };
    assert_eq!(
        t.store.find_cases(&search("ঝিনুকমালা")).await.unwrap().len(),
        1
    );
    assert!(
        t.store
            .find_cases(&search("প্রজাপতির"))
            .await
            .unwrap()
            .is_empty()
    );

    // A trainer may not open cases: refused whole, in one line, nothing written.
    let trainer = saathi(
        url,
        &["import", "cases", csv, "--mapping", toml, "--as", "trainer"],
    );
    assert_eq!(trainer.status.code(), Some(1));
    assert_eq!(stderr(&trainer).lines().count(), 1, "{}", stderr(&trainer));
    assert!(stderr(&trainer).starts_with("saathi: refused to trainer: "));
    // A mapping that names a column the register lacks: nothing is read.
    std::fs::write(dir.join("bad.toml"), "[case]\nname = \"Full name\"\n").unwrap();
    let bad = import(url, csv, dir.join("bad.toml").to_str().unwrap(), false);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("no column \"Full name\""),
        "{}",
        stderr(&bad)
    );
    assert_eq!(count_cases(t, me.org_id).await, before + 1);
}

/// A workbook and JSON Lines read as the CSV does: a date cell is a day, rows are counted as
/// the spreadsheet shows them.
async fn workbooks_and_json_lines_import_too(t: &TestStore) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let url = t.url();
    assert!(saathi(url, &["demo"]).status.success());
    let me = worker(t).await;
    let dir = workdir();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let header = [
        "Ref",
        "Name",
        "Rescued",
        "Sex",
        "Languages",
        "Words",
        "Words language",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let day = Format::new().set_num_format("dd/mm/yyyy");
    let rows: [[&str; 7]; 2] = [
        ["X1", "पूजा", "", "F", "hi, bn", "मुझे स्कूल जाना है।", "hi"],
        ["X2", "রুমা", "", "unknown", "bn", "", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        let at = r as u32 + 1;
        for (c, text) in row.iter().enumerate() {
            sheet.write_string(at, c as u16, *text).unwrap();
        }
        sheet
            .write_datetime_with_format(at, 2, ExcelDateTime::from_ymd(2025, 3, 12).unwrap(), &day)
            .unwrap();
    }
    let xlsx = dir.join("register.xlsx");
    book.save(&xlsx).unwrap();
    let toml = dir.join("map.toml");
    std::fs::write(&toml, MAPPING).unwrap();
    let toml = toml.to_str().unwrap();

    let run = import(url, xlsx.to_str().unwrap(), toml, false);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert_eq!(stdout(&run), "imported 1 of 2 lines, 1 refused");
    assert!(
        stderr(&run).starts_with("saathi: line 3: Sex: "),
        "{}",
        stderr(&run)
    );
    let references = t.store.case_references(me.org_id).await.unwrap();
    let puja = t
        .store
        .case_by_code(&references["X1"])
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        puja.intake
            .identified_on
            .map(domain::voice::format_date_iso),
        Some("2025-03-12".to_string())
    );
    assert_eq!(
        puja.intake.languages,
        vec![SpokenLanguage::Hindi, SpokenLanguage::Bengali]
    );

    let jsonl = dir.join("register.jsonl");
    std::fs::write(
        &jsonl,
        "{\"Ref\":\"J1\",\"Name\":\"সালমা\",\"Rescued\":\"05/04/2025\",\"Sex\":\"F\",\"Languages\":[\"bn\",\"hi\"],\"Words\":\"সেলাই শিখব\",\"Words language\":\"bn\"}\n\
         {\"Ref\":\"J2\",\"Name\":\"সীমা\",\"Rescued\":\"2025-13-01\",\"Sex\":\"F\",\"Languages\":\"bn\",\"Words\":null,\"Words language\":null}\n",
    )
    .unwrap();
    let run = import(url, jsonl.to_str().unwrap(), toml, false);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert_eq!(stdout(&run), "imported 1 of 2 lines, 1 refused");
    assert!(
        stderr(&run).starts_with("saathi: line 2: Rescued: "),
        "{}",
        stderr(&run)
    );
    let references = t.store.case_references(me.org_id).await.unwrap();
    let salma = t
        .store
        .case_by_code(&references["J1"])
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        salma.intake.languages,
        vec![SpokenLanguage::Bengali, SpokenLanguage::Hindi]
    );
    assert!(!references.contains_key("J2"));
}

on_both_engines!(
    the_documented_example_imports,
    a_refused_line_is_reported_by_its_number_and_never_half_written,
    workbooks_and_json_lines_import_too,
);
