//! A filled assessment read back: in the form version it was filled in, only the sections the
//! reader may read, with glossary terms explained; for the page and as a PDF report.

use domain::Case;
use domain::consent::SectionClass;

use crate::{App, Error, Tr, forms};

/// The assessment as shown to her, and as printed.
pub struct Reading {
    pub title: String,
    pub meta: String,
    pub hidden_note: Option<String>,
    pub sections: Vec<forms::ShownSection>,
    pub plain_words: Vec<(String, String)>,
}

/// Who reads an assessment: the classes her role reads, and what her organisation holds
/// (`sight`). She sees a section only where both allow it.
pub struct Reader<'a> {
    pub role: &'a (dyn Fn(SectionClass) -> bool + Sync),
    pub sight: &'a domain::sight::Sight,
}

pub async fn reading(
    app: &App,
    reader: &Reader<'_>,
    t: Tr<'_>,
    case: &Case,
    aid: domain::AssessmentId,
    html: bool,
) -> Result<Reading, Error> {
    let (store, lang) = (&app.store, t.lang);
    let (a, form) = forms::assessment_of(store, case, aid, reader.sight).await?;
    let may = |class| (reader.role)(class) && reader.sight.sees(class, a.org);
    let (mut sections, hidden) =
        forms::show(&form, &a, lang, &may, &t.get("form-yes"), &t.get("form-no"));
    let glossary = app.glossary().await?;
    let texts: Vec<String> = sections
        .iter_mut()
        .flat_map(answers_mut)
        .map(|a| a.value.clone())
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let plain_words = glossary.explained(&refs, lang);
    if html {
        for answer in sections.iter_mut().flat_map(answers_mut) {
            answer.value = glossary.highlight(&answer.value, lang);
        }
    }
    // A photo, recording or file answer is named by its document, and on a page links to it
    // (opening it is recorded there, as for any document). One she may not open is said so.
    if sections
        .iter_mut()
        .flat_map(answers_mut)
        .any(|a| a.document.is_some())
    {
        let documents = store.documents_of(case.id, reader.sight).await?;
        for answer in sections.iter_mut().flat_map(answers_mut) {
            let Some(id) = answer.document else { continue };
            answer.value = match documents
                .iter()
                .find(|d| d.id == id && (reader.role)(d.class))
            {
                Some(d) if html => format!(
                    "<a href=\"/cases/{}/documents/{id}\">{}</a>",
                    case.id,
                    crate::glossary::escape(&d.name)
                ),
                Some(d) => d.name.clone(),
                None => t.get("assessment-document-closed"),
            };
        }
    }
    let author = store
        .user(a.recorded_by)
        .await?
        .map(|u| u.name().to_string())
        .unwrap_or_default();
    Ok(Reading {
        title: format!("{} · {}", form.def.title.get(lang), case.code.as_str()),
        meta: format!(
            "{} · {} · {}",
            t.with("form-version", "version", &t.number(a.form_version)),
            t.datetime(&a.recorded_at),
            author
        ),
        hidden_note: (hidden > 0).then(|| t.count("assessment-sections-hidden", hidden)),
        sections,
        plain_words,
    })
}

/// The assessment as a PDF report in the reader's language, times on her organisation's clock:
/// the case code in the header, never her name; only the sections `reader` may read.
pub async fn assessment_pdf(
    app: &App,
    reader: &Reader<'_>,
    case: &Case,
    aid: domain::AssessmentId,
    t: Tr<'_>,
) -> Result<Vec<u8>, Error> {
    use pdf::Block;
    let (i18n, language) = (&*app.i18n, t.lang);
    let r = reading(app, reader, t, case, aid, false).await?;
    let mut blocks = vec![Block::Title(r.title.clone()), Block::Meta(r.meta)];
    if let Some(note) = r.hidden_note {
        blocks.push(Block::Paragraph(note));
    }
    for s in r.sections {
        blocks.push(Block::Heading(s.label));
        for a in s.answers {
            blocks.push(Block::Term(a.label, a.value));
        }
        for (label, columns, rows) in s.tables {
            blocks.push(Block::Paragraph(label));
            for row in rows {
                let cells: Vec<String> = columns
                    .iter()
                    .zip(row)
                    .filter(|(_, v)| !v.value.is_empty())
                    .map(|(c, v)| format!("{c}: {}", v.value))
                    .collect();
                blocks.push(Block::Bullet(cells.join(" · ")));
            }
        }
    }
    if !r.plain_words.is_empty() {
        blocks.push(Block::Heading(t.get("assessment-plain-words")));
        blocks.extend(r.plain_words.into_iter().map(|(a, b)| Block::Term(a, b)));
    }
    let report = pdf::Report {
        language: language.code().to_string(),
        title: r.title,
        header: t.with("pdf-header", "code", case.code.as_str()),
        blocks,
    };
    super::render(report, i18n, language).await
}

/// Every answer of a section: its own, then those in its repeats' rows.
fn answers_mut(s: &mut forms::ShownSection) -> impl Iterator<Item = &mut forms::Shown> {
    s.answers.iter_mut().chain(
        s.tables
            .iter_mut()
            .flat_map(|(_, _, rows)| rows.iter_mut().flatten()),
    )
}
