//! What the editor benchmarks share: the real editor run headless, frame by frame, as egui_kittest would but
//! without its harness, so a frame's cost is egui's layout and tessellation of the whole window. Also the
//! statistics every benchmark prints.

#![allow(dead_code)]

use egui::{Event, Pos2, RawInput, Rect, Vec2};
use waymark::ui::WaymarkApp;

/// The window the benchmarks draw.
const SCREEN: Vec2 = Vec2::new(1600.0, 1000.0);

/// An egui context and a frame counter (the frames' clock runs at 60 per second).
pub struct Headless {
    ctx: egui::Context,
    frame: usize,
}

impl Headless {
    pub fn new() -> Headless {
        Headless {
            ctx: egui::Context::default(),
            frame: 0,
        }
    }

    /// One whole frame of the editor with these input events, tessellated; returns the number of primitives.
    pub fn run(&mut self, app: &mut WaymarkApp, events: Vec<Event>) -> usize {
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.frame as f64 / 60.0),
            events,
            ..Default::default()
        };
        let mut output = self.ctx.run_ui(input, |ui| app.ui(ui));
        // No GPU takes the textures: say they are handled.
        output.textures_delta.clear();
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        self.frame += 1;
        primitives.len()
    }
}

/// The value below which a share `p` (0 to 1) of the sorted times lie.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// The median of the times, in any order.
pub fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    percentile(&times, 0.5)
}
