use super::*;
use rust_xlsxwriter::Workbook;

/// An XLSForm as a Kobo user writes one: language columns, groups, a repeat, notes and
/// metadata rows, a yes/no list, a `relevant`.
fn workbook(survey: &[&[&str]], choices: &[&[&str]], settings: &[&[&str]]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, rows) in [
        ("survey", survey),
        ("choices", choices),
        ("settings", settings),
    ] {
        if rows.is_empty() {
            continue;
        }
        let sheet = book.add_worksheet();
        sheet.set_name(name).expect("name");
        for (r, row) in rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                sheet
                    .write_string(r as u32, c as u16, *value)
                    .expect("write");
            }
        }
    }
    book.save_to_buffer().expect("xlsx")
}

const HEAD: &[&str] = &[
    "type",
    "name",
    "label::English (en)",
    "label::Bengali (bn)",
    "label::Hindi (hi)",
    "hint::English (en)",
    "required",
    "relevant",
    "appearance",
    "sensitivity",
];

fn good() -> Vec<u8> {
    workbook(
        &[
            HEAD,
            &["start", "start", "", "", "", "", "", "", "", ""],
            &[
                "note",
                "intro",
                "Please read to her",
                "তাকে পড়ে শোনান",
                "उसे पढ़कर सुनाएँ",
                "",
                "",
                "",
                "",
                "",
            ],
            &[
                "begin_group",
                "visit",
                "The visit",
                "পরিদর্শন",
                "मुलाक़ात",
                "",
                "",
                "",
                "",
                "",
            ],
            &[
                "date",
                "visit_date",
                "Date of visit",
                "পরিদর্শনের তারিখ",
                "मुलाक़ात की तारीख",
                "",
                "yes",
                "",
                "",
                "",
            ],
            &[
                "select_one yn",
                "met_her",
                "Did you meet her?",
                "তার সঙ্গে দেখা হয়েছে?",
                "क्या आप उससे मिले?",
                "",
                "TRUE",
                "",
                "",
                "",
            ],
            &[
                "text",
                "why_not",
                "Why not?",
                "কেন নয়?",
                "क्यों नहीं?",
                "",
                "",
                "${met_her} = 'no'",
                "multiline",
                "",
            ],
            &["end_group", "", "", "", "", "", "", "", "", ""],
            &[
                "begin group",
                "home",
                "Home",
                "বাড়ি",
                "घर",
                "",
                "",
                "",
                "",
                "psychosocial",
            ],
            &[
                "select_multiple risks",
                "risks",
                "Risks",
                "ঝুঁকি",
                "जोखिम",
                "Choose all",
                "",
                "",
                "",
                "",
            ],
            &[
                "begin repeat",
                "members",
                "Household",
                "পরিবার",
                "परिवार",
                "",
                "",
                "",
                "",
                "",
            ],
            &[
                "text",
                "relation",
                "Relation",
                "সম্পর্ক",
                "रिश्ता",
                "",
                "yes",
                "",
                "",
                "",
            ],
            &["integer", "age", "Age", "বয়স", "उम्र", "", "", "", "", ""],
            &["end repeat", "", "", "", "", "", "", "", "", ""],
            &["end group", "", "", "", "", "", "", "", "", ""],
        ],
        &[
            &[
                "list_name",
                "name",
                "label::English (en)",
                "label::Bengali (bn)",
                "label::Hindi (hi)",
            ],
            &["yn", "yes", "Yes", "হ্যাঁ", "हाँ"],
            &["yn", "no", "No", "না", "नहीं"],
            &["risks", "stigma", "Stigma", "কলঙ্ক", "कलंक"],
            &["risks", "debt", "Debts", "ঋণ", "कर्ज़"],
        ],
        &[
            &[
                "form_title",
                "form_title::Bengali (bn)",
                "form_id",
                "version",
                "default_language",
            ],
            &[
                "Follow-up visit (Kobo)",
                "ফলো-আপ পরিদর্শন (কোবো)",
                "kobo_followup",
                "2026112901",
                "English (en)",
            ],
        ],
    )
}

#[test]
fn a_kobo_style_form_is_read_whole() {
    let def = read(&good(), "upload").expect("a good form");
    assert_eq!(def.key, "kobo_followup");
    assert_eq!(def.title.en, "Follow-up visit (Kobo)");
    assert_eq!(def.title.bn, "ফলো-আপ পরিদর্শন (কোবো)");
    assert_eq!(def.sections.len(), 2);
    assert_eq!(def.sections[1].sensitivity, SectionClass::Psychosocial);
    let names: Vec<&str> = def.fields().map(|(_, f)| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "visit_date",
            "met_her",
            "why_not",
            "risks",
            "relation",
            "age"
        ]
    );
    let why = def
        .fields()
        .find(|(_, f)| f.name == "why_not")
        .expect("why")
        .1;
    assert_eq!(why.kind, FieldKind::LongText);
    assert_eq!(
        why.relevant,
        Some(Condition {
            field: "met_her".into(),
            equals: "no".into()
        })
    );
    assert!(
        def.fields()
            .any(|(g, f)| g == Some("members") && f.name == "age" && f.kind == FieldKind::Number)
    );
    assert_eq!(def.choice_lists["risks"][1].label.bn, "ঋণ");
    let risks = def
        .fields()
        .find(|(_, f)| f.name == "risks")
        .expect("risks")
        .1;
    assert_eq!(
        risks.help.as_ref().map(|h| h.en.as_str()),
        Some("Choose all")
    );
}

#[test]
fn every_row_it_cannot_take_is_named_and_nothing_comes_out() {
    let bytes = workbook(
        &[
            HEAD,
            &["begin_group", "g", "G", "গ", "ग", "", "", "", "", ""],
            &[
                "geopoint",
                "where",
                "Where",
                "কোথায়",
                "कहाँ",
                "",
                "",
                "",
                "",
                "",
            ],
            &[
                "select_one colours",
                "colour",
                "Colour",
                "রং",
                "रंग",
                "",
                "",
                "",
                "",
                "",
            ],
            &["text", "x", "X", "এক্স", "एक्स", "", "", "${a} > 3", "", ""],
            &["calculate", "sum", "", "", "", "", "", "", "", ""],
            &[
                "begin group",
                "later",
                "Later",
                "পরে",
                "बाद में",
                "",
                "",
                "${x} = 'y'",
                "",
                "",
            ],
            &["end group", "", "", "", "", "", "", "", "", ""],
        ],
        &[&["list_name", "name", "label"], &["yn", "yes", "Yes"]],
        &[],
    );
    let problems = read(&bytes, "broken").unwrap_err();
    let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(lines.len(), 6, "{lines:#?}");
    assert!(lines[0].starts_with("survey row 3: the question type \"geopoint\""));
    assert!(lines[1].contains("row 4") && lines[1].contains("\"colours\""));
    assert!(lines[2].contains("row 5") && lines[2].contains("relevant"));
    assert!(lines[3].contains("row 6") && lines[3].contains("calculate"));
    assert!(lines[4].contains("row 7") && lines[4].contains("whole group"));
    assert!(lines[5].contains("begin group has no end group"));
}

#[test]
fn a_file_that_is_not_a_workbook_says_so() {
    let problems = read(b"%PDF-1.7", "x").unwrap_err();
    let first = problems.iter().next().unwrap();
    assert!(first.to_string().contains("not an .xlsx workbook"));
}

#[test]
fn only_the_first_hundred_problems_are_kept_and_the_rest_counted() {
    let bad: Vec<[String; 3]> = (0..3000)
        .map(|i| {
            [
                "geopoint".to_string(),
                format!("where_{i}"),
                "Where".to_string(),
            ]
        })
        .collect();
    let mut survey: Vec<Vec<&str>> = vec![vec!["type", "name", "label"]];
    survey.extend(bad.iter().map(|r| r.iter().map(String::as_str).collect()));
    let survey: Vec<&[&str]> = survey.iter().map(Vec::as_slice).collect();
    let bytes = workbook(&survey, &[], &[]);
    let problems = read(&bytes, "huge").unwrap_err();
    assert_eq!(problems.iter().count(), PROBLEMS_KEPT);
    assert_eq!(problems.more(), 3000 - PROBLEMS_KEPT);
    assert_eq!(problems.len(), 3000);
    let first = problems.iter().next().unwrap().to_string();
    assert!(first.starts_with("survey row 2: "), "{first}");
    let last = problems.iter().last().unwrap().to_string();
    assert!(last.starts_with("survey row 101: "), "{last}");
}
