//! What each menu command and shortcut does.

use egui::ViewportCommand;

use super::{WaymarkApp, map_file_stem, suggested_file_name};
use crate::edit::Edit;
use crate::i18n::k;
use crate::t;
use crate::ui::canvas::TextTarget;
use crate::ui::commands::Command;
use crate::ui::dialogs::Dialog;
use crate::ui::export_dialog::ExportJob;
use crate::ui::files::Next;
use crate::ui::selection::Selection;
use crate::workshop::find::Found;

impl WaymarkApp {
    /// Performs a menu command or shortcut.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.dialog = Some(Dialog::new_map()),
            Command::Open => self.replace_map(ctx, Next::OpenDialog),
            Command::OpenRecent(index) => {
                let entry = self.safekeeping.recent.entries().into_iter().nth(index);
                if let Some(entry) = entry.filter(|e| !e.missing) {
                    self.replace_map(ctx, Next::OpenPath(entry.path));
                }
            }
            Command::Save => self.save(ctx, Next::Nothing),
            Command::SaveAs => self.save_as(ctx, Next::Nothing),
            Command::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            Command::Export => {
                // The export shows what the canvas shows, unless the dialog is told otherwise.
                self.export_choices.persona = self.canvas.persona;
                self.dialog = Some(Dialog::Export);
            }
            Command::ShareLive => {
                self.dialog = Some(Dialog::Live(crate::ui::live::LiveDialog::share(self)));
            }
            // The room's map replaces the open one: unsaved changes are offered for saving first.
            Command::JoinLive => self.replace_map(ctx, Next::JoinLive),
            Command::LeaveLive => {
                if self.live.active() {
                    self.live.leave();
                    self.status = t!(k::LIVE_LEFT);
                }
            }
            Command::ImportCsv => self.files.import_csv_dialog(ctx),
            Command::ExportCsv => {
                let name = suggested_file_name(self.doc.map(), self.path.as_deref());
                let name = format!("{}.csv", map_file_stem(&name));
                self.files
                    .export_csv_dialog(ctx, self.doc.map().clone(), name);
            }
            Command::CopyImage => {
                if self.export_job.is_none() {
                    let job = ExportJob::new(t!(k::JOB_COPYING));
                    self.files.copy_image(ctx, self.doc.map().clone(), &job);
                    self.export_job = Some(job);
                }
            }
            Command::Undo => {
                self.canvas.editing = None;
                if !self.doc.undo() {
                    self.status = t!(k::STATUS_NOTHING_TO_UNDO);
                }
            }
            Command::Redo => {
                self.canvas.editing = None;
                if !self.doc.redo() {
                    self.status = t!(k::STATUS_NOTHING_TO_REDO);
                }
            }
            Command::AddCard => {
                let result = self.canvas.add_card_to_selection(&mut self.doc);
                self.report(result);
            }
            Command::EditSelected => match self.canvas.selection {
                Selection::Card(id) => self.canvas.start_editing(TextTarget::Card(id)),
                Selection::Stage(id) => self.canvas.start_editing(TextTarget::StageName(id)),
                Selection::Lane(id) => self.canvas.start_editing(TextTarget::LaneName(id)),
                Selection::Cell(..) => {
                    let result = self.canvas.add_card_to_selection(&mut self.doc);
                    self.report(result);
                }
                Selection::None | Selection::Link(_) => {}
            },
            Command::DeleteSelected => self.delete(self.canvas.selection),
            Command::AddStage => {
                let map = self.doc.map();
                let index = match self.canvas.selection.cell(map) {
                    Some((stage, _)) => map.stage_index(stage).map_or(map.stages.len(), |i| i + 1),
                    None => match self.canvas.selection {
                        Selection::Stage(s) => {
                            map.stage_index(s).map_or(map.stages.len(), |i| i + 1)
                        }
                        _ => map.stages.len(),
                    },
                };
                let result = self.canvas.add_stage(&mut self.doc, index);
                self.report(result);
            }
            Command::AddLane(kind) => {
                let index = self.doc.map().lanes.len();
                let result = self.canvas.add_lane(&mut self.doc, index, kind);
                self.report(result);
            }
            Command::Color(color) => self.recolor_selected(color),
            // The status bar shows how far it reached, beside the selection's count.
            Command::SelectAll => self.canvas.select_all(self.doc.map()),
            Command::Copy => self.copy_cards(ctx, false),
            Command::Cut => self.copy_cards(ctx, true),
            Command::Paste => self.request_paste(ctx),
            Command::Duplicate => self.duplicate_selected(),
            Command::Find => self.find.open(),
            Command::FindNext | Command::FindPrevious => {
                if let Some(found) = self.find.step(&self.doc, command == Command::FindNext) {
                    self.show_found(found);
                }
            }
            Command::MoveCards(direction) => self.shift_selected(direction),
            Command::ZoomIn => self.canvas.zoom_step(true),
            Command::ZoomOut => self.canvas.zoom_step(false),
            Command::ZoomFit => self.canvas.zoom_fit(),
            Command::ZoomActual => self.canvas.zoom_actual(),
            Command::Findings => self.findings.open = !self.findings.open,
            Command::Present => self.toggle_presentation(ctx),
            Command::ProjectorColours => self.toggle_projector_colours(),
            Command::TimerPreset(_)
            | Command::TimerCustom
            | Command::TimerStartPause
            | Command::TimerAddMinute
            | Command::TimerReset => self.run_timer(command),
            Command::VotingPanel => self.voting.open = !self.voting.open,
            Command::StartVote => self.dialog = Some(self.start_vote_dialog()),
            Command::ClearVotes => self.clear_votes(),
            Command::EditText(target) => self.canvas.start_editing(target),
            Command::Delete(item) => self.delete(item),
            Command::AddCardIn(stage, lane) => {
                let result = self.canvas.add_card(&mut self.doc, stage, lane, None);
                self.report(result);
            }
            Command::AddStageBeside { stage, after } => {
                let map = self.doc.map();
                let index = map
                    .stage_index(stage)
                    .map_or(map.stages.len(), |i| i + after as usize);
                let result = self.canvas.add_stage(&mut self.doc, index);
                self.report(result);
            }
            Command::AddLaneBelow(lane, kind) => {
                let map = self.doc.map();
                let index = map.lane_index(lane).map_or(map.lanes.len(), |i| i + 1);
                let result = self.canvas.add_lane(&mut self.doc, index, kind);
                self.report(result);
            }
            Command::SetChannel(card, channel) => {
                let result = self.doc.apply(Edit::SetCardChannel { card, channel });
                self.report(result);
            }
            Command::SetScore(stage, lane) => {
                let result = self.doc.apply(Edit::SetEmotion {
                    lane,
                    stage,
                    persona: self.canvas.active_persona(),
                    point: Some((0, String::new())),
                });
                self.report(result);
            }
            Command::LinkTo => self.canvas.start_link_pick(self.doc.map()),
            Command::Select(selection) => self.canvas.select_and_reveal(selection),
            Command::SetLinkKind(link, kind) => {
                let result = self.doc.apply(Edit::SetLinkKind { link, kind });
                self.report(result);
            }
            Command::ChoosePhoto => self.files.photo_dialog(ctx, self.doc.identity()),
            Command::RemovePhoto => {
                let persona = crate::model::Persona {
                    photo: None,
                    ..self.doc.map().persona.clone()
                };
                let result = self.doc.apply(Edit::SetPersona(persona));
                self.report(result);
            }
        }
    }

    /// Deletes a card, stage or lane, or clears a cell's emotion score.
    fn delete(&mut self, item: Selection) {
        // A card of a multiple selection (the Delete key, or the right-click menu on one of them) deletes them all.
        let selected = self.selected_cards();
        if selected.len() > 1
            && let Selection::Card(id) = item
            && selected.contains(&id)
        {
            self.remove_cards(&selected);
            return;
        }
        let edit = match item {
            Selection::Card(id) => Some(Edit::RemoveCard(id)),
            Selection::Stage(id) => Some(Edit::RemoveStage(id)),
            Selection::Lane(id) => Some(Edit::RemoveLane(id)),
            Selection::Link(id) => Some(Edit::RemoveLink(id)),
            Selection::Cell(stage, lane) => {
                let has_score = self
                    .doc
                    .map()
                    .lane(lane)
                    .and_then(|l| l.emotion_of(self.canvas.active_persona(), stage))
                    .is_some();
                has_score.then_some(Edit::SetEmotion {
                    lane,
                    stage,
                    persona: self.canvas.active_persona(),
                    point: None,
                })
            }
            Selection::None => None,
        };
        let Some(edit) = edit else { return };
        match self.doc.apply(edit) {
            Ok(()) if item == self.canvas.selection && !matches!(item, Selection::Cell(..)) => {
                self.canvas.selection = Selection::None;
            }
            Ok(()) => {}
            Err(error) => self.report(Err(error)),
        }
    }
}

impl WaymarkApp {
    /// The find bar, under the menu bar (alone at the top in presentation mode), while it is open.
    pub(super) fn find_bar(&mut self, ui: &mut egui::Ui) {
        if !self.find.open {
            return;
        }
        let mut reveal = None;
        egui::Panel::top("find").show(ui, |ui| {
            reveal = self.find.show(ui, &self.doc);
        });
        if let Some(found) = reveal {
            self.show_found(found);
        }
    }

    /// Selects a match of the find bar and brings it into view; presenting stage by stage, its stage comes
    /// into focus.
    fn show_found(&mut self, found: Found) {
        self.canvas.reveal_found(found);
        if let Some(presentation) = &mut self.presentation
            && presentation.focus.is_some()
        {
            let stage = match found {
                Found::Card(id) => self.doc.map().card(id).map(|c| c.stage),
                Found::Stage(id) | Found::EmotionNote { stage: id, .. } => Some(id),
                Found::Lane(_) | Found::Persona => None,
            };
            if stage.is_some() {
                presentation.focus = stage;
            }
        }
    }
}
