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

/// Whether the value of `cell` is the same in every filling of the cells with 0..=`max` that
/// satisfies every equation (each a set of cells and their sum): a search for one filling
/// where it differs from `truth`.
fn determined(cell: usize, truth: &[u64], eqs: &[(Vec<usize>, u64)], max: u64) -> bool {
    fn fill(
        at: usize,
        values: &mut Vec<u64>,
        fixed: (usize, u64),
        eqs: &[(Vec<usize>, u64)],
        max: u64,
    ) -> bool {
        // Prune: no equation already over its sum, nor unable to reach it.
        for (cs, n) in eqs {
            let set: u64 = cs.iter().filter(|c| **c < at).map(|c| values[*c]).sum();
            let open = cs.iter().filter(|c| **c >= at && **c != fixed.0).count() as u64;
            let fixed_part = if cs.contains(&fixed.0) && fixed.0 >= at {
                fixed.1
            } else {
                0
            };
            if set + fixed_part > *n || set + fixed_part + open * max < *n {
                return false;
            }
        }
        if at == values.len() {
            return true;
        }
        let range: Vec<u64> = if at == fixed.0 {
            vec![fixed.1]
        } else {
            (0..=max).collect()
        };
        for v in range {
            values[at] = v;
            if fill(at + 1, values, fixed, eqs, max) {
                return true;
            }
        }
        false
    }
    // Subtracting shown figures from one another gives the cell exactly when it is a
    // combination of the equations: found fast, before any search.
    if rank(eqs, truth.len(), None) == rank(eqs, truth.len(), Some(cell)) {
        return true;
    }
    (0..=max)
        .filter(|v| *v != truth[cell])
        .all(|v| !fill(0, &mut vec![0; truth.len()], (cell, v), eqs, max))
}

/// The rank of the equations' matrix over `cells` unknowns, with the row of one cell alone
/// added when `with` names it.
fn rank(eqs: &[(Vec<usize>, u64)], cells: usize, with: Option<usize>) -> usize {
    rank_with(eqs, cells, with.map(|c| vec![c]).as_deref())
}

/// The rank of the equations' matrix, with the sum of `with`'s cells added as a row.
fn rank_with(eqs: &[(Vec<usize>, u64)], cells: usize, with: Option<&[usize]>) -> usize {
    let mut rows: Vec<Vec<f64>> = eqs
        .iter()
        .map(|(cs, _)| {
            (0..cells)
                .map(|c| f64::from(u8::from(cs.contains(&c))))
                .collect()
        })
        .collect();
    if let Some(sum) = with {
        rows.push(
            (0..cells)
                .map(|i| f64::from(u8::from(sum.contains(&i))))
                .collect(),
        );
    }
    let mut rank = 0;
    for col in 0..cells {
        let Some(pivot) =
            (rank..rows.len()).max_by(|a, b| rows[*a][col].abs().total_cmp(&rows[*b][col].abs()))
        else {
            break;
        };
        if rows[pivot][col].abs() < 1e-9 {
            continue;
        }
        rows.swap(rank, pivot);
        let pivot_row = rows[rank].clone();
        for (r, row) in rows.iter_mut().enumerate() {
            if r != rank {
                let factor = row[col] / pivot_row[col];
                for (v, p) in row.iter_mut().zip(&pivot_row) {
                    *v -= factor * p;
                }
            }
        }
        rank += 1;
    }
    rank
}

/// R5 by month: a small organisation's months, each quarter and its year, beside a larger one
/// and the network's total, over every view a reader can ask for (each quarter of the year,
/// whose trends reach into the year before, and the year). No hidden month can be worked out
/// from what all of them show together: not from its quarter less the shown months, nor from
/// the year less the shown quarters and months.
#[test]
fn no_hidden_month_comes_back_from_its_quarter_or_year() {
    use time::{Date, Month};
    // Each organisation's twelve months of 2026 (the n of incidents); 2025 had none.
    let months_2026: [[u64; 12]; 2] = [
        // Small: Q1 = 3, Q2 = 7, Q3 = 13, Q4 = 1.
        [1, 0, 2, 3, 4, 0, 2, 6, 5, 0, 0, 1],
        [5, 6, 7, 8, 2, 9, 6, 6, 6, 7, 5, 1],
    ];
    let names = orgs(2);
    let quarter_n = |r: usize, q: usize| months_2026[r][q * 3..q * 3 + 3].iter().sum::<u64>();
    // Every measure's n as R5's: the 2025 quarters, then 2026's.
    let ns: Vec<Vec<u64>> = (0..2)
        .map(|r| {
            let mut v = vec![0; 4];
            v.extend((0..4).map(|q| quarter_n(r, q)));
            v
        })
        .collect();
    let all_samples = samples(&ns);
    let first = |year: i32, month: u8| {
        Date::from_calendar_date(year, Month::try_from(month).unwrap(), 1).unwrap()
    };
    // months[org][year index * 4 + quarter] as `tables` keeps them.
    let all_months: Vec<Vec<Vec<(Date, Share)>>> = (0..2)
        .map(|r| {
            let mut quarters = Vec::new();
            for (y, year) in [2025, 2026].into_iter().enumerate() {
                for q in 0..4 {
                    quarters.push(
                        (0..3)
                            .map(|i| {
                                let n = if y == 0 { 0 } else { months_2026[r][q * 3 + i] };
                                let month = u8::try_from(q * 3 + i + 1).unwrap();
                                (first(year, month), Share { count: n / 2, n })
                            })
                            .collect(),
                    );
                }
            }
            quarters
        })
        .collect();
    // The unknowns: each organisation's months of 2026, cell r * 12 + month index.
    let cell = |r: usize, d: Date| r * 12 + usize::from(u8::from(d.month())) - 1;
    let quarter_cells = |rows: &[usize], p: Period| -> Vec<usize> {
        let mut cells = Vec::new();
        for q in p.quarters() {
            if let Period::Quarter {
                year: 2026,
                quarter,
            } = q
            {
                for r in rows {
                    for i in 0..3 {
                        cells.push(r * 12 + (usize::from(quarter) - 1) * 3 + i);
                    }
                }
            }
        }
        cells
    };
    let mut eqs: Vec<(Vec<usize>, u64)> = Vec::new();
    let mut hidden_months = std::collections::BTreeSet::new();
    let mut shown_months = std::collections::BTreeSet::new();
    let mut periods = vec![Period::Year(2026)];
    periods.extend(Period::Year(2026).quarters());
    for period in periods {
        let mut view_years: Vec<i32> = period.trend().iter().map(|p| year_of(*p)).collect();
        view_years.dedup();
        let offset = |y: i32| if y == 2025 { 0 } else { 4 };
        let pick = |quarters: &Vec<Vec<Sample>>| -> Vec<Vec<Sample>> {
            view_years
                .iter()
                .flat_map(|y| quarters[offset(*y)..offset(*y) + 4].to_vec())
                .collect()
        };
        let sub: Vec<Vec<Vec<Sample>>> = all_samples.iter().map(pick).collect();
        let (figures, network) = assemble(period, &view_years, &names, &sub);
        let equation = |rows: Vec<usize>, p: Period, f: &Figure| {
            let cells = quarter_cells(&rows, p);
            shown_n(f).filter(|_| !cells.is_empty()).map(|n| (cells, n))
        };
        for (r, f) in figures.iter().enumerate() {
            let line = f
                .lines
                .iter()
                .find(|l| l.measure == Measure::PositiveResponses)
                .unwrap();
            eqs.extend(equation(vec![r], period, &line.period));
            for (p, fig) in period.trend().iter().zip(&line.trend) {
                eqs.extend(equation(vec![r], *p, fig));
            }
            let view_months: Vec<Vec<(Date, Share)>> = view_years
                .iter()
                .flat_map(|y| all_months[r][offset(*y)..offset(*y) + 4].to_vec())
                .collect();
            let shown = months_of(period, &view_years, &view_months, &f.lines);
            assert_eq!(shown.len(), period.months().len(), "every month listed");
            for (d, fig) in shown {
                match shown_n(&fig) {
                    Some(n) => {
                        assert_eq!(n, months_2026[r][cell(0, d)]);
                        shown_months.insert(cell(r, d));
                        eqs.push((vec![cell(r, d)], n));
                    }
                    None => {
                        hidden_months.insert(cell(r, d));
                    }
                }
            }
        }
        let line = network
            .iter()
            .find(|l| l.measure == Measure::PositiveResponses)
            .unwrap();
        eqs.extend(equation(vec![0, 1], period, &line.period));
        for (p, fig) in period.trend().iter().zip(&line.trend) {
            eqs.extend(equation(vec![0, 1], *p, fig));
        }
    }
    // A month is hidden or shown alike in every view.
    assert!(hidden_months.is_disjoint(&shown_months));
    let truth: Vec<u64> = months_2026.iter().flatten().copied().collect();
    for (c, n) in truth.iter().enumerate() {
        if too_small(*n) {
            assert!(hidden_months.contains(&c), "month {c} = {n} is hidden");
        }
    }
    // The small organisation's first quarter (3) and fourth (1) are hidden with their months,
    // and enough beside them that the year gives neither back.
    assert!((0..3).chain(9..12).all(|c| hidden_months.contains(&c)));
    assert!(
        eqs.iter().any(|(cs, _)| cs.len() == 24),
        "the network's year"
    );
    for &c in &hidden_months {
        assert!(
            !determined(c, &truth, &eqs, 12),
            "hidden month {c} = {} can be worked out from {} shown figures",
            truth[c],
            eqs.len()
        );
    }
}

/// R8's quarters and years overlap in cases: a case asked once a year is in one quarter and
/// its year. With each case asked once (the year its quarters' sum, the worst case), a small
/// organisation beside a larger one and the network's total: whatever the quarter views (each
/// with its trend) and the year view show together, no hidden number of cases (a quarter's or a
/// year's, an organisation's or the network's) can be worked out from the others.
#[test]
fn her_view_hides_nothing_the_year_and_its_quarters_give_back() {
    use domain::indicators::her_view::HerView;
    let quarters: [[u64; 4]; 2] = [[2, 6, 0, 7], [8, 5, 9, 6]];
    let raw: Vec<Vec<HerView>> = quarters
        .iter()
        .map(|q| {
            let mut five: Vec<HerView> = q
                .iter()
                .map(|n| HerView {
                    cases: *n,
                    ..HerView::default()
                })
                .collect();
            five.push(HerView {
                cases: q.iter().sum(),
                ..HerView::default()
            });
            five
        })
        .collect();
    let grid = her_view::protect_year(&raw);
    let cases = |f: &her_view::HerViewFigures| shown_n(&f.cases);
    // The unknowns: organisation r's quarter q is cell r * 4 + q.
    let truth: Vec<u64> = quarters.iter().flatten().copied().collect();
    let mut eqs: Vec<(Vec<usize>, u64)> = Vec::new();
    let mut hidden: Vec<Vec<usize>> = Vec::new();
    let mut record = |cells: Vec<usize>, f: &her_view::HerViewFigures| match cases(f) {
        Some(n) => {
            assert_eq!(n, cells.iter().map(|c| truth[*c]).sum::<u64>());
            eqs.push((cells, n));
        }
        None => hidden.push(cells),
    };
    for (r, slots) in grid.orgs.iter().enumerate() {
        for (s, f) in slots.iter().enumerate() {
            let cells = if s == 4 {
                (r * 4..r * 4 + 4).collect()
            } else {
                vec![r * 4 + s]
            };
            record(cells, f);
        }
    }
    for (s, f) in grid.network.iter().enumerate() {
        let cells = if s == 4 {
            (0..8).collect()
        } else {
            vec![s, 4 + s]
        };
        record(cells, f);
    }
    // The small organisation's first quarter (2) is hidden, and with it enough that its
    // year less its shown quarters does not give it back.
    assert!(hidden.contains(&vec![0]));
    assert!(eqs.iter().any(|(cs, _)| cs.len() == 4), "a year is shown");
    for cells in &hidden {
        match cells.as_slice() {
            [c] => assert!(
                !determined(*c, &truth, &eqs, 20),
                "quarter cell {c} = {} comes back",
                truth[*c]
            ),
            sum => assert_ne!(
                rank_with(&eqs, truth.len(), None),
                rank_with(&eqs, truth.len(), Some(sum)),
                "the hidden total of {sum:?} comes back"
            ),
        }
    }
    // Every view reads these cells: the quarter's figure is the year grid's.
    let (single, _) = her_view::protect(&[raw[0][0].clone(), raw[1][0].clone()]);
    assert_eq!(single[0].cases, Figure::Suppressed);
}
