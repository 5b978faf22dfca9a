//! The indicator page's pictures, drawn on the server as SVG with no JavaScript: a bar against
//! its target, a line over the four quarters of the trend, and a funnel of the field's counts.
//! This module only places things; the words and digits come from the page, in her language.

/// The drawing area of every chart, in SVG units; the page scales it to the screen's width.
pub const WIDTH: u64 = 300;

/// A share or score from 0 to 100 as a bar, with the target's mark.
pub struct Bar {
    /// The filled width, in SVG units.
    pub filled: u64,
    /// Where the target's mark stands, if there is one.
    pub target_x: Option<u64>,
}

impl Bar {
    pub fn of(percent: u64, target: Option<u64>) -> Self {
        let x = |p: u64| p.min(100) * WIDTH / 100;
        Bar {
            filled: x(percent),
            target_x: target.map(x),
        }
    }
}

/// One point of a trend line: a quarter that has a figure to show.
pub struct Point {
    pub x: u64,
    pub y: u64,
    /// What the point says, for its `<title>`.
    pub label: String,
}

/// The trend over four quarters. A hidden or empty quarter has no point, and the line breaks
/// there rather than joining its neighbours across it.
pub struct Trend {
    /// Each unbroken run of the line, as the `points` attribute of a `<polyline>`.
    pub runs: Vec<String>,
    pub points: Vec<Point>,
    /// The axis labels under each quarter, on two lines: (x, months, year).
    pub axis: Vec<(u64, String, String)>,
}

/// The height of a trend's drawing area and the band its values are drawn in.
pub const TREND_HEIGHT: u64 = 120;
const TOP: u64 = 10;
const BOTTOM: u64 = 80;

impl Trend {
    /// `values` holds one entry per quarter (`None` when hidden or empty), with its label;
    /// `scale` is the value drawn at the top (100 for shares; the largest value for counts).
    pub fn of(values: &[(Option<u64>, String)], axis: Vec<(String, String)>, scale: u64) -> Self {
        let step = WIDTH / values.len().max(1) as u64;
        let x = |i: usize| step / 2 + i as u64 * step;
        let scale = scale.max(1);
        let y = |v: u64| BOTTOM - v.min(scale) * (BOTTOM - TOP) / scale;
        let mut runs = Vec::new();
        let mut run: Vec<String> = Vec::new();
        let mut points = Vec::new();
        for (i, (value, label)) in values.iter().enumerate() {
            match value {
                Some(v) => {
                    run.push(format!("{},{}", x(i), y(*v)));
                    points.push(Point {
                        x: x(i),
                        y: y(*v),
                        label: label.clone(),
                    });
                }
                None => {
                    if run.len() > 1 {
                        runs.push(run.join(" "));
                    }
                    run.clear();
                }
            }
        }
        if run.len() > 1 {
            runs.push(run.join(" "));
        }
        Trend {
            runs,
            points,
            axis: axis
                .into_iter()
                .enumerate()
                .map(|(i, (months, year))| (x(i), months, year))
                .collect(),
        }
    }
}

/// One stage of the funnel of counts: a bar as long as its count against the largest.
pub struct Step {
    pub label: String,
    pub figure: String,
    /// `None` when the count is hidden: no bar is drawn that would give it away.
    pub width: Option<u64>,
    pub y: u64,
}

/// The height of one funnel step, in SVG units.
pub const STEP_HEIGHT: u64 = 34;

/// Lays the steps out top to bottom; `counts` are `None` where hidden.
pub fn funnel(steps: Vec<(String, String, Option<u64>)>) -> Vec<Step> {
    let largest = steps.iter().filter_map(|s| s.2).max().unwrap_or(0).max(1);
    steps
        .into_iter()
        .enumerate()
        .map(|(i, (label, figure, count))| Step {
            label,
            figure,
            width: count.map(|c| (c * WIDTH / largest).max(2)),
            y: i as u64 * STEP_HEIGHT,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_fills_its_share_and_marks_its_target() {
        let bar = Bar::of(50, Some(100));
        assert_eq!((bar.filled, bar.target_x), (150, Some(300)));
        assert_eq!(Bar::of(140, None).filled, 300, "never past the frame");
    }

    #[test]
    fn a_trend_breaks_where_a_quarter_is_hidden() {
        let label = |s: &str| s.to_string();
        let trend = Trend::of(
            &[
                (Some(0), label("a")),
                (Some(100), label("b")),
                (None, label("c")),
                (Some(50), label("d")),
            ],
            ["Q1", "Q2", "Q3", "Q4"]
                .iter()
                .map(|q| (label(q), label("2026")))
                .collect(),
            100,
        );
        // Two points joined, the lone last one drawn as a dot only.
        assert_eq!(trend.runs, vec!["37,80 112,10".to_string()]);
        assert_eq!(trend.points.len(), 3);
        assert_eq!((trend.points[2].x, trend.points[2].y), (262, 45));
        assert_eq!(trend.axis[3].0, 262);
    }

    #[test]
    fn a_hidden_count_draws_no_bar() {
        let steps = funnel(vec![
            ("identified".into(), "12".into(), Some(12)),
            ("in care".into(), "hidden".into(), None),
            ("returned".into(), "6".into(), Some(6)),
        ]);
        assert_eq!(steps[0].width, Some(300));
        assert_eq!(steps[1].width, None);
        assert_eq!((steps[2].width, steps[2].y), (Some(150), 68));
    }
}
