//! Suppression across every view: small organisations, a quarter, its year, the trend reaching
//! into the year before, each organisation and the network's total. Whatever one reader can
//! see in all of them together, no suppressed n comes back by subtracting one from another.

use domain::indicators::suppress::too_small;

use super::*;

fn q(year: i32, quarter: u8) -> Period {
    Period::Quarter { year, quarter }
}

/// Samples where every measure of organisation `r`, year index `y`, quarter `q` has n
/// `ns[r][y * 4 + q]` (shares with half counted; values 1..=n; counts of n).
fn samples(ns: &[Vec<u64>]) -> Vec<Vec<Vec<Sample>>> {
    ns.iter()
        .map(|quarters| {
            quarters
                .iter()
                .map(|&n| {
                    Measure::ALL
                        .iter()
                        .map(|m| match m {
                            Measure::Completeness | Measure::DaysToAcknowledge => {
                                Sample::Values((1..=n as i64).collect())
                            }
                            Measure::ApprovedWithoutHer
                            | Measure::Identified
                            | Measure::InCare
                            | Measure::Returned
                            | Measure::Reunified => Sample::Count(n),
                            _ => Sample::Share(Share { count: n / 2, n }),
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

fn orgs(k: usize) -> Vec<(OrgId, String)> {
    (0..k).map(|i| (OrgId::new(), format!("org {i}"))).collect()
}

fn shown_n(f: &Figure) -> Option<u64> {
    match f {
        Figure::Shown { n, .. } => Some(*n),
        Figure::Suppressed => None,
    }
}

#[test]
fn a_small_organisation_is_hidden_and_its_figures_carry_their_n() {
    // Two years (2025, 2026); the third organisation is small.
    let ns = vec![
        vec![12, 9, 15, 11, 10, 14, 9, 12],
        vec![6, 7, 8, 8, 6, 7, 7, 8],
        vec![1, 0, 2, 0, 0, 2, 1, 0],
    ];
    let names = orgs(3);
    let (figures, network) = assemble(q(2026, 3), &[2025, 2026], &names, &samples(&ns));
    // The trend is 2025-Q4 to 2026-Q3: columns 3 to 6.
    for (r, f) in figures.iter().enumerate() {
        for line in &f.lines {
            for (i, fig) in line.trend.iter().enumerate() {
                let n = ns[r][3 + i];
                match shown_n(fig) {
                    Some(shown) => assert_eq!(shown, n, "{r} {:?} {i}", line.measure),
                    None => assert!(n > 0, "nobody is never hidden"),
                }
                if too_small(n) {
                    assert_eq!(*fig, Figure::Suppressed, "{r} {:?} {i}", line.measure);
                }
            }
            assert_eq!(
                line.period, line.trend[3],
                "the quarter is the trend's last"
            );
        }
    }
    let line = |r: usize, m: Measure| {
        figures[r]
            .lines
            .iter()
            .find(|l| l.measure == m)
            .cloned()
            .unwrap()
    };
    // The small organisation's 2026-Q3 (n = 1) is hidden, and so is the 7 beside it in the
    // network's quarter, which would otherwise be the network's total less the others.
    assert_eq!(line(2, Measure::ReviewsAgreed).period, Figure::Suppressed);
    assert_eq!(line(1, Measure::ReviewsAgreed).period, Figure::Suppressed);
    assert_eq!(
        line(0, Measure::ReviewsAgreed).period,
        Figure::Shown {
            n: 9,
            value: Value::Percent(Some(44))
        }
    );
    let net = network
        .iter()
        .find(|l| l.measure == Measure::ReviewsAgreed)
        .unwrap();
    assert_eq!(shown_n(&net.period), Some(17));
    // A count of 1–4 people is hidden; a count of nobody is shown.
    assert_eq!(line(2, Measure::Identified).period, Figure::Suppressed);
    assert_eq!(
        line(2, Measure::Identified).trend[1],
        Figure::Shown {
            n: 0,
            value: Value::Count(0)
        }
    );
}

/// Everything a reader of `view` sees about measure `m`, as (which cells of the hidden grid
/// sum up, the sum shown): each shown figure is one linear equation over the quarter cells.
fn equations(
    ns: &[Vec<u64>],
    years: &[i32],
    names: &[(OrgId, String)],
    m: Measure,
) -> Vec<(Vec<(usize, usize)>, u64)> {
    let s = samples(ns);
    let mut eqs = Vec::new();
    // Every period a reader can ask for: each quarter of the years and each year.
    let mut periods: Vec<Period> = years.iter().map(|y| Period::Year(*y)).collect();
    for y in years {
        periods.extend(Period::Year(*y).quarters());
    }
    for period in periods {
        // The view computes its own years from the trend; only the tables of those years
        // are read, and they are the same tables whichever period reads them.
        let mut view_years: Vec<i32> = period.trend().iter().map(|p| year_of(*p)).collect();
        view_years.dedup();
        if !view_years.iter().all(|y| years.contains(y)) {
            continue;
        }
        let offset = |y: i32| years.iter().position(|x| *x == y).unwrap_or(0);
        let sub: Vec<Vec<Vec<Sample>>> = s
            .iter()
            .map(|quarters| {
                view_years
                    .iter()
                    .flat_map(|y| quarters[offset(*y) * 4..offset(*y) * 4 + 4].to_vec())
                    .collect()
            })
            .collect();
        let (figures, network) = assemble(period, &view_years, names, &sub);
        let cells_of = |rows: Vec<usize>, p: Period| -> Vec<(usize, usize)> {
            let quarters = match p {
                Period::Year(_) => p.quarters(),
                quarter => vec![quarter],
            };
            rows.iter()
                .flat_map(|r| {
                    quarters.iter().map(move |qq| match qq {
                        Period::Quarter { year, quarter } => {
                            (*r, offset(*year) * 4 + usize::from(*quarter) - 1)
                        }
                        Period::Year(_) => (*r, 0),
                    })
                })
                .collect()
        };
        let all: Vec<usize> = (0..names.len()).collect();
        for (r, f) in figures.iter().enumerate() {
            let line = f.lines.iter().find(|l| l.measure == m).unwrap();
            if let Some(n) = shown_n(&line.period) {
                eqs.push((cells_of(vec![r], period), n));
            }
            for (p, fig) in period.trend().iter().zip(&line.trend) {
                if let Some(n) = shown_n(fig) {
                    eqs.push((cells_of(vec![r], *p), n));
                }
            }
        }
        let line = network.iter().find(|l| l.measure == m).unwrap();
        if let Some(n) = shown_n(&line.period) {
            eqs.push((cells_of(all.clone(), period), n));
        }
        for (p, fig) in period.trend().iter().zip(&line.trend) {
            if let Some(n) = shown_n(fig) {
                eqs.push((cells_of(all.clone(), *p), n));
            }
        }
    }
    eqs
}

/// Every filling of the grid with values 0..=max consistent with every equation: a cell
/// whose true n is 1–4 must be able to take more than one value.
fn assert_undeterminable(ns: &[Vec<u64>], eqs: &[(Vec<(usize, usize)>, u64)], max: u64) {
    use std::collections::BTreeSet;
    let cells: Vec<(usize, usize)> = (0..ns.len())
        .flat_map(|r| (0..ns[r].len()).map(move |c| (r, c)))
        .collect();
    // Cells pinned by a one-cell equation are known; search the rest.
    let mut known = std::collections::BTreeMap::new();
    for (cs, n) in eqs {
        if cs.len() == 1 {
            known.insert(cs[0], *n);
        }
    }
    let free: Vec<(usize, usize)> = cells
        .iter()
        .copied()
        .filter(|c| !known.contains_key(c))
        .collect();
    let mut seen: Vec<BTreeSet<u64>> = vec![BTreeSet::new(); free.len()];
    let mut values = vec![0_u64; free.len()];
    loop {
        let value = |c: &(usize, usize)| {
            known
                .get(c)
                .copied()
                .unwrap_or_else(|| values[free.iter().position(|f| f == c).unwrap()])
        };
        if eqs
            .iter()
            .all(|(cs, n)| cs.iter().map(value).sum::<u64>() == *n)
        {
            for (i, v) in values.iter().enumerate() {
                seen[i].insert(*v);
            }
        }
        let mut i = 0;
        loop {
            if i == values.len() {
                for (i, c) in free.iter().enumerate() {
                    let n = ns[c.0][c.1];
                    assert!(
                        !too_small(n) || seen[i].len() > 1,
                        "cell {c:?} = {n} can be worked out: {:?}",
                        seen[i]
                    );
                }
                for (c, n) in &known {
                    assert!(!too_small(*n), "cell {c:?} = {n} is shown");
                }
                return;
            }
            values[i] += 1;
            if values[i] <= max {
                break;
            }
            values[i] = 0;
            i += 1;
        }
    }
}

#[test]
fn no_suppressed_n_comes_back_by_subtracting_one_view_from_another() {
    // Two organisations over one year (a small search space): every quarter, the year, each
    // organisation and the network, all together.
    let names = orgs(2);
    for ns in [
        vec![vec![3, 12, 7, 20], vec![6, 8, 2, 9]],
        vec![vec![1, 0, 0, 9], vec![5, 5, 5, 5]],
        vec![vec![0, 4, 0, 0], vec![9, 9, 9, 1]],
    ] {
        for m in [
            Measure::ReviewsAgreed,
            Measure::Identified,
            Measure::Completeness,
        ] {
            let eqs = equations(&ns, &[2026], &names, m);
            assert!(!eqs.is_empty());
            assert_undeterminable(&ns, &eqs, 24);
        }
    }
}
