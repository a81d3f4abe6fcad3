//! A Metrics lane's chart (a row of bars per measure, the values printed above them) and the coloured legends
//! in lane headers.

use egui::{Color32, Rect, pos2, vec2};

use crate::model::{Lane, Map, format_number};

use super::style::*;
use super::{Face, LegendItem, MetricBar, MetricChart, MetricRow, StageBox, TextEngine, block};

/// The chart of a Metrics lane whose rows start at `top`; `None` when the lane has no measures.
pub(super) fn layout_chart(
    map: &Map,
    lane: &Lane,
    stages: &[StageBox],
    top: f32,
    engine: &mut TextEngine,
) -> Option<MetricChart> {
    if lane.measures.is_empty() {
        return None;
    }
    let left = stages.first().map_or(0.0, |s| s.column.start);
    let right = stages.last().map_or(left, |s| s.column.end);
    let mut rows = Vec::with_capacity(lane.measures.len());
    for (index, measure) in lane.measures.iter().enumerate() {
        let row_top = top + index as f32 * METRIC_ROW_HEIGHT;
        let rect = Rect::from_min_max(
            pos2(left, row_top),
            pos2(right, row_top + METRIC_ROW_HEIGHT),
        );
        let bars_top = row_top + METRIC_VALUE_BAND + 2.0;
        let bars_bottom = rect.bottom() - 6.0;
        let y_of = |value: f64| bars_bottom - measure.fraction(value) * (bars_bottom - bars_top);
        let baseline_y = y_of(0.0_f64.clamp(measure.min, measure.max));
        let color = measure_color(index);
        let mut bars = Vec::new();
        for (stage, stage_box) in map.stages.iter().zip(stages) {
            let Some(value) = measure.value_at(stage.id) else {
                continue;
            };
            let center = (stage_box.column.start + stage_box.column.end) / 2.0;
            let width = METRIC_BAR_WIDTH.min(stage.width * 0.4);
            let y = y_of(value);
            // A value on the baseline still shows as a thin bar.
            let (a, b) = if (y - baseline_y).abs() < 2.0 {
                (baseline_y - 1.0, baseline_y + 1.0)
            } else {
                (y.min(baseline_y), y.max(baseline_y))
            };
            let bar =
                Rect::from_min_max(pos2(center - width / 2.0, a), pos2(center + width / 2.0, b));
            let text = format_number(value);
            let text_width = engine.width(&text, Face::Bold, SMALL_SIZE);
            let value = block(
                engine,
                &text,
                Face::Bold,
                SMALL_SIZE,
                stage.width,
                pos2(center - text_width / 2.0, row_top + 2.0),
                TEXT,
            );
            bars.push(MetricBar {
                stage: stage.id,
                rect: bar,
                value,
            });
        }
        rows.push(MetricRow {
            measure: measure.id,
            color,
            rect,
            baseline_y,
            bars,
        });
    }
    Some(MetricChart {
        lane: lane.id,
        rows,
    })
}

/// A legend line in a lane header at `top`: a colour square and a label of at most `max_lines` lines.
pub(super) fn legend_item(
    engine: &mut TextEngine,
    header_left: f32,
    top: f32,
    color: Color32,
    label: &str,
    max_lines: usize,
) -> LegendItem {
    let x = header_left + HEADER_PADDING;
    let width = LANE_HEADER_WIDTH - 2.0 * HEADER_PADDING - SWATCH - 4.0 - WRAP_SLACK;
    let text = super::truncate_lines(
        block(
            engine,
            label,
            Face::Regular,
            SMALL_SIZE,
            width,
            pos2(x + SWATCH + 4.0, top),
            TEXT,
        ),
        max_lines,
    );
    let swatch = Rect::from_min_size(
        pos2(x, top + (text.line_height - SWATCH) / 2.0),
        vec2(SWATCH, SWATCH),
    );
    LegendItem {
        swatch,
        color,
        text,
    }
}
