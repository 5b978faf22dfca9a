//! Each formula on hand-built rows.

use time::macros::date;

use super::*;

const T0: Timestamp = Timestamp(1_782_864_000_000); // 1 July 2026 00:00 UTC

fn at(days: i64) -> Timestamp {
    Timestamp(T0.millis() + days * DAY_MS)
}

#[test]
fn shares_round_half_up_and_say_no_data_for_nobody() {
    assert_eq!(Share { count: 1, n: 8 }.percent(), Some(13));
    assert_eq!(Share { count: 2, n: 3 }.percent(), Some(67));
    assert_eq!(Share { count: 0, n: 0 }.percent(), None);
}

#[test]
fn spreads_take_the_nearest_rank() {
    let s = Spread::of(vec![40, 10, 30, 20, 100, 50, 60, 70, 80, 90]);
    assert_eq!((s.n, s.median, s.p90), (10, Some(50), Some(90)));
    assert_eq!(Spread::of(vec![7]).median, Some(7));
    assert_eq!(Spread::of(vec![]), Spread::default());
}

#[test]
fn r1_counts_her_words_in_the_ninety_days_before_the_end() {
    let end = at(92);
    let cases = [
        OpenCase {
            case: CaseId::new(),
            last_words: Some(at(91)),
        },
        OpenCase {
            case: CaseId::new(),
            last_words: Some(at(1)),
        }, // 91 days before the end
        OpenCase {
            case: CaseId::new(),
            last_words: Some(at(2)),
        }, // exactly 90: counts
        OpenCase {
            case: CaseId::new(),
            last_words: None,
        },
    ];
    assert_eq!(voice_lately(&cases, end), Share { count: 2, n: 4 });
    assert_eq!(
        without_voice_lately(&cases, end),
        vec![cases[1].case, cases[3].case]
    );
    assert_eq!(read_back(&[true, true, false]), Share { count: 2, n: 3 });
}

#[test]
fn r2_counts_her_goals_her_dates_her_agreement() {
    let goals = [
        GoalRow {
            set_by: SetBy::Her,
            target_set_by: Some(SetBy::Order),
        },
        GoalRow {
            set_by: SetBy::Her,
            target_set_by: None,
        },
        GoalRow {
            set_by: SetBy::Team,
            target_set_by: Some(SetBy::Her),
        },
    ];
    assert_eq!(goals_she_set(&goals), Share { count: 2, n: 3 });
    assert_eq!(targets_she_set(&goals), Share { count: 1, n: 2 });
    assert_eq!(
        reviews_agreed(&[Agreement::Agreed, Agreement::Partly, Agreement::Disagreed]),
        Share { count: 1, n: 3 }
    );
    assert_eq!(
        approved_without_her(&[
            vec![Agreement::Partly],
            vec![],
            vec![Agreement::Disagreed],
            vec![Agreement::Disagreed, Agreement::Agreed],
        ]),
        2
    );
}

#[test]
fn r3_counts_decisions_she_took_part_in() {
    use Participation::*;
    assert_eq!(
        decisions_with_her(&[DecidedWithHer, Consulted, Informed, Absent, Absent]),
        Share { count: 2, n: 5 }
    );
}

#[test]
fn r4_measures_stays_by_who_set_them_and_past_her_date() {
    let kolkata: TimeZone = "Asia/Kolkata".parse().unwrap();
    let stay = |days, set_by, wants| Stay {
        entered: T0,
        left: at(days),
        length_set_by: set_by,
        wants_to_leave_on: wants,
    };
    let stays = [
        stay(30, Some(SetBy::Her), Some(date!(2026 - 08 - 15))),
        stay(200, Some(SetBy::Order), Some(date!(2026 - 09 - 01))),
        stay(120, Some(SetBy::Order), None),
        stay(60, None, Some(date!(2026 - 08 - 30))),
    ];
    assert_eq!(days_in_shelter(&stays).median, Some(60));
    let by = days_by_setter(&stays);
    assert_eq!(by[0].0, Some(SetBy::Order));
    assert_eq!((by[0].1.n, by[0].1.median), (2, Some(120)));
    assert_eq!(by[2].1.n, 1);
    assert_eq!(by[3].1.n, 1);
    // Left on 31 July (wanted 15 Aug), 17 Jan (wanted 1 Sep), 30 Aug (wanted 30 Aug; at
    // 05:30 local): one of three ran past her date.
    assert_eq!(past_her_date(&stays, &kolkata), Share { count: 1, n: 3 });
}

#[test]
fn r5_reads_months_in_the_organisations_zone() {
    let dhaka: TimeZone = "Asia/Dhaka".parse().unwrap();
    let kolkata: TimeZone = "Asia/Kolkata".parse().unwrap();
    // 31 July 18:15 UTC: 1 August in Dhaka (00:15), still 31 July in Kolkata (23:45).
    let edge = Timestamp(at(31).millis() - 5 * 3_600_000 - 45 * 60_000);
    let incidents = [
        (at(3), Response::Positive),
        (edge, Response::Punitive),
        (at(40), Response::Positive),
    ];
    let q3 = Period::Quarter {
        year: 2026,
        quarter: 3,
    };
    let months = |zone| -> Vec<Share> {
        positive_by_month(&incidents, q3, zone)
            .into_iter()
            .map(|(_, s)| s)
            .collect()
    };
    assert_eq!(
        months(&dhaka),
        vec![
            Share { count: 1, n: 1 },
            Share { count: 1, n: 2 },
            Share::default()
        ]
    );
    assert_eq!(
        months(&kolkata),
        vec![
            Share { count: 1, n: 2 },
            Share { count: 1, n: 1 },
            Share::default()
        ]
    );
}

#[test]
fn r6_measures_what_travelled_and_how_fast_it_was_answered() {
    let h = |voice, plan, score, ack: Option<i64>| HandoverRow {
        voice_travelled: voice,
        agreed_plan_travelled: plan,
        score,
        sent_at: T0,
        acknowledged_at: ack.map(at),
    };
    let rows = [
        h(true, true, Some(90), Some(2)),
        h(true, false, Some(60), Some(10)),
        h(false, false, None, None),
    ];
    assert_eq!(voice_travelled(&rows), Share { count: 1, n: 3 });
    assert_eq!(completeness(&rows).median, Some(60));
    assert_eq!(days_to_acknowledge(&rows).n, 2);
    let f = |months, due, done| FollowUpRow {
        months,
        due_on: due,
        done_on: done,
    };
    let on_time = follow_ups_on_time(&[
        f(1, date!(2026 - 08 - 01), Some(date!(2026 - 08 - 15))),
        f(1, date!(2026 - 08 - 01), Some(date!(2026 - 08 - 16))),
        f(3, date!(2026 - 09 - 01), None),
    ]);
    assert_eq!(on_time[0], (1, Share { count: 1, n: 2 }));
    assert_eq!(on_time[1], (3, Share { count: 0, n: 1 }));
    assert_eq!(on_time[3], (12, Share::default()));
}

#[test]
fn r7_compares_each_step_with_its_expected_days() {
    let s = |step: &str, took, expected| StepRow {
        route: "IN-BD".into(),
        step: step.into(),
        took_days: took,
        expected_days: expected,
    };
    let pace = repatriation_pace(&[
        s("nationality-verified", 200, 90),
        s("travel-permit", 10, 14),
        s("nationality-verified", 80, 90),
    ]);
    assert_eq!(pace.len(), 2);
    assert_eq!(pace[0].step, "nationality-verified");
    assert_eq!(pace[0].delayed, Share { count: 1, n: 2 });
    assert_eq!(pace[0].took.median, Some(80));
}

#[test]
fn reunified_means_living_with_her_family() {
    assert!(reunified(Some("return_home")));
    assert!(reunified(Some("return_with_support")));
    assert!(!reunified(Some("other_safe_place")));
    assert!(!reunified(None));
}

#[test]
fn a_months_parts_are_hidden_so_that_its_quarter_gives_none_away() {
    use super::suppress::protect_parts;
    // All large: all shown.
    assert_eq!(protect_parts(&[6, 7, 8], false), vec![false, false, false]);
    // One small month: it and the smallest other one, so the quarter less the shown month is
    // two months together.
    assert_eq!(protect_parts(&[2, 9, 6], false), vec![true, false, true]);
    // No incidents in a month reveal no one.
    assert_eq!(protect_parts(&[0, 9, 6], false), vec![false, false, false]);
    // Two small months, together still under five: a third hidden with them.
    assert_eq!(protect_parts(&[1, 2, 7], false), vec![true, true, true]);
    // A hidden quarter hides every month.
    assert_eq!(protect_parts(&[6, 7, 8], true), vec![true, true, true]);
    // Whatever is shown, the hidden months together are never 1 to 4, nor one month alone.
    for a in 0..8u64 {
        for b in 0..8u64 {
            for c in 0..8u64 {
                let ns = [a, b, c];
                let hidden = protect_parts(&ns, false);
                let all_hidden = hidden.iter().all(|h| *h);
                let sum: u64 = ns
                    .iter()
                    .zip(&hidden)
                    .filter(|(_, h)| **h)
                    .map(|(n, _)| n)
                    .sum();
                let alone = ns
                    .iter()
                    .zip(&hidden)
                    .filter(|(n, h)| **h && **n > 0)
                    .count();
                assert!(
                    all_hidden || (!super::suppress::too_small(sum) && alone != 1),
                    "{ns:?} {hidden:?}"
                );
                for (n, h) in ns.iter().zip(&hidden) {
                    if super::suppress::too_small(*n) {
                        assert!(h, "{ns:?}");
                    }
                }
            }
        }
    }
}
