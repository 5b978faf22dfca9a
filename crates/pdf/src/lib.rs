//! Reports as PDF: a case plan (and, with the forms engine, an assessment) in the reader's
//! language. Bengali and Devanagari need real shaping — conjuncts such as ক্ষ and ত্র, the
//! i-matra drawn before its consonant — so text is shaped with rustybuzz and the Noto fonts are
//! embedded, subset. Every word can be read back (`glyphs` says how): an `ActualText` span over
//! each word and a ToUnicode entry for each glyph.
//!
//! The PDF is tagged for screen readers: the document's language, a heading, paragraph or list
//! item for each block with its words in reading order (a word in another script says its own
//! language), and the running header and footer marked as artifacts.
//!
//! The layout is deliberately plain: a running header with the case code (never her name), a
//! title, headings, paragraphs, bullets, small "meta" lines and term/explanation pairs, wrapped
//! at spaces, onto as many A4 pages as needed, each numbered.

mod chart;
mod glyphs;

use std::num::NonZeroU16;
use std::path::{Path, PathBuf};

use krilla::Document;
use krilla::page::PageSettings;
use krilla::tagging::{
    ArtifactType, ContentTag, Identifier, ListNumbering, Node, Tag, TagGroup, TagTree,
};
use krilla::text::Font;

pub use chart::Chart;

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the font {0} is missing: install Debian's fonts-noto-core, or set SAATHI_FONT_DIR")]
    FontMissing(PathBuf),
    #[error("the font {0} could not be read")]
    FontUnreadable(PathBuf),
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// Where Debian's `fonts-noto-core` puts them.
pub const DEFAULT_FONT_DIR: &str = "/usr/share/fonts/truetype/noto";

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Script {
    Latin,
    Bengali,
    Devanagari,
}

struct Face {
    font: Font,
    data: Vec<u8>,
}

/// The three faces a report in bn, hi and en needs.
pub struct Fonts {
    latin: Face,
    bengali: Face,
    devanagari: Face,
}

impl Fonts {
    /// From `SAATHI_FONT_DIR`, else the Debian location.
    pub fn from_env() -> Result<Self, PdfError> {
        let dir = std::env::var_os("SAATHI_FONT_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(DEFAULT_FONT_DIR));
        Self::load(&dir)
    }

    pub fn load(dir: &Path) -> Result<Self, PdfError> {
        let face = |name: &str| -> Result<Face, PdfError> {
            let path = dir.join(name);
            let data = std::fs::read(&path).map_err(|_| PdfError::FontMissing(path.clone()))?;
            let font = Font::new(data.clone().into(), 0).ok_or(PdfError::FontUnreadable(path))?;
            Ok(Face { font, data })
        };
        Ok(Fonts {
            latin: face("NotoSans-Regular.ttf")?,
            bengali: face("NotoSansBengali-Regular.ttf")?,
            devanagari: face("NotoSansDevanagari-Regular.ttf")?,
        })
    }

    fn face(&self, script: Script) -> &Face {
        match script {
            Script::Latin => &self.latin,
            Script::Bengali => &self.bengali,
            Script::Devanagari => &self.devanagari,
        }
    }
}

/// One piece of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Title(String),
    Heading(String),
    Paragraph(String),
    Bullet(String),
    /// Small print under a heading: who, when, status.
    Meta(String),
    /// A term and its explanation (the plain-words list).
    Term(String, String),
    /// A picture: its words go in the blocks beside it.
    Chart(Chart),
}

pub struct Report {
    /// BCP 47 tag of the reader's language, recorded in the PDF for screen readers.
    pub language: String,
    /// The document title (PDF metadata).
    pub title: String,
    /// Repeated at the top of every page: the case code and what this is. Never her name.
    pub header: String,
    pub blocks: Vec<Block>,
}

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 56.0;

/// Which script a character asks for; `None` for those that go with their neighbours (the
/// joiners, the dandas, which Bengali and Hindi share).
fn script_of(c: char) -> Option<Script> {
    match c {
        '\u{200C}' | '\u{200D}' | '\u{0964}' | '\u{0965}' => None,
        '\u{0980}'..='\u{09FF}' => Some(Script::Bengali),
        '\u{0900}'..='\u{097F}' | '\u{A8E0}'..='\u{A8FF}' => Some(Script::Devanagari),
        _ => Some(Script::Latin),
    }
}

/// Text without the invisible isolation marks Fluent may put around placeables.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect()
}

/// Splits a word into runs of one script each.
fn runs(word: &str) -> Vec<(Script, &str)> {
    let mut out: Vec<(Script, &str)> = Vec::new();
    let mut start = 0;
    let mut current: Option<Script> = None;
    for (i, c) in word.char_indices() {
        match (script_of(c), current) {
            (Some(s), Some(cur)) if s != cur => {
                out.push((cur, &word[start..i]));
                start = i;
                current = Some(s);
            }
            (Some(s), None) => current = Some(s),
            _ => {}
        }
    }
    if start < word.len() {
        out.push((current.unwrap_or(Script::Latin), &word[start..]));
    }
    out
}

struct Measure<'a> {
    /// Latin, Bengali, Devanagari, in the order of [`Script`].
    faces: [rustybuzz::Face<'a>; 3],
}

impl<'a> Measure<'a> {
    fn new(fonts: &'a Fonts) -> Result<Self, PdfError> {
        let face = |f: &'a Face| {
            rustybuzz::Face::from_slice(&f.data, 0)
                .ok_or_else(|| PdfError::Write("a font does not parse".into()))
        };
        Ok(Measure {
            faces: [
                face(&fonts.latin)?,
                face(&fonts.bengali)?,
                face(&fonts.devanagari)?,
            ],
        })
    }

    fn width(&self, script: Script, text: &str, size: f32) -> f32 {
        let face = &self.faces[script as usize];
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(face, &[], buffer);
        let advance: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        advance as f32 * size / face.units_per_em() as f32
    }

    fn word_width(&self, word: &str, size: f32) -> f32 {
        runs(word)
            .iter()
            .map(|(s, t)| self.width(*s, t, size))
            .sum()
    }
}

/// A line laid out: its words, to be drawn one after another with a space between, and the
/// part of the report it belongs to.
struct Line {
    words: Vec<String>,
    size: f32,
    indent: f32,
    /// A chart in the place of words: the line is its height.
    chart: Option<Chart>,
    /// The part of the report (an index into its parts), or [`NO_PART`] for a chart.
    part: usize,
}

/// The part of a chart's line: a chart is drawn as an artifact, its figures being in the text
/// beside it.
const NO_PART: usize = usize::MAX;

/// What a part of the report is, for the tag tree.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Title,
    Heading,
    Paragraph,
    Item,
}

/// Whether a word may be cut before `next` (after `prev`): never inside a syllable, so not
/// before a vowel sign or other mark, nor after a virama.
fn may_cut(prev: char, next: char) -> bool {
    let mark = |c: char| {
        matches!(c,
            '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{0951}'..='\u{0957}'
            | '\u{0962}'..='\u{0963}' | '\u{0981}'..='\u{0983}' | '\u{09BC}'..='\u{09D7}'
            | '\u{09E2}'..='\u{09E3}' | '\u{200C}' | '\u{200D}')
    };
    !mark(next) && prev != '\u{094D}' && prev != '\u{09CD}'
}

/// A word wider than the line, cut into pieces that fit (a long answer with no spaces must not
/// run off the page).
fn pieces(m: &Measure, word: &str, size: f32, max: f32) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut last_cut = 0;
    let mut prev = None;
    for (i, c) in word.char_indices() {
        if let Some(p) = prev
            && may_cut(p, c)
        {
            if i > start && m.word_width(&word[start..i], size) > max && last_cut > start {
                out.push(word[start..last_cut].to_string());
                start = last_cut;
            }
            last_cut = i;
        }
        prev = Some(c);
    }
    out.push(word[start..].to_string());
    out
}

fn wrap(m: &Measure, text: &str, size: f32, indent: f32, out: &mut Vec<Line>) {
    let max = PAGE_W - 2.0 * MARGIN - indent;
    let space = m.width(Script::Latin, " ", size);
    for paragraph in text.split('\n') {
        let mut line: Vec<String> = Vec::new();
        let mut width = 0.0;
        let words = paragraph
            .split(' ')
            .filter(|w| !w.is_empty())
            .flat_map(|word| {
                if m.word_width(word, size) > max {
                    pieces(m, word, size, max)
                } else {
                    vec![word.to_string()]
                }
            });
        for word in words {
            let word = word.as_str();
            let w = m.word_width(word, size);
            if !line.is_empty() && width + space + w > max {
                out.push(Line {
                    words: std::mem::take(&mut line),
                    size,
                    indent,
                    chart: None,
                    part: 0,
                });
                width = 0.0;
            }
            width += if line.is_empty() { w } else { space + w };
            line.push(word.to_string());
        }
        out.push(Line {
            words: line,
            size,
            indent,
            chart: None,
            part: 0,
        });
    }
}

/// Lays the report out and writes the PDF. `page_label` gives the footer of page n (1-based)
/// in the reader's language.
pub fn render(
    report: &Report,
    fonts: &Fonts,
    page_label: &dyn Fn(usize) -> String,
) -> Result<Vec<u8>, PdfError> {
    let m = Measure::new(fonts)?;
    // Lines with the space to leave before them, and the parts they belong to.
    let mut lines: Vec<(f32, Line)> = Vec::new();
    let mut parts: Vec<Kind> = Vec::new();
    let mut add =
        |lines: &mut Vec<(f32, Line)>, gap: f32, text: &str, size: f32, indent: f32, kind: Kind| {
            let part = parts.len();
            parts.push(kind);
            let mut wrapped = Vec::new();
            wrap(&m, &clean(text), size, indent, &mut wrapped);
            for (i, mut l) in wrapped.into_iter().enumerate() {
                l.part = part;
                lines.push((if i == 0 { gap } else { 0.0 }, l));
            }
        };
    for block in &report.blocks {
        match block {
            Block::Title(t) => add(&mut lines, 0.0, t, 18.0, 0.0, Kind::Title),
            Block::Heading(t) => add(&mut lines, 14.0, t, 13.0, 0.0, Kind::Heading),
            Block::Paragraph(t) => add(&mut lines, 4.0, t, 11.0, 0.0, Kind::Paragraph),
            Block::Meta(t) => add(&mut lines, 1.0, t, 9.0, 0.0, Kind::Paragraph),
            Block::Bullet(t) => add(&mut lines, 3.0, &format!("• {t}"), 11.0, 12.0, Kind::Item),
            Block::Term(term, plain) => {
                add(&mut lines, 6.0, term, 11.0, 0.0, Kind::Paragraph);
                add(&mut lines, 0.0, plain, 10.0, 12.0, Kind::Paragraph);
            }
            Block::Chart(c) => lines.push((
                4.0,
                Line {
                    words: Vec::new(),
                    size: c.height() / 1.45,
                    indent: 0.0,
                    chart: Some(c.clone()),
                    part: NO_PART,
                },
            )),
        }
    }

    let mut document = Document::new();
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(clean(&report.title))
            .language(report.language.clone()),
    );
    let header = clean(&report.header);
    let mut pages: Vec<Vec<(f32, &Line)>> = vec![Vec::new()];
    let mut y = MARGIN + 24.0;
    for (gap, line) in &lines {
        let height = line.size * 1.45;
        if y + gap + height > PAGE_H - MARGIN - 16.0 {
            pages.push(Vec::new());
            y = MARGIN + 24.0;
        } else {
            y += gap;
        }
        y += height;
        if let Some(page) = pages.last_mut() {
            page.push((y - line.size * 0.35, line));
        }
    }
    let mut pen = glyphs::Pen {
        fonts,
        m: &m,
        texts: glyphs::Texts::default(),
        language: report.language.clone(),
    };
    // The words of each part, in reading order, for the tag tree.
    let mut tagged: Vec<Vec<Identifier>> = vec![Vec::new(); parts.len()];
    let header_words: Vec<String> = header.split(' ').map(str::to_string).collect();
    let mut draw = |surface: &mut krilla::surface::Surface,
                    x0: f32,
                    y: f32,
                    size: f32,
                    words: &[String],
                    more: bool,
                    ids: Option<&mut Vec<Identifier>>| {
        let tag = ids.is_some();
        let mut found = Vec::new();
        let mut x = x0;
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                let (end, id) = pen.space(surface, x, y, size, tag);
                x = end;
                found.extend(id);
            }
            let (end, id) = pen.word(surface, x, y, word, size, tag);
            x = end;
            found.extend(id);
        }
        // The line break inside a part is a word break too.
        if more && !words.is_empty() {
            let (_, id) = pen.space(surface, x, y, size, tag);
            found.extend(id);
        }
        if let Some(ids) = ids {
            ids.extend(found);
        }
    };
    for (n, page_lines) in pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
            .ok_or_else(|| PdfError::Write("page size".into()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        surface.start_tagged(ContentTag::Artifact(ArtifactType::Header));
        draw(
            &mut surface,
            MARGIN,
            MARGIN,
            9.0,
            &header_words,
            false,
            None,
        );
        surface.end_tagged();
        for (i, (y, line)) in page_lines.iter().enumerate() {
            if let Some(c) = &line.chart {
                // `y` is where a line of this size sits; the chart fills the line.
                let top = *y - line.size * 1.1;
                surface.start_tagged(ContentTag::Artifact(ArtifactType::Other));
                chart::draw(&mut surface, MARGIN, top, PAGE_W - 2.0 * MARGIN, c);
                surface.end_tagged();
                continue;
            }
            let more = page_lines
                .get(i + 1)
                .is_some_and(|(_, next)| next.part == line.part)
                || (i + 1 == page_lines.len()
                    && pages
                        .get(n + 1)
                        .and_then(|p| p.first())
                        .is_some_and(|(_, next)| next.part == line.part));
            draw(
                &mut surface,
                MARGIN + line.indent,
                *y,
                line.size,
                &line.words,
                more,
                tagged.get_mut(line.part),
            );
        }
        let footer: Vec<String> = clean(&page_label(n + 1))
            .split(' ')
            .map(str::to_string)
            .collect();
        surface.start_tagged(ContentTag::Artifact(ArtifactType::Footer));
        draw(
            &mut surface,
            MARGIN,
            PAGE_H - MARGIN + 12.0,
            9.0,
            &footer,
            false,
            None,
        );
        surface.end_tagged();
        surface.finish();
        page.finish();
    }
    document.set_tag_tree(tag_tree(&report.language, &report.title, &parts, tagged));
    document
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))
}

/// The document's structure for screen readers: its language, and each part (a heading, a
/// paragraph, consecutive bullets as one list) holding its words in reading order.
fn tag_tree(language: &str, title: &str, parts: &[Kind], words: Vec<Vec<Identifier>>) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(language.to_string()));
    let mut list: Option<TagGroup> = None;
    let group =
        |children: Vec<Identifier>| -> Vec<Node> { children.into_iter().map(Node::from).collect() };
    let one = NonZeroU16::MIN;
    let two = one.saturating_add(1);
    for (kind, children) in parts.iter().zip(words) {
        if *kind != Kind::Item
            && let Some(l) = list.take()
        {
            tree.push(l);
        }
        match kind {
            Kind::Title => tree.push(TagGroup::with_children(
                Tag::Hn(one, Some(clean(title))),
                group(children),
            )),
            Kind::Heading => {
                tree.push(TagGroup::with_children(Tag::Hn(two, None), group(children)))
            }
            Kind::Paragraph => tree.push(TagGroup::with_children(Tag::P, group(children))),
            Kind::Item => {
                let body = TagGroup::with_children(Tag::LBody, group(children));
                let item = TagGroup::with_children(Tag::LI, vec![body.into()]);
                list.get_or_insert_with(|| TagGroup::new(Tag::L(ListNumbering::Disc)))
                    .push(item);
            }
        }
    }
    if let Some(l) = list {
        tree.push(l);
    }
    tree
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_into_runs_of_one_script() {
        assert_eq!(
            runs("PTSD-র"),
            vec![(Script::Latin, "PTSD-"), (Script::Bengali, "র")]
        );
        assert_eq!(runs("চাই।"), vec![(Script::Bengali, "চাই।")]);
        assert_eq!(runs("हूँ।"), vec![(Script::Devanagari, "हूँ।")]);
        assert_eq!(runs("\u{200D}"), vec![(Script::Latin, "\u{200D}")]);
    }

    #[test]
    fn a_long_report_wraps_onto_numbered_pages_with_its_fonts() {
        let Ok(fonts) = Fonts::from_env() else {
            panic!("fonts-noto-core is needed (scripts/test-deps installs it)");
        };
        let mut blocks = vec![Block::Title("পরিকল্পনা".into())];
        for i in 0..80 {
            blocks.push(Block::Paragraph(format!(
                "{i}. আমি আবার স্কুলে যেতে চাই, मैं फिर से स्कूल जाना चाहती हूँ, and learn tailoring."
            )));
        }
        let report = Report {
            language: "bn".into(),
            title: "plan".into(),
            header: "KOL-1234".into(),
            blocks,
        };
        let pdf = render(&report, &fonts, &|n| format!("page {n}")).expect("render");
        assert!(pdf.starts_with(b"%PDF-"));
        let path = std::env::temp_dir().join(format!("saathi-pdf-{}.pdf", std::process::id()));
        std::fs::write(&path, &pdf).expect("write");
        let text = std::process::Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils; scripts/test-deps installs it)");
        let fonts = std::process::Command::new("pdffonts")
            .arg(&path)
            .output()
            .expect("pdffonts");
        std::fs::remove_file(&path).ok();
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(
            text.contains("page 2"),
            "80 paragraphs take more than one page"
        );
        assert!(text.contains("79. আমি আবার"), "nothing is lost at the end");
        assert!(text.contains("चाहती"));
        let fonts = String::from_utf8_lossy(&fonts.stdout);
        for name in ["NotoSansBengali", "NotoSansDevanagari", "NotoSans-Regular"] {
            let line = fonts.lines().find(|l| l.contains(name)).expect(name);
            assert!(
                line.contains(" yes yes yes "),
                "{name} embedded, subset, with ToUnicode: {line}"
            );
        }
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_between_syllables() {
        let Ok(fonts) = Fonts::from_env() else {
            panic!("fonts-noto-core is needed (scripts/test-deps installs it)");
        };
        let m = Measure::new(&fonts).expect("faces");
        let word = "কিশোরী".repeat(60);
        let parts = pieces(&m, &word, 11.0, 200.0);
        assert!(parts.len() > 1);
        assert_eq!(parts.concat(), word, "nothing lost");
        for p in &parts {
            assert!(m.word_width(p, 11.0) <= 200.0 + 1.0, "{p}");
            assert!(
                !p.starts_with('\u{09BF}') && !p.starts_with('\u{09C0}'),
                "no piece starts with a vowel sign"
            );
        }
    }

    #[test]
    fn isolation_marks_never_reach_the_page() {
        assert_eq!(clean("\u{2068}KOL-1\u{2069} পরিকল্পনা"), "KOL-1 পরিকল্পনা");
    }

    #[test]
    fn charts_take_their_height_on_the_page_and_break_onto_the_next() {
        let Ok(fonts) = Fonts::from_env() else {
            panic!("fonts-noto-core is needed (scripts/test-deps installs it)");
        };
        let report = |charts: usize| Report {
            language: "en".into(),
            title: "indicators".into(),
            header: "Saathi".into(),
            blocks: (0..charts)
                .flat_map(|i| {
                    [
                        Block::Chart(Chart::Bar {
                            value: i as u64,
                            max: 100,
                            target: Some(100),
                        }),
                        Block::Chart(Chart::Trend {
                            points: vec![Some(10), None, Some(40), Some(i as u64)],
                            max: 100,
                        }),
                    ]
                })
                .collect(),
        };
        let pages = |pdf: &[u8]| {
            String::from_utf8_lossy(pdf)
                .matches("/Type /Page\n")
                .count()
                + String::from_utf8_lossy(pdf).matches("/Type /Page ").count()
                + String::from_utf8_lossy(pdf).matches("/Type/Page/").count()
        };
        let one = render(&report(2), &fonts, &|n| format!("page {n}")).expect("render");
        let many = render(&report(20), &fonts, &|n| format!("page {n}")).expect("render");
        assert!(one.starts_with(b"%PDF-"));
        // Twenty bars and trends (about 1,700 points) do not fit one A4 page (730 points).
        assert!(
            pages(&many) > pages(&one),
            "{} pages, then {}",
            pages(&one),
            pages(&many)
        );
    }
}
