//! What the import could not take: each row with its sheet, its row number and why.

/// A row the import could not take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub sheet: String,
    /// 1-based, as the spreadsheet shows it; 0 for the file or the sheet as a whole.
    pub row: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.row == 0 {
            write!(f, "{}: {}", self.sheet, self.message)
        } else {
            write!(f, "{} row {}: {}", self.sheet, self.row, self.message)
        }
    }
}

/// How many problems are kept to be shown; beyond them only a count grows, so a file of
/// 300,000 bad rows costs no more memory than one of a hundred.
pub const PROBLEMS_KEPT: usize = 100;

/// The problems of a refused file: the first [`PROBLEMS_KEPT`], and how many more there were.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems {
    first: Vec<Problem>,
    more: usize,
}

impl Problems {
    pub fn push(&mut self, problem: Problem) {
        if self.first.len() < PROBLEMS_KEPT {
            self.first.push(problem);
        } else {
            self.more += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }

    /// Every problem found, the ones not kept included.
    pub fn len(&self) -> usize {
        self.first.len() + self.more
    }

    /// The problems kept, in the order they were found.
    pub fn iter(&self) -> std::slice::Iter<'_, Problem> {
        self.first.iter()
    }

    /// How many were found beyond those kept.
    pub fn more(&self) -> usize {
        self.more
    }
}

impl Extend<Problem> for Problems {
    fn extend<I: IntoIterator<Item = Problem>>(&mut self, iter: I) {
        for problem in iter {
            self.push(problem);
        }
    }
}
