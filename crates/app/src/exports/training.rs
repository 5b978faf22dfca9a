//! The training exports: a workshop's attendance by day, its drop-outs with their reasons and
//! its evaluation results; the programme's drop-outs by workshop and its exchange-visit matrix.

use std::collections::BTreeMap;

use domain::policy::{Action, Export, Resource};
use domain::training::DropoutReason;
use domain::training::evaluation::{ItemChange, Mean};
use domain::{Language, WorkshopId};

use super::{Cell, Download, Entry, Format, Table, audited, write};
use crate::{Acting, App, Error};

fn day(d: time::Date) -> String {
    domain::voice::format_date_iso(d)
}

/// A mean in hundredths as a decimal (`3.25`); blank where fewer than five answered.
fn mean(m: &Mean) -> Cell {
    match m.hundredths {
        Some(h) => Cell::from(hundredths(h).as_str()),
        None => Cell::from(""),
    }
}

fn hundredths(h: i64) -> String {
    let sign = if h < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", h.abs() / 100, h.abs() % 100)
}

/// The workshop's attendance, drop-outs and evaluation results: a sheet each.
pub async fn attendance(
    app: &App,
    acting: &Acting,
    id: WorkshopId,
    language: Language,
    format: Format,
) -> Result<Download, Error> {
    acting.check(Action::Export(Export::Attendance), Resource::Network)?;
    let w = crate::training::workshop(&app.store, id).await?;
    let t = super::tr(app, language);
    let mut days = Vec::new();
    let mut d = w.starts_on;
    while d <= w.ends_on {
        days.push(d);
        match d.next_day() {
            Some(next) => d = next,
            None => break,
        }
    }
    let mut header: Vec<String> = ["participant", "organisation"].map(String::from).to_vec();
    header.extend(days.iter().map(|d| day(*d)));
    header.extend(["days_attended", "completed"].map(String::from));
    let mut attendance = Table::new("attendance", header);
    let mut dropouts = Table::new(
        "dropouts",
        [
            "participant",
            "organisation",
            "reason",
            "in_her_words",
            "left_on",
        ]
        .map(String::from)
        .to_vec(),
    );
    let zone_of = |org| app.store.time_zone_of(org);
    for (e, attended) in app.store.enrolments_of(w.id).await? {
        let name = app
            .store
            .user(e.user_id)
            .await?
            .map(|u| u.name().to_string())
            .unwrap_or_default();
        let org = app
            .store
            .organisation(e.org_id)
            .await?
            .map(|o| o.fields.name.to_string())
            .unwrap_or_default();
        let mut row: Vec<Cell> = vec![name.clone().into(), org.clone().into()];
        row.extend(
            days.iter()
                .map(|d| Cell::Count(i64::from(attended.contains(d)))),
        );
        row.push(Cell::Count(attended.len() as i64));
        row.push(
            t.get(if domain::training::completed(&w, attended.len()) {
                "form-yes"
            } else {
                "form-no"
            })
            .into(),
        );
        attendance.rows.push(row);
        if let Some(out) = &e.dropout {
            let zone = zone_of(e.org_id).await?;
            dropouts.rows.push(vec![
                name.into(),
                org.into(),
                t.get(&format!("dropout-reason-{}", out.reason.as_str()))
                    .into(),
                out.note.clone().into(),
                day(zone.date_of(out.at)).into(),
            ]);
        }
    }
    let mut evaluation = Table::new(
        "evaluation",
        [
            "item",
            "label",
            "pre_answered",
            "pre_mean",
            "post_answered",
            "post_mean",
            "change",
        ]
        .map(String::from)
        .to_vec(),
    );
    let results = crate::training::evaluation::results(&app.store, acting, id).await?;
    let item = |c: &ItemChange| -> Vec<Cell> {
        vec![
            c.item.clone().into(),
            c.label.get(language).into(),
            Cell::Count(c.pre.answered as i64),
            mean(&c.pre),
            Cell::Count(c.post.answered as i64),
            mean(&c.post),
            c.change_hundredths
                .map(|h| Cell::from(hundredths(h).as_str()))
                .unwrap_or_else(|| Cell::from("")),
        ]
    };
    evaluation.rows.extend(results.workshop.iter().map(item));
    let name = format!("workshop-{}", w.id);
    let download = write(&name, &[attendance, dropouts, evaluation], format)?;
    let entry = Entry {
        export: Export::Attendance,
        subject: format!("workshop:{}", w.id),
        scope: None,
        identity: false,
        filters: Vec::new(),
    };
    audited(&app.store, acting, &entry, &download).await?;
    Ok(download)
}

/// The programme's drop-outs by workshop (with each reason counted) and the exchange-visit
/// matrix: for each organisation, the visits its staff made to each other one.
pub async fn programme(
    app: &App,
    acting: &Acting,
    language: Language,
    format: Format,
) -> Result<Download, Error> {
    acting.check(Action::Export(Export::Training), Resource::Network)?;
    let t = super::tr(app, language);
    let mut header: Vec<String> = [
        "workshop",
        "starts_on",
        "ends_on",
        "venue",
        "enrolled",
        "dropped_out",
    ]
    .map(String::from)
    .to_vec();
    header.extend(DropoutReason::ALL.iter().map(|r| r.as_str().to_string()));
    let mut dropouts = Table::new("dropouts", header);
    let mut workshops = app.store.workshops().await?;
    workshops.retain(|w| w.programme == app.programme().key);
    workshops.sort_by_key(|w| (w.starts_on, w.id));
    for w in &workshops {
        let enrolled = app.store.enrolments_of(w.id).await?;
        let left: Vec<_> = enrolled
            .iter()
            .filter_map(|(e, _)| e.dropout.as_ref())
            .collect();
        let mut row: Vec<Cell> = vec![
            w.template.title.get(language).into(),
            day(w.starts_on).into(),
            day(w.ends_on).into(),
            w.venue.clone().into(),
            Cell::Count(enrolled.len() as i64),
            Cell::Count(left.len() as i64),
        ];
        row.extend(
            DropoutReason::ALL
                .iter()
                .map(|r| Cell::Count(left.iter().filter(|d| d.reason == *r).count() as i64)),
        );
        dropouts.rows.push(row);
    }
    let (orgs, rows, visits) = crate::training::exchange::overview(&app.store, acting).await?;
    let names: BTreeMap<domain::OrgId, String> = orgs
        .iter()
        .map(|o| (o.id, o.fields.name.to_string()))
        .collect();
    let mut header: Vec<String> = ["organisation", "visited", "hosted", "progress"]
        .map(String::from)
        .to_vec();
    header.extend(orgs.iter().map(|o| o.fields.name.to_string()));
    let mut matrix = Table::new("exchange", header);
    for r in &rows {
        let mut row: Vec<Cell> = vec![
            names.get(&r.org).cloned().unwrap_or_default().into(),
            Cell::Count(r.visited.len() as i64),
            Cell::Count(r.hosted.len() as i64),
            t.get(&format!("exchange-progress-{}", r.progress.as_str()))
                .into(),
        ];
        row.extend(orgs.iter().map(|host| {
            Cell::Count(
                visits
                    .iter()
                    .filter(|v| v.visitor_org == r.org && v.host_org == host.id)
                    .count() as i64,
            )
        }));
        matrix.rows.push(row);
    }
    let download = write("training", &[dropouts, matrix], format)?;
    let entry = Entry {
        export: Export::Training,
        subject: format!("programme:{}", app.programme().key),
        scope: None,
        identity: false,
        filters: Vec::new(),
    };
    audited(&app.store, acting, &entry, &download).await?;
    Ok(download)
}
