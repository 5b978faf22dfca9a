//! The indicator report out of Saathi: a workbook (one sheet per indicator, suppressed cells
//! marked) and a PDF in the reader's language with the charts drawn. Both are made from the
//! same `view` the page and the API show, so the same figures are hidden in every one of them,
//! and each is checked by the policy through that view and audited before it leaves.

use domain::Language;
use domain::OrgId;
use domain::audit::AuditAction;
use domain::indicators::Period;

use super::words::{drawn, figure_text, period_label};
use super::{Figure, Indicators, Line, Measure, TrainingFigures, Value};
use crate::exports::sheet::{self, Cell, Table};
use crate::{Acting, App, Error, Tr};

/// What the report is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Xlsx,
    Pdf,
}

impl ReportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Xlsx => "xlsx",
            ReportFormat::Pdf => "pdf",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ReportFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            ReportFormat::Pdf => "application/pdf",
        }
    }
}

/// A written report: its file name and bytes.
#[derive(Debug, Clone)]
pub struct ReportFile {
    pub file_name: String,
    pub format: ReportFormat,
    pub bytes: Vec<u8>,
}

/// The report of what the reader may see for `period` (and `organisation`, as `view` takes
/// it), in `language`, audited.
pub async fn report(
    app: &App,
    acting: &Acting,
    period: Period,
    organisation: Option<OrgId>,
    language: Language,
    format: ReportFormat,
) -> Result<ReportFile, Error> {
    let (actor, _, _) = acting.signed_in()?;
    let view = super::view(app, acting, period, organisation).await?;
    // Her organisation's clock, for when the figures were computed.
    let zone = app.store.time_zone_of(actor.org_id).await?;
    let t = Tr::new(&app.i18n, language, &zone);
    let bytes = match format {
        ReportFormat::Xlsx => sheet::xlsx(&tables(&t, &view))?,
        ReportFormat::Pdf => {
            crate::reports::render(pdf_report(&t, &view), &app.i18n, language).await?
        }
    };
    // A director's report is about her organisation; the network admin's about the one she
    // named, or the network.
    let scope = organisation
        .or((view.network.is_none() && !view.organisations.is_empty()).then_some(actor.org_id));
    let period_text = period.to_string();
    let organisation_text = organisation.map(|o| o.to_string()).unwrap_or_default();
    let mut pairs = vec![
        ("format", format.extension()),
        ("period", period_text.as_str()),
        ("language", language.code()),
    ];
    if !organisation_text.is_empty() {
        pairs.push(("organisation", organisation_text.as_str()));
    }
    let event = acting
        .event(
            AuditAction::IndicatorsExported,
            format!("indicators:{period}"),
            scope,
        )
        .with_detail(crate::accounts::detail(&pairs));
    app.store.append_audit(event).await?;
    Ok(ReportFile {
        file_name: format!("indicators-{period}.{}", format.extension()),
        format,
        bytes,
    })
}

/// A name and its lines: an organisation's, or the network's.
type Holder = (String, Vec<Line>);

/// Whose lines the report holds, in order: the network's total first when shown, then each
/// organisation.
fn holders(t: &Tr, view: &Indicators) -> Vec<Holder> {
    let mut out = Vec::new();
    if let Some(network) = &view.network {
        out.push((t.get("indicators-network-total"), network.clone()));
    }
    out.extend(
        view.organisations
            .iter()
            .map(|o| (o.name.clone(), o.lines.clone())),
    );
    out
}

/// The periods a line's rows cover: the four quarters of the trend, and the year when a year
/// was asked for (a quarter asked for is the trend's last).
fn periods(view: &Indicators) -> Vec<Period> {
    let mut list = view.trend.clone();
    if !list.contains(&view.period) {
        list.push(view.period);
    }
    list
}

fn figure_of(line: &Line, view: &Indicators, p: Period) -> Figure {
    if p == view.period {
        return line.period;
    }
    view.trend
        .iter()
        .position(|q| *q == p)
        .and_then(|i| line.trend.get(i).copied())
        .unwrap_or(Figure::Suppressed)
}

const HEADER: [&str; 7] = [
    "organisation",
    "period",
    "figure",
    "n",
    "value",
    "p90",
    "status",
];

/// One row: who, when, the figure in words, then its parts as numbers; a hidden figure's
/// cells are marked, never left to look like a zero.
/// A count in a workbook cell (a number, so that a spreadsheet can add it up).
pub(super) fn count(v: u64) -> Cell {
    Cell::Count(i64::try_from(v).unwrap_or(i64::MAX))
}

fn row(t: &Tr, holder: &str, measure: Measure, p: Period, figure: Figure) -> Vec<Cell> {
    let mut cells = vec![
        Cell::from(holder),
        Cell::Text(p.to_string()),
        Cell::Text(figure_text(t, measure, figure)),
    ];
    let (n, value, p90, status) = match figure {
        Figure::Suppressed => {
            let marked = Cell::Text(t.get("indicators-export-suppressed"));
            (marked.clone(), marked.clone(), marked, "suppressed")
        }
        Figure::Shown { n, value } => {
            let blank = || Cell::from("");
            match value {
                Value::Percent(Some(p)) => (count(n), count(p), blank(), "shown"),
                Value::Count(c) => (count(n), count(c), blank(), "shown"),
                Value::Spread {
                    median: Some(m),
                    p90,
                } => (
                    count(n),
                    Cell::Count(m),
                    p90.map(Cell::Count).unwrap_or_else(blank),
                    "shown",
                ),
                Value::Percent(None) | Value::Spread { median: None, .. } => {
                    (count(n), blank(), blank(), "no-data")
                }
            }
        }
    };
    cells.extend([n, value, p90, Cell::from(status)]);
    cells
}

/// One sheet per indicator (each organisation's rows, and the network's), and one for the
/// training part when the reader sees it.
pub fn tables(t: &Tr, view: &Indicators) -> Vec<Table> {
    let holders = holders(t, view);
    let periods = periods(view);
    let mut tables: Vec<Table> = Measure::ALL
        .iter()
        .enumerate()
        .map(|(m, &measure)| {
            let mut table = Table::new(measure.key(), HEADER.map(String::from).to_vec());
            for (holder, lines) in &holders {
                if let Some(line) = lines.get(m) {
                    for &p in &periods {
                        table
                            .rows
                            .push(row(t, holder, measure, p, figure_of(line, view, p)));
                    }
                }
            }
            table
        })
        .filter(|_| !holders.is_empty())
        .collect();
    tables.extend(months_sheet(t, view));
    tables.extend(super::repatriation::sheet(t, view));
    tables.extend(super::her_view::table(t, view));
    tables.extend(super::her_view::trend_table(t, view));
    tables.push(computed_sheet(t, view));
    if let Some(training) = view.training {
        let mut table = Table::new("training", HEADER.map(String::from).to_vec());
        for (label, figure) in [
            ("indicators-training-dropout", training.dropout),
            ("indicators-training-exchange", training.exchange_coverage),
        ] {
            let mut cells = row(t, &t.get(label), Measure::VoiceLately, view.period, figure);
            // Training figures are the programme's to date, not a quarter's.
            cells[1] = Cell::from("");
            table.rows.push(cells);
        }
        tables.push(table);
    }
    tables
}

/// When the figures were computed (`computed`): on the reader's organisation's clock in her
/// words, and as an instant for a program reading the workbook.
fn computed_sheet(t: &Tr, view: &Indicators) -> Table {
    let mut table = Table::new(
        "computed",
        vec!["computed".into(), "computed-at".into(), "refreshing".into()],
    );
    table.rows.push(vec![
        Cell::Text(t.with(
            "indicators-computed-at",
            "at",
            &t.datetime(&view.computed_at),
        )),
        Cell::Text(view.computed_at.to_rfc3339()),
        Cell::from(if view.refreshing { "yes" } else { "no" }),
    ]);
    table
}

/// R5 by month (`r5-by-month`): a row per organisation and month of the period, as the page
/// shows them under R5's card; a hidden month's cells marked. The network's total is not split
/// by month, as on the page.
fn months_sheet(t: &Tr, view: &Indicators) -> Option<Table> {
    if view.organisations.iter().all(|o| o.months.is_empty()) {
        return None;
    }
    let mut header = HEADER.map(String::from).to_vec();
    header[1] = "month".into();
    let mut table = Table::new("r5-by-month", header);
    for o in &view.organisations {
        for (first, figure) in &o.months {
            let mut cells = row(t, &o.name, Measure::PositiveResponses, view.period, *figure);
            cells[1] = Cell::Text(month_key(*first));
            table.rows.push(cells);
        }
    }
    Some(table)
}

/// A month as the API and the workbook name it: `2026-07`.
pub fn month_key(first: time::Date) -> String {
    format!("{:04}-{:02}", first.year(), u8::from(first.month()))
}

/// R5's months in the PDF, under the organisation's R5 figure: each in her words and digits.
fn month_blocks(t: &Tr, months: &[(time::Date, Figure)], blocks: &mut Vec<pdf::Block>) {
    if months.is_empty() {
        return;
    }
    blocks.push(pdf::Block::Meta(t.get("indicators-by-month")));
    for (first, figure) in months {
        blocks.push(pdf::Block::Bullet(format!(
            "{}: {}",
            i18n::format_month(t.lang, *first),
            figure_text(t, Measure::PositiveResponses, *figure)
        )));
    }
}

/// Whether a figure is drawn as a bar against 100: a share, or the completeness score.
fn share_like(measure: Measure, figure: Figure) -> bool {
    matches!(
        figure,
        Figure::Shown {
            value: Value::Percent(_),
            ..
        }
    ) || measure == Measure::Completeness
}

/// The report as PDF blocks: each holder's indicators, a bar against the target and the
/// trend drawn for each, their figures written beside them; the counts second; the training
/// part last.
pub fn pdf_report(t: &Tr, view: &Indicators) -> pdf::Report {
    use pdf::{Block, Chart};
    let period = period_label(t, view.period);
    let title = t.get("indicators-title");
    let mut blocks = vec![
        Block::Title(title.clone()),
        Block::Meta(period.clone()),
        Block::Paragraph(t.get("indicators-intro")),
        Block::Meta(t.get("indicators-small-numbers")),
        Block::Meta(t.with(
            "indicators-computed-at",
            "at",
            &t.datetime(&view.computed_at),
        )),
    ];
    let holders = holders(t, view);
    // The network admin's report: the network's total, each member's figure under it.
    let (shown, members): (Vec<Holder>, Vec<Holder>) = if view.network.is_some() {
        let mut all = holders.into_iter();
        (all.next().into_iter().collect(), all.collect())
    } else {
        (holders, Vec::new())
    };
    for (holder, lines) in &shown {
        blocks.push(Block::Heading(format!("{holder} · {period}")));
        for (m, line) in lines.iter().enumerate() {
            let measure = line.measure;
            if measure.is_field_count() {
                continue;
            }
            blocks.push(Block::Heading(
                t.get(&format!("indicator-{}", measure.key())),
            ));
            let mut figure = figure_text(t, measure, line.period);
            if let Some(target) = measure.target() {
                let value = if measure == Measure::ApprovedWithoutHer {
                    super::words::number(t, target)
                } else {
                    super::words::percent(t, target)
                };
                figure = format!(
                    "{figure} · {}",
                    t.with("indicators-target", "target", &value)
                );
            }
            blocks.push(Block::Paragraph(figure));
            let share = share_like(measure, line.period);
            if let (true, Some(value)) = (share, drawn(line.period)) {
                blocks.push(Block::Chart(Chart::Bar {
                    value,
                    max: 100,
                    target: measure.target(),
                }));
            }
            let points: Vec<Option<u64>> = line.trend.iter().map(|f| drawn(*f)).collect();
            let max = if share {
                100
            } else {
                points.iter().flatten().copied().max().unwrap_or(1)
            };
            blocks.push(Block::Meta(t.get("indicators-trend")));
            blocks.push(Block::Chart(Chart::Trend { points, max }));
            blocks.push(Block::Meta(
                view.trend
                    .iter()
                    .zip(&line.trend)
                    .map(|(p, f)| {
                        format!("{}: {}", period_label(t, *p), figure_text(t, measure, *f))
                    })
                    .collect::<Vec<_>>()
                    .join(" · "),
            ));
            if measure == Measure::PositiveResponses && view.network.is_none() {
                let months = view
                    .organisations
                    .iter()
                    .find(|o| o.name == *holder)
                    .map(|o| o.months.as_slice());
                month_blocks(t, months.unwrap_or_default(), &mut blocks);
            }
            for (member, member_lines) in &members {
                if let Some(l) = member_lines.get(m) {
                    blocks.push(Block::Bullet(format!(
                        "{member}: {}",
                        figure_text(t, measure, l.period)
                    )));
                }
            }
        }
        let steps = if view.network.is_some() {
            view.network_repatriation.as_deref()
        } else {
            view.organisations
                .iter()
                .find(|o| o.name == *holder)
                .map(|o| o.repatriation.as_slice())
        };
        super::repatriation::pdf_blocks(t, steps.unwrap_or_default(), &mut blocks);
        blocks.push(Block::Heading(t.get("indicators-counts")));
        blocks.push(Block::Meta(t.get("indicators-counts-note")));
        let counts: Vec<&Line> = lines
            .iter()
            .filter(|l| l.measure.is_field_count())
            .collect();
        let max = counts
            .iter()
            .filter_map(|l| drawn(l.period))
            .max()
            .unwrap_or(1);
        for line in counts {
            blocks.push(Block::Paragraph(format!(
                "{}: {}",
                t.get(&format!("indicator-{}", line.measure.key())),
                figure_text(t, line.measure, line.period)
            )));
            if let Some(value) = drawn(line.period) {
                blocks.push(Block::Chart(Chart::Bar {
                    value,
                    max,
                    target: None,
                }));
            }
        }
    }
    super::her_view::pdf_blocks(t, view, &mut blocks);
    if let Some(training) = view.training {
        training_blocks(t, training, &mut blocks);
    }
    if shown.is_empty() && view.training.is_none() {
        blocks.push(Block::Paragraph(t.get("indicators-empty")));
    }
    pdf::Report {
        language: t.lang.code().to_string(),
        header: format!("Saathi · {title} · {period}"),
        title,
        blocks,
    }
}

fn training_blocks(t: &Tr, f: TrainingFigures, blocks: &mut Vec<pdf::Block>) {
    use pdf::{Block, Chart};
    blocks.push(Block::Heading(t.get("indicators-training")));
    let projected = super::words::percent(t, f.projected_dropout);
    blocks.push(Block::Paragraph(format!(
        "{}: {} · {}",
        t.get("indicators-training-dropout"),
        figure_text(t, Measure::VoiceLately, f.dropout),
        t.with("indicators-training-projected", "projected", &projected)
    )));
    if let Some(p) = drawn(f.dropout) {
        // From 0 to 10%, as the page draws it.
        blocks.push(Block::Chart(Chart::Bar {
            value: p * 10,
            max: 100,
            target: Some(f.projected_dropout * 10),
        }));
    }
    blocks.push(Block::Paragraph(format!(
        "{}: {}",
        t.get("indicators-training-exchange"),
        figure_text(t, Measure::VoiceLately, f.exchange_coverage)
    )));
    if let Some(p) = drawn(f.exchange_coverage) {
        blocks.push(Block::Chart(Chart::Bar {
            value: p,
            max: 100,
            target: Some(100),
        }));
    }
}
