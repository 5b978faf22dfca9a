//! Survivor workshops for the pages and the API. Survivors are recorded apart from staff, under
//! pseudonymous codes; only the trainers of the workshop see who attended or read what each
//! said. Directors and managers get [`feedback_summary`]: themes and counts, none under 5.

use domain::WorkshopId;
use std::sync::Arc;

use domain::audit::AuditAction;
use domain::policy::{Action, Resource};
use domain::training::survivors::{
    Feedback, KNOWN_AS_MAX, Peer, PeerRole, Place, Summary, Trainee, WORDS_MAX, check_peer,
};
use domain::training::{Audience, Workshop};
use domain::{DomainError, Language};
use rand_core::{OsRng, RngCore};
use store::{Store, StoreError};

use crate::accounts::detail;
use crate::training::{full, invalid, nobody, workshop};
use crate::{Acting, App};
use crate::{Error, FieldError};

/// The workshop, if it is a survivor workshop and she is one of its trainers.
pub async fn as_trainer(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: WorkshopId,
) -> Result<Workshop, Error> {
    // Her role first (a trainer at all), so nobody else learns whether the workshop exists;
    // then whether she trains this one.
    acting.check(
        Action::SurvivorParticipants,
        Resource::Workshop { trainer: true },
    )?;
    let w = workshop(store, id).await?;
    acting.check(Action::SurvivorParticipants, resource(acting, &w))?;
    if w.template.audience != Audience::Survivors {
        return Err(Error::Invalid(vec![FieldError {
            field: "workshop".into(),
            message_id: "error-not-survivor-workshop",
            english: "this is a workshop for staff; survivors take part in their own".into(),
        }]));
    }
    Ok(w)
}

/// The workshop as the policy sees it: whether the person asking is one of its trainers.
pub fn resource(acting: &Acting, w: &Workshop) -> Resource {
    Resource::Workshop {
        trainer: acting
            .actor
            .as_ref()
            .is_some_and(|a| w.trainers.contains(&a.user_id)),
    }
}

/// A survivor to add to a workshop: by the code she already has, or new with the name her
/// trainers use.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SurvivorInput {
    pub code: String,
    pub known_as: String,
    /// The organisation that supports her, if she wants it recorded (its id).
    pub organisation: String,
    pub beyond_capacity: bool,
}

pub async fn add_survivor(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: WorkshopId,
    input: &SurvivorInput,
) -> Result<(Trainee, Place), Error> {
    let w = as_trainer(store, acting, id).await?;
    let code = input.code.trim().to_uppercase();
    let place = |trainee_id| Place {
        id: uuid::Uuid::now_v7(),
        workshop_id: w.id,
        trainee_id,
        enrolled_at: acting.at,
        dropout: None,
    };
    let audit = |place: &Place| {
        acting
            .event(
                AuditAction::SurvivorEnrolled,
                format!("workshop:{}", w.id),
                None,
            )
            .with_detail(detail(&[("place", &place.id.to_string())]))
    };
    let outcome = |r: Result<(), StoreError>| match r {
        Ok(()) => Ok(()),
        Err(StoreError::Conflict { .. }) => Err(full(&w)),
        Err(StoreError::Duplicate("place")) => Err(Error::Invalid(vec![FieldError {
            field: "code".into(),
            message_id: "error-already-enrolled",
            english: "she is in this workshop already".into(),
        }])),
        Err(other) => Err(other.into()),
    };
    if !code.is_empty() {
        // Only someone who already trains her may bring her into another workshop; to anyone
        // else a code she was given says the same as one never given.
        let trainee = match store.trainee_by_code(&code).await? {
            Some(t) if trains(store, acting, t.id).await? => t,
            _ => return Err(unknown_code(&code)),
        };
        let p = place(trainee.id);
        outcome(
            store
                .place_survivor(&p, w.capacity, input.beyond_capacity, audit(&p))
                .await,
        )?;
        return Ok((trainee, p));
    }
    let known_as = domain::text::normalise(&input.known_as);
    if known_as.is_empty() {
        return Err(invalid("known_as", &DomainError::EmptyText));
    }
    if known_as.chars().count() > KNOWN_AS_MAX {
        return Err(invalid(
            "known_as",
            &DomainError::TextTooLong { max: KNOWN_AS_MAX },
        ));
    }
    let org_id = match input.organisation.trim() {
        "" => None,
        text => {
            let org: domain::OrgId = text.parse().map_err(|e| invalid("organisation", &e))?;
            store
                .organisation(org)
                .await?
                .ok_or_else(|| invalid("organisation", &DomainError::OrganisationRequired))?;
            Some(org)
        }
    };
    // A fresh code; on the rare clash with one already given, draw again.
    for _ in 0..8 {
        let trainee = Trainee {
            id: uuid::Uuid::now_v7(),
            code: domain::training::survivors::code(OsRng.next_u32()),
            known_as: known_as.clone(),
            org_id,
            created_at: acting.at,
        };
        let p = place(trainee.id);
        match store
            .add_trainee(&trainee, &p, w.capacity, input.beyond_capacity, audit(&p))
            .await
        {
            Err(StoreError::Duplicate("code")) => continue,
            other => {
                outcome(other)?;
                return Ok((trainee, p));
            }
        }
    }
    Err(Error::internal("no free survivor code after eight draws"))
}

fn unknown_code(code: &str) -> Error {
    Error::Invalid(vec![FieldError {
        field: "code".into(),
        message_id: "error-unknown-code",
        english: format!("no survivor you train has the code {code}"),
    }])
}

/// Whether the person asking trains a workshop the survivor has (had) a place in.
async fn trains(
    store: &Arc<dyn Store>,
    acting: &Acting,
    trainee: uuid::Uuid,
) -> Result<bool, Error> {
    for (p, _) in store.places_of_trainee(trainee).await? {
        if let Some(w) = store.workshop(p.workshop_id).await?
            && matches!(resource(acting, &w), Resource::Workshop { trainer: true })
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Everyone in the workshop with the days each attended: for its trainers only.
pub async fn survivors(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: WorkshopId,
) -> Result<(Workshop, Vec<(Place, Trainee, Vec<time::Date>)>), Error> {
    let w = as_trainer(store, acting, id).await?;
    let places = store.places_of(w.id).await?;
    Ok((w, places))
}

/// A place of this workshop whose holder has not left.
async fn place_of(store: &Arc<dyn Store>, w: &Workshop, place: &str) -> Result<Place, Error> {
    let place: uuid::Uuid = place.parse().map_err(|_| Error::NotFound)?;
    store
        .places_of(w.id)
        .await?
        .into_iter()
        .map(|(p, _, _)| p)
        .find(|p| p.id == place && p.dropout.is_none())
        .ok_or(Error::NotFound)
}

/// Records a day for every place ticked, all or none. The audit says on which day; never who.
pub async fn attend(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: WorkshopId,
    places: &[String],
    day: &str,
) -> Result<(), Error> {
    let w = as_trainer(store, acting, id).await?;
    let all = store.places_of(w.id).await?;
    let mut present = Vec::new();
    for text in places {
        let place: uuid::Uuid = text.parse().map_err(|_| Error::NotFound)?;
        let (p, _, _) = all
            .iter()
            .find(|(p, _, _)| p.id == place)
            .ok_or(Error::NotFound)?;
        present.push(p.id);
    }
    if present.is_empty() {
        return Err(nobody("place"));
    }
    let day = crate::training::day_of(&w, day)?;
    let audit = acting
        .event(
            AuditAction::SurvivorAttendance,
            format!("workshop:{}", w.id),
            None,
        )
        .with_detail(detail(&[("day", &domain::voice::format_date_iso(day))]));
    let by = acting.actor.as_ref().map(|a| a.user_id);
    Ok(store
        .record_survivor_attendance(&present, day, by, audit)
        .await?)
}

pub async fn drop_out(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: WorkshopId,
    place: &str,
    reason: &str,
    note: &str,
) -> Result<(), Error> {
    let w = as_trainer(store, acting, id).await?;
    let p = place_of(store, &w, place).await?;
    let dropout = crate::training::dropout(reason, note, acting.at)?;
    // That someone left, not who or why: the reason stays with her trainers.
    let audit = acting.event(
        AuditAction::SurvivorDroppedOut,
        format!("workshop:{}", w.id),
        None,
    );
    Ok(store.survivor_drop_out(p.id, &dropout, audit).await?)
}

/// Something a survivor said about the workshop, as her trainer writes it down: a theme, a
/// tone and her words. Nothing records who said it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FeedbackInput {
    pub theme: String,
    pub tone: String,
    pub words: String,
    /// Blank: the trainer's own language.
    pub language: String,
}

pub async fn add_feedback(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: WorkshopId,
    input: &FeedbackInput,
    lang: Language,
) -> Result<Feedback, Error> {
    let w = as_trainer(store, acting, id).await?;
    let mut errors = Vec::new();
    let theme = input
        .theme
        .parse()
        .map_err(|e| errors.push(FieldError::new("theme", &e)))
        .ok();
    let tone = input
        .tone
        .parse()
        .map_err(|e| errors.push(FieldError::new("tone", &e)))
        .ok();
    let words = domain::text::normalise(&input.words);
    if words.is_empty() {
        errors.push(FieldError::new("words", &DomainError::EmptyText));
    } else if words.chars().count() > WORDS_MAX {
        errors.push(FieldError::new(
            "words",
            &DomainError::TextTooLong { max: WORDS_MAX },
        ));
    }
    let language = match input.language.trim() {
        "" => Some(lang),
        code => code
            .parse()
            .map_err(|e| errors.push(FieldError::new("language", &e)))
            .ok(),
    };
    let (Some(theme), Some(tone), Some(language), true) =
        (theme, tone, language, errors.is_empty())
    else {
        return Err(Error::Invalid(errors));
    };
    let f = Feedback {
        id: uuid::Uuid::now_v7(),
        workshop_id: w.id,
        theme,
        tone,
        words,
        language,
        recorded_at: acting.at,
    };
    // The audit says that feedback was recorded; not its theme (one entry per piece would
    // count themes past the suppression) and never the words.
    let audit = acting.event(
        AuditAction::FeedbackRecorded,
        format!("workshop:{}", w.id),
        None,
    );
    store.add_feedback(&f, audit).await?;
    Ok(f)
}

/// What survivors said, for the workshop's trainers: each piece, with no name.
pub async fn feedback(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: WorkshopId,
) -> Result<Vec<Feedback>, Error> {
    let w = as_trainer(store, acting, id).await?;
    Ok(store.feedback_of(w.id).await?)
}

/// The unattributed view for directors and managers: themes and tones with counts, any count
/// under 5 suppressed.
pub async fn feedback_summary(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: WorkshopId,
) -> Result<(Workshop, Summary), Error> {
    acting.check(Action::ReadTrainingResults, Resource::Network)?;
    let w = workshop(store, id).await?;
    let all = store.feedback_of(w.id).await?;
    // Counted in people, not pieces: two survivors saying three things each are still two.
    let people = store.places_of(w.id).await?.len();
    Ok((w, domain::training::survivors::summary(&all, people)))
}

/// A peer role as asked for: her code, the role, and her yes.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PeerInput {
    pub code: String,
    pub role: String,
    /// She said yes herself, after it was explained to her.
    pub consent: bool,
    /// The language it was explained in.
    pub consent_language: String,
}

/// Records her as a peer supporter, educator or leader: only after she completed every
/// workshop of phase 3, only with her consent, and only by a trainer of one of them.
pub async fn set_peer(
    app: &App,
    acting: &Acting,
    input: &PeerInput,
) -> Result<(Trainee, Peer), Error> {
    let store = &app.store;
    acting.check(
        Action::SurvivorParticipants,
        Resource::Workshop { trainer: true },
    )?;
    let trainee = store
        .trainee_by_code(&input.code.trim().to_uppercase())
        .await?
        .ok_or_else(|| unknown_code(input.code.trim()))?;
    let places = store.places_of_trainee(trainee.id).await?;
    let mut completed = Vec::new();
    let mut trains_her = false;
    for (p, days) in &places {
        let Some(w) = store.workshop(p.workshop_id).await? else {
            continue;
        };
        trains_her |= matches!(resource(acting, &w), Resource::Workshop { trainer: true });
        if p.dropout.is_none() && domain::training::completed(&w, *days) {
            completed.push(w.template.key.clone());
        }
    }
    if !trains_her {
        return Err(unknown_code(input.code.trim()));
    }
    let role: PeerRole = input.role.parse().map_err(|e| invalid("role", &e))?;
    let consent_language: Language = input
        .consent_language
        .parse()
        .map_err(|e| invalid("consent_language", &e))?;
    let programme = app.programme();
    let phase3: Vec<&str> = programme
        .phases
        .iter()
        .filter(|ph| ph.number == 3)
        .flat_map(|ph| &ph.workshops)
        .map(|w| w.key.as_str())
        .collect();
    check_peer(&phase3, &completed, input.consent).map_err(|e| {
        let field = if e == DomainError::ConsentNeeded {
            "consent"
        } else {
            "code"
        };
        invalid(field, &e)
    })?;
    let peer = Peer {
        trainee_id: trainee.id,
        role,
        consent_language,
        recorded_at: acting.at,
    };
    let audit = acting.event(
        AuditAction::PeerRoleRecorded,
        format!("trainee:{}", trainee.id),
        None,
    );
    let by = acting.actor.as_ref().map(|a| a.user_id);
    store.set_peer(&peer, by, audit).await?;
    Ok((trainee, peer))
}
