//! Sign-in that a shared office address cannot lock, the trusted proxy, the current password
//! checked with the same throttle, and two-factor sign-in with codes computed by an independent
//! implementation (Python's `pyotp`, installed by `scripts/test-deps`).

use std::process::Command;

use axum::http::{Method, StatusCode};
use domain::audit::AuditAction;
use domain::{Language, Role};
use saathi_web::WebConfig;

use crate::common::{Client, Engine, Harness, PASSWORD};

/// The same as `saathi_web`'s limit: ten distinct accounts may fail from one address.
const ACCOUNTS_PER_ADDRESS: usize = 10;

async fn count(h: &Harness, action: AuditAction) -> usize {
    h.store
        .audit_entries(None, 1000)
        .await
        .unwrap()
        .iter()
        .filter(|r| r.event.action == action)
        .count()
}

async fn signin_an_office_behind_one_address_is_not_locked_by_wrong_usernames(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut office = h.client().at_address("10.9.9.9");
    // Someone at the office types twenty usernames that do not exist.
    for i in 0..20 {
        let reply = office
            .sign_in(&format!("nobody{i}"), "guessing-wrongly")
            .await;
        let expected = if i < ACCOUNTS_PER_ADDRESS {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(reply.status, expected, "attempt {i}");
    }
    // Her colleagues behind the same address sign in with their right passwords at once.
    for username in [
        "counsellor.kolkata",
        "director.kolkata",
        "caseworker.kolkata",
    ] {
        let reply = h
            .client()
            .at_address("10.9.9.9")
            .sign_in(username, PASSWORD)
            .await;
        assert_eq!(
            reply.status,
            StatusCode::SEE_OTHER,
            "{username}: {}",
            reply.body
        );
    }
    h.finish().await;
}

async fn signin_spraying_one_password_stops_at_the_accounts_an_address_may_fail(engine: Engine) {
    let h = Harness::new(engine).await;
    let accounts = [
        "admin",
        "director.kolkata",
        "caseworker.kolkata",
        "counsellor.kolkata",
        "caseworker.mumbai",
        "caseworker.parganas",
        "caseworker.howrah",
        "caseworker.jessore",
        "trainer",
        "caregiver.kolkata",
    ];
    assert_eq!(accounts.len(), ACCOUNTS_PER_ADDRESS);
    let mut sprayer = h.client().at_address("10.6.6.6");
    for username in accounts {
        let reply = sprayer.sign_in(username, "Password@123").await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{username}");
    }
    let before = count(&h, AuditAction::SignInThrottled).await;
    let reply = sprayer.sign_in("trainer.two", "Password@123").await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    let retry: i64 = reply.header("retry-after").unwrap().parse().unwrap();
    assert_eq!(retry, 15 * 60, "the window of the address's first failure");
    let expected = h.state.i18n.text_with(
        Language::En,
        "sign-in-throttled",
        &[("minutes", i18n::Arg::Text("15".into()))],
    );
    assert!(
        reply.body.contains(&crate::common::html(&expected)),
        "{}",
        reply.body
    );
    assert_eq!(count(&h, AuditAction::SignInThrottled).await, before + 1);
    // The refused attempt counted against no one: from her own address she is not delayed,
    // and even from the sprayer's address her right password is never refused.
    let reply = h
        .client()
        .at_address("10.2.2.2")
        .sign_in("trainer.two", "wrong-but-hers")
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    let reply = h
        .client()
        .at_address("10.6.6.6")
        .sign_in("survivor.kolkata", PASSWORD)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    h.finish().await;
}

async fn signin_failures_on_one_account_bring_growing_delays_never_a_lock(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut stranger = h.client().at_address("10.9.9.9");
    // Three free failures, and a fourth before any delay.
    for _ in 0..4 {
        let reply = stranger
            .sign_in("director.kolkata", "not-her-password")
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    }
    let mut waits = Vec::new();
    for _ in 0..4 {
        let reply = stranger
            .sign_in("director.kolkata", "not-her-password")
            .await;
        assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
        let wait: i64 = reply.header("retry-after").unwrap().parse().unwrap();
        waits.push(wait);
        h.clock.advance_seconds(wait);
        let reply = stranger
            .sign_in("director.kolkata", "not-her-password")
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "after {wait} s");
    }
    assert_eq!(waits, vec![2, 4, 8, 16]);
    // The message says the wait in her language.
    let reply = stranger
        .sign_in("director.kolkata", "not-her-password")
        .await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    let expected = h.state.i18n.text_with(
        Language::En,
        "signin-wait-seconds",
        &[("count", i18n::Arg::Count(32))],
    );
    assert!(
        reply.body.contains(&crate::common::html(&expected)),
        "{}",
        reply.body
    );
    // The director herself, from her office, is not kept waiting at all.
    let reply = h
        .client()
        .at_address("10.2.2.2")
        .sign_in("director.kolkata", PASSWORD)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    // However long the stranger goes on, the delay stops growing at five minutes.
    for _ in 0..8 {
        h.clock.advance_seconds(5 * 60);
        stranger
            .sign_in("director.kolkata", "not-her-password")
            .await;
    }
    let reply = stranger.sign_in("director.kolkata", PASSWORD).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(reply.header("retry-after"), Some("300"));
    h.clock.advance_seconds(5 * 60);
    let reply = stranger.sign_in("director.kolkata", PASSWORD).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "never a lock");
    h.finish().await;
}

/// A failed sign-in through `client` with an `X-Forwarded-For` header; answers the source the
/// audit entry recorded.
async fn source_of_a_failure(h: &Harness, client: &mut Client, forwarded: &str) -> String {
    client.get("/sign-in").await;
    let body = serde_urlencoded::to_string([
        ("username", "someone.unknown"),
        ("password", "not-a-password"),
        ("csrf", client.csrf.clone().unwrap().as_str()),
    ])
    .unwrap();
    let reply = client
        .send(
            Method::POST,
            "/sign-in",
            Some("application/x-www-form-urlencoded"),
            body,
            &[("x-forwarded-for", forwarded)],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    h.store
        .audit_entries(None, 1)
        .await
        .unwrap()
        .remove(0)
        .event
        .source
}

async fn signin_the_trusted_proxy_alone_names_the_client_address(engine: Engine) {
    let h = Harness::new(engine).await;
    let behind_proxy = WebConfig {
        trusted_proxy: Some("10.0.0.5".parse().unwrap()),
        ..WebConfig::default()
    };
    let mut via_proxy = h.client_with(behind_proxy.clone()).at_address("10.0.0.5");
    assert_eq!(
        source_of_a_failure(&h, &mut via_proxy, "203.0.113.9").await,
        "203.0.113.9"
    );
    // What the client wrote before the proxy's own entry is hers to forge: not read.
    assert_eq!(
        source_of_a_failure(&h, &mut via_proxy, "1.1.1.1, 203.0.113.7").await,
        "203.0.113.7"
    );
    // Anyone else's header is ignored.
    let mut direct = h.client_with(behind_proxy).at_address("10.1.0.1");
    assert_eq!(
        source_of_a_failure(&h, &mut direct, "203.0.113.9").await,
        "10.1.0.1"
    );
    // Without --trusted-proxy, even the proxy's header is ignored.
    let mut untrusted = h.client().at_address("10.0.0.5");
    assert_eq!(
        source_of_a_failure(&h, &mut untrusted, "203.0.113.9").await,
        "10.0.0.5"
    );
    // The throttle counts the client behind the proxy, not the proxy: one office's failures
    // leave another office behind the same proxy alone.
    let behind_proxy = WebConfig {
        trusted_proxy: Some("10.0.0.5".parse().unwrap()),
        ..WebConfig::default()
    };
    let mut office_a = h.client_with(behind_proxy.clone()).at_address("10.0.0.5");
    for i in 0..ACCOUNTS_PER_ADDRESS + 2 {
        source_of_a_failure_as(&mut office_a, &format!("nobody{i}"), "198.51.100.1").await;
    }
    let mut office_b = h.client_with(behind_proxy).at_address("10.0.0.5");
    office_b.get("/sign-in").await;
    let reply = post_with_header(
        &mut office_b,
        "nobody-else",
        "not-a-password",
        "198.51.100.2",
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    let reply = post_with_header(&mut office_a, "nobody-else", "x", "198.51.100.1").await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    h.finish().await;
}

async fn source_of_a_failure_as(client: &mut Client, username: &str, forwarded: &str) {
    client.get("/sign-in").await;
    post_with_header(client, username, "not-a-password", forwarded).await;
}

async fn post_with_header(
    client: &mut Client,
    username: &str,
    password: &str,
    forwarded: &str,
) -> crate::common::Reply {
    let body = serde_urlencoded::to_string([
        ("username", username),
        ("password", password),
        ("csrf", client.csrf.clone().unwrap().as_str()),
    ])
    .unwrap();
    client
        .send(
            Method::POST,
            "/sign-in",
            Some("application/x-www-form-urlencoded"),
            body,
            &[("x-forwarded-for", forwarded)],
        )
        .await
}

async fn signin_changing_the_password_checks_the_current_one_with_the_same_throttle(
    engine: Engine,
) {
    let h = Harness::new(engine).await;
    let mut client = h.client().signed_in("caseworker.jessore").await;
    client.get("/account").await;
    let wrong = [
        ("current_password", "not-the-password"),
        ("new_password", "amar notun pasword ekhane"),
    ];
    for _ in 0..4 {
        let reply = client.post_form("/account/password", &wrong).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert_eq!(count(&h, AuditAction::PasswordCheckFailed).await, 4);
    let reply = client.post_form("/account/password", &wrong).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(reply.header("retry-after"), Some("2"));
    let expected = h.state.i18n.text_with(
        Language::Bn,
        "signin-wait-seconds",
        &[("count", i18n::Arg::Count(2))],
    );
    assert!(
        reply.body.contains(&crate::common::html(&expected)),
        "{}",
        reply.body
    );
    // Even the right one waits, and a sign-in from the same address too: one throttle.
    let right = [
        ("current_password", PASSWORD),
        ("new_password", "amar notun pasword ekhane"),
    ];
    let reply = client.post_form("/account/password", &right).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    let reply = h.client().sign_in("caseworker.jessore", PASSWORD).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    h.clock.advance_seconds(2);
    let reply = client.post_form("/account/password", &right).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    h.finish().await;
}

// --- Two-factor sign-in -------------------------------------------------------------------

/// The Python that has `pyotp` (`scripts/test-deps` installs it and sets
/// `SAATHI_PYOTP_PYTHON`); a clear failure, never a silent skip, when it is missing.
fn pyotp_python() -> String {
    let python = std::env::var("SAATHI_PYOTP_PYTHON").unwrap_or_else(|_| "python3".into());
    let ok = Command::new(&python)
        .args(["-c", "import pyotp"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        ok,
        "pyotp is missing: run `eval \"$(scripts/test-deps --env)\"` (it installs pyotp and sets \
         SAATHI_PYOTP_PYTHON)"
    );
    python
}

/// The code an authenticator app shows at `at_seconds`, computed by pyotp from the key on the
/// page (base32, spaces as she would type them).
fn app_code(secret: &str, at_seconds: i64) -> String {
    let output = Command::new(pyotp_python())
        .args([
            "-c",
            "import sys, pyotp; print(pyotp.TOTP(sys.argv[1].replace(' ', '')).at(int(sys.argv[2])))",
            secret,
            &at_seconds.to_string(),
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let code = String::from_utf8(output.stdout).unwrap().trim().to_string();
    assert_eq!(code.len(), 6, "{code}");
    code
}

fn between<'a>(body: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    body.split(open)
        .skip(1)
        .filter_map(|rest| rest.split(close).next())
        .collect()
}

fn now_seconds(h: &Harness) -> i64 {
    use domain::Clock;
    h.clock.now().millis() / 1000
}

/// Enrols `client`'s person from *My account* with pyotp's code; answers (key, recovery codes).
async fn enrol(h: &Harness, client: &mut Client) -> (String, Vec<String>) {
    let page = client.get("/account/two-factor").await;
    assert_eq!(page.status, StatusCode::OK);
    let reply = client.post_form("/account/two-factor/start", &[]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let page = client.get("/account/two-factor").await;
    assert!(
        page.body.contains("<svg"),
        "an inline QR code: {}",
        page.body
    );
    assert!(!page.body.contains("<img"), "no image to fetch");
    let secret = between(&page.body, "<code class=\"secret\">", "</code>")[0].to_string();
    let wrong = client
        .post_form("/account/two-factor/confirm", &[("code", "000000")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let code = app_code(&secret, now_seconds(h));
    let reply = client
        .post_form("/account/two-factor/confirm", &[("code", &code)])
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let codes: Vec<String> = between(&reply.body, "<li><code>", "</code>")
        .into_iter()
        .map(str::to_string)
        .collect();
    assert_eq!(codes.len(), 10);
    (secret, codes)
}

async fn code_step(client: &mut Client, code: &str) -> crate::common::Reply {
    client.post_form("/sign-in/code", &[("code", code)]).await
}

async fn twofactor_codes_from_an_independent_app_sign_her_in_once_each(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut client = h.client().signed_in("counsellor.kolkata").await;
    let (secret, recovery) = enrol(&h, &mut client).await;
    assert_eq!(count(&h, AuditAction::TwoFactorEnrolled).await, 1);
    assert_eq!(count(&h, AuditAction::TwoFactorFailed).await, 1);

    // The password alone opens no session, only the code page.
    let mut phone = h.client().at_address("10.3.3.3");
    let reply = phone.sign_in("counsellor.kolkata", PASSWORD).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.header("location"), Some("/sign-in/code"));
    let home = phone.get("/").await;
    assert_eq!(home.header("location"), Some("/sign-in"));
    let page = phone.get("/sign-in/code").await;
    assert_eq!(page.status, StatusCode::OK);
    // The code that confirmed the enrolment is never accepted again.
    let used = app_code(&secret, now_seconds(&h));
    let reply = code_step(&mut phone, &used).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert!(
        reply
            .body
            .contains(&h.text(Language::En, "twofactor-code-wrong")),
        "her own language (the counsellor's is English): {}",
        reply.body
    );
    // The next step's code signs her in, once.
    h.clock.advance_seconds(30);
    let next = app_code(&secret, now_seconds(&h));
    let reply = code_step(&mut phone, &next).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.header("location"), Some("/"));
    assert_eq!(phone.get("/").await.status, StatusCode::OK);
    let mut laptop = h.client().at_address("10.3.3.4");
    laptop.sign_in("counsellor.kolkata", PASSWORD).await;
    assert_eq!(
        code_step(&mut laptop, &next).await.status,
        StatusCode::UNAUTHORIZED,
        "a code is never accepted twice"
    );
    // One step either side of now, and no further.
    h.clock.advance_seconds(90);
    let far = app_code(&secret, now_seconds(&h) + 60);
    assert_eq!(
        code_step(&mut laptop, &far).await.status,
        StatusCode::UNAUTHORIZED
    );
    // (Four failures on her account from this address: the next try waits two seconds.)
    h.clock.advance_seconds(2);
    let late = app_code(&secret, now_seconds(&h) - 30);
    assert_eq!(
        code_step(&mut laptop, &late).await.status,
        StatusCode::SEE_OTHER
    );
    // A recovery code, once.
    let mut borrowed = h.client().at_address("10.3.3.5");
    borrowed.sign_in("counsellor.kolkata", PASSWORD).await;
    let reply = code_step(&mut borrowed, &recovery[3].to_uppercase()).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let mut again = h.client().at_address("10.3.3.6");
    again.sign_in("counsellor.kolkata", PASSWORD).await;
    assert_eq!(
        code_step(&mut again, &recovery[3]).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(count(&h, AuditAction::TwoFactorRecoveryUsed).await, 1);
    // Every wrong code is audited.
    assert_eq!(count(&h, AuditAction::TwoFactorFailed).await, 5);
    // Her account page says it is on, with nine recovery codes left.
    let page = client.get("/account/two-factor").await;
    let on = h.state.i18n.text_with(
        h.user("counsellor.kolkata").await.language,
        "twofactor-on",
        &[("count", i18n::Arg::Count(9))],
    );
    assert!(
        page.body.contains(&crate::common::html(&on)),
        "{}",
        page.body
    );
    h.finish().await;
}

async fn twofactor_required_roles_enrol_first_and_the_director_resets_a_lost_phone(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut admin = h.client().signed_in("admin").await;
    admin.get("/two-factor").await;
    let reply = admin
        .post_form(
            "/two-factor",
            &[("roles", "director"), ("roles", "counsellor")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let admin_lang = h.user("admin").await.language;
    assert!(
        reply
            .body
            .contains(&h.text(admin_lang, "twofactor-roles-saved"))
    );
    let mut roles = h.store.two_factor_roles().await.unwrap();
    roles.sort_by_key(|r| r.as_str());
    assert_eq!(roles, vec![Role::Counsellor, Role::Director]);
    assert_eq!(count(&h, AuditAction::TwoFactorRolesSet).await, 1);

    // A counsellor reaches no page before she has enrolled.
    let mut counsellor = h.client().signed_in("counsellor.kolkata").await;
    for path in ["/", "/cases", "/account", "/glossary"] {
        let reply = counsellor.get(path).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(
            reply.header("location"),
            Some("/account/two-factor"),
            "{path}"
        );
    }
    let page = counsellor.get("/account/two-factor").await;
    let her_lang = h.user("counsellor.kolkata").await.language;
    assert!(page.body.contains(&h.text(her_lang, "twofactor-required")));
    // A case worker is not asked.
    let mut worker = h.client().signed_in("caseworker.kolkata").await;
    assert_eq!(worker.get("/cases").await.status, StatusCode::OK);
    // API tokens are for machines: no second factor.
    let mut api = h.client();
    api.bearer = Some(h.token("counsellor.kolkata").await);
    assert_eq!(api.get("/api/v1/me").await.status, StatusCode::OK);

    enrol(&h, &mut counsellor).await;
    assert_eq!(counsellor.get("/cases").await.status, StatusCode::OK);

    // She lost her phone: her director resets it, and it is audited.
    let her = h.user("counsellor.kolkata").await;
    let mut director = h.client().signed_in("director.kolkata").await;
    // (The director must enrol too before she reaches the page.)
    enrol(&h, &mut director).await;
    let page = director.get(&format!("/users/{}/two-factor", her.id)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains(&h.text(Language::Bn, "twofactor-user-on"))
    );
    let reply = director
        .post_form(&format!("/users/{}/two-factor/reset", her.id), &[])
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "twofactor-reset-done"))
    );
    assert_eq!(count(&h, AuditAction::TwoFactorReset).await, 1);
    // Her role still requires it: she enrols again before any page.
    let reply = counsellor.get("/cases").await;
    assert_eq!(reply.header("location"), Some("/account/two-factor"));
    // Once her password named her, the code page speaks her language (the director's is
    // Bengali), whatever the browser says.
    let mut elsewhere = h.client().at_address("10.4.4.4");
    elsewhere.accept_language = Some("en".into());
    elsewhere.sign_in("director.kolkata", PASSWORD).await;
    let page = elsewhere.get("/sign-in/code").await;
    assert_eq!(page.html_lang().as_deref(), Some("bn"));
    assert!(
        page.body
            .contains(&h.text(Language::Bn, "signin-code-intro"))
    );
    // A director's second factor is the network admin's to reset, not another director's.
    let me = h.user("director.kolkata").await;
    let reply = director
        .post_form(&format!("/users/{}/two-factor/reset", me.id), &[])
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let mut admin_api = h.client();
    admin_api.bearer = Some(h.token("admin").await);
    let reply = admin_api
        .send(
            Method::DELETE,
            &format!("/api/v1/users/{}/two-factor", me.id),
            None,
            String::new(),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert_eq!(count(&h, AuditAction::TwoFactorReset).await, 2);

    // The API sets the roles too; an unknown one is a problem in her language.
    let reply = admin_api
        .json(
            Method::POST,
            "/api/v1/two-factor/roles",
            &serde_json::json!({"roles": ["warden"]}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json")
    );
    let reply = admin_api
        .json(
            Method::POST,
            "/api/v1/two-factor/roles",
            &serde_json::json!({"roles": ["counsellor"]}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json()["roles"], serde_json::json!(["counsellor"]));
    let reply = admin_api.get("/api/v1/two-factor/roles").await;
    assert_eq!(reply.json()["roles"], serde_json::json!(["counsellor"]));
    h.finish().await;
}

testkit::on_both_engines!(
    signin_an_office_behind_one_address_is_not_locked_by_wrong_usernames,
    signin_spraying_one_password_stops_at_the_accounts_an_address_may_fail,
    signin_failures_on_one_account_bring_growing_delays_never_a_lock,
    signin_the_trusted_proxy_alone_names_the_client_address,
    signin_changing_the_password_checks_the_current_one_with_the_same_throttle,
    twofactor_codes_from_an_independent_app_sign_her_in_once_each,
    twofactor_required_roles_enrol_first_and_the_director_resets_a_lost_phone,
);
