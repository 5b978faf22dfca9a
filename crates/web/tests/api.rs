#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The JSON API: bearer tokens, problem+json for every error, ETags and If-Match, and an
//! OpenAPI document that describes every route. Both engines.

use crate::common::{Engine, Harness};
use axum::http::{Method, StatusCode};
use serde_json::json;
use testkit::on_both_engines;

const PROBLEM: &str = "application/problem+json";

async fn me_names_the_user_her_organisation_roles_and_language(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut client = h.client();
    client.bearer = Some(h.token("caseworker.jessore").await);
    let reply = client.get("/api/v1/me").await;
    assert_eq!(reply.status, StatusCode::OK);
    let me = reply.json();
    assert_eq!(me["user"]["username"], "caseworker.jessore");
    assert_eq!(me["organisation"]["name"], "Notun Alo, Jessore");
    assert_eq!(me["organisation"]["country"], "BD");
    assert_eq!(me["roles"], json!(["case-worker"]));
    assert_eq!(me["language"], "bn");
    assert!(me["user"].get("password_hash").is_none());
    h.finish().await;
}

async fn every_error_is_problem_json_with_a_clear_title(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut anonymous = h.client();
    let reply = anonymous.get("/api/v1/me").await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.header("content-type"), Some(PROBLEM));
    assert_eq!(reply.json()["title"], "Sign-in required");

    anonymous.bearer = Some("saathi_not_a_real_token".into());
    assert_eq!(
        anonymous.get("/api/v1/me").await.status,
        StatusCode::UNAUTHORIZED
    );

    let mut admin = h.client();
    admin.bearer = Some(h.token("admin").await);
    let reply = admin.get("/api/v1/nothing-here").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.header("content-type"), Some(PROBLEM));

    let reply = admin
        .send(
            Method::POST,
            "/api/v1/organisations",
            Some("application/json"),
            "{not json".into(),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.json()["code"], "malformed");

    let reply = admin
        .json(
            Method::POST,
            "/api/v1/organisations",
            &json!({"name": "X", "kind": "source", "country": "IN", "colour": "red"}),
            &[],
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::BAD_REQUEST,
        "unknown fields are refused, not ignored"
    );

    let reply = admin
        .json(
            Method::POST,
            "/api/v1/organisations",
            &json!({"name": "", "kind": "palace", "country": "India"}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problem = reply.json();
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["name", "kind", "country"],
        "every wrong field at once"
    );

    let reply = admin
        .json(
            Method::POST,
            "/api/v1/organisations",
            &json!({"name": "Notun Alo, Jessore", "kind": "source", "country": "BD"}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(reply.json()["code"], "duplicate");
    h.finish().await;
}

async fn problems_speak_the_users_language(engine: Engine) {
    let h = Harness::new(engine).await;
    let kolkata = h.kolkata().await;
    let mut director = h.client(); // director.kolkata prefers Bengali
    director.bearer = Some(h.token("director.kolkata").await);
    let path = format!("/api/v1/organisations/{kolkata}/users");
    let reply = director
        .json(
            Method::POST,
            &path,
            &json!({"username": "rina.kolkata", "roles": ["counsellor"], "password": "short"}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problem = reply.json();
    assert_eq!(problem["errors"][0]["field"], "password");
    assert_eq!(problem["errors"][0]["code"], "error-password-too-short");
    assert_eq!(
        problem["errors"][0]["message"],
        h.state
            .i18n
            .text(domain::Language::Bn, "error-password-too-short")
    );
    assert_eq!(
        problem["title"],
        h.state
            .i18n
            .text(domain::Language::Bn, "problem-invalid-title")
    );

    let reply = director
        .json(Method::POST, &path, &json!({"username": "counsellor.kolkata", "roles": ["counsellor"], "password": "a long new password for her"}), &[])
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(
        reply.json()["detail"],
        h.state
            .i18n
            .text(domain::Language::Bn, "error-duplicate-username")
    );

    let reply = director
        .json(Method::POST, &path, &json!({"username": "rina.kolkata", "roles": ["counsellor"], "password": "a long new password for her"}), &[])
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    assert!(
        reply
            .header("location")
            .unwrap()
            .starts_with("/api/v1/users/")
    );
    assert_eq!(
        reply.json()["language"],
        "bn",
        "a new user starts in her organisation's first language"
    );
    h.finish().await;
}

async fn a_survivor_account_holds_no_other_role_and_tokens_expire(engine: Engine) {
    let h = Harness::new(engine).await;
    let kolkata = h.kolkata().await;
    let bn = |id: &str| h.state.i18n.text(domain::Language::Bn, id);
    let mut director = h.client(); // director.kolkata prefers Bengali
    director.bearer = Some(h.token("director.kolkata").await);
    let reply = director
        .json(
            Method::POST,
            &format!("/api/v1/organisations/{kolkata}/users"),
            &json!({"username": "rupa.das", "roles": ["survivor", "counsellor"], "password": "nodir-dhare-bari-amar"}),
            &[],
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    assert_eq!(reply.header("content-type"), Some(PROBLEM));
    let problem = reply.json();
    assert_eq!(problem["errors"][0]["field"], "roles");
    assert_eq!(
        problem["errors"][0]["code"],
        "error-survivor-with-other-roles"
    );
    assert_eq!(
        problem["errors"][0]["message"],
        bn("error-survivor-with-other-roles")
    );
    assert!(
        h.store
            .user_by_username(&"rupa.das".parse().unwrap())
            .await
            .unwrap()
            .is_none()
    );

    let counsellor = h.user("counsellor.kolkata").await;
    let reply = director
        .json(
            Method::PUT,
            &format!("/api/v1/users/{}", counsellor.id),
            &json!({"roles": ["counsellor", "survivor"], "language": "en", "active": true}),
            &[("if-match", &format!("\"{}\"", counsellor.version))],
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    assert_eq!(
        reply.json()["errors"][0]["code"],
        "error-survivor-with-other-roles"
    );
    assert_eq!(h.user("counsellor.kolkata").await, counsellor);

    // A deactivated user's token lets nobody in.
    let mut counsellor_api = h.client();
    counsellor_api.bearer = Some(h.token("counsellor.kolkata").await);
    assert_eq!(
        counsellor_api.get("/api/v1/me").await.status,
        StatusCode::OK
    );
    let reply = director
        .json(
            Method::PUT,
            &format!("/api/v1/users/{}", counsellor.id),
            &json!({"roles": ["counsellor"], "language": "en", "active": false}),
            &[("if-match", &format!("\"{}\"", counsellor.version))],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        counsellor_api.get("/api/v1/me").await.status,
        StatusCode::UNAUTHORIZED
    );

    // A token works for its 90 days, says when it was last used, and then stops.
    let worker = h.user("caseworker.kolkata").await;
    let mut worker_api = h.client();
    worker_api.bearer = Some(h.token("caseworker.kolkata").await);
    assert_eq!(
        h.store.tokens_of(worker.id).await.unwrap()[0].last_used_at,
        None
    );
    h.clock.advance_seconds(90 * 86_400 - 1);
    assert_eq!(worker_api.get("/api/v1/me").await.status, StatusCode::OK);
    assert_eq!(
        h.store.tokens_of(worker.id).await.unwrap()[0].last_used_at,
        Some(crate::common::T0.plus_seconds(90 * 86_400 - 1))
    );
    h.clock.advance_seconds(1);
    let reply = worker_api.get("/api/v1/me").await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.json()["code"], "sign-in-required");
    h.finish().await;
}

async fn updates_need_the_current_etag_and_never_overwrite(engine: Engine) {
    let h = Harness::new(engine).await;
    let mumbai = h.org("Asha Niketan, Mumbai").await;
    let mut admin = h.client();
    admin.bearer = Some(h.token("admin").await);
    let path = format!("/api/v1/organisations/{mumbai}");
    let reply = admin.get(&path).await;
    let etag = reply.header("etag").unwrap().to_string();
    assert_eq!(etag, "\"1\"");
    let change = json!({"name": "Asha Niketan, Mumbai", "kind": "destination", "country": "IN", "district": "Mumbai Suburban", "languages": ["hi", "en"]});

    let reply = admin.json(Method::PUT, &path, &change, &[]).await;
    assert_eq!(reply.status, StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(reply.header("content-type"), Some(PROBLEM));

    let reply = admin
        .json(Method::PUT, &path, &change, &[("if-match", &etag)])
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.header("etag"), Some("\"2\""));
    assert_eq!(reply.json()["district"], "Mumbai Suburban");

    // A second writer still holding version 1 is refused, and the first change stands.
    let stale = json!({"name": "Asha Niketan, Mumbai", "kind": "destination", "country": "IN", "district": "Thane", "languages": ["hi"]});
    let reply = admin
        .json(Method::PUT, &path, &stale, &[("if-match", &etag)])
        .await;
    assert_eq!(reply.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(reply.json()["current_etag"], "\"2\"");
    let saved = h.store.organisation(mumbai).await.unwrap().unwrap();
    assert_eq!(saved.fields.district.as_deref(), Some("Mumbai Suburban"));

    let worker = h.user("caseworker.mumbai").await;
    let reply = admin
        .json(
            Method::PUT,
            &format!("/api/v1/users/{}", worker.id),
            &json!({"roles": ["case-worker"], "language": "en", "active": true}),
            &[("if-match", "\"7\"")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::PRECONDITION_FAILED);
    h.finish().await;
}

/// Twenty people move the same case with the ETag they all read: the store takes one change,
/// and every other is a stale `If-Match` (412), never a complaint about the move itself.
async fn a_stale_if_match_is_412_before_any_rule_of_the_change(engine: Engine) {
    let h = Harness::new(engine).await;
    let (case, _) = h.case().await;
    let token = h.token("caseworker.kolkata").await;
    let mut client = h.client();
    client.bearer = Some(token.clone());
    let etag = client
        .get(&format!("/api/v1/cases/{case}"))
        .await
        .header("etag")
        .unwrap()
        .to_string();
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let mut client = h.client();
        client.bearer = Some(token.clone());
        let etag = etag.clone();
        tasks.push(tokio::spawn(async move {
            client
                .json(
                    Method::POST,
                    &format!("/api/v1/cases/{case}/stage"),
                    &json!({"stage": "in-care", "reason": "সে আশ্রয়ে এসেছে"}),
                    &[("if-match", &etag)],
                )
                .await
        }));
    }
    let mut statuses = Vec::new();
    for task in tasks {
        let reply = task.await.unwrap();
        if reply.status != StatusCode::OK {
            assert_eq!(reply.json()["status"], 412, "{}", reply.body);
        }
        statuses.push(reply.status);
    }
    let ok = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let stale = statuses
        .iter()
        .filter(|s| **s == StatusCode::PRECONDITION_FAILED)
        .count();
    assert_eq!((ok, stale), (1, 19), "{statuses:?}");
    assert_eq!(
        h.store
            .stage_history(case, &domain::scope::CaseScope::Network)
            .await
            .unwrap()
            .len(),
        1
    );
    h.finish().await;
}

/// `If-Match: *` matches whatever version exists (RFC 9110 §13.1.1).
async fn if_match_star_matches_the_current_version(engine: Engine) {
    let h = Harness::new(engine).await;
    let mumbai = h.org("Asha Niketan, Mumbai").await;
    let mut admin = h.client();
    admin.bearer = Some(h.token("admin").await);
    let path = format!("/api/v1/organisations/{mumbai}");
    let change = json!({"name": "Asha Niketan, Mumbai", "kind": "destination", "country": "IN", "district": "Thane", "languages": ["hi"]});
    for (district, expected) in [("Thane", "\"2\""), ("Pune", "\"3\"")] {
        let mut change = change.clone();
        change["district"] = district.into();
        let reply = admin
            .json(Method::PUT, &path, &change, &[("if-match", "*")])
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(reply.header("etag"), Some(expected));
    }
    // A list matches when one of its tags is current.
    let reply = admin
        .json(Method::PUT, &path, &change, &[("if-match", "\"1\", \"3\"")])
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    h.finish().await;
}

/// 405 and 413 say their own status in the problem body; a JSON body over the limit is 413.
async fn refusals_by_method_and_size_carry_their_own_status(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut admin = h.client();
    admin.bearer = Some(h.token("admin").await);
    let reply = admin
        .send(Method::DELETE, "/api/v1/me", None, String::new(), &[])
        .await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(reply.header("content-type"), Some(PROBLEM));
    assert_eq!(reply.json()["status"], 405);
    assert_eq!(reply.json()["code"], "method-not-allowed");
    assert!(reply.header("allow").is_some_and(|a| a.contains("GET")));

    let text = "ক".repeat(1024 * 1024);
    let reply = admin
        .json(
            Method::POST,
            "/api/v1/glossary/scan",
            &json!({"text": text, "language": "bn"}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply.header("content-type"), Some(PROBLEM));
    assert_eq!(reply.json()["status"], 413);
    assert_eq!(reply.json()["code"], "too-large");
    h.finish().await;
}

async fn a_revoked_token_opens_nothing(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut client = h.client();
    let secret = h.token("trainer").await;
    client.bearer = Some(secret);
    assert_eq!(client.get("/api/v1/me").await.status, StatusCode::OK);
    let trainer = h.user("trainer").await;
    let token = h.store.tokens_of(trainer.id).await.unwrap().remove(0);
    let event = domain::audit::AuditEvent::new(
        crate::common::T0,
        domain::audit::AuditAction::TokenRevoked,
        "token",
    )
    .from_source("test");
    h.store.revoke_token(token.id, event).await.unwrap();
    assert_eq!(
        client.get("/api/v1/me").await.status,
        StatusCode::UNAUTHORIZED
    );
    h.finish().await;
}

async fn a_session_cookie_does_not_open_the_api(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut client = h.client().signed_in("admin").await;
    let reply = client.get("/api/v1/me").await;
    assert_eq!(
        reply.status,
        StatusCode::UNAUTHORIZED,
        "the API takes bearer tokens only"
    );
    h.finish().await;
}

#[test]
fn the_openapi_document_describes_every_api_route() {
    let document = saathi_web::openapi::document();
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    let paths = document["paths"].as_object().unwrap();
    let routes: Vec<_> = saathi_web::routes::list()
        .into_iter()
        .filter(|(_, p)| p.starts_with("/api/"))
        .collect();
    assert!(routes.len() >= 10);
    for (method, path) in &routes {
        let operation = &paths
            .get(*path)
            .unwrap_or_else(|| panic!("{path} is missing from the OpenAPI document"))
            [method.as_str().to_lowercase()];
        assert!(
            operation.is_object(),
            "{method} {path} is missing from the OpenAPI document"
        );
        assert!(operation["summary"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(
            operation["responses"]
                .as_object()
                .is_some_and(|r| !r.is_empty())
        );
    }
    let described: usize = paths.values().map(|p| p.as_object().unwrap().len()).sum();
    assert_eq!(
        described,
        routes.len(),
        "the document describes routes that are not served"
    );
    // Every $ref points at a schema that exists.
    let text = document.to_string();
    for piece in text.split("#/components/schemas/").skip(1) {
        let name: String = piece.chars().take_while(|c| c.is_alphanumeric()).collect();
        assert!(
            document["components"]["schemas"][&name].is_object(),
            "missing schema {name}"
        );
    }
}

async fn the_openapi_document_is_served_without_a_token(engine: Engine) {
    let h = Harness::new(engine).await;
    let reply = h.client().get("/api/v1/openapi.json").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json()["info"]["title"], "Saathi API");
    h.finish().await;
}

on_both_engines!(
    me_names_the_user_her_organisation_roles_and_language,
    every_error_is_problem_json_with_a_clear_title,
    problems_speak_the_users_language,
    a_survivor_account_holds_no_other_role_and_tokens_expire,
    updates_need_the_current_etag_and_never_overwrite,
    a_stale_if_match_is_412_before_any_rule_of_the_change,
    if_match_star_matches_the_current_version,
    refusals_by_method_and_size_carry_their_own_status,
    a_revoked_token_opens_nothing,
    a_session_cookie_does_not_open_the_api,
    the_openapi_document_is_served_without_a_token,
);

/// A client that has not sent its headers within the timeout (10 seconds by default) is
/// dropped; a complete request on the same server is answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_whose_headers_do_not_arrive_in_time_is_dropped() {
    use std::time::{Duration, Instant};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let h = Harness::new(Engine::Sqlite).await;
    let config = saathi_web::WebConfig::default();
    assert_eq!(config.header_read_timeout, Duration::from_secs(10));
    let state = saathi_web::AppState::new(
        h.store.clone(),
        h.state.i18n.clone(),
        h.clock.clone(),
        config,
    )
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(saathi_web::serve_until(state, listener, async {
        let _ = stopped.await;
    }));

    let mut slow = tokio::net::TcpStream::connect(address).await.unwrap();
    slow.write_all(b"GET /sign-in HT").await.unwrap();
    let started = Instant::now();

    let mut prompt = tokio::net::TcpStream::connect(address).await.unwrap();
    prompt
        .write_all(b"GET /sign-in HTTP/1.1\r\nHost: saathi\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), prompt.read_to_end(&mut answer))
        .await
        .unwrap()
        .unwrap();
    assert!(
        answer.starts_with(b"HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&answer)
    );

    let mut rest = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(13), slow.read_to_end(&mut rest)).await;
    let waited = started.elapsed();
    assert!(
        read.is_ok(),
        "the connection was still open after {waited:?}"
    );
    assert!(
        waited >= Duration::from_millis(9_500) && waited <= Duration::from_secs(11),
        "closed after {waited:?}"
    );
    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
    h.finish().await;
}
