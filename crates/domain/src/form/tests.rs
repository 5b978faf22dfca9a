//! The form engine on hand-built definitions: answers by kind and relevance, media answers,
//! broken definitions, and the built-in tools in three languages.

use super::*;

fn t(en: &str) -> Text {
    Text {
        bn: format!("{en} (bn)"),
        hi: format!("{en} (hi)"),
        en: en.into(),
    }
}

fn field(name: &str, kind: FieldKind, required: bool) -> Field {
    Field {
        name: name.into(),
        kind,
        label: t(name),
        help: None,
        required,
        choices: matches!(kind, FieldKind::Choice | FieldKind::Choices).then(|| "risk".to_string()),
        ..Field::new(name, kind, t(name))
    }
}

fn def() -> FormDef {
    let mut risks = field("risks", FieldKind::Choices, false);
    risks.relevant = Some(Condition {
        field: "safe".into(),
        equals: "no".into(),
    });
    FormDef {
        key: "home-visit".into(),
        title: t("Home visit"),
        sections: vec![Section {
            name: "home".into(),
            label: t("Home"),
            sensitivity: SectionClass::Other,
            items: vec![
                Item::Field(field("visited_on", FieldKind::Date, true)),
                Item::Field(field("safe", FieldKind::YesNo, true)),
                Item::Field(risks),
                Item::Repeat {
                    name: "members".into(),
                    label: t("Household"),
                    fields: vec![
                        field("relation", FieldKind::Text, true),
                        field("age", FieldKind::Number, false),
                    ],
                    relevant: None,
                    relevant_expression: None,
                },
            ],
            group: true,
            inner_groups: Vec::new(),
            relevant: None,
            relevant_expression: None,
        }],
        choice_lists: BTreeMap::from([(
            "risk".to_string(),
            vec![
                Choice {
                    value: "trafficker_nearby".into(),
                    label: t("The trafficker lives nearby"),
                },
                Choice {
                    value: "stigma".into(),
                    label: t("Stigma in the village"),
                },
            ],
        )]),
        purpose: FormPurpose::Case,
    }
}

fn raw(pairs: &[(&str, &str)]) -> RawAnswers {
    let mut raw = RawAnswers::new();
    for (k, v) in pairs {
        raw.entry(k.to_string()).or_default().push(v.to_string());
    }
    raw
}

#[test]
fn a_media_answer_is_a_document_of_the_right_kind_in_its_place() {
    let mut d = def();
    let photo = Field::new("photo", FieldKind::Image, t("Photo"));
    let voice = Field::new("voice", FieldKind::Audio, t("Voice"));
    d.sections[0].items.push(Item::Field(photo));
    d.sections[0].items.push(Item::Repeat {
        name: "people".into(),
        label: t("People"),
        fields: vec![voice],
        relevant: None,
        relevant_expression: None,
    });
    assert_eq!(
        d.media_place("photo").map(|(_, f)| f.name.as_str()),
        Some("photo")
    );
    assert_eq!(
        d.media_place("people.3.voice").map(|(_, f)| f.kind),
        Some(FieldKind::Audio)
    );
    assert!(d.media_place("people.x.voice").is_none());
    assert!(d.media_place(&format!("people.{ROWS_MAX}.voice")).is_none());
    assert!(
        d.media_place("voice").is_none(),
        "a repeat's field is named with its row"
    );
    assert!(d.media_place("people").is_none());

    assert_eq!(FieldKind::Image.takes("image/png"), Ok(()));
    assert!(FieldKind::Image.takes("audio/ogg").is_err());
    assert_eq!(FieldKind::Audio.takes("audio/amr"), Ok(()));
    assert!(FieldKind::Audio.takes("application/pdf").is_err());
    assert_eq!(FieldKind::File.takes("application/pdf"), Ok(()));

    let id = uuid::Uuid::now_v7().to_string();
    let given = [("visited_on", "2026-08-26"), ("safe", "yes")];
    let with = |photo: &str| {
        let mut pairs = given.to_vec();
        pairs.push(("photo", photo));
        check_answers(&d, &raw(&pairs), &|_| true)
    };
    assert_eq!(
        with(&id).unwrap().get("photo"),
        Some(&Answer::One(id.clone()))
    );
    assert_eq!(
        with("house.jpg").unwrap_err(),
        vec![("photo".to_string(), DomainError::AnswerNotValid)]
    );
}

#[test]
fn answers_are_checked_by_kind_and_relevance() {
    let d = def();
    assert!(d.check().is_ok());
    let all = |_| true;
    let ok = check_answers(
        &d,
        &raw(&[
            ("visited_on", "২০২৬-১১-২০"),
            ("safe", "no"),
            ("risks", "stigma"),
            ("risks", "trafficker_nearby"),
            ("members.0.relation", "মা"),
            ("members.0.age", "৪৫"),
            ("members.2.relation", "ভাই"),
        ]),
        &all,
    )
    .expect("valid");
    assert_eq!(
        ok.get("risks"),
        Some(&Answer::Many(vec![
            "stigma".into(),
            "trafficker_nearby".into()
        ]))
    );
    let Some(Answer::Rows(rows)) = ok.get("members") else {
        panic!("rows")
    };
    assert_eq!(rows.len(), 2, "an empty row in between is skipped");
    assert_eq!(rows[0].get("age"), Some(&Answer::One("45".into())));
    // A date typed in Bengali digits is kept as the browser would send it.
    assert_eq!(
        ok.get("visited_on"),
        Some(&Answer::One("2026-11-20".into()))
    );

    // Not relevant: dropped. Required missing, wrong kinds, unknown choice: each named.
    let dropped = check_answers(
        &d,
        &raw(&[
            ("visited_on", "2026-11-20"),
            ("safe", "yes"),
            ("risks", "stigma"),
        ]),
        &all,
    )
    .expect("valid");
    assert!(!dropped.contains_key("risks"));
    let errors = check_answers(
        &d,
        &raw(&[("safe", "maybe"), ("members.0.age", "forty")]),
        &all,
    )
    .unwrap_err();
    let places: Vec<&str> = errors.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        places,
        ["visited_on", "safe", "members.0.relation", "members.0.age"]
    );
    // A section she may not fill is neither asked for nor kept.
    let none = check_answers(&d, &raw(&[("safe", "maybe")]), &|_| false).expect("nothing asked");
    assert!(none.is_empty());
}

#[test]
fn a_broken_definition_says_what_is_wrong() {
    let mut d = def();
    if let Item::Field(f) = &mut d.sections[0].items[2] {
        f.choices = Some("nowhere".into());
    }
    d.sections[0].items.push(Item::Field(Field {
        relevant: Some(Condition {
            field: "later".into(),
            equals: "x".into(),
        }),
        ..field("Bad Name", FieldKind::Text, false)
    }));
    let problems = d.check().unwrap_err();
    assert_eq!(problems.len(), 3, "{problems:?}");
}

#[test]
fn the_built_in_tools_are_valid_and_in_three_languages() {
    let forms = built_in();
    assert_eq!(forms.len(), 5, "every built-in form parses");
    for f in &forms {
        f.check().unwrap_or_else(|p| panic!("{}: {p:?}", f.key));
        for (_, field) in f.fields() {
            let l = &field.label;
            assert!(
                !l.bn.is_empty() && !l.hi.is_empty() && !l.en.is_empty(),
                "{}: {} has a label in each language",
                f.key,
                field.name
            );
            assert_ne!(
                l.bn, l.en,
                "{}: {} in Bengali, not English",
                f.key, field.name
            );
        }
    }
}
