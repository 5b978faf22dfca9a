#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The web pages as a person uses them: sign-in and its refusals, CSRF, throttling, languages,
//! forms that keep her input, concurrent edits, and the size of the first page. Both engines.

// Sign-in throttling and two-factor sign-in (`-- signin`, `-- twofactor`).
#[path = "pages/signin.rs"]
mod signin;

use crate::common::{Engine, Harness, PASSWORD};
use axum::http::StatusCode;
use domain::Language;
use domain::audit::AuditAction;
use saathi_web::WebConfig;
use testkit::on_both_engines;

async fn sign_in_sets_strict_cookies_and_every_response_has_security_headers(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut client = h.client();
    let page = client.get("/sign-in").await;
    for reply in [
        &page,
        &client.get("/nowhere").await,
        &client.get("/static/saathi.css").await,
    ] {
        let csp = reply.header("content-security-policy").unwrap();
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"));
        assert!(!csp.contains("unsafe-inline") && !csp.contains("script-src"));
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(reply.header("referrer-policy"), Some("no-referrer"));
    }
    assert!(!page.body.contains("<script"), "the UI needs no script");
    let reply = client.sign_in("caseworker.kolkata", PASSWORD).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let cookie = reply
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("saathi_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "plain HTTP must not mark cookies Secure: {cookie}"
    );

    let mut tls = h.client_with(WebConfig {
        secure_cookies: true,
        ..WebConfig::default()
    });
    let reply = tls.sign_in("caseworker.kolkata", PASSWORD).await;
    let cookie = reply.header("set-cookie").unwrap();
    assert!(cookie.contains("; Secure"), "{cookie}");
    h.finish().await;
}

async fn a_wrong_password_and_an_unknown_user_get_one_message_in_her_language(engine: Engine) {
    let h = Harness::new(engine).await;
    let expected = h.text(Language::Bn, "sign-in-failed");
    for (username, password) in [
        ("caseworker.kolkata", "not-her-password-at-all"),
        ("nobody.here", PASSWORD),
        ("", ""),
    ] {
        let mut client = h.client();
        client.accept_language = Some("bn-IN,bn;q=0.9,en;q=0.5".into());
        let reply = client.sign_in(username, password).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        assert_eq!(reply.html_lang().as_deref(), Some("bn"));
        assert!(reply.body.contains(&expected), "{}", reply.body);
        assert!(
            reply.body.contains(&format!("value=\"{username}\"")),
            "her username is kept"
        );
        assert!(
            !reply.body.contains(password) || password.is_empty(),
            "a password is never echoed"
        );
        assert!(!client.cookies.contains_key("saathi_session"));
    }
    let audit = h.store.audit_entries(None, 100).await.unwrap();
    let failed = audit
        .iter()
        .filter(|r| r.event.action == AuditAction::SignInFailed)
        .count();
    assert_eq!(failed, 3);
    h.finish().await;
}

async fn a_form_without_the_right_csrf_token_is_refused(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut client = h.client().signed_in("admin").await;
    let before = h.store.organisations().await.unwrap().len();
    client.csrf = Some("0".repeat(64));
    let reply = client
        .post_form(
            "/organisations/new",
            &[("name", "Forged"), ("kind", "source"), ("country", "IN")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(reply.problem().as_deref(), Some("csrf-failed"));
    let reply = client
        .send(
            axum::http::Method::POST,
            "/sign-out",
            Some("application/x-www-form-urlencoded"),
            String::new(),
            &[],
        )
        .await;
    assert_eq!(reply.problem().as_deref(), Some("csrf-failed"));
    assert_eq!(h.store.organisations().await.unwrap().len(), before);
    // The sign-in form itself needs the token of the page that showed it.
    let mut fresh = h.client();
    fresh.csrf = Some("1".repeat(64));
    fresh.cookies.insert("saathi_csrf".into(), "2".repeat(64));
    let reply = fresh
        .post_form("/sign-in", &[("username", "admin"), ("password", PASSWORD)])
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    h.finish().await;
}

async fn signing_out_ends_the_session(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut client = h.client().signed_in("trainer").await;
    let session = client.cookies.get("saathi_session").cloned().unwrap();
    let reply = client.post_form("/sign-out", &[]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.header("location"), Some("/sign-in?notice=signed-out"));
    // Replaying the old cookie gets nothing.
    client.cookies.insert("saathi_session".into(), session);
    let reply = client.get("/").await;
    assert_eq!(reply.header("location"), Some("/sign-in"));
    let audit = h.store.audit_entries(None, 50).await.unwrap();
    assert!(audit.iter().any(|r| r.event.action == AuditAction::SignOut));
    h.finish().await;
}

async fn the_language_follows_the_browser_then_her_choice_on_every_page(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut client = h.client();
    client.accept_language = Some("hi-IN,hi;q=0.9".into());
    let reply = client.get("/sign-in").await;
    assert_eq!(reply.html_lang().as_deref(), Some("hi"));
    assert!(reply.body.contains(&h.text(Language::Hi, "sign-in-submit")));
    // counsellor.kolkata prefers English: once signed in, her preference wins over the browser.
    let mut client = client.signed_in("counsellor.kolkata").await;
    assert_eq!(client.get("/").await.html_lang().as_deref(), Some("en"));
    // Switching on any page switches for this browser session; a GET changes nothing stored:
    // not her row, not the audit trail.
    let before = h.user("counsellor.kolkata").await;
    let audit_before = h.store.audit_entries(None, 1000).await.unwrap().len();
    let reply = client.get("/organisations?lang=bn").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.html_lang().as_deref(), Some("bn"));
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "organisations-title"))
    );
    let cookie = reply.header("set-cookie").unwrap();
    assert!(
        cookie.starts_with("saathi_lang=bn;") && !cookie.contains("Max-Age"),
        "a cookie for this browser session only: {cookie}"
    );
    assert_eq!(h.user("counsellor.kolkata").await, before);
    assert_eq!(
        h.store.audit_entries(None, 1000).await.unwrap().len(),
        audit_before
    );
    // The pages that follow stay in Bengali through the cookie.
    let reply = client.get("/account").await;
    assert_eq!(reply.html_lang().as_deref(), Some("bn"));
    assert!(
        reply.body.contains("href=\"/account?lang=hi\""),
        "every page offers the switch"
    );
    assert_eq!(client.get("/").await.html_lang().as_deref(), Some("bn"));
    assert_eq!(h.user("counsellor.kolkata").await.language, Language::En);

    // Her saved preference changes on My account, by a POST, with its audit entry.
    let reply = client
        .post_form("/account/language", &[("language", "hi")])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(
        reply.header("location"),
        Some("/account?notice=language-saved")
    );
    assert!(
        reply
            .header("set-cookie")
            .unwrap()
            .starts_with("saathi_lang=;")
    );
    let saved = h.user("counsellor.kolkata").await;
    assert_eq!(saved.language, Language::Hi);
    assert_eq!(saved.version, before.version + 1);
    let newest = &h.store.audit_entries(None, 1).await.unwrap()[0];
    assert_eq!(newest.event.action, AuditAction::UserUpdated);
    assert_eq!(newest.event.actor, Some(before.id));
    let reply = client.get("/account?notice=language-saved").await;
    assert_eq!(reply.html_lang().as_deref(), Some("hi"));
    assert!(
        reply
            .body
            .contains(&h.text(Language::Hi, "account-language-saved"))
    );
    let reply = client
        .post_form("/account/language", &[("language", "fr")])
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply
            .body
            .contains(&h.text(Language::Hi, "error-unknown-language"))
    );
    h.finish().await;
}

async fn users_a_survivor_account_holds_no_other_role(engine: Engine) {
    let h = Harness::new(engine).await;
    let kolkata = h.kolkata().await;
    let mut client = h.client().signed_in("director.kolkata").await; // prefers Bengali
    let path = format!("/organisations/{kolkata}/users/new");
    client.get(&path).await;
    let before = h.store.users_in(kolkata).await.unwrap().len();
    let reply = client
        .post_form(
            &path,
            &[
                ("username", "rupa.das"),
                ("display_name", "রূপা দাস"),
                ("roles", "survivor"),
                ("roles", "counsellor"),
                ("password", "nodir-dhare-bari-amar"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.html_lang().as_deref(), Some("bn"));
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "error-survivor-with-other-roles")),
        "{}",
        reply.body
    );
    assert!(
        reply.body.contains("value=\"rupa.das\""),
        "her input is kept"
    );
    assert!(reply.body.contains("value=\"রূপা দাস\""));
    assert_eq!(h.store.users_in(kolkata).await.unwrap().len(), before);

    let counsellor = h.user("counsellor.kolkata").await;
    let edit = format!("/users/{}/edit", counsellor.id);
    client.get(&edit).await;
    let reply = client
        .post_form(
            &edit,
            &[
                ("roles", "counsellor"),
                ("roles", "survivor"),
                ("language", "en"),
                ("active", "on"),
                ("version", &counsellor.version.to_string()),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "error-survivor-with-other-roles"))
    );
    assert_eq!(h.user("counsellor.kolkata").await, counsellor);
    h.finish().await;
}

async fn users_holding_survivor_and_staff_roles_cannot_sign_in_until_split(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut signed_in = h.client().signed_in("counsellor.kolkata").await;
    let mut api = h.client();
    api.bearer = Some(h.token("counsellor.kolkata").await);
    // An account as an older Saathi allowed it.
    let counsellor = h.user("counsellor.kolkata").await;
    let mixed = store::UserChanges {
        display_name: None,
        roles: domain::Roles::parse_stored("counsellor,survivor").unwrap(),
        language: Language::En,
        active: true,
    };
    let event =
        domain::audit::AuditEvent::new(crate::common::T0, AuditAction::UserUpdated, "upgrade")
            .from_source("test");
    h.store
        .update_user(counsellor.id, counsellor.version, &mixed, event)
        .await
        .unwrap();

    let reply = h.client().sign_in("counsellor.kolkata", PASSWORD).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(
        reply
            .body
            .contains(&h.text(Language::En, "sign-in-split-account")),
        "{}",
        reply.body
    );
    assert!(
        reply
            .header("set-cookie")
            .is_none_or(|c| !c.contains("saathi_session="))
    );
    let newest = &h.store.audit_entries(None, 1).await.unwrap()[0];
    assert_eq!(newest.event.action, AuditAction::SignInFailed);
    assert!(newest.event.detail.contains("survivor-with-staff-role"));
    // A session or token from before acts for nobody.
    let reply = signed_in.get("/").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.header("location"), Some("/sign-in"));
    assert_eq!(api.get("/api/v1/me").await.status, StatusCode::UNAUTHORIZED);

    // Her director splits it: counsellor only; the survivor gets an account of her own.
    let mut director = h.client().signed_in("director.kolkata").await;
    let edit = format!("/users/{}/edit", counsellor.id);
    assert_eq!(director.get(&edit).await.status, StatusCode::OK);
    let reply = director
        .post_form(
            &edit,
            &[
                ("roles", "counsellor"),
                ("language", "en"),
                ("active", "on"),
                ("version", &(counsellor.version + 1).to_string()),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let reply = h.client().sign_in("counsellor.kolkata", PASSWORD).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    h.finish().await;
}

async fn users_whose_password_the_rule_now_refuses_change_it_first(engine: Engine) {
    let h = Harness::new(engine).await;
    // Not a demo server: the demo password is as good as public here.
    let config = WebConfig {
        demo: false,
        ..WebConfig::default()
    };
    let mut client = h.client_with(config.clone());
    let reply = client.sign_in("caseworker.jessore", PASSWORD).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "she is let in");
    for path in ["/", "/cases", "/organisations", "/glossary"] {
        let reply = client.get(path).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(reply.header("location"), Some("/account"), "{path}");
    }
    let reply = client.get("/account").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "account-password-must-change")),
        "{}",
        reply.body
    );
    let jessore = h.user("caseworker.jessore").await;
    let newest = &h.store.audit_entries(None, 1).await.unwrap()[0];
    assert_eq!(newest.event.action, AuditAction::SignIn);
    let flagged = h.store.audit_entries(None, 2).await.unwrap()[1].clone();
    assert_eq!(flagged.event.action, AuditAction::UserUpdated);
    assert_eq!(flagged.event.subject, format!("user:{}", jessore.id));
    assert!(flagged.event.detail.contains("error-password-is-demo"));

    // Her API tokens are not held back.
    let mut api = h.client_with(config.clone());
    api.bearer = Some(h.token("caseworker.jessore").await);
    assert_eq!(api.get("/api/v1/me").await.status, StatusCode::OK);

    // The demo password again is refused; a good one lets her through.
    let reply = client
        .post_form(
            "/account/password",
            &[("current_password", PASSWORD), ("new_password", PASSWORD)],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "error-password-is-demo"))
    );
    let reply = client
        .post_form(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "amar notun pasword ekhane"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let reply = client
        .sign_in("caseworker.jessore", "amar notun pasword ekhane")
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(client.get("/").await.status, StatusCode::OK);

    // On the demo server the demo password sends nobody to change it.
    let mut demo = h.client().signed_in("caseworker.kolkata").await;
    assert_eq!(demo.get("/cases").await.status, StatusCode::OK);
    h.finish().await;
}

async fn dates_and_numbers_are_written_for_the_language(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut client = h.client().signed_in("admin").await;
    let reply = client.get("/?lang=bn").await;
    // Five organisations, in Bengali digits.
    assert!(reply.body.contains("৫"), "{}", reply.body);
    let reply = client.get("/audit").await;
    assert!(
        reply.body.contains("২০২৬") || reply.body.contains("২০২৭"),
        "years in Bengali digits"
    );
    let reply = client.get("/audit?lang=en").await;
    assert!(reply.body.contains("2026") || reply.body.contains("2027"));
    h.finish().await;
}

async fn bad_input_in_forms_keeps_her_input_and_says_what_is_wrong(engine: Engine) {
    let h = Harness::new(engine).await;
    let kolkata = h.kolkata().await;
    let mut client = h.client().signed_in("director.kolkata").await; // prefers Bengali
    let path = format!("/organisations/{kolkata}/users/new");
    client.get(&path).await;
    let before = h.store.users_in(kolkata).await.unwrap().len();

    let reply = client
        .post_form(
            &path,
            &[
                ("username", "caseworker.kolkata"),
                ("display_name", "দ্বিতীয় রূপা"),
                ("roles", "case-worker"),
                ("password", "a long new password for her"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "error-duplicate-username"))
    );
    assert!(
        reply.body.contains("value=\"দ্বিতীয় রূপা\""),
        "her input is kept"
    );

    let reply = client
        .post_form(
            &path,
            &[
                ("username", "new.worker"),
                ("roles", "case-worker"),
                ("password", "password1234"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "error-password-too-common")),
        "{}",
        reply.body
    );
    assert!(reply.body.contains("value=\"new.worker\""));
    assert!(!reply.body.contains("password1234"));

    let reply = client
        .post_form(
            &path,
            &[
                ("username", "new.worker"),
                ("password", "a long new password for her"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(&h.text(Language::Bn, "error-no-roles")));
    assert_eq!(
        h.store.users_in(kolkata).await.unwrap().len(),
        before,
        "nothing half-made"
    );

    let reply = client
        .post_form(
            &path,
            &[
                ("username", "new.worker"),
                ("roles", "case-worker"),
                ("password", "a long new password for her"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(h.store.users_in(kolkata).await.unwrap().len(), before + 1);

    let mut admin = h.client().signed_in("admin").await;
    let reply = admin
        .post_form(
            "/organisations/new",
            &[("name", ""), ("kind", "source"), ("country", "IN")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply
            .body
            .contains(&h.text(Language::En, "error-empty-org-name"))
    );
    h.finish().await;
}

async fn a_stale_edit_shows_both_versions_and_overwrites_nothing(engine: Engine) {
    let h = Harness::new(engine).await;
    let jessore = h.org("Notun Alo, Jessore").await;
    let path = format!("/organisations/{jessore}/edit");
    let mut first = h.client().signed_in("admin").await;
    let mut second = h.client().signed_in("admin").await;
    first.get(&path).await;
    second.get(&path).await;
    let fields = |district: &'static str| {
        vec![
            ("name", "Notun Alo, Jessore"),
            ("kind", "source"),
            ("country", "BD"),
            ("district", district),
            ("languages", "bn"),
            ("version", "1"),
        ]
    };
    let reply = first.post_form(&path, &fields("Jashore")).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let reply = second.post_form(&path, &fields("Jessore Sadar")).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert!(
        reply.body.contains("value=\"Jessore Sadar\""),
        "her input is kept"
    );
    assert!(reply.body.contains("Jashore"), "the saved version is shown");
    assert!(
        reply.body.contains("name=\"version\" value=\"2\""),
        "saving again is based on what she saw"
    );
    let saved = h.store.organisation(jessore).await.unwrap().unwrap();
    assert_eq!(saved.fields.district.as_deref(), Some("Jashore"));
    h.finish().await;
}

async fn changing_the_password_ends_old_sessions(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut client = h.client().signed_in("caseworker.jessore").await;
    let mut other_device = h.client().signed_in("caseworker.jessore").await;
    client.get("/account").await;
    let reply = client
        .post_form(
            "/account/password",
            &[
                ("current_password", "not-the-password"),
                ("new_password", "amar notun pasword ekhane"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "account-password-wrong"))
    );
    let reply = client
        .post_form(
            "/account/password",
            &[("current_password", PASSWORD), ("new_password", "short")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "error-password-too-short"))
    );
    let reply = client
        .post_form(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "amar notun pasword ekhane"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(
        other_device.get("/").await.header("location"),
        Some("/sign-in")
    );
    assert_eq!(
        h.client()
            .sign_in("caseworker.jessore", PASSWORD)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        h.client()
            .sign_in("caseworker.jessore", "amar notun pasword ekhane")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    h.finish().await;
}

async fn a_deactivated_user_is_signed_out_and_cannot_sign_in(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    let mut director = h.client().signed_in("director.kolkata").await;
    let target = h.user("caseworker.kolkata").await;
    let path = format!("/users/{}/edit", target.id);
    director.get(&path).await;
    let version = target.version.to_string();
    let reply = director
        .post_form(
            &path,
            &[
                ("roles", "case-worker"),
                ("language", "bn"),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert!(!h.user("caseworker.kolkata").await.active);
    assert_eq!(worker.get("/").await.header("location"), Some("/sign-in"));
    assert_eq!(
        h.client()
            .sign_in("caseworker.kolkata", PASSWORD)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    h.finish().await;
}

async fn the_admin_adds_an_organisation_and_it_is_audited(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut admin = h.client().signed_in("admin").await;
    admin.get("/organisations/new").await;
    let reply = admin
        .post_form(
            "/organisations/new",
            &[
                ("name", "Mukti Transit Home, Bongaon"),
                ("kind", "transit"),
                ("country", "in"),
                ("district", "North 24 Parganas"),
                ("languages", "bn"),
                ("languages", "hi"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let location = reply.header("location").unwrap().to_string();
    let page = admin.get(&location).await;
    assert!(page.body.contains("Mukti Transit Home, Bongaon"));
    assert!(
        page.body
            .contains(&h.text(Language::En, "organisation-created"))
    );
    let list = admin.get("/organisations").await;
    assert!(list.body.contains("Mukti Transit Home, Bongaon"));
    let audit = h.store.audit_entries(None, 10).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|r| r.event.action == AuditAction::OrganisationCreated
                && r.event.detail.contains("Mukti"))
    );
    h.finish().await;
}

async fn the_first_page_with_its_stylesheet_is_under_50_kb_compressed(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut client = h.client();
    let mut total = 0;
    for path in ["/sign-in", "/static/saathi.css"] {
        let reply = client
            .send(
                axum::http::Method::GET,
                path,
                None,
                String::new(),
                &[("accept-encoding", "gzip")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(
            reply.header("content-encoding"),
            Some("gzip"),
            "{path} is compressed"
        );
        total += reply.size;
    }
    assert!(total < 50 * 1024, "first load is {total} bytes");
    h.finish().await;
}

/// Text that is not UTF-8 is refused (400, in her language), never saved with replacement
/// characters where her words were.
async fn a_form_with_text_that_is_not_utf8_is_refused(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let mut client = h.client().signed_in("caseworker.kolkata").await;
    client.get(&format!("/cases/{case}")).await;
    let csrf = client.csrf.clone().unwrap();
    let before = h
        .store
        .voice_of(case, &h.sight(case).await)
        .await
        .unwrap()
        .len();
    let body =
        format!("kind=hope&text=%E0%A6%86%FF%FE%E0%A6%AE&language=bn&spoken_on=&csrf={csrf}");
    let reply = client
        .send_bytes(
            axum::http::Method::POST,
            &format!("/cases/{case}/voice"),
            Some("application/x-www-form-urlencoded"),
            body.into_bytes(),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert_eq!(reply.problem().as_deref(), Some("bad-encoding"));
    let lang = h.user("caseworker.kolkata").await.language;
    assert!(
        reply.body.contains(&h.text(lang, "resend-detail")),
        "{}",
        reply.body
    );
    // The form comes back to the same place with her input: what could be read kept as sent,
    // the text with a mark where a letter could not be read, for her to check and send again.
    assert!(reply.body.contains(&format!(
        r#"<form method="post" action="/cases/{case}/voice""#
    )));
    assert!(
        reply
            .body
            .contains(r#"<input type="hidden" name="kind" value="hope">"#)
    );
    assert!(
        reply
            .body
            .contains(r#"<input type="hidden" name="language" value="bn">"#)
    );
    assert!(
        reply
            .body
            .contains("name=\"text\" rows=\"4\">আ\u{FFFD}\u{FFFD}ম</textarea>"),
        "{}",
        reply.body
    );
    assert_eq!(
        h.store
            .voice_of(case, &h.sight(case).await)
            .await
            .unwrap()
            .len(),
        before
    );
    // The same words sent as UTF-8 are saved.
    let reply = client
        .post_form(
            &format!("/cases/{case}/voice"),
            &[("kind", "hope"), ("text", "আম"), ("language", "bn")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(
        h.store
            .voice_of(case, &h.sight(case).await)
            .await
            .unwrap()
            .len(),
        before + 1
    );
    h.finish().await;
}

/// `Strict-Transport-Security` only where Saathi is reached over TLS (`--secure-cookies`).
async fn hsts_is_sent_with_secure_cookies_only(engine: Engine) {
    let h = Harness::new(engine).await;
    let reply = h.client().get("/sign-in").await;
    assert_eq!(reply.header("strict-transport-security"), None);
    let mut tls = h.client_with(WebConfig {
        secure_cookies: true,
        ..WebConfig::default()
    });
    for path in ["/sign-in", "/api/v1/openapi.json", "/no-such-page"] {
        let reply = tls.get(path).await;
        assert_eq!(
            reply.header("strict-transport-security"),
            Some("max-age=31536000"),
            "{path}"
        );
    }
    h.finish().await;
}

/// The newest checkpoint's short hash is on the network admin's home page, for her to note
/// down (decision 0005); nobody else's home page shows it.
async fn the_admin_home_page_shows_the_newest_audit_checkpoint(engine: Engine) {
    let h = Harness::new(engine).await;
    let dir = std::env::temp_dir().join(format!("saathi-cp-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let line = |seq: i64, hash: &str| {
        format!(
            "{{\"format\":\"saathi-audit-checkpoint\",\"version\":1,\"seq\":{seq},\"hash\":\"{hash}\",\"at\":1795910400000,\"signature\":null}}\n"
        )
    };
    let older = format!("{}{}", "aaaa0000", "0".repeat(56));
    let newer = format!("{}{}", "3f9a1c0b77de0412", "0".repeat(48));
    std::fs::write(
        dir.join("audit-checkpoint-20261128T000000Z.json"),
        line(7, &older),
    )
    .unwrap();
    std::fs::write(
        dir.join("audit-checkpoint-20261129T000000Z.json"),
        line(9, &newer),
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "not a checkpoint").unwrap();
    let config = WebConfig {
        checkpoint_dir: Some(dir.clone()),
        demo: true,
        ..WebConfig::default()
    };
    let mut admin = h.client_with(config.clone()).signed_in("admin").await;
    let home = admin.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("3f9a 1c0b 77de 0412"), "{}", home.body);
    assert!(!home.body.contains("aaaa 0000"), "{}", home.body);

    let mut worker = h.client_with(config).signed_in("caseworker.kolkata").await;
    let home = worker.get("/").await;
    assert!(!home.body.contains("3f9a 1c0b"), "{}", home.body);

    let mut unset = h.client().signed_in("admin").await;
    let home = unset.get("/").await;
    assert!(
        [Language::Bn, Language::Hi, Language::En]
            .into_iter()
            .any(|l| home.body.contains(&h.text(l, "keys-checkpoint-off"))),
        "{}",
        home.body
    );
    std::fs::remove_dir_all(&dir).ok();
    h.finish().await;
}

/// The audit page names a case by its code, never its id, and pages back through the trail
/// fifty entries at a time.
async fn the_audit_page_names_cases_by_code_and_pages_back(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let code = h
        .store
        .case(case, &domain::scope::CaseScope::Network)
        .await
        .unwrap()
        .unwrap()
        .code
        .to_string();
    let kolkata = h.kolkata().await;
    for i in 0..60 {
        let event = domain::audit::AuditEvent::new(
            crate::common::T0,
            AuditAction::CaseViewed,
            format!("case:{case}"),
        )
        .scoped_to(kolkata)
        .from_source(format!("test {i}"));
        h.store.append_audit(event).await.unwrap();
    }
    let mut director = h.client().signed_in("director.kolkata").await;
    let first = director.get("/audit?lang=en").await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(
        first.body.contains(&format!("Case {code}")),
        "the case by its code"
    );
    assert!(!first.body.contains(&case.to_string()), "never its id");
    assert!(first.body.contains("test 59") && !first.body.contains("test 9<"));
    let older = first
        .body
        .split("href=\"/audit?before=")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to older entries")
        .to_string();
    let second = director
        .get(&format!("/audit?before={older}&lang=en"))
        .await;
    assert_eq!(second.status, StatusCode::OK);
    assert!(second.body.contains("test 9<"), "the older entries");
    assert!(!second.body.contains("test 59<"));
    assert!(
        second.body.contains("href=\"/audit\""),
        "a way back to the newest"
    );
    // Text that is not a position is the newest page, not an error.
    assert_eq!(
        director.get("/audit?before=soon").await.status,
        StatusCode::OK
    );
    h.finish().await;
}

on_both_engines!(
    the_audit_page_names_cases_by_code_and_pages_back,
    the_admin_home_page_shows_the_newest_audit_checkpoint,
    sign_in_sets_strict_cookies_and_every_response_has_security_headers,
    a_wrong_password_and_an_unknown_user_get_one_message_in_her_language,
    a_form_without_the_right_csrf_token_is_refused,
    signing_out_ends_the_session,
    the_language_follows_the_browser_then_her_choice_on_every_page,
    users_a_survivor_account_holds_no_other_role,
    users_holding_survivor_and_staff_roles_cannot_sign_in_until_split,
    users_whose_password_the_rule_now_refuses_change_it_first,
    dates_and_numbers_are_written_for_the_language,
    bad_input_in_forms_keeps_her_input_and_says_what_is_wrong,
    a_stale_edit_shows_both_versions_and_overwrites_nothing,
    changing_the_password_ends_old_sessions,
    a_deactivated_user_is_signed_out_and_cannot_sign_in,
    the_admin_adds_an_organisation_and_it_is_audited,
    the_first_page_with_its_stylesheet_is_under_50_kb_compressed,
    a_form_with_text_that_is_not_utf8_is_refused,
    hsts_is_sent_with_secure_cookies_only,
);
