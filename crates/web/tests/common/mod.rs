//! A Saathi app over a fresh store with the demo network, and a small cookie-keeping client that
//! drives it in-process (the browser test serves it on a real port instead).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use app::{demo, token};
use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use domain::audit::{AuditAction, AuditEvent};
use domain::{Clock, FixedClock, Language, OrgId, Role, Roles, Timestamp, TokenId, User, UserId};
use http_body_util::BodyExt;
use i18n::I18n;
use saathi_web::{AppState, WebConfig, router};
use store::{NewUser, Store};
use tower::ServiceExt;

pub mod openapi;

pub const T0: Timestamp = Timestamp(1_795_910_400_000);
pub const PASSWORD: &str = demo::DEMO_PASSWORD;

pub use testkit::Engine;
use testkit::TestStore;

pub struct Harness {
    pub state: AppState,
    pub clock: Arc<FixedClock>,
    pub store: Arc<dyn Store>,
    test_store: TestStore,
}

impl Harness {
    /// What the case's custodian holds of it now, for tests that look at the store directly.
    pub async fn sight(&self, case: domain::CaseId) -> domain::sight::Sight {
        let found = self
            .store
            .case(case, &domain::scope::CaseScope::Network)
            .await
            .unwrap()
            .unwrap();
        let consents = self
            .store
            .consents_of(case, &domain::scope::CaseScope::Network)
            .await
            .unwrap();
        domain::sight::Sight::of(
            found.custodian,
            &found.passages,
            &consents,
            domain::Clock::now(&*self.clock),
        )
    }

    /// A fresh store with the demo network plus a care-giver, a survivor and a second trainer
    /// in Kolkata, so that every role has someone to sign in as.
    pub async fn new(engine: Engine) -> Self {
        let test_store = TestStore::new(engine).await.unwrap();
        let store = test_store.store.clone();
        demo::load_network(&store, T0).await.unwrap();
        let kolkata = store
            .organisation_by_name("Nirapad Shelter Home, Kolkata")
            .await
            .unwrap()
            .unwrap();
        let hash = store
            .credentials(&"caseworker.kolkata".parse().unwrap())
            .await
            .unwrap()
            .unwrap()
            .password_hash;
        for (username, role) in [
            ("caregiver.kolkata", Role::CareGiver),
            ("survivor.kolkata", Role::Survivor),
            // A second trainer, who runs none of the table's workshops.
            ("trainer.two", Role::Trainer),
        ] {
            let id = UserId::new();
            let user = NewUser {
                id,
                org_id: kolkata.id,
                username: username.parse().unwrap(),
                display_name: None,
                roles: Roles::single(role),
                language: Language::Bn,
                password_hash: hash.clone(),
            };
            let event = AuditEvent::new(T0, AuditAction::UserCreated, format!("user:{id}"))
                .from_source("test");
            store.create_user(&user, event).await.unwrap();
        }
        let clock = Arc::new(FixedClock::at(T0));
        let state = AppState::new(
            store.clone(),
            Arc::new(I18n::load().unwrap()),
            clock.clone(),
            // The demo network, so its password is no reason to be sent to change it.
            WebConfig {
                demo: true,
                ..WebConfig::default()
            },
        )
        .unwrap();
        // A refresh of the indicators follows the previous one at once, so a test that awaits
        // it (`indicators_settled`) waits for no minute.
        state
            .app
            .set_indicator_refresh_interval(std::time::Duration::ZERO);
        Self {
            state,
            clock,
            store,
            test_store,
        }
    }

    /// Waits for the indicator tables a change left stale to be computed afresh
    /// (`app::indicators::cache`): the next view shows the change.
    pub async fn indicators_settled(&self) {
        self.state.app.indicators_settled().await;
    }

    pub fn app(&self) -> Router {
        router(self.state.clone())
    }

    /// The same store and clock behind other settings (secure cookies, say).
    pub fn client_with(&self, config: WebConfig) -> Client {
        let state = AppState::new(
            self.store.clone(),
            self.state.i18n.clone(),
            self.clock.clone(),
            config,
        )
        .unwrap();
        Client::new(router(state), "10.1.0.1")
    }

    pub fn client(&self) -> Client {
        Client::new(self.app(), "10.1.0.1")
    }

    pub async fn user(&self, username: &str) -> User {
        self.store
            .user_by_username(&username.parse().unwrap())
            .await
            .unwrap()
            .unwrap()
    }

    pub async fn org(&self, name: &str) -> OrgId {
        self.store
            .organisation_by_name(name)
            .await
            .unwrap()
            .unwrap()
            .id
    }

    pub async fn kolkata(&self) -> OrgId {
        self.org("Nirapad Shelter Home, Kolkata").await
    }

    /// A case of the Kolkata shelter carried by caseworker.kolkata and counsellor.kolkata, with
    /// one entry of her voice: (case id, entry id).
    pub async fn case(&self) -> (domain::CaseId, domain::VoiceId) {
        self.case_with(Default::default()).await
    }

    /// The same case, opened with these intake facts.
    pub async fn case_with(
        &self,
        intake: domain::intake::Intake,
    ) -> (domain::CaseId, domain::VoiceId) {
        let worker = self.user("caseworker.kolkata").await;
        let counsellor = self.user("counsellor.kolkata").await;
        let new = store::NewCase {
            intake,
            id: domain::CaseId::new(),
            code: domain::CaseCode::from_random(rand_bytes()),
            custodian: worker.org_id,
            opened_at: T0,
            assigned: vec![worker.id, counsellor.id],
            identity: domain::case::Identity {
                name: "রিনা খাতুন".into(),
                family: "মা: সালমা বিবি".into(),
                address: "বনগাঁ, উত্তর ২৪ পরগনা".into(),
            },
        };
        let event = AuditEvent::new(T0, AuditAction::CaseCreated, "case").from_source("test");
        self.store.create_case(&new, event).await.unwrap();
        let voice = store::NewVoice {
            id: domain::VoiceId::new(),
            case_id: new.id,
            fields: domain::voice::VoiceFields {
                kind: domain::VoiceKind::Hope,
                text: "আমি আবার স্কুলে যেতে চাই".into(),
                language: Language::Bn,
                spoken_on: T0.to_datetime().date(),
                read_back: true,
            },
            recorded_by: worker.id,
            recorded_at: T0,
        };
        let event = AuditEvent::new(T0, AuditAction::VoiceRecorded, "voice").from_source("test");
        self.store.record_voice(&voice, event).await.unwrap();
        (new.id, voice.id)
    }

    /// A draft handover of `case` from the Kolkata shelter to the Jessore NGO.
    pub async fn handover(&self, case: domain::CaseId) -> uuid::Uuid {
        let worker = self.user("caseworker.kolkata").await;
        let jessore = self.org("Notun Alo, Jessore").await;
        let h = domain::handover::Handover {
            id: uuid::Uuid::now_v7(),
            case_id: case,
            from_org: worker.org_id,
            to_org: jessore,
            state: domain::handover::HandoverState::Draft,
            reason: "সে বাড়ি ফিরবে".into(),
            sections: Vec::new(),
            score: None,
            gaps: Vec::new(),
            gaps_reason: String::new(),
            decline_reason: String::new(),
            created_by: worker.id,
            created_at: T0,
            sent_at: None,
            acknowledged_at: None,
            decided_at: None,
            version: 1,
        };
        let event =
            AuditEvent::new(T0, AuditAction::HandoverStarted, "handover").from_source("test");
        self.store.create_handover(&h, event).await.unwrap();
        h.id
    }

    /// The survivor workshop of the table tests: made once per harness, found again after.
    pub async fn survivor_workshop_id(&self) -> uuid::Uuid {
        let existing = self.store.workshops().await.unwrap();
        match existing
            .iter()
            .find(|w| w.venue == "Table test venue, Sonarpur")
        {
            Some(w) => w.id,
            None => self.survivor_workshop().await,
        }
    }

    /// A survivor workshop of phase 3, run by `trainer`, from 2027-03-01 for five days.
    pub async fn survivor_workshop(&self) -> uuid::Uuid {
        let trainer = self.user("trainer").await;
        let programme = domain::training::caring_connections().unwrap();
        let template = programme.phases[2].workshops[0].clone();
        let w = domain::training::Workshop {
            id: uuid::Uuid::now_v7(),
            programme: programme.key,
            template,
            venue: "Table test venue, Sonarpur".into(),
            starts_on: time::macros::date!(2027 - 03 - 01),
            ends_on: time::macros::date!(2027 - 03 - 05),
            announced_on: time::macros::date!(2026 - 12 - 01),
            capacity: 16,
            facilitators: Vec::new(),
            trainers: vec![trainer.id],
            created_at: T0,
        };
        let event =
            AuditEvent::new(T0, AuditAction::WorkshopScheduled, "workshop").from_source("test");
        self.store.add_workshop(&w, None, event).await.unwrap();
        w.id
    }

    /// A bearer token for `username`.
    pub async fn token(&self, username: &str) -> String {
        let user = self.user(username).await;
        let secret = token::new_api_token();
        let id = TokenId::new();
        let event = AuditEvent::new(T0, AuditAction::TokenCreated, format!("token:{id}"))
            .from_source("test");
        self.store
            .create_token(
                id,
                user.id,
                &token::hash_secret(&secret),
                "test",
                // 90 days from the test clock's now, as `saathi token create` gives.
                self.clock.now().plus_seconds(90 * 86_400),
                event,
            )
            .await
            .unwrap();
        secret
    }

    /// A message as it appears in a page's HTML (askama escapes quotes and apostrophes).
    pub fn text(&self, lang: Language, id: &str) -> String {
        html(&self.state.i18n.text(lang, id))
    }

    pub async fn finish(self) {
        // A refresh of the indicators a view started reads the store: let it end first.
        self.indicators_settled().await;
        self.test_store.finish().await;
    }
}

/// One response, read whole.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// Bytes on the wire (compressed, when the response was).
    pub size: usize,
    /// The body as received, for files (a PDF, a package).
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The `data-problem` code of an error page, or the `code` of a problem+json body.
    pub fn problem(&self) -> Option<String> {
        if self
            .header("content-type")
            .is_some_and(|c| c.starts_with("application/problem+json"))
        {
            return self.json()["code"].as_str().map(str::to_string);
        }
        let start = self.body.find("data-problem=\"")? + "data-problem=\"".len();
        let end = self.body[start..].find('"')?;
        Some(self.body[start..start + end].to_string())
    }

    /// `<html lang="…">`.
    pub fn html_lang(&self) -> Option<String> {
        let start = self.body.find("<html lang=\"")? + "<html lang=\"".len();
        let end = self.body[start..].find('"')?;
        Some(self.body[start..start + end].to_string())
    }
}

/// A browser without a browser: keeps cookies and the page's CSRF token between requests.
pub struct Client {
    app: Router,
    address: SocketAddr,
    pub cookies: HashMap<String, String>,
    pub csrf: Option<String>,
    pub bearer: Option<String>,
    pub accept_language: Option<String>,
}

impl Client {
    pub fn new(app: Router, ip: &str) -> Self {
        Self {
            app,
            address: format!("{ip}:40000").parse().unwrap(),
            cookies: HashMap::new(),
            csrf: None,
            bearer: None,
            accept_language: None,
        }
    }

    pub fn at_address(mut self, ip: &str) -> Self {
        self.address = format!("{ip}:40000").parse().unwrap();
        self
    }

    pub async fn send(
        &mut self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        body: String,
        extra: &[(&str, &str)],
    ) -> Reply {
        self.send_bytes(method, path, content_type, body.into_bytes(), extra)
            .await
    }

    pub async fn send_bytes(
        &mut self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        body: Vec<u8>,
        extra: &[(&str, &str)],
    ) -> Reply {
        let mut builder = Request::builder().method(method.clone()).uri(path);
        if !self.cookies.is_empty() {
            let cookie = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            builder = builder.header("cookie", cookie);
        }
        if let Some(token) = &self.bearer {
            builder = builder.header("authorization", format!("Bearer {token}"));
        }
        if let Some(lang) = &self.accept_language {
            builder = builder.header("accept-language", lang);
        }
        if let Some(ct) = content_type {
            builder = builder.header("content-type", ct);
        }
        for (k, v) in extra {
            builder = builder.header(*k, *v);
        }
        let mut request = builder.body(Body::from(body)).unwrap();
        request.extensions_mut().insert(ConnectInfo(self.address));
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        for value in headers.get_all("set-cookie") {
            let text = value.to_str().unwrap();
            let pair = text.split(';').next().unwrap();
            let (k, v) = pair.split_once('=').unwrap();
            if v.is_empty() {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), v.to_string());
            }
        }
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        // Every API answer a test sees is held to the document the server serves.
        openapi::check(&method, path, status, &headers, &bytes);
        let body = String::from_utf8_lossy(&bytes).into_owned();
        if let Some(start) = body.find("name=\"csrf\" value=\"") {
            let start = start + "name=\"csrf\" value=\"".len();
            let end = body[start..].find('"').unwrap();
            self.csrf = Some(body[start..start + end].to_string());
        }
        Reply {
            status,
            headers,
            body,
            size: bytes.len(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        self.send(Method::GET, path, None, String::new(), &[]).await
    }

    /// Posts a form, with the CSRF token of the last page seen (fetching `/` or `/sign-in`
    /// first when no page has been seen).
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Reply {
        if self.csrf.is_none() {
            self.get("/sign-in").await;
        }
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        let csrf = self.csrf.clone().unwrap_or_default();
        all.push(("csrf", &csrf));
        let body = serde_urlencoded::to_string(&all).unwrap();
        self.send(
            Method::POST,
            path,
            Some("application/x-www-form-urlencoded"),
            body,
            &[],
        )
        .await
    }

    pub async fn sign_in(&mut self, username: &str, password: &str) -> Reply {
        self.get("/sign-in").await;
        self.post_form(
            "/sign-in",
            &[("username", username), ("password", password)],
        )
        .await
    }

    /// Signs in with the demo password and loads the home page (so the session's CSRF token is
    /// known).
    pub async fn signed_in(mut self, username: &str) -> Self {
        let reply = self.sign_in(username, PASSWORD).await;
        assert_eq!(
            reply.status,
            StatusCode::SEE_OTHER,
            "sign-in of {username} failed: {}",
            reply.body
        );
        self.get("/").await;
        self
    }

    /// Posts a multipart form with `section` and a file.
    pub async fn upload(&mut self, path: &str, section: &str, name: &str, bytes: &[u8]) -> Reply {
        self.multipart(path, &[("section", section)], &[("file", name, bytes)])
            .await
    }

    /// Posts a multipart form: text fields, then files as (input name, file name, bytes).
    pub async fn multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> Reply {
        let mut body: Vec<u8> = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!(
                    "--XyZ\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        for (input, name, bytes) in files {
            body.extend_from_slice(
                format!("--XyZ\r\nContent-Disposition: form-data; name=\"{input}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(b"--XyZ--\r\n");
        self.send_bytes(
            Method::POST,
            path,
            Some("multipart/form-data; boundary=XyZ"),
            body,
            &[],
        )
        .await
    }

    pub async fn json(
        &mut self,
        method: Method,
        path: &str,
        body: &serde_json::Value,
        extra: &[(&str, &str)],
    ) -> Reply {
        self.send(
            method,
            path,
            Some("application/json"),
            body.to_string(),
            extra,
        )
        .await
    }
}

/// Escapes text the way askama does, to find a message in a page.
pub fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// Five bytes that differ between calls, for case codes.
fn rand_bytes() -> [u8; 5] {
    let id = domain::CaseId::new();
    let b = id.0.as_bytes();
    [b[10], b[11], b[12], b[13], b[14]]
}
