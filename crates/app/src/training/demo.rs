//! The demo's training programme: a phase-1 workshop that ran (attendance, a drop-out, the
//! questionnaires before and after), a documentation-tools workshop coming up at short notice,
//! a survivor workshop with its unattributed feedback, and exchange visits that leave Mumbai
//! flagged. No training gates: the network turns those on itself.

use std::sync::Arc;

use domain::Timestamp;
use domain::form::RawAnswers;
use store::Store;

use crate::Acting;
use crate::Error;
use crate::training::{self, evaluation, exchange, survivors};
use crate::training::{EnrolInput, ScheduleInput};

fn day(now: Timestamp, offset: i64) -> time::Date {
    now.to_datetime().date() + time::Duration::days(offset)
}

fn iso(d: time::Date) -> String {
    domain::voice::format_date_iso(d)
}

/// Loads the programme's demo unless a workshop is already on the calendar; returns how many
/// records it added.
pub async fn load(store: &Arc<dyn Store>, now: Timestamp) -> Result<usize, Error> {
    if !store.workshops().await?.is_empty() {
        return Ok(0);
    }
    let acting = Acting {
        actor: None,
        source: "demo".into(),
        at: now,
    };
    // A one-off command, not a request: it parses the template for itself.
    let programme = training::template()?;
    let mut added = 0;

    // Phase 1, "knowing the survivor", ran six weeks ago.
    let schedule = |workshop: &str, starts: i64, announced: i64| ScheduleInput {
        workshop: workshop.into(),
        venue: "Salt Lake, Kolkata".into(),
        starts_on: iso(day(now, starts)),
        announced_on: iso(day(now, announced)),
        facilitators: vec![
            domain::training::Facilitator {
                name: "Dr. Mitali Roy".into(),
                mental_health: true,
            },
            domain::training::Facilitator {
                name: "Uma Chatterjee".into(),
                mental_health: false,
            },
        ],
        trainers: vec!["trainer".into()],
        ..Default::default()
    };
    let past = training::schedule_from(
        store,
        &programme,
        &acting,
        &schedule("knowing-the-survivor", -42, -100),
    )
    .await?;
    let id = domain::WorkshopId(past.id);
    let people = [
        ("director.kolkata", 11, 7),
        ("caseworker.kolkata", 4, 7),
        ("counsellor.kolkata", 6, 6),
        ("caseworker.howrah", 2, 5),
        ("caseworker.parganas", 8, 7),
        ("caseworker.mumbai", 3, 1),
    ];
    // Before, then after: "the survivor decides the pace of her rehabilitation" moved most.
    let paces = [("2", "4"), ("3", "5"), ("2", "4"), ("1", "4"), ("3", "4")];
    for (i, (user, years, days)) in people.iter().enumerate() {
        let e = training::enrol(
            store,
            &acting,
            id,
            &EnrolInput {
                user: (*user).into(),
                years_in_org: *years,
                ..Default::default()
            },
        )
        .await?;
        added += 1;
        let who = [e.id.to_string()];
        for d in 0..*days {
            training::attend(store, &acting, id, &who, &iso(day(now, -42 + d))).await?;
        }
        if *user == "caseworker.mumbai" {
            training::drop_out(
                store,
                &acting,
                id,
                &e.id.to_string(),
                "shelter-emergency",
                "নতুন উদ্ধার হওয়া মেয়েরা এসেছে, হোমে ফিরতে হল",
            )
            .await?;
            continue;
        }
        let (pre, post) = paces[i];
        for (stage, pace, partner) in [("pre", pre, "3"), ("post", post, "4")] {
            let mut raw = RawAnswers::new();
            for (field, value) in [
                ("survivor_sets_pace", pace),
                ("her_words_in_plan", "4"),
                ("listen_before_advising", "4"),
                ("other_org_partner", partner),
                ("discipline_not_punishment", "3"),
                ("share_only_with_consent", "5"),
                ("self_care", "4"),
            ] {
                raw.insert(field.into(), vec![value.into()]);
            }
            evaluation::record(store, &acting, id, &e.id.to_string(), stage, &raw).await?;
            added += 1;
        }
    }

    // Phase 2: the documentation-tools workshop, announced only last week.
    let coming = training::schedule_from(
        store,
        &programme,
        &acting,
        &schedule("documentation-tools", 20, -7),
    )
    .await?;
    for (user, childcare) in [("caseworker.jessore", true), ("caseworker.parganas", false)] {
        training::enrol(
            store,
            &acting,
            domain::WorkshopId(coming.id),
            &EnrolInput {
                user: user.into(),
                years_in_org: 5,
                childcare_needs: childcare,
                ..Default::default()
            },
        )
        .await?;
        added += 1;
    }

    // Phase 3: survivors' own workshop, with what they said about it.
    let survivors = training::schedule_from(
        store,
        &programme,
        &acting,
        &schedule("survivors-resilience", -20, -80),
    )
    .await?;
    let sid = domain::WorkshopId(survivors.id);
    for (i, name) in ["মিনু", "রেশমা", "পারুল", "সালমা", "জোহরা", "তানিয়া"]
        .iter()
        .enumerate()
    {
        let (_, place) = survivors::add_survivor(
            store,
            &acting,
            sid,
            &survivors::SurvivorInput {
                known_as: (*name).into(),
                ..Default::default()
            },
        )
        .await?;
        added += 1;
        let who = [place.id.to_string()];
        for d in 0..(5 - (i as i64 % 3)) {
            survivors::attend(store, &acting, sid, &who, &iso(day(now, -20 + d))).await?;
        }
    }
    let said = [
        (
            "being-heard",
            "appreciation",
            "এই প্রথম কেউ আমার কথা পুরোটা শুনল।",
        ),
        (
            "being-heard",
            "appreciation",
            "দিদিরা আমাদের কথা লিখে রাখলেন, আমাদের ভাষায়।",
        ),
        (
            "being-heard",
            "appreciation",
            "আমি কী চাই, সেটা কেউ আগে জিজ্ঞেস করেনি।",
        ),
        (
            "being-heard",
            "appreciation",
            "গ্রুপে কথা বলতে প্রথমে ভয় লাগছিল, পরে ভালো লাগল।",
        ),
        ("being-heard", "appreciation", "আমার গল্প আমি নিজে বলতে পারলাম।"),
        ("own-pace", "suggestion", "কাজ শেখার তাড়া যেন না দেওয়া হয়।"),
        (
            "own-pace",
            "suggestion",
            "বাড়ি ফেরার তারিখ আমাদের সঙ্গে ঠিক করা হোক।",
        ),
        ("livelihood", "concern", "সেলাই শিখে গ্রামে কাজ পাব কি না জানি না।"),
    ];
    for (theme, tone, words) in said {
        survivors::add_feedback(
            store,
            &acting,
            sid,
            &survivors::FeedbackInput {
                theme: theme.into(),
                tone: tone.into(),
                words: words.into(),
                language: "bn".into(),
            },
            domain::Language::Bn,
        )
        .await?;
        added += 1;
    }

    // Exchange visits: Kolkata has visited two source-area partners; Mumbai none yet.
    let org = |name: &'static str| async move {
        store
            .organisation_by_name(name)
            .await?
            .map(|o| o.id.to_string())
            .ok_or_else(|| Error::internal(format!("demo organisation {name} is missing")))
    };
    let kolkata = org("Nirapad Shelter Home, Kolkata").await?;
    let jessore = org("Notun Alo, Jessore").await?;
    let visits = [
        (
            kolkata.clone(),
            jessore.clone(),
            -75,
            "Rupa Das, Mitali Sen",
            "How Notun Alo visits a family before a girl comes home, and what the family is told.",
        ),
        (
            jessore,
            kolkata,
            -30,
            "নাসিমা আক্তার",
            "শেল্টারে মেয়েরা দিন কাটায় কীভাবে; ওদের কেস প্ল্যান আমাদের কাছে কী ভাবে পৌঁছয়।",
        ),
    ];
    for (from, to, when, who, learned) in visits {
        exchange::record(
            store,
            &acting,
            &exchange::VisitInput {
                visitor_org: from,
                host_org: to,
                visited_on: iso(day(now, when)),
                visitors: who.into(),
                learned: learned.into(),
            },
        )
        .await?;
        added += 1;
    }
    Ok(added)
}
