//! Charts drawn as shapes on the page, for the indicator report: a bar against a target and a
//! trend line over a few periods. Their words (names, figures, periods) are written as text
//! blocks beside them, in the reader's language, so a chart carries no text of its own.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Rect};
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;

/// A picture in a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chart {
    /// A bar from 0 to `max`, filled to `value`, with a mark at `target` when there is one.
    Bar {
        value: u64,
        max: u64,
        target: Option<u64>,
    },
    /// A line over periods, oldest first, from 0 to `max`; a period without a value (hidden or
    /// no data) has no point, and the line breaks there.
    Trend { points: Vec<Option<u64>>, max: u64 },
}

const BAR_HEIGHT: f32 = 16.0;
const TREND_HEIGHT: f32 = 64.0;

impl Chart {
    /// The height it takes on the page, in points.
    pub fn height(&self) -> f32 {
        match self {
            Chart::Bar { .. } => BAR_HEIGHT,
            Chart::Trend { .. } => TREND_HEIGHT,
        }
    }
}

fn grey() -> Fill {
    Fill {
        paint: rgb::Color::new(0xdd, 0xdd, 0xdd).into(),
        ..Fill::default()
    }
}

fn ink() -> Fill {
    Fill {
        paint: rgb::Color::new(0x1f, 0x5f, 0x8b).into(),
        ..Fill::default()
    }
}

fn rect(surface: &mut Surface, x: f32, y: f32, w: f32, h: f32, fill: Fill) {
    let mut path = PathBuilder::new();
    if let Some(r) = Rect::from_xywh(x, y, w.max(0.0), h) {
        path.push_rect(r);
    }
    if let Some(path) = path.finish() {
        surface.set_fill(Some(fill));
        surface.set_stroke(None);
        surface.draw_path(&path);
    }
}

fn scale(value: u64, max: u64, length: f32) -> f32 {
    let max = max.max(1);
    length * value.min(max) as f32 / max as f32
}

/// Draws `chart` with its top left corner at (`x`, `top`), `width` wide. Leaves the surface
/// with no fill or stroke set, as text expects it.
pub(crate) fn draw(surface: &mut Surface, x: f32, top: f32, width: f32, chart: &Chart) {
    match chart {
        Chart::Bar { value, max, target } => {
            rect(surface, x, top + 2.0, width, BAR_HEIGHT - 4.0, grey());
            rect(
                surface,
                x,
                top + 2.0,
                scale(*value, *max, width),
                BAR_HEIGHT - 4.0,
                ink(),
            );
            if let Some(target) = target {
                let tx = x + scale(*target, *max, width);
                rect(surface, tx - 1.0, top, 2.0, BAR_HEIGHT, Fill::default());
            }
        }
        Chart::Trend { points, max } => {
            let bottom = top + TREND_HEIGHT - 6.0;
            let span = TREND_HEIGHT - 12.0;
            rect(surface, x, bottom, width, 1.0, grey());
            let step = width / points.len().max(1) as f32;
            let at =
                |i: usize, v: u64| (x + step * (i as f32 + 0.5), bottom - scale(v, *max, span));
            // Each unbroken run of points as one line.
            let mut run = PathBuilder::new();
            let mut started = false;
            let mut runs = Vec::new();
            for (i, p) in points.iter().enumerate() {
                match p {
                    Some(v) => {
                        let (px, py) = at(i, *v);
                        if started {
                            run.line_to(px, py);
                        } else {
                            run.move_to(px, py);
                            started = true;
                        }
                    }
                    None if started => {
                        runs.push(std::mem::replace(&mut run, PathBuilder::new()));
                        started = false;
                    }
                    None => {}
                }
            }
            if started {
                runs.push(run);
            }
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: rgb::Color::new(0x1f, 0x5f, 0x8b).into(),
                width: 1.5,
                ..Stroke::default()
            }));
            for path in runs.into_iter().filter_map(PathBuilder::finish) {
                surface.draw_path(&path);
            }
            for (i, p) in points.iter().enumerate() {
                if let Some(v) = p {
                    let (px, py) = at(i, *v);
                    rect(surface, px - 2.5, py - 2.5, 5.0, 5.0, ink());
                }
            }
        }
    }
    surface.set_fill(None);
    surface.set_stroke(None);
}
