#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The training programme on both engines: the Caring Connections template with its three
//! phases and refreshers, through the API and the page.

mod common;

use axum::http::StatusCode;
use common::{Engine, Harness};
use domain::Language;

async fn the_programme_has_its_phases_and_workshops(engine: Engine) {
    let h = Harness::new(engine).await;
    let mut trainer = h.client();
    trainer.bearer = Some(h.token("trainer").await);
    let reply = trainer.get("/api/v1/training/programmes").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let programmes = reply.json();
    let phases = programmes[0]["phases"].as_array().unwrap();
    let shape: Vec<(u64, usize)> = phases
        .iter()
        .map(|p| {
            (
                p["number"].as_u64().unwrap(),
                p["workshops"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(shape, [(1, 5), (2, 2), (3, 3), (4, 1)]);
    let first = &phases[0]["workshops"][0];
    assert_eq!(first["key"], "knowing-the-survivor");
    assert_eq!(first["days"], 7);
    assert_eq!(first["residential"], true);
    assert_eq!(first["target_group_size"], 16);
    assert_eq!(phases[2]["workshops"][0]["audience"], "survivors");

    let mut page = h.client().signed_in("trainer").await;
    let reply = page.get("/training?lang=bn").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("সারভাইভারকে জানা"));
    assert!(
        reply
            .body
            .contains(&h.text(Language::Bn, "training-residential"))
    );
    h.finish().await;
}

on_both_engines!(the_programme_has_its_phases_and_workshops);
