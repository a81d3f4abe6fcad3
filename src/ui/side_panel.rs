//! The side panel: the map's title and persona, and the properties of what is selected. Text fields, sliders
//! and the lane kind change the map as they are used; the buttons ask the app for a [`Command`].

use egui::{Color32, RichText, Ui};

use super::commands::Command;
use super::selection::Selection;
use crate::edit::{Document, Edit, EditError, MergeKey};
use crate::i18n::{Key, k};
use crate::layout::style::card_fill;
use crate::model::{
    CardColor, Channel, LaneKind, MAX_SCORE, MAX_STAGE_WIDTH, MIN_SCORE, MIN_STAGE_WIDTH, Persona,
};
use crate::t;

/// A labelled text field; returns the new text when the user changed it.
pub(super) fn field(ui: &mut Ui, label: &str, value: &str, multiline: bool) -> Option<String> {
    let label = ui.label(label);
    let mut text = value.to_owned();
    let editor = if multiline {
        egui::TextEdit::multiline(&mut text).desired_rows(2)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    ui.add(editor.desired_width(f32::INFINITY))
        .labelled_by(label.id);
    (text != value).then_some(text)
}

/// What the side panel asks of the app this frame.
#[derive(Default)]
pub struct Requests {
    /// A button that was clicked.
    pub command: Option<Command>,
    /// An edit the map refused, to be shown in the status bar.
    pub refused: Option<EditError>,
}

impl Requests {
    fn button(&mut self, ui: &mut Ui, command: Command) {
        if ui.add(command.button(ui.ctx())).clicked() {
            self.command = Some(command);
        }
    }

    pub(super) fn note(&mut self, result: Result<(), EditError>) {
        if let Err(error) = result {
            self.refused = Some(error);
        }
    }
}

/// What the side panel shares with the canvas: the persona filter, and a measure whose value field should
/// take the keyboard.
pub struct Shared<'a> {
    pub persona: &'a mut Option<crate::model::PersonaId>,
    pub focus_measure: &'a mut Option<crate::model::MeasureId>,
}

/// Shows the panel for the map and the canvas selection (`cards` says how many cards are selected).
pub fn show(
    ui: &mut Ui,
    doc: &mut Document,
    selection: Selection,
    cards: usize,
    shared: Shared<'_>,
) -> Requests {
    let mut requests = Requests::default();
    ui.add_space(4.0);
    if let Some(title) = field(ui, &t!(k::PANEL_MAP_TITLE), &doc.map().title.clone(), false) {
        requests.note(doc.apply_merging(Edit::SetTitle(title), Some(MergeKey::Title)));
    }
    ui.separator();
    persona(ui, doc, shared.persona, &mut requests);
    ui.separator();
    if cards > 1 {
        several_cards(ui, cards, &mut requests);
    } else {
        let active = shared.persona.unwrap_or(crate::model::PersonaId::MAIN);
        selected(
            ui,
            doc,
            selection,
            active,
            shared.focus_measure,
            &mut requests,
        );
    }
    requests
}

/// Several cards selected: what acts on them all.
fn several_cards(ui: &mut Ui, count: usize, requests: &mut Requests) {
    ui.heading(crate::ui::canvas::cards_selected(count));
    ui.label(t!(k::PANEL_COLOUR));
    ui.horizontal_wrapped(|ui| {
        for color in CardColor::ALL {
            let command = Command::Color(color);
            let button = egui::Button::new("    ").fill(card_fill(color));
            if ui.add(button).on_hover_text(command.label()).clicked() {
                requests.command = Some(command);
            }
        }
    });
    for command in [
        Command::Duplicate,
        Command::Copy,
        Command::Cut,
        Command::DeleteSelected,
    ] {
        requests.button(ui, command);
    }
}

fn persona(
    ui: &mut Ui,
    doc: &mut Document,
    filter: &mut Option<crate::model::PersonaId>,
    requests: &mut Requests,
) {
    ui.heading(t!(k::PANEL_PERSONA));
    let shown = super::numbers_panel::persona_chooser(ui, doc, filter, requests);
    let Some(current) = doc.map().persona_by_id(shown).cloned() else {
        return;
    };
    let fields: [(Key, &'static str, &String, bool); 4] = [
        (k::PANEL_NAME, "name", &current.name, false),
        (
            k::PANEL_DESCRIPTION,
            "description",
            &current.description,
            true,
        ),
        (k::PANEL_GOALS, "goals", &current.goals, true),
        (k::PANEL_QUOTE, "quote", &current.quote, true),
    ];
    for (label, key, value, multiline) in fields {
        if let Some(text) = field(ui, &t!(label), value, multiline) {
            let mut persona: Persona = current.clone();
            match key {
                "name" => persona.name = text,
                "description" => persona.description = text,
                "goals" => persona.goals = text,
                _ => persona.quote = text,
            }
            requests.note(doc.apply_merging(
                Edit::SetPersona(persona),
                Some(MergeKey::PersonaField(current.id.0, key)),
            ));
        }
    }
    // The photo is the first persona's.
    if !current.id.is_main() {
        return;
    }
    ui.horizontal(|ui| {
        requests.button(ui, Command::ChoosePhoto);
        if current.photo.is_some() {
            requests.button(ui, Command::RemovePhoto);
        }
    });
    if let Some(photo) = &current.photo {
        let [w, h] = photo.size();
        let size = t!(
            k::PANEL_PHOTO_SIZE,
            width = w.to_string(),
            height = h.to_string()
        );
        ui.label(RichText::new(size).weak());
    }
}

fn selected(
    ui: &mut Ui,
    doc: &mut Document,
    selection: Selection,
    active: crate::model::PersonaId,
    focus_measure: &mut Option<crate::model::MeasureId>,
    requests: &mut Requests,
) {
    match selection {
        Selection::None => {
            ui.label(RichText::new(t!(k::PANEL_SELECT_HINT)).weak());
        }
        Selection::Card(id) => {
            let Some(card) = doc.map().card(id).cloned() else {
                return;
            };
            ui.heading(t!(k::PANEL_CARD));
            if let Some(text) = field(ui, &t!(k::PANEL_TEXT), &card.text, true) {
                requests.note(doc.apply_merging(
                    Edit::SetCardText { card: id, text },
                    Some(MergeKey::CardText(id.0)),
                ));
            }
            ui.label(t!(k::PANEL_COLOUR));
            ui.horizontal_wrapped(|ui| {
                for color in CardColor::ALL {
                    let mut button = egui::Button::new("    ").fill(card_fill(color));
                    if card.color == color {
                        button = button
                            .stroke(egui::Stroke::new(2.0, Color32::from_rgb(0x1F, 0x6F, 0xEB)));
                    }
                    let command = Command::Color(color);
                    if ui.add(button).on_hover_text(command.label()).clicked() {
                        requests.command = Some(command);
                    }
                }
            });
            let lane_kind = doc.map().lane(card.lane).map(|l| l.kind);
            if lane_kind == Some(LaneKind::Touchpoints) || card.channel.is_some() {
                ui.horizontal(|ui| {
                    ui.label(t!(k::PANEL_CHANNEL));
                    for channel in [Some(Channel::Online), Some(Channel::Offline), None] {
                        let command = Command::SetChannel(id, channel);
                        if ui
                            .selectable_label(card.channel == channel, command.label())
                            .clicked()
                            && card.channel != channel
                        {
                            requests.command = Some(command);
                        }
                    }
                });
            }
            super::numbers_panel::card_personas(ui, doc, id, requests);
            requests.button(ui, Command::Delete(Selection::Card(id)));
            super::link_panel::card_links(ui, doc, id, requests);
        }
        Selection::Link(id) => super::link_panel::link(ui, doc, id, requests),
        Selection::Stage(id) => {
            let Some(stage) = doc.map().stage(id).cloned() else {
                return;
            };
            ui.heading(t!(k::PANEL_STAGE));
            if let Some(name) = field(ui, &t!(k::PANEL_NAME), &stage.name, false) {
                let edit = Edit::SetStage(crate::model::Stage {
                    name,
                    ..stage.clone()
                });
                requests.note(doc.apply_merging(edit, Some(MergeKey::StageField(id.0, "name"))));
            }
            if let Some(time_frame) = field(ui, &t!(k::PANEL_TIME_FRAME), &stage.time_frame, false)
            {
                let edit = Edit::SetStage(crate::model::Stage {
                    time_frame,
                    ..stage.clone()
                });
                requests.note(doc.apply_merging(edit, Some(MergeKey::StageField(id.0, "time"))));
            }
            let mut width = stage.width;
            let slider = ui.add(
                egui::Slider::new(&mut width, MIN_STAGE_WIDTH..=MAX_STAGE_WIDTH)
                    .text(t!(k::PANEL_WIDTH)),
            );
            if width != stage.width {
                let edit = Edit::SetStage(crate::model::Stage {
                    width: width.round(),
                    ..stage.clone()
                });
                requests.note(doc.apply_merging(edit, Some(MergeKey::StageField(id.0, "width"))));
            }
            if slider.drag_stopped() {
                doc.seal();
            }
            requests.button(ui, Command::Delete(Selection::Stage(id)));
        }
        Selection::Lane(id) => {
            let Some(lane) = doc.map().lane(id).cloned() else {
                return;
            };
            ui.heading(t!(k::PANEL_LANE));
            if let Some(name) = field(ui, &t!(k::PANEL_NAME), &lane.name, false) {
                requests.note(doc.apply_merging(
                    Edit::SetLaneName { lane: id, name },
                    Some(MergeKey::LaneName(id.0)),
                ));
            }
            if lane.kind.holds_cards() {
                let mut kind = lane.kind;
                egui::ComboBox::from_label(t!(k::PANEL_KIND))
                    .selected_text(kind.label())
                    .show_ui(ui, |ui| {
                        for other in LaneKind::ALL.into_iter().filter(|k| k.holds_cards()) {
                            ui.selectable_value(&mut kind, other, other.label());
                        }
                    });
                if kind != lane.kind {
                    requests.note(doc.apply(Edit::SetLaneKind { lane: id, kind }));
                }
            } else {
                ui.label(t!(k::PANEL_KIND_EMOTIONS));
            }
            requests.button(ui, Command::Delete(Selection::Lane(id)));
            if lane.kind == LaneKind::Metrics {
                super::numbers_panel::lane_measures(ui, doc, id, requests);
            }
        }
        Selection::Cell(stage, lane) => {
            let kind = doc.map().lane(lane).map(|l| l.kind);
            let stage_name = doc
                .map()
                .stage(stage)
                .map(|s| s.name.clone())
                .unwrap_or_default();
            let lane_name = doc
                .map()
                .lane(lane)
                .map(|l| l.name.clone())
                .unwrap_or_default();
            ui.heading(format!("{stage_name} · {lane_name}"));
            if kind == Some(LaneKind::Emotions) {
                emotion(ui, doc, stage, lane, active, requests);
            } else if kind == Some(LaneKind::Metrics) {
                super::numbers_panel::cell_values(ui, doc, stage, lane, focus_measure, requests);
                requests.button(ui, Command::AddCardIn(stage, lane));
            } else {
                ui.label(RichText::new(t!(k::PANEL_CELL_HINT)).weak());
                requests.button(ui, Command::AddCardIn(stage, lane));
            }
        }
    }
}

fn emotion(
    ui: &mut Ui,
    doc: &mut Document,
    stage: crate::model::StageId,
    lane: crate::model::LaneId,
    persona: crate::model::PersonaId,
    requests: &mut Requests,
) {
    if !doc.map().more_personas.is_empty()
        && let Some(p) = doc.map().persona_by_id(persona)
    {
        ui.label(t!(k::PANEL_SCORE_OF, name = p.name.as_str()));
    }
    let point = doc
        .map()
        .lane(lane)
        .and_then(|l| l.emotion_of(persona, stage))
        .cloned();
    let Some(point) = point else {
        ui.label(RichText::new(t!(k::PANEL_NO_SCORE)).weak());
        requests.button(ui, Command::SetScore(stage, lane));
        return;
    };
    let mut score = point.score;
    let slider = ui
        .add(egui::Slider::new(&mut score, MIN_SCORE..=MAX_SCORE).text(t!(k::PANEL_EMOTION_SCORE)));
    if score != point.score {
        let edit = Edit::SetEmotion {
            lane,
            stage,
            persona,
            point: Some((score, point.note.clone())),
        };
        requests.note(doc.apply_merging(edit, Some(MergeKey::Emotion(lane.0, stage.0))));
    }
    if slider.drag_stopped() {
        doc.seal();
    }
    if let Some(note) = field(ui, &t!(k::PANEL_NOTE), &point.note, true) {
        let edit = Edit::SetEmotion {
            lane,
            stage,
            persona,
            point: Some((point.score, note)),
        };
        requests.note(doc.apply_merging(edit, Some(MergeKey::EmotionNote(lane.0, stage.0))));
    }
    ui.label(RichText::new(t!(k::PANEL_SCORE_KEYS)).weak());
    requests.button(ui, Command::Delete(Selection::Cell(stage, lane)));
}
