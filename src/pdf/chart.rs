//! Vector charts: monthly closing cash as a line with the zero line and the lowest point marked
//! (and any overdraft drawn below zero), and bars for ownership shares.

use super::flow::{Flow, BODY, LEFT};
use super::fonts::Face;
use super::layout::{Item, Rgb, BLUE, GREY, INK};
use crate::model::values::Month;
use crate::words::money::MINUS;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const RED: Rgb = Rgb(0.70, 0.13, 0.13);

/// A round step for about `n` ticks over `span`: 1, 2 or 5 times a power of ten.
fn nice_step(span: f64, n: f64) -> f64 {
    let raw = (span / n).max(1.0);
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag)
}

/// "£1.5m", "£500k", "−£200k": compact money for axis labels.
pub fn compact_pounds(v: f64) -> String {
    let sign = if v < 0.0 {
        MINUS.to_string()
    } else {
        String::new()
    };
    let a = v.abs();
    let body = if a >= 1_000_000.0 {
        let m = format!("{:.1}", a / 1_000_000.0);
        format!("£{}m", m.trim_end_matches(".0"))
    } else if a >= 1_000.0 {
        format!("£{:.0}k", a / 1_000.0)
    } else {
        format!("£{a:.0}")
    };
    format!("{sign}{body}")
}

/// The colour of the drawn overdraft.
const AMBER: Rgb = Rgb(0.85, 0.47, 0.05);

/// A line chart of monthly values (closing cash), `height` points tall, at the cursor. With
/// `drawn` (the facilities' drawn balance at each month end, when the plan has one), that balance
/// is a second series, a bar below zero for each month, so a month that ends with no cash shows
/// how much was borrowed; a caption line says how often and how much.
pub fn cash_chart(
    flow: &mut Flow,
    points: &[(Month, Decimal)],
    lowest: (Month, Decimal),
    drawn: Option<&[Decimal]>,
    height: f32,
) {
    if points.is_empty() {
        return;
    }
    // With a facility: a legend above the chart and a second caption line below it.
    let (legend_h, extra) = if drawn.is_some() {
        (14.0, 11.0)
    } else {
        (0.0, 0.0)
    };
    let top = flow.reserve(height + 34.0 + legend_h + extra) + legend_h;
    let fonts = flow.fonts();
    let values: Vec<f64> = points
        .iter()
        .map(|(_, v)| v.to_f64().unwrap_or(0.0))
        .collect();
    let below: Vec<f64> = drawn
        .unwrap_or_default()
        .iter()
        .map(|v| -v.to_f64().unwrap_or(0.0))
        .collect();
    let lo = values.iter().chain(&below).cloned().fold(0.0, f64::min);
    let hi = values.iter().cloned().fold(0.0, f64::max);
    let step = nice_step((hi - lo).max(1.0), 5.0);
    let (lo, hi) = ((lo / step).floor() * step, (hi / step).ceil() * step);
    let axis_w = 52.0;
    let (x0, x1) = (LEFT + axis_w, LEFT + flow.width());
    let (y0, y1) = (top + 6.0, top + 6.0 + height);
    let ys = |v: f64| y1 - ((v - lo) / (hi - lo).max(1.0)) as f32 * (y1 - y0);
    let xs = |i: usize| x0 + (x1 - x0) * i as f32 / (points.len().max(2) - 1) as f32;
    // Gridlines and labels.
    let mut v = lo;
    while v <= hi + step / 2.0 {
        let y = ys(v);
        flow.draw(Item::Line {
            from: (x0, y),
            to: (x1, y),
            width: 0.3,
            color: Rgb(0.85, 0.88, 0.91),
        });
        let label = compact_pounds(v);
        let w = fonts.width(Face::Regular, 7.5, &label);
        flow.draw(Item::Text {
            x: x0 - 5.0 - w,
            baseline: y + 2.5,
            face: Face::Regular,
            size: 7.5,
            color: GREY,
            text: label,
        });
        v += step;
    }
    // Year labels at each forecast year's first month.
    for (i, (m, _)) in points.iter().enumerate().step_by(12) {
        let x = xs(i);
        flow.draw(Item::Line {
            from: (x, y1),
            to: (x, y1 + 3.0),
            width: 0.5,
            color: GREY,
        });
        flow.draw(Item::Text {
            x: x - 12.0,
            baseline: y1 + 12.0,
            face: Face::Regular,
            size: 7.5,
            color: GREY,
            text: crate::words::format::month_short(*m),
        });
    }
    // The drawn overdraft: a bar below zero for each month that ends with it drawn, under the
    // zero line; and a legend naming both series.
    if drawn.is_some() {
        let zy = ys(0.0);
        let slot = (x1 - x0) / points.len().max(2) as f32;
        for (i, v) in below.iter().enumerate().take(points.len()) {
            if *v < 0.0 {
                flow.draw(Item::Rect {
                    x: xs(i) - slot / 2.0,
                    y: zy,
                    w: slot,
                    h: (ys(*v) - zy).max(0.8),
                    color: AMBER,
                });
            }
        }
        let y = top - legend_h + 4.0;
        let mut x = x0;
        for (label, color, bar) in [
            ("Closing cash", BLUE, false),
            ("Overdraft drawn", AMBER, true),
        ] {
            flow.draw(if bar {
                Item::Rect {
                    x,
                    y: y - 3.0,
                    w: 10.0,
                    h: 6.0,
                    color,
                }
            } else {
                Item::Line {
                    from: (x, y),
                    to: (x + 10.0, y),
                    width: 1.6,
                    color,
                }
            });
            flow.draw(Item::Text {
                x: x + 14.0,
                baseline: y + 2.5,
                face: Face::Regular,
                size: 7.5,
                color: INK,
                text: label.into(),
            });
            x += 14.0 + fonts.width(Face::Regular, 7.5, label) + 14.0;
        }
    }
    // The zero line.
    let zy = ys(0.0);
    flow.draw(Item::Line {
        from: (x0, zy),
        to: (x1, zy),
        width: 1.0,
        color: RED,
    });
    // The cash line, segment by segment.
    for i in 1..values.len() {
        flow.draw(Item::Line {
            from: (xs(i - 1), ys(values[i - 1])),
            to: (xs(i), ys(values[i])),
            width: 1.6,
            color: BLUE,
        });
    }
    // The lowest point.
    if let Some(i) = points.iter().position(|(m, _)| *m == lowest.0) {
        let (x, y) = (xs(i), ys(values[i]));
        flow.draw(Item::Rect {
            x: x - 2.5,
            y: y - 2.5,
            w: 5.0,
            h: 5.0,
            color: RED,
        });
        let label = format!(
            "Lowest: {} in {}",
            crate::words::money::pounds(lowest.1),
            crate::words::format::month_long(lowest.0)
        );
        let w = fonts.width(Face::Bold, 8.0, &label);
        let lx = (x + 6.0).min(x1 - w);
        let ly = if y + 14.0 < y1 { y + 12.0 } else { y - 6.0 };
        flow.draw(Item::Text {
            x: lx,
            baseline: ly,
            face: Face::Bold,
            size: 8.0,
            color: RED,
            text: label,
        });
    }
    let mut captions = vec![if drawn.is_some() {
        "Closing cash at the end of each month, and the overdraft drawn below zero. The red line is zero.".to_string()
    } else {
        "Closing cash at the end of each month. The red line is zero.".to_string()
    }];
    if let Some(drawn) = drawn {
        captions.push(overdraft_caption(points, drawn));
    }
    for (k, caption) in captions.into_iter().enumerate() {
        flow.draw(Item::Text {
            x: x0,
            baseline: y1 + 26.0 + k as f32 * 11.0,
            face: Face::Regular,
            size: 8.0,
            color: GREY,
            text: caption,
        });
    }
}

/// How much of the overdraft was used, in words, since a small drawing barely shows on a
/// chart scaled to the cash.
fn overdraft_caption(points: &[(Month, Decimal)], drawn: &[Decimal]) -> String {
    let months = drawn.iter().filter(|d| **d > Decimal::ZERO).count();
    let peak = drawn
        .iter()
        .zip(points)
        .fold(None::<(Decimal, Month)>, |best, (d, (m, _))| match best {
            Some((b, _)) if b >= *d => best,
            _ if *d > Decimal::ZERO => Some((*d, *m)),
            _ => best,
        });
    match peak {
        Some((peak, m)) => format!(
            "The overdraft is drawn at the end of {}, at most {} (in {}).",
            crate::words::format::count(months, "month", "months"),
            crate::words::money::pounds(peak),
            crate::words::format::month_long(m)
        ),
        None => "The overdraft is never drawn.".into(),
    }
}

/// Horizontal bars: one row per label, with two shares (votes, equity) out of 100.
pub fn share_bars(flow: &mut Flow, rows: &[(String, Decimal, Decimal)]) {
    let row_h = 26.0;
    let fonts = flow.fonts();
    let top = flow.reserve(rows.len() as f32 * row_h + 20.0);
    let label_w = flow.width() * 0.32;
    let bar_x = LEFT + label_w;
    let bar_w = flow.width() - label_w - 40.0;
    flow.draw(Item::Text {
        x: bar_x,
        baseline: top + 8.0,
        face: Face::Regular,
        size: 7.5,
        color: BLUE,
        text: "■ votes".into(),
    });
    flow.draw(Item::Text {
        x: bar_x + 50.0,
        baseline: top + 8.0,
        face: Face::Regular,
        size: 7.5,
        color: GREY,
        text: "■ equity".into(),
    });
    for (k, (label, votes, equity)) in rows.iter().enumerate() {
        let y = top + 16.0 + k as f32 * row_h;
        let name = super::text::wrap(fonts, Face::Regular, BODY - 1.0, label, label_w - 8.0)
            .into_iter()
            .next()
            .unwrap_or_default();
        flow.draw(Item::Text {
            x: LEFT,
            baseline: y + 12.0,
            face: Face::Regular,
            size: BODY - 1.0,
            color: INK,
            text: name,
        });
        for (j, (v, color)) in [(votes, BLUE), (equity, GREY)].into_iter().enumerate() {
            let share = (v.to_f64().unwrap_or(0.0) / 100.0).clamp(0.0, 1.0) as f32;
            let by = y + 3.0 + j as f32 * 9.0;
            flow.draw(Item::Rect {
                x: bar_x,
                y: by,
                w: bar_w,
                h: 7.0,
                color: Rgb(0.93, 0.95, 0.97),
            });
            if share > 0.0 {
                flow.draw(Item::Rect {
                    x: bar_x,
                    y: by,
                    w: bar_w * share,
                    h: 7.0,
                    color,
                });
            }
            let pct = crate::words::format::percent(*v);
            flow.draw(Item::Text {
                x: bar_x + bar_w + 4.0,
                baseline: by + 6.5,
                face: Face::Regular,
                size: 7.0,
                color: INK,
                text: pct,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_labels_compact() {
        assert_eq!(nice_step(3_530_000.0, 5.0), 1_000_000.0);
        assert_eq!(nice_step(900.0, 5.0), 200.0);
        assert_eq!(compact_pounds(1_500_000.0), "£1.5m");
        assert_eq!(compact_pounds(2_000_000.0), "£2m");
        assert_eq!(compact_pounds(-200_000.0), "−£200k");
        assert_eq!(compact_pounds(0.0), "£0");
    }
}
