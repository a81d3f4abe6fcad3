//! Editing a card's text or a header's name in place, over the canvas.

use egui::{FontId, Key, Rect, TextEdit, Ui, vec2};

use super::paint::Projection;
use super::{Canvas, TextTarget};
use crate::edit::{Document, Edit, MergeKey};
use crate::i18n::k;
use crate::layout::Face;
use crate::layout::MapLayout;
use crate::layout::style::{BODY_SIZE, CARD_PADDING, HEADER_PADDING, HEADER_SIZE, TEXT};
use crate::t;

impl Canvas {
    /// Shows the text editor for what is being edited. Every keystroke is an edit; typing into one text is one
    /// undo step. Escape, ctrl+Enter or a click elsewhere ends editing.
    pub(super) fn text_editor(
        &mut self,
        ui: &mut Ui,
        doc: &mut Document,
        layout: &MapLayout,
        proj: &Projection,
    ) {
        let Some(target) = self.editing else { return };
        // A target missing from this frame's layout was created this frame (the next frame lays it out);
        // one that no longer exists in the map was dropped by `refresh_layout`.
        let map = doc.map();
        let zoom = proj.zoom();
        let (rect, current, multiline, size, face, color) = match target {
            TextTarget::Card(id) => {
                let (Some(card), Some(card_box)) = (map.card(id), layout.card(id)) else {
                    return ui.ctx().request_repaint();
                };
                let rect = proj.rect(card_box.rect).shrink(CARD_PADDING * zoom * 0.5);
                (
                    rect,
                    card.text.clone(),
                    true,
                    BODY_SIZE,
                    Face::Regular,
                    TEXT,
                )
            }
            TextTarget::StageName(id) => {
                let (Some(stage), Some(stage_box)) =
                    (map.stage(id), layout.stages.iter().find(|s| s.id == id))
                else {
                    return ui.ctx().request_repaint();
                };
                let rect = proj
                    .stage_header(stage_box.header)
                    .shrink(HEADER_PADDING * zoom * 0.5);
                (
                    rect,
                    stage.name.clone(),
                    false,
                    HEADER_SIZE,
                    Face::Bold,
                    egui::Color32::WHITE,
                )
            }
            TextTarget::LaneName(id) => {
                let (Some(lane), Some(lane_box)) =
                    (map.lane(id), layout.lanes.iter().find(|l| l.id == id))
                else {
                    return ui.ctx().request_repaint();
                };
                let header = proj.lane_header(lane_box.header);
                let rect = Rect::from_min_size(
                    header.min,
                    vec2(
                        header.width(),
                        (HEADER_SIZE * 2.2 * zoom).min(header.height()),
                    ),
                )
                .shrink(HEADER_PADDING * zoom * 0.5);
                (
                    rect,
                    lane.name.clone(),
                    false,
                    HEADER_SIZE,
                    Face::Bold,
                    TEXT,
                )
            }
        };
        let mut text = current.clone();
        let font = FontId::new(((size * zoom) * 2.0).round().max(8.0) / 2.0, face.family());
        let editor = if multiline {
            TextEdit::multiline(&mut text)
        } else {
            TextEdit::singleline(&mut text)
        };
        let id = egui::Id::unique(("canvas-text-editor", format!("{target:?}")));
        let rect = rect.intersect(proj.canvas);
        if matches!(target, TextTarget::StageName(_)) || matches!(target, TextTarget::LaneName(_)) {
            ui.painter().rect_filled(
                rect,
                2.0,
                if matches!(target, TextTarget::StageName(_)) {
                    crate::layout::style::HEADER_FILL
                } else {
                    crate::layout::style::LANE_FILL
                },
            );
        }
        let response = ui.put(
            rect,
            editor
                .id(id)
                .font(font)
                .text_color(color)
                .frame(egui::Frame::NONE)
                .margin(vec2(CARD_PADDING * zoom * 0.5, CARD_PADDING * zoom * 0.5))
                .desired_width(rect.width())
                .hint_text(match target {
                    TextTarget::Card(_) => t!(k::CANVAS_TYPE_HERE),
                    _ => t!(k::CANVAS_NAME_HINT),
                }),
        );
        if self.focus_editor {
            response.request_focus();
            self.focus_editor = false;
        }
        if text != current {
            let (edit, key) = match target {
                TextTarget::Card(card) => {
                    (Edit::SetCardText { card, text }, MergeKey::CardText(card.0))
                }
                TextTarget::StageName(id) => match doc.map().stage(id) {
                    Some(stage) => (
                        Edit::SetStage(crate::model::Stage {
                            name: text,
                            ..stage.clone()
                        }),
                        MergeKey::StageField(id.0, "name"),
                    ),
                    None => return,
                },
                TextTarget::LaneName(lane) => (
                    Edit::SetLaneName { lane, name: text },
                    MergeKey::LaneName(lane.0),
                ),
            };
            self.note(doc.apply_merging(edit, Some(key)));
        }
        // Enter ends a name; a card's text takes Enter as a line break and ends with ctrl+Enter.
        let finish = ui.input(|i| i.key_pressed(Key::Enter) && (i.modifiers.command || !multiline));
        if finish {
            response.surrender_focus();
        }
        if response.lost_focus() || finish {
            self.stop_editing(doc);
        }
    }

    fn stop_editing(&mut self, doc: &mut Document) {
        self.editing = None;
        doc.seal();
    }
}
