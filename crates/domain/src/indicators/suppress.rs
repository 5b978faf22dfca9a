//! Small numbers stay hidden (`docs/indicators.md`): a figure about fewer than five cases,
//! people or events is suppressed, and so is a second figure wherever a shown total would
//! otherwise give the first away (complementary suppression).
//!
//! Every figure is protected through its n, because n is what adds up across views: the n of
//! a year is the sum of its quarters', the network's the sum of its organisations'. Protecting
//! n protects the numerator too, since a shown share and its n give the numerator back.

/// The smallest n shown. Below it (and above zero) a figure is hidden.
pub const MIN_N: u64 = 5;

/// Whether a figure about `n` is suppressed on its own (primary suppression): 1 to 4 is; 0
/// reveals no one (a share about nobody is "no data", a count of nobody is 0).
pub fn too_small(n: u64) -> bool {
    (1..MIN_N).contains(&n)
}

/// A line of figures that add up to a total shown beside them: the four quarters and their
/// year, or the organisations and the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Each part's n, and whether it is hidden.
    pub parts: Vec<(u64, bool)>,
    /// Whether the total is hidden.
    pub total_hidden: bool,
}

impl Line {
    /// The line with its primary suppressions only.
    pub fn of(ns: &[u64]) -> Self {
        let total: u64 = ns.iter().sum();
        Self {
            parts: ns.iter().map(|&n| (n, too_small(n))).collect(),
            total_hidden: too_small(total),
        }
    }

    /// What subtracting the shown parts from a shown total reveals: the sum of the hidden ones.
    fn hidden_sum(&self) -> u64 {
        self.parts.iter().filter(|(_, h)| *h).map(|(n, _)| n).sum()
    }

    /// Whether the line gives a hidden part away: its total is shown and the hidden parts
    /// add up to between 1 and 4 (one hidden part alone is always this: it was too small), or
    /// exactly one non-zero part is hidden (its n is then the total less the rest).
    pub fn leaks(&self) -> bool {
        if self.total_hidden {
            return false;
        }
        let hidden_nonzero = self.parts.iter().filter(|(n, h)| *h && *n > 0).count();
        too_small(self.hidden_sum()) || hidden_nonzero == 1
    }

    /// Complementary suppression: hides the smallest shown non-zero part until the line no
    /// longer leaks; when no part is left to hide, hides the total. Returns whether it hid
    /// anything.
    pub fn protect(&mut self) -> bool {
        let mut changed = false;
        while self.leaks() {
            let next = self
                .parts
                .iter()
                .enumerate()
                .filter(|(_, (n, h))| !*h && *n > 0)
                .min_by_key(|(i, (n, _))| (*n, *i))
                .map(|(i, _)| i);
            match next {
                Some(i) => self.parts[i].1 = true,
                None => self.total_hidden = true,
            }
            changed = true;
        }
        changed
    }
}

/// The parts of one figure shown under it (R5's months under its quarter): which parts to
/// hide. A hidden figure hides all its parts, since shown parts would add up to it; a shown one
/// hides each part too small and then, as [`Line::protect`], enough others that no hidden part
/// is the figure less the shown ones; if that leaves nothing to hide, all are hidden.
pub fn protect_parts(ns: &[u64], figure_hidden: bool) -> Vec<bool> {
    if figure_hidden {
        return vec![true; ns.len()];
    }
    let mut line = Line::of(ns);
    line.total_hidden = false;
    line.protect();
    if line.total_hidden {
        return vec![true; ns.len()];
    }
    line.parts.into_iter().map(|(_, hidden)| hidden).collect()
}

/// A table of n: rows (organisations) by columns (quarters), with each row's total (the
/// organisation's year), each column's total (the network's quarter) and the grand total (the
/// network's year). Every line is protected, again and again until none changes, so a cell
/// hidden to protect its row is protected in its column too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// `hidden[r][c]` for the cell `n[r][c]`.
    pub n: Vec<Vec<u64>>,
    pub hidden: Vec<Vec<bool>>,
    pub row_total_hidden: Vec<bool>,
    pub column_total_hidden: Vec<bool>,
    pub grand_total_hidden: bool,
}

impl Table {
    /// Suppresses the table: primary, then complementary along rows and columns (and the row
    /// totals against the grand total) until stable.
    pub fn protect(n: Vec<Vec<u64>>) -> Self {
        let rows = n.len();
        let columns = n.first().map_or(0, Vec::len);
        let hidden: Vec<Vec<bool>> = n
            .iter()
            .map(|row| row.iter().map(|&v| too_small(v)).collect())
            .collect();
        let row_total = |r: usize| n[r].iter().sum::<u64>();
        let column_total = |c: usize| n.iter().map(|row| row[c]).sum::<u64>();
        let mut table = Table {
            row_total_hidden: (0..rows).map(|r| too_small(row_total(r))).collect(),
            column_total_hidden: (0..columns).map(|c| too_small(column_total(c))).collect(),
            grand_total_hidden: too_small((0..rows).map(row_total).sum()),
            n: n.clone(),
            hidden,
        };
        // Each pass hides at least one more figure or stops; there are finitely many.
        loop {
            let mut changed = false;
            for r in 0..rows {
                let mut line = Line {
                    parts: (0..columns)
                        .map(|c| (table.n[r][c], table.hidden[r][c]))
                        .collect(),
                    total_hidden: table.row_total_hidden[r],
                };
                if line.protect() {
                    changed = true;
                    for (c, (_, h)) in line.parts.iter().enumerate() {
                        table.hidden[r][c] = *h;
                    }
                    table.row_total_hidden[r] = line.total_hidden;
                }
            }
            for c in 0..columns {
                let mut line = Line {
                    parts: (0..rows)
                        .map(|r| (table.n[r][c], table.hidden[r][c]))
                        .collect(),
                    total_hidden: table.column_total_hidden[c],
                };
                if line.protect() {
                    changed = true;
                    for (r, (_, h)) in line.parts.iter().enumerate() {
                        table.hidden[r][c] = *h;
                    }
                    table.column_total_hidden[c] = line.total_hidden;
                }
            }
            // The organisations' years add up to the network's year; the network's quarters
            // too.
            let mut years = Line {
                parts: (0..rows)
                    .map(|r| (row_total(r), table.row_total_hidden[r]))
                    .collect(),
                total_hidden: table.grand_total_hidden,
            };
            if years.protect() {
                changed = true;
                for (r, (_, h)) in years.parts.iter().enumerate() {
                    table.row_total_hidden[r] = *h;
                }
                table.grand_total_hidden = years.total_hidden;
            }
            let mut quarters = Line {
                parts: (0..columns)
                    .map(|c| (column_total(c), table.column_total_hidden[c]))
                    .collect(),
                total_hidden: table.grand_total_hidden,
            };
            if quarters.protect() {
                changed = true;
                for (c, (_, h)) in quarters.parts.iter().enumerate() {
                    table.column_total_hidden[c] = *h;
                }
                table.grand_total_hidden = quarters.total_hidden;
            }
            if !changed {
                return table;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fewer_than_five_is_hidden_and_nobody_is_shown() {
        assert!(!too_small(0));
        assert!(too_small(1) && too_small(4));
        assert!(!too_small(5));
    }

    #[test]
    fn a_lone_hidden_part_takes_the_smallest_other_with_it() {
        let mut line = Line::of(&[3, 12, 7, 20]);
        assert!(line.leaks(), "42 − 39 would give the 3 away");
        line.protect();
        assert_eq!(
            line.parts,
            vec![(3, true), (12, false), (7, true), (20, false)]
        );
        assert!(!line.total_hidden);
    }

    #[test]
    fn hidden_parts_that_add_up_to_a_small_number_take_a_third() {
        // 1 + 2 hidden: the total gives away that three girls are behind them.
        let mut line = Line::of(&[1, 2, 9, 30]);
        line.protect();
        assert_eq!(
            line.parts,
            vec![(1, true), (2, true), (9, true), (30, false)]
        );
    }

    #[test]
    fn with_nothing_left_to_hide_the_total_goes() {
        let mut line = Line::of(&[3, 0, 0, 0]);
        line.protect();
        assert!(line.total_hidden, "a total of 3 is small itself");
        let mut line = Line::of(&[4, 6]);
        line.protect();
        assert_eq!(line.parts, vec![(4, true), (6, true)]);
        assert!(!line.total_hidden, "10 in all, split unknowably");
    }

    /// Every assignment of values 0..=max to the hidden cells that agrees with every shown
    /// figure (cells and totals), built row by row; a hidden cell is safe when it takes more
    /// than one value, or only values that reveal no one (0, or 5 and more).
    fn hidden_cells_are_undeterminable(t: &Table, max: u64) {
        use std::collections::BTreeSet;
        // The ways to fill each row's hidden cells.
        fn fills(
            t: &Table,
            r: usize,
            c: usize,
            max: u64,
            acc: &mut Vec<u64>,
            out: &mut Vec<Vec<u64>>,
        ) {
            if c == t.n[r].len() {
                if t.row_total_hidden[r] || acc.iter().sum::<u64>() == t.n[r].iter().sum::<u64>() {
                    out.push(acc.clone());
                }
                return;
            }
            let choices: Vec<u64> = if t.hidden[r][c] {
                (0..=max).collect()
            } else {
                vec![t.n[r][c]]
            };
            for v in choices {
                acc.push(v);
                fills(t, r, c + 1, max, acc, out);
                acc.pop();
            }
        }
        let rows: Vec<Vec<Vec<u64>>> = (0..t.n.len())
            .map(|r| {
                let mut out = Vec::new();
                fills(t, r, 0, max, &mut Vec::new(), &mut out);
                out
            })
            .collect();
        let columns = t.n.first().map_or(0, Vec::len);
        let mut seen = vec![vec![BTreeSet::new(); columns]; t.n.len()];
        let mut pick = vec![0_usize; rows.len()];
        'all: loop {
            let grid: Vec<&Vec<u64>> = pick.iter().enumerate().map(|(r, &i)| &rows[r][i]).collect();
            let fits = (0..columns).all(|c| {
                t.column_total_hidden[c]
                    || grid.iter().map(|row| row[c]).sum::<u64>()
                        == t.n.iter().map(|row| row[c]).sum::<u64>()
            });
            if fits {
                for (r, row) in grid.iter().enumerate() {
                    for (c, v) in row.iter().enumerate() {
                        seen[r][c].insert(*v);
                    }
                }
            }
            let mut r = 0;
            loop {
                if r == pick.len() {
                    break 'all;
                }
                pick[r] += 1;
                if pick[r] < rows[r].len() {
                    break;
                }
                pick[r] = 0;
                r += 1;
            }
        }
        for (r, row) in t.n.iter().enumerate() {
            for (c, &n) in row.iter().enumerate() {
                if t.hidden[r][c] {
                    assert!(
                        seen[r][c].len() > 1 || !too_small(n),
                        "cell ({r},{c}) = {n} can be worked out: {:?}",
                        seen[r][c]
                    );
                }
            }
        }
    }

    #[test]
    fn no_hidden_number_comes_back_by_subtracting_one_view_from_another() {
        // Three organisations by four quarters; the third is small.
        let tables = [
            vec![vec![12, 9, 15, 11], vec![6, 7, 3, 8], vec![1, 0, 2, 0]],
            vec![vec![0, 3, 0, 0], vec![10, 10, 10, 10], vec![5, 6, 7, 8]],
            vec![vec![2, 2, 2, 2], vec![9, 9, 1, 9]],
        ];
        for n in tables {
            let t = Table::protect(n.clone());
            for r in 0..n.len() {
                for c in 0..n[r].len() {
                    if too_small(n[r][c]) {
                        assert!(t.hidden[r][c], "{n:?}: ({r},{c}) shown");
                    }
                }
            }
            hidden_cells_are_undeterminable(&t, 16);
        }
    }
}
