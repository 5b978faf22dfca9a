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
    let def = read(&good(), Some("upload.xlsx")).expect("a good form");
    assert_eq!(def.key, "kobo_followup");
    assert_eq!(def.title.en, "Follow-up visit (Kobo)");
    assert_eq!(def.title.bn, "ফলো-আপ পরিদর্শন (কোবো)");
    assert_eq!(
        def.sections.len(),
        3,
        "the note before the first group has its own"
    );
    assert_eq!(def.sections[2].sensitivity, SectionClass::Psychosocial);
    let names: Vec<&str> = def.fields().map(|(_, f)| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "intro",
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
            .any(|(g, f)| g == Some("members") && f.name == "age" && f.kind == FieldKind::Integer)
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
fn every_row_it_cannot_take_is_named_once_and_nothing_comes_out() {
    let row = |t: &'static str, name: &'static str, relevant: &'static str| -> Vec<&'static str> {
        vec![t, name, "L", "ল", "ल", "", "", relevant, "", ""]
    };
    let rows = [
        HEAD.to_vec(),
        row("begin_group", "g", ""),
        row("colour_wheel", "wheel", ""),
        row("select_one colours", "colour", ""),
        row("text", "x", "${a} > 3"),
        row("calculate", "sum", ""),
        row("text", "x", ""),
        row("begin group", "later", "${x} = 'y'"),
        row("end group", "", ""),
    ];
    let survey: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    let bytes = workbook(
        &survey,
        &[&["list_name", "name", "label"], &["yn", "yes", "Yes"]],
        &[],
    );
    let problems = read(&bytes, Some("broken.xlsx")).unwrap_err();
    let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        lines,
        [
            "survey row 3: “colour_wheel”: this question type is not one XLSForm has",
            "survey row 4: “colours”: this choice list is not on the choices sheet",
            "survey row 7: “x”: another row already has this name",
            "survey row 2: “begin group”: it is never closed",
        ]
    );
    let codes: Vec<&str> = problems.iter().map(|p| p.code).collect();
    assert_eq!(
        codes,
        [
            code::TYPE_UNKNOWN,
            code::LIST_MISSING,
            code::NAME_TAKEN,
            code::BEGIN_WITHOUT_END
        ]
    );
    for p in problems.iter() {
        assert_eq!(Problem::from_line(p.code, &p.to_string()).as_ref(), Some(p));
    }
}

#[test]
fn order_names_and_expressions_are_kept_as_written() {
    let bytes = workbook(
        &[
            &[
                "type",
                "name",
                "label:English (en)",
                "relevant",
                "calculation",
            ],
            &["text", "family_Name", "Family name", "", ""],
            &[
                "begin group",
                "father",
                "Father",
                "${family_Name} != ''",
                "",
            ],
            &["integer", "Age", "Age", "", ""],
            &["begin group", "older", "Older", "${Age} > 60", ""],
            &["select_one yn", "Pension", "Pension?", "", ""],
            &["end group", "", "", "", ""],
            &["end group", "", "", "", ""],
            &["time", "met_at", "Met at", "", ""],
            &["geopoint", "where", "Where", "", ""],
            &["image", "photo", "Photo", "", ""],
            &["calculate", "__version__", "", "", "'v1'"],
            &["note", "", "Thank you", "", ""],
        ],
        &[
            &["list name", "name", "label:English (en)"],
            &["yn", "Yes", ""],
        ],
        &[],
    );
    let def = read(&bytes, Some("forms/Father Visit.xlsx")).expect("read");
    assert_eq!(def.key, "Father_Visit", "no form_id: the file name");
    assert_eq!(def.title.en, "Father Visit");
    let names: Vec<&str> = def.fields().map(|(_, f)| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "family_Name",
            "Age",
            "Pension",
            "met_at",
            "where",
            "photo",
            "__version__",
            "generated_note_name_13"
        ]
    );
    let sections: Vec<(&str, bool)> = def
        .sections
        .iter()
        .map(|s| (s.name.as_str(), s.group))
        .collect();
    assert_eq!(
        sections,
        [("main", false), ("father", true), ("part-9", false)]
    );
    assert_eq!(
        def.sections[1].relevant_expression.as_deref(),
        Some("${family_Name} != ''")
    );
    assert_eq!(def.sections[1].inner_groups, ["older"]);
    let pension = def
        .fields()
        .find(|(_, f)| f.name == "Pension")
        .expect("p")
        .1;
    assert_eq!(pension.relevant_expression.as_deref(), Some("${Age} > 60"));
    assert_eq!(
        def.choice_lists["yn"][0].label.en, "Yes",
        "the name stands in"
    );
    let version = def.fields().find(|(_, f)| f.kind == FieldKind::Calculate);
    assert_eq!(
        version.and_then(|(_, f)| f.calculation.as_deref()),
        Some("'v1'")
    );
}

#[test]
fn a_form_without_form_id_or_file_name_is_not_given_a_made_up_one() {
    let bytes = workbook(&[&["type", "name", "label"], &["text", "a", "A"]], &[], &[]);
    let problems = read(&bytes, None).unwrap_err();
    assert_eq!(
        problems.iter().next().map(|p| p.code),
        Some(code::NO_FORM_ID)
    );
}

#[test]
fn a_file_that_is_not_a_workbook_says_so() {
    let problems = read(b"%PDF-1.7", Some("x.xlsx")).unwrap_err();
    let first = problems.iter().next().unwrap();
    assert_eq!(first.code, code::NOT_A_WORKBOOK);
    assert!(first.to_string().contains("not an .xlsx or .xls workbook"));
}

#[test]
fn only_the_first_hundred_problems_are_kept_and_the_rest_counted() {
    let bad: Vec<[String; 3]> = (0..3000)
        .map(|i| {
            [
                "barcode".to_string(),
                format!("where_{i}"),
                "Where".to_string(),
            ]
        })
        .collect();
    let mut survey: Vec<Vec<&str>> = vec![vec!["type", "name", "label"]];
    survey.extend(bad.iter().map(|r| r.iter().map(String::as_str).collect()));
    let survey: Vec<&[&str]> = survey.iter().map(Vec::as_slice).collect();
    let bytes = workbook(&survey, &[], &[]);
    let problems = read(&bytes, Some("huge.xlsx")).unwrap_err();
    assert_eq!(problems.iter().count(), PROBLEMS_KEPT);
    assert_eq!(problems.more(), 3000 - PROBLEMS_KEPT);
    assert_eq!(problems.len(), 3000);
    let first = problems.iter().next().unwrap().to_string();
    assert!(first.starts_with("survey row 2: "), "{first}");
    let last = problems.iter().last().unwrap().to_string();
    assert!(last.starts_with("survey row 101: "), "{last}");
}
