//! What the import could not take: each row with its sheet, its row number, why (a Fluent id,
//! so the reader sees it in her language) and the thing the form wrote there.

/// A row the import could not take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub sheet: String,
    /// 1-based, as the spreadsheet shows it; 0 for the file or the sheet as a whole.
    pub row: usize,
    /// The Fluent id of the explanation (`xlsform-type-unknown` …); its English is `message`.
    pub code: &'static str,
    /// What the form wrote (a type, a list name, a column), as written; may be empty.
    pub what: String,
    /// The explanation in English, for the CLI and logs.
    pub message: String,
}

/// Opens and closes the thing the form wrote inside an English line, so that the line can be
/// read back into its parts ([`Problem::from_line`]) and said again in another language.
const OPEN: char = '“';
const CLOSE: char = '”';

impl Problem {
    pub fn new(sheet: &str, row: usize, code: &'static str, what: &str, message: &str) -> Self {
        Problem {
            sheet: sheet.to_string(),
            row,
            code,
            what: what.to_string(),
            message: message.to_string(),
        }
    }

    /// The problem again, from the line [`Display`](std::fmt::Display) wrote and its code: an
    /// error travels to the pages as that line, and the pages say it in the reader's language.
    pub fn from_line(code: &'static str, line: &str) -> Option<Problem> {
        let (place, message) = line.split_once(": ")?;
        let (sheet, row) = match place.split_once(" row ") {
            Some((sheet, row)) => (sheet, row.parse().ok()?),
            None => (place, 0),
        };
        let (what, message) = message
            .strip_prefix(OPEN)
            .and_then(|m| m.rsplit_once(&format!("{CLOSE}: ")))
            .unwrap_or(("", message));
        Some(Problem::new(sheet, row, code, what, message))
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.row == 0 {
            write!(f, "{}: ", self.sheet)?;
        } else {
            write!(f, "{} row {}: ", self.sheet, self.row)?;
        }
        if self.what.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{OPEN}{}{CLOSE}: {}", self.what, self.message)
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

/// The Fluent id of each explanation (`crates/i18n/locales/*/tools.ftl`, in all three
/// languages), each with `$place` (sheet and row) and `$what` (as the form wrote it).
pub mod code {
    pub const NOT_A_WORKBOOK: &str = "xlsform-not-a-workbook";
    pub const NO_SURVEY: &str = "xlsform-no-survey";
    pub const NO_COLUMN: &str = "xlsform-no-column";
    pub const LANGUAGE: &str = "xlsform-language";
    pub const CHOICE_INCOMPLETE: &str = "xlsform-choice-incomplete";
    pub const TYPE_UNKNOWN: &str = "xlsform-type-unknown";
    pub const TYPE_NOT_TAKEN: &str = "xlsform-type-not-taken";
    pub const LIST_MISSING: &str = "xlsform-list-missing";
    pub const NAME_MISSING: &str = "xlsform-name-missing";
    pub const NAME_INVALID: &str = "xlsform-name-invalid";
    pub const NAME_TAKEN: &str = "xlsform-name-taken";
    pub const LABEL_MISSING: &str = "xlsform-label-missing";
    pub const END_WITHOUT_BEGIN: &str = "xlsform-end-without-begin";
    pub const BEGIN_WITHOUT_END: &str = "xlsform-begin-without-end";
    pub const REPEAT_IN_REPEAT: &str = "xlsform-repeat-in-repeat";
    pub const SENSITIVITY: &str = "xlsform-sensitivity";
    pub const NO_FORM_ID: &str = "xlsform-no-form-id";
    pub const DEFINITION: &str = "xlsform-definition";

    /// Every code, for the test that each has its words in every language.
    pub const ALL: [&str; 18] = [
        NOT_A_WORKBOOK,
        NO_SURVEY,
        NO_COLUMN,
        LANGUAGE,
        CHOICE_INCOMPLETE,
        TYPE_UNKNOWN,
        TYPE_NOT_TAKEN,
        LIST_MISSING,
        NAME_MISSING,
        NAME_INVALID,
        NAME_TAKEN,
        LABEL_MISSING,
        END_WITHOUT_BEGIN,
        BEGIN_WITHOUT_END,
        REPEAT_IN_REPEAT,
        SENSITIVITY,
        NO_FORM_ID,
        DEFINITION,
    ];
}
