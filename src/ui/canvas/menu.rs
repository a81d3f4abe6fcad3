//! The right-click menu of the canvas.

use egui::Response;

use super::{Canvas, Hit, TextTarget};
use crate::edit::{Document, Edit, build};
use crate::model::{CardColor, LaneKind};

impl Canvas {
    pub(super) fn context_menu(&mut self, response: &Response, doc: &mut Document) {
        let target = self.context_target;
        response.context_menu(|ui| {
            let map = doc.map();
            let russian = build::looks_russian(map);
            match target {
                Hit::Card(id) => {
                    if ui.button("Edit text").clicked() {
                        self.start_editing(TextTarget::Card(id));
                    }
                    ui.menu_button("Colour", |ui| {
                        for color in CardColor::ALL {
                            if ui.button(color.name()).clicked() {
                                let _ = doc.apply(Edit::SetCardColor { card: id, color });
                            }
                        }
                    });
                    if ui.button("Delete card").clicked() {
                        let _ = doc.apply(Edit::RemoveCard(id));
                    }
                }
                Hit::Cell(stage, lane) | Hit::AddButton(stage, lane) => {
                    if map.lane(lane).is_some_and(|l| l.kind.holds_cards()) {
                        if ui.button("Add card").clicked() {
                            self.add_card(doc, stage, lane, None);
                        }
                    } else if ui.button("Clear score").clicked() {
                        let _ = doc.apply(Edit::SetEmotion {
                            lane,
                            stage,
                            point: None,
                        });
                    }
                }
                Hit::EmotionPoint(lane, stage) => {
                    if ui.button("Clear score").clicked() {
                        let _ = doc.apply(Edit::SetEmotion {
                            lane,
                            stage,
                            point: None,
                        });
                    }
                }
                Hit::StageHeader(id) | Hit::StageEdge(id) => {
                    let index = map.stage_index(id).unwrap_or(0);
                    let name = if russian {
                        "Новый этап"
                    } else {
                        "New stage"
                    };
                    if ui.button("Rename stage").clicked() {
                        self.start_editing(TextTarget::StageName(id));
                    }
                    if ui.button("Add stage before").clicked() {
                        self.add_stage(doc, index, name);
                    }
                    if ui.button("Add stage after").clicked() {
                        self.add_stage(doc, index + 1, name);
                    }
                    ui.separator();
                    if ui.button("Delete stage").clicked() {
                        let _ = doc.apply(Edit::RemoveStage(id));
                    }
                }
                Hit::LaneHeader(id) => {
                    let index = map.lane_index(id).unwrap_or(0);
                    if ui.button("Rename lane").clicked() {
                        self.start_editing(TextTarget::LaneName(id));
                    }
                    ui.menu_button("Add lane below", |ui| {
                        for kind in LaneKind::ALL {
                            if ui.button(kind.name_en()).clicked() {
                                self.add_lane(doc, index + 1, kind);
                            }
                        }
                    });
                    ui.separator();
                    if ui.button("Delete lane").clicked() {
                        let _ = doc.apply(Edit::RemoveLane(id));
                    }
                }
                Hit::Nothing => {
                    if ui.button("Fit map to window").clicked() {
                        self.zoom_fit();
                    }
                }
            }
        });
    }

    /// Adds a stage at `index` and starts renaming it.
    pub fn add_stage(&mut self, doc: &mut Document, index: usize, name: &str) {
        let edit = build::add_stage(doc.map(), index, name);
        let Edit::InsertStage { stage, .. } = &edit else {
            return;
        };
        let id = stage.id;
        if doc.apply(edit).is_ok() {
            self.start_editing(TextTarget::StageName(id));
        }
    }

    /// Adds a lane of a kind at `index`, named after its kind in the map's language.
    pub fn add_lane(&mut self, doc: &mut Document, index: usize, kind: LaneKind) {
        let name = if build::looks_russian(doc.map()) {
            kind.name_ru()
        } else {
            kind.name_en()
        };
        let edit = build::add_lane(doc.map(), index, kind, name);
        let Edit::InsertLane { lane, .. } = &edit else {
            return;
        };
        let id = lane.id;
        if doc.apply(edit).is_ok() {
            self.selection = crate::ui::selection::Selection::Lane(id);
        }
    }
}
