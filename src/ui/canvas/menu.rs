//! The right-click menu of the canvas. Its entries are [`Command`]s, which the app carries out.

use egui::{Response, Ui};

use super::{Canvas, Hit, TextTarget};
use crate::edit::{Document, Edit, EditError, build};
use crate::i18n::k;
use crate::model::{CardColor, LaneKind};
use crate::t;
use crate::ui::commands::Command;
use crate::ui::selection::Selection;

impl Canvas {
    pub(super) fn context_menu(&mut self, response: &Response, doc: &Document) {
        let target = self.context_target;
        let several = self.group_set().len() > 1;
        let mut chosen = None;
        response.context_menu(|ui| {
            let map = doc.map();
            let mut item = |ui: &mut Ui, command: Command| {
                if ui.add(command.button(ui.ctx())).clicked() {
                    chosen = Some(command);
                }
            };
            match target {
                Hit::Card(id) => {
                    item(ui, Command::EditText(TextTarget::Card(id)));
                    // Right-clicking a card selected it, or kept the multiple selection it is in: these act
                    // on the selection.
                    for command in [Command::Cut, Command::Copy, Command::Duplicate] {
                        item(ui, command);
                    }
                    // Right-clicking the card selected it: the colours act on it.
                    ui.menu_button(t!(k::CANVAS_COLOUR), |ui| {
                        for color in CardColor::ALL {
                            item(ui, Command::Color(color));
                        }
                    });
                    if several {
                        item(ui, Command::DeleteSelected);
                    } else {
                        item(ui, Command::Delete(Selection::Card(id)));
                    }
                }
                Hit::Cell(stage, lane) | Hit::AddButton(stage, lane) => {
                    if map.lane(lane).is_some_and(|l| l.kind.holds_cards()) {
                        item(ui, Command::AddCardIn(stage, lane));
                        // Right-clicking the cell selected it: the paste lands there.
                        item(ui, Command::Paste);
                    } else {
                        item(ui, Command::Delete(Selection::Cell(stage, lane)));
                    }
                }
                Hit::EmotionPoint(lane, stage) => {
                    item(ui, Command::Delete(Selection::Cell(stage, lane)));
                }
                Hit::StageHeader(id) | Hit::StageEdge(id) => {
                    item(ui, Command::EditText(TextTarget::StageName(id)));
                    for after in [false, true] {
                        item(ui, Command::AddStageBeside { stage: id, after });
                    }
                    ui.separator();
                    item(ui, Command::Delete(Selection::Stage(id)));
                }
                Hit::LaneHeader(id) => {
                    item(ui, Command::EditText(TextTarget::LaneName(id)));
                    ui.menu_button(t!(k::CANVAS_ADD_LANE_BELOW), |ui| {
                        for kind in LaneKind::ALL {
                            item(ui, Command::AddLaneBelow(id, kind));
                        }
                    });
                    ui.separator();
                    item(ui, Command::Delete(Selection::Lane(id)));
                }
                Hit::LinkHandle(id) => {
                    item(ui, Command::LinkTo);
                    item(ui, Command::Delete(Selection::Card(id)));
                }
                Hit::Link(id) => {
                    // Right-clicking the link selected it: the side panel shows its kinds too.
                    let to_card = map.link(id).is_some_and(|l| l.to.is_some());
                    for kind in crate::model::LinkKind::ALL {
                        // An exit out of the map has no card to go to, so it can only be an exit.
                        if to_card || kind == crate::model::LinkKind::Exit {
                            item(ui, Command::SetLinkKind(id, kind));
                        }
                    }
                    ui.separator();
                    item(ui, Command::Delete(Selection::Link(id)));
                }
                Hit::Nothing => item(ui, Command::ZoomFit),
            }
        });
        if chosen.is_some() {
            self.command = chosen;
        }
    }

    /// Adds a stage at `index`, named in the map's language, and starts renaming it.
    pub fn add_stage(&mut self, doc: &mut Document, index: usize) -> Result<(), EditError> {
        let name = if build::looks_russian(doc.map()) {
            "Новый этап"
        } else {
            "New stage"
        };
        let edit = build::add_stage(doc.map(), index, name);
        let Edit::InsertStage { stage, .. } = &edit else {
            return Ok(());
        };
        let id = stage.id;
        doc.apply(edit)?;
        self.start_editing(TextTarget::StageName(id));
        Ok(())
    }

    /// Adds a lane of a kind at `index`, named after its kind in the map's language.
    pub fn add_lane(
        &mut self,
        doc: &mut Document,
        index: usize,
        kind: LaneKind,
    ) -> Result<(), EditError> {
        let name = if build::looks_russian(doc.map()) {
            kind.name_ru()
        } else {
            kind.name_en()
        };
        let edit = build::add_lane(doc.map(), index, kind, name);
        let Edit::InsertLane { lane, .. } = &edit else {
            return Ok(());
        };
        let id = lane.id;
        doc.apply(edit)?;
        self.selection = Selection::Lane(id);
        Ok(())
    }
}
