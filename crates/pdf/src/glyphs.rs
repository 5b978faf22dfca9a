//! Glyphs on the page, so that every reader gets the words back: pdftotext (and screen
//! readers) through a ToUnicode entry for each glyph and an `ActualText` span over each cluster
//! whose glyphs cannot be drawn in reading order; pypdf, which reads no `ActualText`, through
//! the ToUnicode entries alone, in the order the glyphs are drawn.
//!
//! Shaping Bengali and Devanagari makes glyphs that are not characters: a conjunct (স্ক) stands
//! for three, the i-matra (ি) is drawn before the consonant it follows, the o-kar (ো) is split
//! in two around its consonant, a reph is drawn over the end of the letters it precedes, and a
//! vowel sign such as ু or ै is placed under or over the letter before it by an offset. So:
//!
//! - Each run is shaped at the *characters* cluster level, so each glyph knows which characters
//!   it stands for, and gets a ToUnicode entry for them. A glyph keeps the first text it was
//!   given (there is one entry per glyph and font).
//! - A cluster (a syllable, as shaping groups it) is drawn in reading order, each glyph where
//!   shaping put it, with no `TJ` adjustment: pypdf reads any adjustment wider than half a space
//!   as a space inside the word. Glyphs that follow one another at the font's own advance go
//!   out as one string; any other glyph is placed on its own. Only glyphs that take no room (a
//!   reph, a candrabindu) may be read in another order than they are seen.
//! - A glyph of no room, or moved by an offset (a vowel sign under or over its letter), is drawn
//!   as its outline where it belongs, and as invisible text where the reading has got to: a
//!   reader that measures the gaps between glyphs finds none inside the word, and reads it in
//!   its place.
//! - A cluster with a glyph that takes room before the letter it follows (a pre-base vowel
//!   sign) cannot be drawn in reading order. It is drawn in one piece, all its glyphs covering
//!   its text, so krilla wraps it in an `ActualText` span inside the text object (where poppler
//!   reads it); its glyphs' own entries are registered first, so the span does not give the
//!   first glyph the whole cluster's text. pypdf reads such a cluster in the order its glyphs
//!   are seen (`িক` for `কি`).

use std::collections::HashMap;

use krilla::geom::Point;
use krilla::num::NormalizedF32;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{ContentTag, Identifier, SpanTag};
use krilla::text::{GlyphId, KrillaGlyph};
use std::ops::Range;

use crate::{Fonts, Measure, Script, runs};

/// One glyph of a shaped run: its id, where it goes relative to the pen (points), and the text
/// it stands for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Placed {
    pub gid: u32,
    /// Where, in the run's text, the characters it stands for begin.
    pub start: usize,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    pub text: String,
}

/// The two-part vowel signs of Bengali, which shaping splits into a glyph before the consonant
/// and one after it: each part gets the character of its half (its canonical decomposition).
fn split_vowel(text: &str) -> Option<[&'static str; 2]> {
    match text {
        "\u{09CB}" => Some(["\u{09C7}", "\u{09BE}"]),
        "\u{09CC}" => Some(["\u{09C7}", "\u{09D7}"]),
        _ => None,
    }
}

/// Shapes a run of one script at the characters cluster level, and gives each glyph the text
/// it stands for: from its cluster to the next cluster in the text.
pub(crate) fn shape(m: &Measure, script: Script, text: &str, size: f32) -> Vec<Placed> {
    let face = &m.faces[script as usize];
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_cluster_level(rustybuzz::BufferClusterLevel::Characters);
    let shaped = rustybuzz::shape(face, &[], buffer);
    let scale = size / face.units_per_em() as f32;
    let mut starts: Vec<usize> = shaped
        .glyph_infos()
        .iter()
        .map(|i| i.cluster as usize)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let end_of = |start: usize| {
        starts
            .iter()
            .find(|s| **s > start)
            .copied()
            .unwrap_or(text.len())
    };
    let mut placed: Vec<Placed> = Vec::new();
    let mut seen: HashMap<usize, usize> = HashMap::new();
    for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
        let start = info.cluster as usize;
        let whole = text.get(start..end_of(start)).unwrap_or_default();
        // The n-th glyph of one cluster: the first stands for the cluster's text, a split
        // vowel's second half for its own character, any other for nothing.
        let nth = seen.entry(start).or_insert(0);
        let own = match (*nth, split_vowel(whole)) {
            (0, Some([first, _])) => first.to_string(),
            (1, Some([_, second])) => second.to_string(),
            (0, None) => whole.to_string(),
            _ => String::new(),
        };
        *nth += 1;
        placed.push(Placed {
            gid: info.glyph_id,
            start,
            advance: pos.x_advance as f32 * scale,
            x_offset: pos.x_offset as f32 * scale,
            y_offset: pos.y_offset as f32 * scale,
            text: own,
        });
    }
    swap_crossed(face, &mut placed);
    placed
}

/// Two signs whose glyphs shaping put in the other's place keep their clusters where the glyphs
/// now are (চাঁ: the candrabindu's glyph is drawn before the aa-kar's, yet the clusters still
/// read aa-kar first). Two neighbouring glyphs that each stand for one character drawn, in the
/// font, by the other glyph give each other their texts back.
fn swap_crossed(face: &rustybuzz::Face, placed: &mut [Placed]) {
    let drawn_by = |text: &str| -> Option<u32> {
        let mut chars = text.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return None;
        };
        face.glyph_index(c).map(|g| u32::from(g.0))
    };
    for i in 0..placed.len() {
        for j in i + 1..placed.len().min(i + 4) {
            let (a, b) = (&placed[i], &placed[j]);
            if drawn_by(&a.text) == Some(b.gid)
                && drawn_by(&b.text) == Some(a.gid)
                && a.gid != b.gid
            {
                let text = std::mem::take(&mut placed[i].text);
                placed[i].text = std::mem::replace(&mut placed[j].text, text);
                let start = placed[i].start;
                placed[i].start = std::mem::replace(&mut placed[j].start, start);
            }
        }
    }
}

/// A syllable as shaping groups it: its characters, its glyphs, and the order in which to draw
/// them so that they spell the characters, if there is one.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cluster {
    pub range: Range<usize>,
    pub glyphs: Vec<Placed>,
    /// Indices into `glyphs` in reading order, when the glyphs that move the pen stay in the
    /// order they are seen (only signs of no width, such as a candrabindu shaped before the
    /// aa-kar it follows, or a reph, change places); none when a glyph that moves the pen is
    /// out of order (a pre-base vowel sign).
    pub reading: Option<Vec<usize>>,
}

impl Cluster {
    pub fn in_order(&self) -> bool {
        self.reading.is_some()
    }
}

/// The order in which a cluster's glyphs spell its text, if only glyphs of no width move.
fn reading_order(text: &str, glyphs: &[Placed]) -> Option<Vec<usize>> {
    let mut order: Vec<usize> = (0..glyphs.len()).collect();
    order.sort_by_key(|i| glyphs[*i].start);
    let spelled: String = order.iter().map(|i| glyphs[*i].text.as_str()).collect();
    if spelled != text {
        return None;
    }
    let advancing: Vec<usize> = order
        .iter()
        .copied()
        .filter(|i| glyphs[*i].advance.abs() > 0.01)
        .collect();
    advancing.windows(2).all(|w| w[0] < w[1]).then_some(order)
}

/// A run shaped into its clusters.
pub(crate) fn clusters(m: &Measure, script: Script, text: &str, size: f32) -> Vec<Cluster> {
    let glyphs = shape(m, script, text, size);
    let face = &m.faces[script as usize];
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let grouped = rustybuzz::shape(face, &[], buffer);
    let starts: Vec<usize> = grouped
        .glyph_infos()
        .iter()
        .map(|i| i.cluster as usize)
        .collect();
    if starts.len() != glyphs.len() {
        // Not expected (the cluster level does not change the glyphs); read as one cluster.
        return vec![Cluster {
            range: 0..text.len(),
            reading: None,
            glyphs,
        }];
    }
    let mut sorted = starts.clone();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out: Vec<Cluster> = Vec::new();
    for (start, glyph) in starts.into_iter().zip(glyphs) {
        match out.last_mut() {
            Some(c) if c.range.start == start => c.glyphs.push(glyph),
            _ => {
                let end = sorted
                    .iter()
                    .find(|s| **s > start)
                    .copied()
                    .unwrap_or(text.len());
                out.push(Cluster {
                    range: start..end,
                    glyphs: vec![glyph],
                    reading: None,
                });
            }
        }
    }
    for c in &mut out {
        c.reading = reading_order(text.get(c.range.clone()).unwrap_or_default(), &c.glyphs);
    }
    out
}

/// The text each glyph of each face stands for in this document: the first one it was given,
/// and whether krilla has it yet.
#[derive(Default)]
pub(crate) struct Texts(HashMap<(Script, u32), (String, bool)>);

impl Texts {
    /// The text to give krilla for this glyph: the one it has, or this one from now on.
    fn of(&mut self, script: Script, gid: u32, text: &str) -> Option<String> {
        if let Some((known, _)) = self.0.get(&(script, gid)) {
            return Some(known.clone());
        }
        if text.is_empty() {
            return None;
        }
        self.0.insert((script, gid), (text.to_string(), false));
        Some(text.to_string())
    }

    /// Notes that krilla has the glyph's text; returns whether it had it already.
    fn registered(&mut self, script: Script, gid: u32) -> bool {
        match self.0.get_mut(&(script, gid)) {
            Some((_, known)) => std::mem::replace(known, true),
            None => false,
        }
    }
}

/// Glyphs gathered to go out as one string: where it starts and ends, and the text of each
/// glyph in turn.
#[derive(Default)]
pub(crate) struct Batch {
    x: f32,
    end: f32,
    glyphs: Vec<KrillaGlyph>,
    text: String,
}

/// What a word is drawn with.
pub(crate) struct Pen<'a> {
    pub fonts: &'a Fonts,
    pub m: &'a Measure<'a>,
    pub texts: Texts,
    /// The document's language: a word in another script says its own.
    pub language: String,
}

/// The language of a word that is not in the document's: Bengali or Devanagari letters, or
/// English ones (digits and signs are everyone's).
fn language_of(word: &str, document: &str) -> Option<&'static str> {
    let has = |range: std::ops::RangeInclusive<char>| word.chars().any(|c| range.contains(&c));
    let lang = if has('\u{0985}'..='\u{09B9}') {
        "bn"
    } else if has('\u{0905}'..='\u{0939}') {
        "hi"
    } else if word.chars().any(|c| c.is_ascii_alphabetic()) {
        "en"
    } else {
        return None;
    };
    (lang != document).then_some(lang)
}

impl Pen<'_> {
    /// Draws one glyph at `at` (its pen position, offsets already applied) as text.
    fn glyph(&mut self, surface: &mut Surface, script: Script, at: Point, g: &Placed, size: f32) {
        let face = self.fonts.face(script);
        let Some(text) = self.texts.of(script, g.gid, &g.text) else {
            // A glyph that stands for no character of its own: drawn, but not as text.
            self.outline(surface, script, at, g, size);
            return;
        };
        let glyph = KrillaGlyph::new(
            GlyphId::new(g.gid),
            g.advance / size,
            0.0,
            0.0,
            0.0,
            0..text.len(),
            None,
        );
        self.texts.registered(script, g.gid);
        surface.draw_glyphs(at, &[glyph], face.font.clone(), &text, size, false);
    }

    /// Gives krilla a glyph's own text before it is drawn inside a span: drawn once into a
    /// stream that no page uses, which records the ToUnicode entry and nothing else.
    fn register(&mut self, surface: &mut Surface, script: Script, g: &Placed, size: f32) {
        let Some(text) = self.texts.of(script, g.gid, &g.text) else {
            return;
        };
        if self.texts.registered(script, g.gid) {
            return;
        }
        let face = self.fonts.face(script);
        let glyph = KrillaGlyph::new(GlyphId::new(g.gid), 0.0, 0.0, 0.0, 0.0, 0..text.len(), None);
        let mut builder = surface.stream_builder();
        let mut unused = builder.surface();
        unused.draw_glyphs(
            Point::from_xy(0.0, 0.0),
            &[glyph],
            face.font.clone(),
            &text,
            size,
            false,
        );
        unused.finish();
        let _unused = builder.finish();
    }

    fn outline(&mut self, surface: &mut Surface, script: Script, at: Point, g: &Placed, size: f32) {
        let face = self.fonts.face(script);
        let glyph = KrillaGlyph::new(GlyphId::new(g.gid), 0.0, 0.0, 0.0, 0.0, 0..0, None);
        surface.draw_glyphs(at, &[glyph], face.font.clone(), "", size, true);
    }

    /// Draws a run of glyphs from `x` on the baseline `y`; returns where the pen ends.
    #[allow(clippy::too_many_arguments)]
    fn run(
        &mut self,
        surface: &mut Surface,
        script: Script,
        x: f32,
        y: f32,
        text: &str,
        shaped: Vec<Cluster>,
        size: f32,
    ) -> f32 {
        let mut pen = x;
        let mut batch = Batch::default();
        for cluster in shaped {
            if let Some(reading) = &cluster.reading {
                pen = self.in_order(
                    surface,
                    script,
                    (pen, y),
                    &cluster.glyphs,
                    reading,
                    size,
                    &mut batch,
                );
            } else {
                self.flush(surface, script, y, size, &mut batch);
                pen = self.reordered(surface, script, pen, y, text, &cluster, size);
            }
        }
        self.flush(surface, script, y, size, &mut batch);
        pen
    }

    /// Draws the glyphs gathered so far as one piece of text.
    fn flush(
        &mut self,
        surface: &mut Surface,
        script: Script,
        y: f32,
        size: f32,
        batch: &mut Batch,
    ) {
        if batch.glyphs.is_empty() {
            return;
        }
        let face = self.fonts.face(script);
        surface.draw_glyphs(
            Point::from_xy(batch.x, y),
            &batch.glyphs,
            face.font.clone(),
            &batch.text,
            size,
            false,
        );
        *batch = Batch::default();
    }

    /// A cluster whose glyphs are not in the order of its characters: one piece, which krilla
    /// spans with its text as `ActualText`.
    #[allow(clippy::too_many_arguments)]
    fn reordered(
        &mut self,
        surface: &mut Surface,
        script: Script,
        x: f32,
        y: f32,
        text: &str,
        cluster: &Cluster,
        size: f32,
    ) -> f32 {
        for g in &cluster.glyphs {
            self.register(surface, script, g, size);
        }
        let glyphs: Vec<KrillaGlyph> = cluster
            .glyphs
            .iter()
            .map(|g| {
                KrillaGlyph::new(
                    GlyphId::new(g.gid),
                    g.advance / size,
                    g.x_offset / size,
                    g.y_offset / size,
                    0.0,
                    cluster.range.clone(),
                    None,
                )
            })
            .collect();
        let face = self.fonts.face(script);
        surface.draw_glyphs(
            Point::from_xy(x, y),
            &glyphs,
            face.font.clone(),
            text,
            size,
            false,
        );
        x + cluster.glyphs.iter().map(|g| g.advance).sum::<f32>()
    }

    /// A cluster whose glyphs spell its characters in order: glyph by glyph.
    #[allow(clippy::too_many_arguments)]
    fn in_order(
        &mut self,
        surface: &mut Surface,
        script: Script,
        (x, y): (f32, f32),
        glyphs: &[Placed],
        reading: &[usize],
        size: f32,
        batch: &mut Batch,
    ) -> f32 {
        // Where each glyph is drawn: the pen moves in the order shaping put them.
        let mut pens = Vec::with_capacity(glyphs.len());
        let mut pen = x;
        for g in glyphs {
            pens.push(pen);
            pen += g.advance;
        }
        let face = &self.m.faces[script as usize];
        let units = size / face.units_per_em() as f32;
        // Where it is read: after the last glyph read that moved the pen.
        let mut read_at = x;
        for &i in reading {
            let (g, at) = (&glyphs[i], pens[i]);
            let moved = g.x_offset.abs() > 0.01 || g.y_offset.abs() > 0.01;
            if moved || (g.advance.abs() <= 0.01 && (at - read_at).abs() > 0.01) {
                self.flush(surface, script, y, size, batch);
                // Seen where it belongs; read where the reading has got to.
                let seen = Point::from_xy(at + g.x_offset, y - g.y_offset);
                self.outline(surface, script, seen, g, size);
                if self.texts.of(script, g.gid, &g.text).is_some() {
                    surface.set_fill(Some(Fill {
                        opacity: NormalizedF32::ZERO,
                        ..Fill::default()
                    }));
                    self.glyph(surface, script, Point::from_xy(read_at, y), g, size);
                    surface.set_fill(None);
                }
                continue;
            }
            let Some(text) = self.texts.of(script, g.gid, &g.text) else {
                self.flush(surface, script, y, size, batch);
                self.outline(surface, script, Point::from_xy(at, y), g, size);
                read_at = at + g.advance;
                continue;
            };
            // Glyphs that follow one another at the font's own advance go out as one string
            // (no adjustment between them); any other starts a piece of its own.
            let own = face
                .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(g.gid as u16))
                .map(|a| a as f32 * units);
            let plain = own.is_some_and(|a| (a - g.advance).abs() < 0.001 * size);
            if !plain || batch.glyphs.is_empty() || (batch.end - at).abs() > 0.01 {
                self.flush(surface, script, y, size, batch);
                batch.x = at;
            }
            self.texts.registered(script, g.gid);
            let range = batch.text.len()..batch.text.len() + text.len();
            batch.text.push_str(&text);
            batch.glyphs.push(KrillaGlyph::new(
                GlyphId::new(g.gid),
                g.advance / size,
                0.0,
                0.0,
                0.0,
                range,
                None,
            ));
            batch.end = at + g.advance;
            if !plain {
                self.flush(surface, script, y, size, batch);
            }
            read_at = at + g.advance;
        }
        pen
    }

    /// Draws a word at `x` on the baseline `y`; returns where the pen ends. With `tagged`, the
    /// word is a marked-content span of its own (with its language when it is not the
    /// document's), and its identifier is returned for the tag tree; without (a running header
    /// or footer, marked as an artifact), it is drawn inside the caller's marked content.
    pub fn word(
        &mut self,
        surface: &mut Surface,
        x: f32,
        y: f32,
        word: &str,
        size: f32,
        tagged: bool,
    ) -> (f32, Option<Identifier>) {
        let shaped: Vec<(Script, &str, Vec<Cluster>)> = runs(word)
            .into_iter()
            .map(|(script, text)| (script, text, clusters(self.m, script, text, size)))
            .collect();
        // A word with reordered glyphs carries itself as alternate text too: a reader of the
        // tag tree that does not look into the clusters' `ActualText` still gets it whole.
        let reordered = shaped
            .iter()
            .any(|(_, _, cs)| cs.iter().any(|c| !c.in_order()));
        let id = tagged.then(|| {
            let lang = language_of(word, &self.language);
            let alt = reordered.then_some(word);
            surface.start_tagged(ContentTag::Span(
                SpanTag::empty().with_lang(lang).with_alt_text(alt),
            ))
        });
        let mut pen = x;
        for (script, text, cs) in shaped {
            pen = self.run(surface, script, pen, y, text, cs, size);
        }
        if tagged {
            surface.end_tagged();
        }
        (pen, id)
    }

    /// Draws the space between two words as a space character, so that a reader of the tag
    /// tree (or of the text) finds the word break; returns where the pen ends.
    pub fn space(
        &mut self,
        surface: &mut Surface,
        x: f32,
        y: f32,
        size: f32,
        tagged: bool,
    ) -> (f32, Option<Identifier>) {
        let id = tagged.then(|| surface.start_tagged(ContentTag::Span(SpanTag::empty())));
        let shaped = clusters(self.m, Script::Latin, " ", size);
        let pen = self.run(surface, Script::Latin, x, y, " ", shaped, size);
        if tagged {
            surface.end_tagged();
        }
        (pen, id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_glyph_stands_for_its_own_characters() {
        let Ok(fonts) = Fonts::from_env() else {
            panic!("fonts-noto-core is needed (scripts/test-deps installs it)");
        };
        let m = Measure::new(&fonts).expect("faces");
        let texts = |script, word| -> Vec<String> {
            shape(&m, script, word, 11.0)
                .into_iter()
                .map(|g| g.text)
                .collect()
        };
        // A conjunct stands for its three characters; the u-sign under it for itself.
        assert_eq!(texts(Script::Bengali, "স্কুল"), ["স্ক", "ু", "ল"]);
        // The i-matra is drawn first but stands for itself; the o-kar's halves for theirs.
        assert_eq!(
            texts(Script::Bengali, "কিশোরী"),
            ["ি", "ক", "ে", "শ", "া", "র", "ী"]
        );
        assert_eq!(texts(Script::Devanagari, "कैसा"), ["क", "ै", "स", "ा"]);
        // The candrabindu's glyph comes before the aa-kar's: each keeps its own character.
        assert_eq!(texts(Script::Bengali, "চাঁদ"), ["চ", "ঁ", "া", "দ"]);
        // The vowel signs placed by an offset are the ones drawn twice.
        let moved: Vec<String> = shape(&m, Script::Devanagari, "कैसा", 11.0)
            .into_iter()
            .filter(|g| g.x_offset != 0.0)
            .map(|g| g.text)
            .collect();
        assert_eq!(moved, ["ै"]);
    }

    #[test]
    fn a_word_in_another_script_says_its_language() {
        assert_eq!(language_of("স্কুল", "hi"), Some("bn"));
        assert_eq!(language_of("স্কুল", "bn"), None);
        assert_eq!(
            language_of("PTSD-র", "bn"),
            None,
            "Bengali letters in a Bengali report"
        );
        assert_eq!(language_of("counselling", "bn"), Some("en"));
        assert_eq!(language_of("१२,", "en"), None, "digits are everyone's");
    }
}
