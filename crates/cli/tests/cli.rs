//! The `saathi` binary, run as a user would, against SQLite and a real PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output};

use testkit::{TestStore, on_both_engines};

mod durability;
mod import;
mod safekeeping;

fn saathi(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_saathi"))
        .arg("--database-url")
        .arg(url)
        .args(args)
        .output()
        .unwrap()
}

fn saathi_stdin(url: &str, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_saathi"))
        .arg("--database-url")
        .arg(url)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim().to_string()
}

async fn org_add_prints_the_id_and_refuses_bad_input(t: &TestStore) {
    let url = t.url();
    let add = [
        "org",
        "add",
        "--name",
        "Ashar Alo, Jessore",
        "--kind",
        "source",
        "--country",
        "bd",
        "--district",
        "Jessore",
        "--languages",
        "bn,en",
    ];
    let out = saathi(url, &add);
    assert!(out.status.success(), "{}", stderr(&out));
    let id: domain::OrgId = stdout(&out).parse().expect("org add prints only the id");
    let stored = t.store.organisation(id).await.unwrap().unwrap();
    assert_eq!(stored.fields.country.as_str(), "BD");
    // No zone given: its country's.
    assert_eq!(stored.fields.time_zone.as_str(), "Asia/Dhaka");

    let dup = saathi(url, &add);
    assert!(!dup.status.success());
    assert_eq!(stderr(&dup).lines().count(), 1, "{}", stderr(&dup));
    assert!(stderr(&dup).contains("already exists"), "{}", stderr(&dup));

    let bad_kind = saathi(
        url,
        &[
            "org",
            "add",
            "--name",
            "X",
            "--kind",
            "shelter",
            "--country",
            "IN",
        ],
    );
    assert!(!bad_kind.status.success());
    assert!(
        stderr(&bad_kind).contains("destination, transit, source or community"),
        "{}",
        stderr(&bad_kind)
    );

    let bad_zone = saathi(
        url,
        &[
            "org",
            "add",
            "--name",
            "Y",
            "--kind",
            "source",
            "--country",
            "BD",
            "--time-zone",
            "Asia/Atlantis",
        ],
    );
    assert!(!bad_zone.status.success());
    assert_eq!(
        stderr(&bad_zone).lines().count(),
        1,
        "{}",
        stderr(&bad_zone)
    );
    assert!(
        stderr(&bad_zone).contains("Asia/Atlantis"),
        "{}",
        stderr(&bad_zone)
    );

    let list = saathi(url, &["org", "list"]);
    assert!(stdout(&list).contains("Ashar Alo, Jessore"));
    assert!(
        stdout(&list).contains("\tAsia/Dhaka\t"),
        "{}",
        stdout(&list)
    );
    assert_eq!(
        t.store.organisations().await.unwrap().len(),
        1,
        "refusals wrote nothing"
    );

    // A zone named on the command line is the one kept, in the database's spelling.
    let out = saathi(
        url,
        &[
            "org",
            "add",
            "--name",
            "Sanlaap, Kathmandu office",
            "--kind",
            "transit",
            "--country",
            "IN",
            "--time-zone",
            "asia/kathmandu",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let id: domain::OrgId = stdout(&out).parse().unwrap();
    let stored = t.store.organisation(id).await.unwrap().unwrap();
    assert_eq!(stored.fields.time_zone.as_str(), "Asia/Kathmandu");
    assert_eq!(
        t.store.time_zone_of(id).await.unwrap().as_str(),
        "Asia/Kathmandu"
    );
}

async fn audit_verify_passes_then_names_the_edited_entry(t: &TestStore) {
    let url = t.url();
    for name in ["Kolkata shelter", "Mumbai shelter", "Transit home"] {
        let out = saathi(
            url,
            &[
                "org",
                "add",
                "--name",
                name,
                "--kind",
                "destination",
                "--country",
                "IN",
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let ok = saathi(url, &["audit", "verify"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(stdout(&ok).contains("3 entries"));

    t.tamper("UPDATE audit_log SET detail = '{}' WHERE seq = 2")
        .await
        .unwrap();
    let broken = saathi(url, &["audit", "verify"]);
    assert!(!broken.status.success());
    assert!(stderr(&broken).contains("entry 2"), "{}", stderr(&broken));
}

async fn users_and_tokens_from_the_command_line(t: &TestStore) {
    let url = t.url();
    let out = saathi(
        url,
        &[
            "org",
            "add",
            "--name",
            "Kolkata shelter",
            "--kind",
            "destination",
            "--country",
            "IN",
            "--languages",
            "bn,en",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let add = |username: &str, password: &str| {
        saathi_stdin(
            url,
            &[
                "user",
                "add",
                "--org",
                "Kolkata shelter",
                "--username",
                username,
                "--role",
                "case-worker",
                "--password-stdin",
            ],
            password,
        )
    };
    let ok = add("caseworker.kolkata", "nodir-dhare-bari-amar\n");
    assert!(ok.status.success(), "{}", stderr(&ok));
    let user = t
        .store
        .user_by_username(&"caseworker.kolkata".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stdout(&ok), user.id.to_string());
    assert_eq!(
        user.language,
        domain::Language::Bn,
        "defaults to the organisation's first language"
    );

    for (username, password, expected) in [
        (
            "caseworker.kolkata",
            "another-long-password",
            "already taken",
        ),
        ("rupa.das", "short", "at least 12"),
        ("rupa.das", "password1234", "too common"),
        ("Rupa Das", "another-long-password", "username"),
    ] {
        let refused = add(username, password);
        assert!(!refused.status.success(), "{username}/{password}");
        assert_eq!(stderr(&refused).lines().count(), 1);
        assert!(stderr(&refused).contains(expected), "{}", stderr(&refused));
    }
    assert_eq!(
        t.store.users_in(user.org_id).await.unwrap().len(),
        1,
        "refusals wrote nothing"
    );

    let created = saathi(url, &["token", "create", "--user", "caseworker.kolkata"]);
    assert!(created.status.success(), "{}", stderr(&created));
    let token = stdout(&created);
    assert!(
        token.starts_with("saathi_") && !token.contains('\n'),
        "only the token on stdout"
    );
    let tokens = t.store.tokens_of(user.id).await.unwrap();
    assert_eq!(tokens.len(), 1);
    let revoke = saathi(url, &["token", "revoke", &tokens[0].id.to_string()]);
    assert!(revoke.status.success(), "{}", stderr(&revoke));
    assert!(
        t.store
            .token(tokens[0].id)
            .await
            .unwrap()
            .unwrap()
            .revoked_at
            .is_some()
    );
    let ok = saathi(url, &["audit", "verify"]);
    assert!(stdout(&ok).contains("4 entries"), "{}", stdout(&ok));
}

async fn accounts_from_the_command_line_keep_the_new_rules(t: &TestStore) {
    let url = t.url();
    org_add(url, "Kolkata shelter", "destination", "IN");
    let add = |username: &str, roles: &[&str], password: &str| {
        let mut args = vec![
            "user",
            "add",
            "--org",
            "Kolkata shelter",
            "--username",
            username,
            "--password-stdin",
        ];
        for role in roles {
            args.extend(["--role", role]);
        }
        saathi_stdin(url, &args, password)
    };
    let long = "নদীর ধারে বাড়ি ".repeat(70);
    for (username, roles, password, expected) in [
        (
            "rupa.das",
            &["survivor", "counsellor"][..],
            "nodir-dhare-bari-amar",
            "a survivor's account cannot have any other role",
        ),
        (
            "rupa.das",
            &["counsellor"][..],
            "saathi-demo-2026",
            "the demo password is public",
        ),
        (
            "rupa.das",
            &["counsellor"][..],
            "our KOLKATA SHELTER 2026",
            "must not contain the organisation's name",
        ),
        (
            "rupa.das",
            &["counsellor"][..],
            "minecraft123",
            "too common",
        ),
        (
            "rupa.das",
            &["counsellor"][..],
            long.as_str(),
            "at most 1024 characters",
        ),
    ] {
        refused(&add(username, roles, password), expected);
    }
    let kolkata = t
        .store
        .organisation_by_name("Kolkata shelter")
        .await
        .unwrap()
        .unwrap();
    assert!(t.store.users_in(kolkata.id).await.unwrap().is_empty());

    let ok = add("rupa.das", &["survivor"], "nodir-dhare-bari-amar");
    assert!(ok.status.success(), "{}", stderr(&ok));
    let ok = add("asha.roy", &["counsellor"], "nodir-dhare-bari-amar");
    assert!(ok.status.success(), "{}", stderr(&ok));

    // Tokens: 90 days unless told, hours or days, nothing else.
    let asha = t
        .store
        .user_by_username(&"asha.roy".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let default = saathi(url, &["token", "create", "--user", "asha.roy"]);
    assert!(default.status.success(), "{}", stderr(&default));
    let short = saathi(
        url,
        &[
            "token",
            "create",
            "--user",
            "asha.roy",
            "--expires-in",
            "12h",
        ],
    );
    assert!(short.status.success(), "{}", stderr(&short));
    let wrong = saathi(
        url,
        &[
            "token",
            "create",
            "--user",
            "asha.roy",
            "--expires-in",
            "90m",
        ],
    );
    assert!(!wrong.status.success());
    assert!(
        stderr(&wrong).contains("days or hours"),
        "{}",
        stderr(&wrong)
    );
    let tokens = t.store.tokens_of(asha.id).await.unwrap();
    assert_eq!(tokens.len(), 2);
    let lifetime =
        |i: usize| tokens[i].expires_at.unwrap().millis() - tokens[i].created_at.millis();
    assert_eq!(lifetime(0), 90 * 86_400_000);
    assert_eq!(lifetime(1), 12 * 3_600_000);

    // Used once: `token list` says when.
    let secret = stdout(&default);
    let now = domain::Timestamp(tokens[0].created_at.millis() + 5_000);
    let user = t
        .store
        .user_for_token(&app::token::hash_secret(&secret), now)
        .await
        .unwrap();
    assert_eq!(user.map(|u| u.id), Some(asha.id));
    let list = saathi(url, &["token", "list", "--user", "asha.roy"]);
    let listed = stdout(&list);
    let first = listed
        .lines()
        .find(|l| l.starts_with(&tokens[0].id.to_string()))
        .unwrap();
    let columns: Vec<&str> = first.split('\t').collect();
    assert_eq!(columns[2], tokens[0].expires_at.unwrap().to_rfc3339());
    assert_eq!(columns[3], now.to_rfc3339(), "last used");
    assert_eq!(columns[4], "-", "not revoked");

    // An account from before the rule, survivor and counsellor at once: `migrate` names it.
    let clean = saathi(url, &["migrate"]);
    assert!(clean.status.success());
    assert_eq!(stdout(&clean), "");
    t.tamper("UPDATE users SET roles = 'counsellor,survivor' WHERE username = 'rupa.das'")
        .await
        .unwrap();
    let migrate = saathi(url, &["migrate"]);
    assert!(migrate.status.success(), "{}", stderr(&migrate));
    assert!(
        stderr(&migrate).contains("cannot sign in until"),
        "{}",
        stderr(&migrate)
    );
    assert_eq!(stdout(&migrate).lines().count(), 1, "{}", stdout(&migrate));
    assert!(stdout(&migrate).contains("rupa.das\tcounsellor,survivor\tKolkata shelter"));
}

fn org_add(url: &str, name: &str, kind: &str, country: &str) {
    let out = saathi(
        url,
        &[
            "org",
            "add",
            "--name",
            name,
            "--kind",
            kind,
            "--country",
            country,
            "--languages",
            "bn",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

/// A one-line failure: exit 1, one line on stderr that says `what`.
fn refused(out: &Output, what: &str) {
    assert!(!out.status.success());
    let err = stderr(out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(what), "{err}");
}

async fn keys_and_trust_between_two_servers(t: &TestStore) {
    let satkhira = t.url();
    let other = TestStore::sqlite().await.unwrap();
    let kolkata = other.url();
    org_add(satkhira, "Mukti Mahila Samiti, Satkhira", "source", "bd");
    org_add(
        kolkata,
        "Nirapad Shelter Home, Kolkata",
        "destination",
        "in",
    );

    let show = saathi(
        satkhira,
        &["keys", "show", "--org", "Mukti Mahila Samiti, Satkhira"],
    );
    assert!(show.status.success(), "{}", stderr(&show));
    let line = stdout(&show);
    assert_eq!(line.lines().count(), 1);
    let keys: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(keys["name"], "Mukti Mahila Samiti, Satkhira");
    assert!(keys["age_recipient"].as_str().unwrap().starts_with("age1"));
    // Made once: the same keys every time after.
    let id = keys["id"].as_str().unwrap().to_string();
    assert_eq!(
        stdout(&saathi(satkhira, &["keys", "show", "--org", &id])),
        line
    );
    let identity = saathi(satkhira, &["keys", "identity", "--org", &id]);
    assert!(stdout(&identity).starts_with("AGE-SECRET-KEY-1"));
    refused(
        &saathi(satkhira, &["keys", "show", "--org", "Nowhere"]),
        "no organisation",
    );

    let dir = std::env::temp_dir().join(format!("saathi-trust-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("satkhira.json");
    std::fs::write(&file, format!("{line}\n")).unwrap();
    let file = file.to_str().unwrap();
    let trust = saathi(kolkata, &["org", "trust", file]);
    assert!(
        stdout(&trust).ends_with("added to the directory"),
        "{}",
        stderr(&trust)
    );
    let again = saathi(kolkata, &["org", "trust", file]);
    assert!(stdout(&again).ends_with("already trusted with these keys"));
    let listed = stdout(&saathi(kolkata, &["org", "list"]));
    assert!(listed.contains("Mukti Mahila Samiti, Satkhira"));

    // A changed key is refused without --replace.
    let own = stdout(&saathi(
        kolkata,
        &["keys", "show", "--org", "Nirapad Shelter Home, Kolkata"],
    ));
    let own: serde_json::Value = serde_json::from_str(&own).unwrap();
    let mut changed = keys.clone();
    changed["ed25519"] = own["ed25519"].clone();
    let changed_file = dir.join("changed.json");
    std::fs::write(&changed_file, changed.to_string()).unwrap();
    let changed_file = changed_file.to_str().unwrap();
    refused(
        &saathi(kolkata, &["org", "trust", changed_file]),
        "--replace",
    );
    let replaced = saathi(kolkata, &["org", "trust", changed_file, "--replace"]);
    assert!(
        stdout(&replaced).ends_with("keys replaced"),
        "{}",
        stderr(&replaced)
    );
    // Its own organisation is never "trusted" from outside.
    let own_file = dir.join("own.json");
    std::fs::write(&own_file, own.to_string()).unwrap();
    refused(
        &saathi(kolkata, &["org", "trust", own_file.to_str().unwrap()]),
        "own organisations",
    );

    // Bad files and unknown handovers: one line, nothing else.
    let junk = dir.join("junk.age");
    std::fs::write(&junk, b"%PDF-1.7 not a package").unwrap();
    refused(
        &saathi(kolkata, &["org", "trust", junk.to_str().unwrap()]),
        "keys show",
    );
    refused(
        &saathi(kolkata, &["handover", "import", junk.to_str().unwrap()]),
        "not a Saathi handover package",
    );
    let out = dir.join("out.age");
    let unknown = uuid::Uuid::now_v7().to_string();
    refused(
        &saathi(
            kolkata,
            &[
                "handover",
                "export",
                "--handover",
                &unknown,
                "--out",
                out.to_str().unwrap(),
            ],
        ),
        "no handover",
    );
    assert!(!out.exists(), "nothing written for a refused export");
    let audit = saathi(kolkata, &["audit", "verify"]);
    assert!(audit.status.success(), "{}", stderr(&audit));
    std::fs::remove_dir_all(&dir).ok();
    other.finish().await;
}

async fn export_plan_as_pdf(t: &TestStore) {
    let url = t.url();
    assert!(saathi(url, &["demo"]).status.success());
    let kolkata = t
        .store
        .organisation_by_name("Nirapad Shelter Home, Kolkata")
        .await
        .unwrap()
        .unwrap();
    let cases = t
        .store
        .find_cases(&store::CaseFilter::of(kolkata.id, domain::Timestamp(0)))
        .await
        .unwrap();
    let mut with_plan = None;
    for c in cases {
        let held = domain::sight::Sight::own(kolkata.id);
        if t.store.plan(c.id, &held).await.unwrap().is_some() {
            with_plan = Some(c);
            break;
        }
    }
    let case = with_plan.expect("a demo case with a plan");
    let out = std::env::temp_dir().join(format!("saathi-plan-{}.pdf", uuid::Uuid::now_v7()));
    let out_text = out.to_str().unwrap();
    let done = saathi(
        url,
        &[
            "export",
            "plan",
            "--case",
            case.code.as_str(),
            "--language",
            "hi",
            "--out",
            out_text,
        ],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    let text = Command::new("pdftotext")
        .arg(&out)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains(case.code.as_str()), "{text}");
    assert!(text.contains("पृष्ठ"), "Hindi labels: {text}");
    std::fs::remove_file(&out).ok();
    refused(
        &saathi(
            url,
            &[
                "export",
                "plan",
                "--case",
                case.code.as_str(),
                "--language",
                "fr",
                "--out",
                out_text,
            ],
        ),
        "unknown language",
    );
    refused(
        &saathi(
            url,
            &["export", "plan", "--case", "ZZZZ-ZZZZ", "--out", out_text],
        ),
        "no case",
    );
    assert!(!out.exists(), "nothing written for a refused export");

    // A filled assessment, in Bengali.
    let worker = t
        .store
        .user_by_username(&"caseworker.kolkata".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let assessment = domain::form::Assessment {
        id: uuid::Uuid::now_v7(),
        case_id: case.id,
        form_key: "follow-up-visit".into(),
        form_version: 1,
        answers: [(
            "how_she_is".to_string(),
            domain::form::Answer::One("মায়ের কাছে ভালো আছি".into()),
        )]
        .into_iter()
        .collect(),
        recorded_by: worker.id,
        recorded_at: domain::Timestamp(1_795_910_400_000),
        org: worker.org_id,
    };
    let event = domain::audit::AuditEvent::new(
        domain::Timestamp(1_795_910_400_000),
        domain::audit::AuditAction::AssessmentRecorded,
        "case",
    );
    t.store.add_assessment(&assessment, event).await.unwrap();
    let id = assessment.id.to_string();
    let done = saathi(
        url,
        &[
            "export",
            "assessment",
            "--assessment",
            &id,
            "--language",
            "bn",
            "--out",
            out_text,
        ],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    let text = Command::new("pdftotext")
        .arg(&out)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("মায়ের কাছে"), "{text}");
    assert!(text.contains(case.code.as_str()));
    std::fs::remove_file(&out).ok();
    refused(
        &saathi(
            url,
            &[
                "export",
                "assessment",
                "--assessment",
                "nothing",
                "--out",
                out_text,
            ],
        ),
        "no assessment",
    );
    let audit = saathi(url, &["audit", "verify"]);
    assert!(audit.status.success(), "{}", stderr(&audit));
}

fn xlsform(survey: &[&[&str]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheets: [(&str, &[&[&str]]); 3] = [
        ("survey", survey),
        (
            "choices",
            &[
                &["list_name", "name", "label"],
                &["yn", "yes", "Yes"],
                &["yn", "no", "No"],
            ],
        ),
        (
            "settings",
            &[&["form_title", "form_id"], &["Quick check", "quick_check"]],
        ),
    ];
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

async fn forms_import_from_an_xlsform(t: &TestStore) {
    let url = t.url();
    let dir = std::env::temp_dir().join(format!("saathi-xlsform-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.xlsx");
    std::fs::write(
        &good,
        xlsform(&[
            &[
                "type",
                "name",
                "label::English (en)",
                "label::Bengali (bn)",
                "required",
            ],
            &["date", "visit_date", "Date", "তারিখ", "yes"],
            &["select_one yn", "safe", "Safe?", "নিরাপদ?", "yes"],
        ]),
    )
    .unwrap();
    let done = saathi(url, &["forms", "import", good.to_str().unwrap()]);
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(
        stdout(&done).starts_with("quick_check\tversion 1\t1 sections, 2 questions"),
        "{}",
        stdout(&done)
    );
    assert!(stdout(&saathi(url, &["forms", "list"])).contains("quick_check\t1\tQuick check"));
    let bad = dir.join("bad.xlsx");
    std::fs::write(
        &bad,
        xlsform(&[&["type", "name", "label"], &["barcode", "where", "Where"]]),
    )
    .unwrap();
    refused(
        &saathi(url, &["forms", "import", bad.to_str().unwrap()]),
        "survey row 2",
    );
    assert!(!stdout(&saathi(url, &["forms", "list"])).contains("where"));
    std::fs::remove_dir_all(&dir).ok();
}

/// `saathi export htcds`: the operator exports the network, the line on stdout reports the
/// anonymity, every group has five or more, and a case worker is refused with nothing written.
async fn export_htcds_from_the_command_line(t: &TestStore) {
    let url = t.url();
    assert!(saathi(url, &["demo"]).status.success());
    let dir = std::env::temp_dir().join(format!("saathi-htcds-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("htcds.json");
    let done = saathi(url, &["export", "htcds", "--out", json.to_str().unwrap()]);
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(stdout(&done).contains("\tk=5; age="), "{}", stdout(&done));
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let records = doc["records"].as_array().unwrap();
    assert_eq!(doc["anonymity"]["exported"], records.len());
    assert!(
        doc["anonymity"]["considered"].as_u64().unwrap() >= 11,
        "the demo's consents"
    );
    let mut groups = std::collections::HashMap::<String, usize>::new();
    for r in records {
        let key = [
            "saathi_AgeGroup",
            "prs_Gender",
            "prs_Citizenship",
            "saathi_IdentifiedDistrict",
            "saathi_IdentifiedState",
            "saathi_IdentifiedCountry",
            "saathi_IdentifiedYear",
        ]
        .map(|f| r[f].to_string())
        .join("|");
        *groups.entry(key).or_default() += 1;
    }
    assert!(groups.values().all(|n| *n >= 5), "{groups:?}");

    let csv = dir.join("mine.csv");
    let refused_run = saathi(
        url,
        &[
            "export",
            "htcds",
            "--as",
            "caseworker.kolkata",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    assert!(!refused_run.status.success());
    assert_eq!(
        stderr(&refused_run).lines().count(),
        1,
        "{}",
        stderr(&refused_run)
    );
    assert!(!csv.exists(), "nothing written for a refused export");
    let done = saathi(
        url,
        &[
            "export",
            "htcds",
            "--as",
            "director.kolkata",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(
        std::fs::read(&csv)
            .unwrap()
            .starts_with(b"\xEF\xBB\xBFprs_Gender,")
    );
    let wrong = saathi(
        url,
        &[
            "export",
            "htcds",
            "--out",
            dir.join("x.txt").to_str().unwrap(),
        ],
    );
    assert!(!wrong.status.success());
    std::fs::remove_dir_all(&dir).ok();
}

/// `saathi export cases|assessments|attendance --as USERNAME`: her rights apply, the audit
/// trail names her, and a refusal writes nothing.
async fn export_spreadsheets_as_a_user(t: &TestStore) {
    let url = t.url();
    assert!(saathi(url, &["demo"]).status.success());
    let worker = t
        .store
        .user_by_username(&"caseworker.kolkata".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let mut filter = store::CaseFilter::of(worker.org_id, domain::Timestamp(0));
    filter.limit = 500;
    let cases = t.store.find_cases(&filter).await.unwrap();
    assert!(!cases.is_empty());
    let dir = std::env::temp_dir().join(format!("saathi-sheets-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = |name: &str| dir.join(name).to_str().unwrap().to_string();

    let csv = out("cases.csv");
    let done = saathi(
        url,
        &[
            "export",
            "cases",
            "--as",
            "caseworker.kolkata",
            "--format",
            "csv",
            "--language",
            "bn",
            "--out",
            &csv,
        ],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(
        text.starts_with("case_code,stage,opened_on,updated_on,carried_by,plan_review_due\r\n")
    );
    assert_eq!(text.matches("\r\n").count(), cases.len() + 1);
    for case in &cases {
        assert!(text.contains(case.code.as_str()), "{}", case.code);
    }
    let newest = &t.store.audit_entries(None, 1).await.unwrap()[0].event;
    assert_eq!(
        newest.action,
        domain::audit::AuditAction::SpreadsheetExported
    );
    assert_eq!(newest.actor, Some(worker.id), "the audit trail names --as");
    assert_eq!(newest.source, "cli");

    let xlsx = out("cases.xlsx");
    let done = saathi(
        url,
        &[
            "export",
            "cases",
            "--as",
            "director.kolkata",
            "--format",
            "xlsx",
            "--stage",
            "in-care",
            "--out",
            &xlsx,
        ],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));

    // The home and family assessment has a repeat: as CSV it is a zip of its files.
    let zip = out("home.csv");
    let done = saathi(
        url,
        &[
            "export",
            "assessments",
            "--as",
            "caseworker.kolkata",
            "--form",
            "home-family-assessment",
            "--format",
            "csv",
            "--out",
            &zip,
        ],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(stdout(&done).ends_with("zip"), "{}", stdout(&done));
    assert!(std::fs::read(&zip).unwrap().starts_with(b"PK"));

    let workshop = t.store.workshops().await.unwrap()[0].id.to_string();
    let sheet = out("workshop.xlsx");
    let done = saathi(
        url,
        &[
            "export",
            "attendance",
            "--as",
            "trainer",
            "--workshop",
            &workshop,
            "--format",
            "xlsx",
            "--out",
            &sheet,
        ],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(std::fs::read(&sheet).unwrap().starts_with(b"PK"));

    let never = out("never.csv");
    let run = |args: &[&str]| {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--out", never.as_str()]);
        saathi(url, &all)
    };
    refused(
        &run(&["export", "cases", "--as", "nobody.here", "--format", "csv"]),
        "no active user nobody.here",
    );
    refused(
        &run(&["export", "cases", "--as", "trainer", "--format", "csv"]),
        "refused to trainer",
    );
    refused(
        &run(&[
            "export",
            "cases",
            "--as",
            "director.kolkata",
            "--format",
            "csv",
            "--identity",
        ]),
        "refused to director.kolkata",
    );
    refused(
        &run(&[
            "export",
            "assessments",
            "--as",
            "caseworker.kolkata",
            "--form",
            "no-such-form",
            "--format",
            "xlsx",
        ]),
        "no form no-such-form",
    );
    refused(
        &run(&[
            "export",
            "attendance",
            "--as",
            "trainer",
            "--workshop",
            "not-an-id",
            "--format",
            "xlsx",
        ]),
        "no workshop not-an-id",
    );
    refused(
        &run(&[
            "export",
            "cases",
            "--as",
            "caseworker.kolkata",
            "--format",
            "csv",
            "--opened-from",
            "2026-02-30",
        ]),
        "date",
    );
    let bad_format = run(&[
        "export",
        "cases",
        "--as",
        "caseworker.kolkata",
        "--format",
        "pdf",
    ]);
    assert!(!bad_format.status.success());
    assert!(
        !std::path::Path::new(&never).exists(),
        "a refusal writes no file"
    );
    std::fs::remove_dir_all(&dir).ok();
}

on_both_engines!(
    export_htcds_from_the_command_line,
    export_spreadsheets_as_a_user,
    org_add_prints_the_id_and_refuses_bad_input,
    audit_verify_passes_then_names_the_edited_entry,
    users_and_tokens_from_the_command_line,
    accounts_from_the_command_line_keep_the_new_rules,
    serve_with_demo_answers_in_the_browsers_language,
    keys_and_trust_between_two_servers,
    export_plan_as_pdf,
    forms_import_from_an_xlsform,
);

#[test]
fn a_malformed_database_url_is_one_line_and_a_failure() {
    let out = saathi("mysql://nowhere", &["migrate"]);
    assert!(!out.status.success());
    assert_eq!(stderr(&out).lines().count(), 1);
    assert!(
        stderr(&out).contains("unsupported database URL"),
        "{}",
        stderr(&out)
    );
    for url in [
        "postgres://saathi@127.0.0.1:notaport/db",
        "sqlite:///no/such/directory/saathi.db",
        "",
    ] {
        let out = saathi(url, &["org", "list"]);
        assert!(!out.status.success(), "{url}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{url}: {err}");
        assert!(err.starts_with("saathi: "), "{url}: {err}");
        assert!(!err.contains("panicked"), "{url}: {err}");
    }
}

/// A free port on loopback (bound, then released for the server to take).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// GET `path` over a plain TCP connection; the whole response as text.
fn http_get(port: u16, path: &str, accept_language: &str) -> Option<String> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nAccept-Language: {accept_language}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    Some(response)
}

async fn serve_with_demo_answers_in_the_browsers_language(t: &TestStore) {
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_saathi"))
        .args(["--database-url", t.url(), "serve", "--demo", "--listen"])
        .arg(format!("127.0.0.1:{port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut page = None;
    for _ in 0..150 {
        if let Some(response) = http_get(port, "/sign-in", "bn-IN,bn;q=0.9") {
            page = Some(response);
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    let page = page.expect("saathi serve did not answer within 15 s");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("<html lang=\"bn\">"), "{page}");
    assert!(page.contains("সাইন ইন করুন"), "{page}");
    assert!(
        t.store
            .user_by_username(&"caseworker.kolkata".parse().unwrap())
            .await
            .unwrap()
            .is_some()
    );
}

#[test]
fn serve_reports_a_taken_port_in_one_line() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();
    let dir = std::env::temp_dir().join(format!("saathi-serve-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}/taken.db", dir.display());
    let out = saathi(&url, &["serve", "--listen", &address]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("cannot listen on"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn help_explains_every_subcommand_and_option() {
    let out = Command::new(env!("CARGO_BIN_EXE_saathi"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for word in [
        "serve",
        "migrate",
        "demo",
        "org",
        "user",
        "token",
        "audit",
        "keys",
        "handover",
        "export",
        "forms",
        "--database-url",
    ] {
        assert!(help.contains(word), "saathi --help lacks {word}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_saathi"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for word in [
        "--listen",
        "127.0.0.1:8080",
        "--demo",
        "--secure-cookies",
        "--database-url",
    ] {
        assert!(help.contains(word), "saathi serve --help lacks {word}");
    }
}

#[tokio::test]
async fn the_demo_loads_once() {
    let t = TestStore::sqlite().await.unwrap();
    let first = saathi(t.url(), &["demo"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("saathi-demo-2026"));
    let orgs = t.store.organisations().await.unwrap().len();
    assert_eq!(orgs, 5);
    let second = saathi(t.url(), &["demo"]);
    assert!(second.status.success());
    assert!(
        stderr(&second).contains("0 records added"),
        "{}",
        stderr(&second)
    );
    assert_eq!(t.store.organisations().await.unwrap().len(), orgs);
    for name in [
        "admin",
        "director.kolkata",
        "caseworker.kolkata",
        "counsellor.kolkata",
        "caseworker.jessore",
        "trainer",
    ] {
        assert!(
            t.store
                .user_by_username(&name.parse().unwrap())
                .await
                .unwrap()
                .is_some(),
            "{name}"
        );
    }
    t.finish().await;
}
