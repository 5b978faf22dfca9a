//! Saathi's three languages.
//!
//! Every visible string lives in `locales/{bn,hi,en}/*.ftl`, compiled into the binary. A test
//! fails when any message id is missing in any language, so a Bengali reader never meets an
//! English fallback that nobody noticed.

mod format;

use std::collections::{BTreeSet, HashMap};

use domain::zone::TimeZone;
use domain::{Language, Timestamp};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use thiserror::Error;

pub use format::{
    format_date_in, format_datetime_in, format_day, format_month, format_number, localise_digits,
};

/// The Fluent sources, per language: (file name, text).
const SOURCES: [(Language, &[(&str, &str)]); 3] = [
    (
        Language::En,
        &[
            ("main.ftl", include_str!("../locales/en/main.ftl")),
            ("package.ftl", include_str!("../locales/en/package.ftl")),
            ("http.ftl", include_str!("../locales/en/http.ftl")),
            ("tools.ftl", include_str!("../locales/en/tools.ftl")),
            ("training.ftl", include_str!("../locales/en/training.ftl")),
            ("workshop.ftl", include_str!("../locales/en/workshop.ftl")),
            ("signin.ftl", include_str!("../locales/en/signin.ftl")),
            ("accounts.ftl", include_str!("../locales/en/accounts.ftl")),
            ("keys.ftl", include_str!("../locales/en/keys.ftl")),
            (
                "indicators.ftl",
                include_str!("../locales/en/indicators.ftl"),
            ),
            ("time.ftl", include_str!("../locales/en/time.ftl")),
            ("case.ftl", include_str!("../locales/en/case.ftl")),
            ("intake.ftl", include_str!("../locales/en/intake.ftl")),
            ("life_view.ftl", include_str!("../locales/en/life_view.ftl")),
        ],
    ),
    (
        Language::Bn,
        &[
            ("main.ftl", include_str!("../locales/bn/main.ftl")),
            ("package.ftl", include_str!("../locales/bn/package.ftl")),
            ("http.ftl", include_str!("../locales/bn/http.ftl")),
            ("tools.ftl", include_str!("../locales/bn/tools.ftl")),
            ("training.ftl", include_str!("../locales/bn/training.ftl")),
            ("workshop.ftl", include_str!("../locales/bn/workshop.ftl")),
            ("signin.ftl", include_str!("../locales/bn/signin.ftl")),
            ("accounts.ftl", include_str!("../locales/bn/accounts.ftl")),
            ("keys.ftl", include_str!("../locales/bn/keys.ftl")),
            (
                "indicators.ftl",
                include_str!("../locales/bn/indicators.ftl"),
            ),
            ("time.ftl", include_str!("../locales/bn/time.ftl")),
            ("case.ftl", include_str!("../locales/bn/case.ftl")),
            ("intake.ftl", include_str!("../locales/bn/intake.ftl")),
            ("life_view.ftl", include_str!("../locales/bn/life_view.ftl")),
        ],
    ),
    (
        Language::Hi,
        &[
            ("main.ftl", include_str!("../locales/hi/main.ftl")),
            ("package.ftl", include_str!("../locales/hi/package.ftl")),
            ("http.ftl", include_str!("../locales/hi/http.ftl")),
            ("tools.ftl", include_str!("../locales/hi/tools.ftl")),
            ("training.ftl", include_str!("../locales/hi/training.ftl")),
            ("workshop.ftl", include_str!("../locales/hi/workshop.ftl")),
            ("signin.ftl", include_str!("../locales/hi/signin.ftl")),
            ("accounts.ftl", include_str!("../locales/hi/accounts.ftl")),
            ("keys.ftl", include_str!("../locales/hi/keys.ftl")),
            (
                "indicators.ftl",
                include_str!("../locales/hi/indicators.ftl"),
            ),
            ("time.ftl", include_str!("../locales/hi/time.ftl")),
            ("case.ftl", include_str!("../locales/hi/case.ftl")),
            ("intake.ftl", include_str!("../locales/hi/intake.ftl")),
            ("life_view.ftl", include_str!("../locales/hi/life_view.ftl")),
        ],
    ),
];

#[derive(Debug, Error)]
pub enum I18nError {
    #[error("{language}/{file}: Fluent syntax errors: {errors}")]
    Syntax {
        language: Language,
        file: &'static str,
        errors: String,
    },
    #[error("{language}/{file}: message ids defined twice: {ids}")]
    Duplicate {
        language: Language,
        file: &'static str,
        ids: String,
    },
}

/// The loaded bundles. Built once at start and shared.
pub struct I18n {
    bundles: HashMap<Language, FluentBundle<FluentResource>>,
    ids: HashMap<Language, BTreeSet<String>>,
}

impl I18n {
    /// Parses every bundle; any syntax error is an error here rather than a blank on a page.
    pub fn load() -> Result<Self, I18nError> {
        let mut bundles = HashMap::new();
        let mut ids = HashMap::new();
        for (language, files) in SOURCES {
            let langid: unic_langid::LanguageIdentifier =
                language.code().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Isolation marks (FSI/PDI) only help mixed-direction text; all three scripts run
            // left to right, and the marks would break copy-paste, PDFs and tests.
            bundle.set_use_isolating(false);
            let mut language_ids = BTreeSet::new();
            for (file, text) in files {
                let resource =
                    FluentResource::try_new(text.to_string()).map_err(|(_, errors)| {
                        I18nError::Syntax {
                            language,
                            file,
                            errors: errors
                                .iter()
                                .map(|e| e.to_string())
                                .collect::<Vec<_>>()
                                .join("; "),
                        }
                    })?;
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(message) = entry {
                        language_ids.insert(message.id.name.to_string());
                    }
                }
                bundle
                    .add_resource(resource)
                    .map_err(|errors| I18nError::Duplicate {
                        language,
                        file,
                        ids: errors
                            .iter()
                            .map(|e| format!("{e:?}"))
                            .collect::<Vec<_>>()
                            .join("; "),
                    })?;
            }
            bundles.insert(language, bundle);
            ids.insert(language, language_ids);
        }
        Ok(Self { bundles, ids })
    }

    /// The message `id` in `language`. Falls back to English and then to the id itself, so a
    /// gap shows as a visible id rather than a blank (and the completeness test catches it).
    pub fn text(&self, language: Language, id: &str) -> String {
        self.format(language, id, None)
    }

    /// The message `id` with arguments.
    pub fn text_with(&self, language: Language, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.clone())),
                Arg::Count(n) => {
                    // `$count` selects the plural form; `$n` is the number written for the reader.
                    fluent_args.set(*name, FluentValue::from(*n));
                    fluent_args.set("n", FluentValue::from(format_number(language, *n)));
                }
            }
        }
        self.format(language, id, Some(&fluent_args))
    }

    fn format(&self, language: Language, id: &str, args: Option<&FluentArgs>) -> String {
        for candidate in [language, Language::En] {
            let Some(bundle) = self.bundles.get(&candidate) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
        id.to_string()
    }

    /// Every message id defined in `language`.
    pub fn message_ids(&self, language: Language) -> &BTreeSet<String> {
        static EMPTY: BTreeSet<String> = BTreeSet::new();
        self.ids.get(&language).unwrap_or(&EMPTY)
    }

    pub fn has(&self, language: Language, id: &str) -> bool {
        self.message_ids(language).contains(id)
    }

    /// A time zone's name in `language`: "ভারতীয় সময়" for `Asia/Kolkata`, "বাংলাদেশ সময়" for
    /// `Asia/Dhaka`; a zone without a name of its own is called by its IANA name.
    pub fn zone_name(&self, language: Language, zone: &TimeZone) -> String {
        let id = zone_message_id(zone);
        if self.has(language, &id) {
            self.text(language, &id)
        } else {
            self.text_with(
                language,
                "zone-other",
                &[("zone", Arg::Text(zone.as_str().to_string()))],
            )
        }
    }

    /// An instant as the reader's organisation's clock showed it, with the zone named in her
    /// language: "২৬ আগস্ট ২০২৬, ০২:১০ বাংলাদেশ সময়".
    pub fn datetime(&self, language: Language, at: Timestamp, zone: &TimeZone) -> String {
        format!(
            "{} {}",
            format_datetime_in(language, at, zone),
            self.zone_name(language, zone)
        )
    }
}

/// The Fluent id of a zone's name: `zone-asia-kolkata` for `Asia/Kolkata`.
pub fn zone_message_id(zone: &TimeZone) -> String {
    format!(
        "zone-{}",
        zone.as_str().to_ascii_lowercase().replace(['/', '_'], "-")
    )
}

/// The zones named in every language, as an organisation's form offers them.
pub const NAMED_ZONES: [&str; 3] = ["Asia/Kolkata", "Asia/Dhaka", "Asia/Kathmandu"];

/// A value for a message argument.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    /// A count: selects the plural form and is shown with the language's digits as `$n`.
    Count(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i18n() -> I18n {
        I18n::load().unwrap()
    }

    #[test]
    fn every_message_exists_in_all_three_languages() {
        let i18n = i18n();
        let en = i18n.message_ids(Language::En);
        assert!(en.len() > 50, "the English bundle looks empty");
        for language in [Language::Bn, Language::Hi] {
            let other = i18n.message_ids(language);
            let missing: Vec<_> = en.difference(other).collect();
            let extra: Vec<_> = other.difference(en).collect();
            assert!(missing.is_empty(), "missing in {language}: {missing:?}");
            assert!(extra.is_empty(), "only in {language}, not in en: {extra:?}");
        }
    }

    #[test]
    fn bengali_and_hindi_are_translated_not_copied() {
        let i18n = i18n();
        let mut copied = Vec::new();
        for id in i18n.message_ids(Language::En) {
            let en = i18n.text(Language::En, id);
            for language in [Language::Bn, Language::Hi] {
                let text = i18n.text(language, id);
                // Identical text is fine only where there is nothing to translate (a symbol, a
                // proper noun such as "Saathi" in Latin letters is still transliterated).
                if text == en && en.chars().any(|c| c.is_ascii_alphabetic()) {
                    copied.push(format!("{language}:{id}"));
                }
            }
        }
        assert!(
            copied.is_empty(),
            "English copied into other languages: {copied:?}"
        );
    }

    #[test]
    fn messages_render_in_the_asked_language() {
        let i18n = i18n();
        assert_eq!(i18n.text(Language::Bn, "sign-in-submit"), "সাইন ইন করুন");
        assert_eq!(i18n.text(Language::Hi, "sign-in-submit"), "साइन इन करें");
        assert_eq!(
            i18n.text(Language::En, "no-such-message"),
            "no-such-message"
        );
    }

    #[test]
    fn counts_pick_plural_forms_and_native_digits() {
        let i18n = i18n();
        let one = i18n.text_with(Language::En, "users-count", &[("count", Arg::Count(1))]);
        let many = i18n.text_with(Language::En, "users-count", &[("count", Arg::Count(1200))]);
        assert_eq!(one, "1 user");
        assert_eq!(many, "1,200 users");
        let bn = i18n.text_with(Language::Bn, "users-count", &[("count", Arg::Count(12))]);
        assert!(bn.contains("১২"), "{bn}");
    }

    #[test]
    fn times_name_the_readers_zone_in_her_language() {
        let i18n = i18n();
        let dhaka: TimeZone = "Asia/Dhaka".parse().unwrap();
        let kolkata: TimeZone = "Asia/Kolkata".parse().unwrap();
        // 25 August 2026, 20:10 UTC: already the 26th on both sides of the border.
        let late = Timestamp(1_787_688_600_000);
        assert_eq!(
            i18n.datetime(Language::Bn, late, &dhaka),
            "২৬ আগস্ট ২০২৬, ০২:১০ বাংলাদেশ সময়"
        );
        assert_eq!(
            i18n.datetime(Language::Bn, late, &kolkata),
            "২৬ আগস্ট ২০২৬, ০১:৪০ ভারতীয় সময়"
        );
        assert_eq!(
            i18n.datetime(Language::Hi, late, &dhaka),
            "26 अगस्त 2026, 02:10 बांग्लादेश समय"
        );
        assert_eq!(
            i18n.datetime(Language::En, late, &kolkata),
            "26 August 2026, 01:40 India time"
        );
        // Every zone the organisation form offers has a name of its own in all three.
        for name in NAMED_ZONES {
            let zone: TimeZone = name.parse().unwrap();
            for language in Language::ALL {
                assert!(
                    i18n.has(language, &zone_message_id(&zone)),
                    "{name} unnamed in {language}"
                );
            }
        }
        let paris: TimeZone = "Europe/Paris".parse().unwrap();
        assert_eq!(i18n.zone_name(Language::Bn, &paris), "Europe/Paris সময়");
    }

    #[test]
    fn every_name_the_domain_gives_has_a_message() {
        use domain::audit::AuditAction;
        use domain::policy::DenyReason;
        let i18n = i18n();
        let mut ids: Vec<String> = AuditAction::ALL.iter().map(|a| a.message_id()).collect();
        ids.extend(
            domain::Stage::ALL
                .iter()
                .map(|s| s.message_id().to_string()),
        );
        ids.extend(
            domain::VoiceKind::ALL
                .iter()
                .map(|k| k.message_id().to_string()),
        );
        ids.extend(domain::Role::ALL.iter().map(|r| r.message_id().to_string()));
        ids.extend(
            domain::OrgKind::ALL
                .iter()
                .map(|k| k.message_id().to_string()),
        );
        ids.extend(
            [
                DenyReason::RoleNotAllowed,
                DenyReason::OtherOrganisation,
                DenyReason::NotAssigned,
            ]
            .iter()
            .map(|d| d.message_id().to_string()),
        );
        for id in ids {
            assert!(i18n.has(Language::En, &id), "no message {id}");
        }
    }
}
