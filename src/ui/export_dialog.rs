//! File → Export…: format, size and background, then a file name; the export runs on a worker with a progress
//! bar and a Cancel button. Also "Copy map as image" for pasting straight into slides.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use egui::{Id, Modal, Ui};

use crate::export::{
    Background, ExportError, ExportOptions, Format, Paper, PdfPage, PngSize, Poster, PosterPlan,
    Progress, RgbaImage,
};
use crate::i18n::k;
use crate::model::Map;
use crate::t;

/// Pictures copied to the clipboard are at most this large (64 megapixels, 256 MB of RGBA).
pub const MAX_CLIPBOARD_PIXELS: u64 = 64_000_000;

/// The choices of the Export dialog, kept between exports.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExportChoices {
    pub format: Format,
    /// 1, 2 or 4 pixels per map unit, or 0 for a custom width.
    pub scale: u32,
    pub width: u32,
    pub transparent: bool,
    pub page: PdfPage,
    /// The poster's sheets, kept while another page choice is made.
    pub poster: Poster,
    /// The persona filter of the export (the canvas's when the dialog opens); `None` for every persona.
    pub persona: Option<crate::model::PersonaId>,
    /// Draw the dots of the map's vote.
    pub show_votes: bool,
}

impl Default for ExportChoices {
    fn default() -> Self {
        ExportChoices {
            format: Format::Png,
            scale: 2,
            width: 3000,
            transparent: false,
            page: PdfPage::Fit,
            poster: Poster {
                paper: Paper::A4,
                across: 3,
            },
            persona: None,
            show_votes: false,
        }
    }
}

impl ExportChoices {
    pub fn options(&self) -> ExportOptions {
        let mut options = ExportOptions::new(self.format);
        options.background = if self.transparent {
            Background::Transparent
        } else {
            Background::White
        };
        options.png_size = if self.scale == 0 {
            PngSize::Width(self.width)
        } else {
            PngSize::Scale(self.scale as f32)
        };
        options.pdf_page = self.page;
        options.persona = self.persona;
        options.show_votes = self.show_votes;
        options
    }

    /// Every persona, or one of them, when the map has several (`personas`: ids and names, in order).
    pub fn persona_ui(&mut self, ui: &mut Ui, personas: &[(crate::model::PersonaId, String)]) {
        if personas.len() < 2 {
            self.persona = None;
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(t!(k::PANEL_PERSONA_SHOW));
            ui.radio_value(&mut self.persona, None, t!(k::PANEL_ALL_PERSONAS));
            for (id, name) in personas {
                ui.radio_value(&mut self.persona, Some(*id), name.as_str());
            }
        });
    }

    /// The dialog's controls, for a map of `map_size` (in map units). Returns true when the user asks to
    /// export.
    pub fn ui(&mut self, ui: &mut Ui, map_size: egui::Vec2) -> bool {
        ui.horizontal(|ui| {
            ui.label(t!(k::EXPORT_FORMAT));
            ui.radio_value(&mut self.format, Format::Png, "PNG");
            ui.radio_value(&mut self.format, Format::Svg, "SVG");
            ui.radio_value(&mut self.format, Format::Pdf, "PDF");
        });
        match self.format {
            Format::Png => {
                ui.horizontal(|ui| {
                    ui.label(t!(k::EXPORT_SIZE));
                    for scale in [1, 2, 4] {
                        ui.radio_value(&mut self.scale, scale, format!("{scale}×"));
                    }
                    ui.radio_value(&mut self.scale, 0, t!(k::EXPORT_WIDTH));
                    ui.add_enabled(
                        self.scale == 0,
                        egui::DragValue::new(&mut self.width)
                            .range(100..=60_000)
                            .suffix(t!(k::EXPORT_PIXELS)),
                    );
                });
                ui.checkbox(&mut self.transparent, t!(k::EXPORT_TRANSPARENT));
            }
            Format::Svg => {
                ui.checkbox(&mut self.transparent, t!(k::EXPORT_TRANSPARENT));
            }
            Format::Pdf => {
                ui.horizontal(|ui| {
                    ui.label(t!(k::EXPORT_PAGE));
                    ui.radio_value(&mut self.page, PdfPage::Fit, t!(k::EXPORT_PAGE_FIT));
                    ui.radio_value(&mut self.page, PdfPage::A4Landscape, t!(k::EXPORT_PAGE_A4));
                    ui.radio_value(&mut self.page, PdfPage::A3Landscape, t!(k::EXPORT_PAGE_A3));
                    let poster = matches!(self.page, PdfPage::Poster(_));
                    if ui.radio(poster, t!(k::EXPORT_POSTER)).clicked() {
                        self.page = PdfPage::Poster(self.poster);
                    }
                });
                if let PdfPage::Poster(_) = self.page {
                    self.poster_ui(ui, map_size);
                    self.page = PdfPage::Poster(self.poster);
                }
            }
        }
        ui.checkbox(&mut self.show_votes, t!(k::EXPORT_SHOW_VOTES))
            .on_hover_text(t!(k::EXPORT_SHOW_VOTES_HINT));
        ui.add_space(8.0);
        ui.button(t!(k::EXPORT_START)).clicked()
    }
}

impl ExportChoices {
    /// The poster's paper and width in sheets, and what that gives.
    fn poster_ui(&mut self, ui: &mut Ui, map_size: egui::Vec2) {
        ui.horizontal(|ui| {
            ui.label(t!(k::EXPORT_SHEETS));
            ui.radio_value(&mut self.poster.paper, Paper::A4, "A4");
            ui.radio_value(&mut self.poster.paper, Paper::A3, "A3");
            let across = ui.label(t!(k::EXPORT_PAGES_ACROSS));
            ui.add(
                // The default speed: the arrow keys and a screen reader's "decrease" step by `speed`.
                egui::DragValue::new(&mut self.poster.across).range(1..=Poster::MAX_ACROSS),
            )
            .labelled_by(across.id);
        });
        let plan = self.poster.plan(map_size);
        let [width, height] = plan.size_mm();
        ui.label(poster_summary(&plan, width, height));
    }
}

/// What a poster comes to, in words (kept together for translation).
fn poster_summary(plan: &PosterPlan, width_mm: f32, height_mm: f32) -> String {
    t!(
        k::EXPORT_POSTER_SUMMARY,
        across = plan.columns,
        down = plan.rows,
        pages = plan.pages(),
        width = (width_mm / 10.0).round(),
        height = (height_mm / 10.0).round(),
        percent = (plan.scale * 100.0).round()
    )
}

/// An export or clipboard render under way: its progress, and the flag that cancels it.
pub struct ExportJob {
    pub what: String,
    cancel: Arc<AtomicBool>,
    progress: Arc<AtomicU32>,
}

impl ExportJob {
    pub fn new(what: String) -> ExportJob {
        ExportJob {
            what,
            cancel: Arc::new(AtomicBool::new(false)),
            progress: Arc::new(AtomicU32::new(0)),
        }
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn fraction(&self) -> f32 {
        f32::from_bits(self.progress.load(Ordering::Relaxed))
    }

    /// Runs `work` on the calling (worker) thread with a [`Progress`] that reports to this job and repaints
    /// the window as it goes.
    pub fn run<R>(&self, ctx: &egui::Context, work: impl FnOnce(&Progress<'_>) -> R) -> R {
        let (progress, ctx) = (self.progress.clone(), ctx.clone());
        let report = move |fraction: f32| {
            progress.store(fraction.to_bits(), Ordering::Relaxed);
            ctx.request_repaint();
        };
        work(&Progress::new(&self.cancel, &report))
    }

    /// Another handle on the same job, for the worker thread.
    pub fn handle(&self) -> ExportJob {
        ExportJob {
            what: self.what.clone(),
            cancel: self.cancel.clone(),
            progress: self.progress.clone(),
        }
    }

    /// A modal with the progress bar and Cancel.
    pub fn show(&self, ctx: &egui::Context) {
        Modal::new(Id::unique("export-progress")).show(ctx, |ui| {
            ui.set_min_width(360.0);
            ui.label(&self.what);
            ui.add(egui::ProgressBar::new(self.fraction()).show_percentage());
            if ui.button(t!(k::CANCEL)).clicked() {
                self.cancel();
            }
        });
    }
}

/// What an export thread reports back.
pub enum ExportOutcome {
    Written(PathBuf),
    Copied(RgbaImage),
    Failed(ExportError),
}

/// The file name an export of this map suggests.
pub fn suggested_name(map: &Map, current: Option<&std::path::Path>, format: Format) -> String {
    let base = crate::ui::app::suggested_file_name(map, current);
    let stem = crate::ui::app::map_file_stem(&base);
    format!("{stem}.{}", format.extension())
}

/// Copies a rendered map to the clipboard.
pub fn copy_to_clipboard(ctx: &egui::Context, image: &RgbaImage) {
    let size = [image.width as usize, image.height as usize];
    ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(
        size,
        &image.pixels,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::templates::{Language, Template};

    #[test]
    fn a_new_map_suggests_a_waymark_ron_name_and_exports_drop_it() {
        let mut map = Template::B2b7.build(Language::English);
        map.title = "Buying a CRM".to_owned();
        assert_eq!(
            crate::ui::app::suggested_file_name(&map, None),
            "Buying-a-CRM.waymark.ron"
        );
        assert_eq!(suggested_name(&map, None, Format::Png), "Buying-a-CRM.png");
        let plain = std::path::Path::new("/maps/старая карта.ron");
        assert_eq!(
            crate::ui::app::suggested_file_name(&map, Some(plain)),
            "старая карта.ron",
            "a map keeps the name it was opened with"
        );
        assert_eq!(
            suggested_name(&map, Some(plain), Format::Pdf),
            "старая карта.pdf"
        );
    }
}
