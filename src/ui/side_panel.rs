//! The side panel: the map's title and persona, and the properties of what is selected.

use egui::{Color32, RichText, Ui};

use super::canvas::Canvas;
use super::files::Files;
use super::selection::Selection;
use crate::edit::{Document, Edit, MergeKey};
use crate::layout::style::card_fill;
use crate::model::{
    CardColor, Channel, LaneKind, MAX_SCORE, MAX_STAGE_WIDTH, MIN_SCORE, MIN_STAGE_WIDTH, Persona,
};

/// A labelled text field; returns the new text when the user changed it.
fn field(ui: &mut Ui, label: &str, value: &str, multiline: bool) -> Option<String> {
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

pub fn show(ui: &mut Ui, doc: &mut Document, canvas: &mut Canvas, files: &mut Files) {
    ui.add_space(4.0);
    if let Some(title) = field(ui, "Map title", &doc.map().title.clone(), false) {
        let _ = doc.apply_merging(Edit::SetTitle(title), Some(MergeKey::Title));
    }
    ui.separator();
    persona(ui, doc, files);
    ui.separator();
    selected(ui, doc, canvas);
}

fn persona(ui: &mut Ui, doc: &mut Document, files: &mut Files) {
    ui.heading("Persona");
    let current = doc.map().persona.clone();
    let fields: [(&str, &'static str, &String, bool); 4] = [
        ("Name", "name", &current.name, false),
        (
            "Description (segment, age, situation)",
            "description",
            &current.description,
            true,
        ),
        ("Goals", "goals", &current.goals, true),
        ("Quote", "quote", &current.quote, true),
    ];
    for (label, key, value, multiline) in fields {
        if let Some(text) = field(ui, label, value, multiline) {
            let mut persona: Persona = current.clone();
            match key {
                "name" => persona.name = text,
                "description" => persona.description = text,
                "goals" => persona.goals = text,
                _ => persona.quote = text,
            }
            let _ = doc.apply_merging(Edit::SetPersona(persona), Some(MergeKey::PersonaField(key)));
        }
    }
    ui.horizontal(|ui| {
        if ui.button("Choose photo…").clicked() {
            files.photo_dialog(ui.ctx());
        }
        if current.photo.is_some() && ui.button("Remove photo").clicked() {
            let _ = doc.apply(Edit::SetPersona(Persona {
                photo: None,
                ..current.clone()
            }));
        }
    });
    if let Some(photo) = &current.photo {
        let [w, h] = photo.size();
        ui.label(RichText::new(format!("Photo: {w}×{h} px")).weak());
    }
}

fn selected(ui: &mut Ui, doc: &mut Document, canvas: &mut Canvas) {
    match canvas.selection {
        Selection::None => {
            ui.label(
                RichText::new("Select a card, stage, lane or cell to see its properties.").weak(),
            );
        }
        Selection::Card(id) => {
            let Some(card) = doc.map().card(id).cloned() else {
                return;
            };
            ui.heading("Card");
            if let Some(text) = field(ui, "Text", &card.text, true) {
                let _ = doc.apply_merging(
                    Edit::SetCardText { card: id, text },
                    Some(MergeKey::CardText(id.0)),
                );
            }
            ui.label("Colour");
            ui.horizontal_wrapped(|ui| {
                for color in CardColor::ALL {
                    let mut button = egui::Button::new("    ").fill(card_fill(color));
                    if card.color == color {
                        button = button
                            .stroke(egui::Stroke::new(2.0, Color32::from_rgb(0x1F, 0x6F, 0xEB)));
                    }
                    if ui.add(button).on_hover_text(color.name()).clicked() {
                        let _ = doc.apply(Edit::SetCardColor { card: id, color });
                    }
                }
            });
            let lane_kind = doc.map().lane(card.lane).map(|l| l.kind);
            if lane_kind == Some(LaneKind::Touchpoints) || card.channel.is_some() {
                ui.horizontal(|ui| {
                    ui.label("Channel");
                    for (label, channel) in [
                        ("Online", Some(Channel::Online)),
                        ("Offline", Some(Channel::Offline)),
                        ("—", None),
                    ] {
                        if ui
                            .selectable_label(card.channel == channel, label)
                            .clicked()
                            && card.channel != channel
                        {
                            let _ = doc.apply(Edit::SetCardChannel { card: id, channel });
                        }
                    }
                });
            }
            if ui.button("Delete card").clicked() {
                let _ = doc.apply(Edit::RemoveCard(id));
            }
        }
        Selection::Stage(id) => {
            let Some(stage) = doc.map().stage(id).cloned() else {
                return;
            };
            ui.heading("Stage");
            if let Some(name) = field(ui, "Name", &stage.name, false) {
                let edit = Edit::SetStage(crate::model::Stage {
                    name,
                    ..stage.clone()
                });
                let _ = doc.apply_merging(edit, Some(MergeKey::StageField(id.0, "name")));
            }
            if let Some(time_frame) =
                field(ui, "Time frame (e.g. 2-3 weeks)", &stage.time_frame, false)
            {
                let edit = Edit::SetStage(crate::model::Stage {
                    time_frame,
                    ..stage.clone()
                });
                let _ = doc.apply_merging(edit, Some(MergeKey::StageField(id.0, "time")));
            }
            let mut width = stage.width;
            let slider = ui.add(
                egui::Slider::new(&mut width, MIN_STAGE_WIDTH..=MAX_STAGE_WIDTH).text("Width"),
            );
            if width != stage.width {
                let edit = Edit::SetStage(crate::model::Stage {
                    width: width.round(),
                    ..stage.clone()
                });
                let _ = doc.apply_merging(edit, Some(MergeKey::StageField(id.0, "width")));
            }
            if slider.drag_stopped() {
                doc.seal();
            }
            if ui.button("Delete stage and its cards").clicked() {
                let _ = doc.apply(Edit::RemoveStage(id));
            }
        }
        Selection::Lane(id) => {
            let Some(lane) = doc.map().lane(id).cloned() else {
                return;
            };
            ui.heading("Lane");
            if let Some(name) = field(ui, "Name", &lane.name, false) {
                let _ = doc.apply_merging(
                    Edit::SetLaneName { lane: id, name },
                    Some(MergeKey::LaneName(id.0)),
                );
            }
            if lane.kind.holds_cards() {
                let mut kind = lane.kind;
                egui::ComboBox::from_label("Kind")
                    .selected_text(kind.name_en())
                    .show_ui(ui, |ui| {
                        for k in LaneKind::ALL.into_iter().filter(|k| k.holds_cards()) {
                            ui.selectable_value(&mut kind, k, k.name_en());
                        }
                    });
                if kind != lane.kind {
                    let _ = doc.apply(Edit::SetLaneKind { lane: id, kind });
                }
            } else {
                ui.label("Kind: Emotions (a score per stage)");
            }
            if ui.button("Delete lane and its cards").clicked() {
                let _ = doc.apply(Edit::RemoveLane(id));
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
                emotion(ui, doc, stage, lane);
            } else {
                ui.label(
                    RichText::new("Double-click the cell, press N or Enter to add a card.").weak(),
                );
                if ui.button("Add card").clicked() {
                    canvas.add_card(doc, stage, lane, None);
                }
            }
        }
    }
}

fn emotion(
    ui: &mut Ui,
    doc: &mut Document,
    stage: crate::model::StageId,
    lane: crate::model::LaneId,
) {
    let point = doc
        .map()
        .lane(lane)
        .and_then(|l| l.emotion_at(stage))
        .cloned();
    let Some(point) = point else {
        ui.label(RichText::new("No score yet.").weak());
        if ui.button("Set score").clicked() {
            let _ = doc.apply(Edit::SetEmotion {
                lane,
                stage,
                point: Some((0, String::new())),
            });
        }
        return;
    };
    let mut score = point.score;
    let slider = ui.add(egui::Slider::new(&mut score, MIN_SCORE..=MAX_SCORE).text("Emotion score"));
    if score != point.score {
        let edit = Edit::SetEmotion {
            lane,
            stage,
            point: Some((score, point.note.clone())),
        };
        let _ = doc.apply_merging(edit, Some(MergeKey::Emotion(lane.0, stage.0)));
    }
    if slider.drag_stopped() {
        doc.seal();
    }
    if let Some(note) = field(ui, "Note", &point.note, true) {
        let edit = Edit::SetEmotion {
            lane,
            stage,
            point: Some((point.score, note)),
        };
        let _ = doc.apply_merging(edit, Some(MergeKey::EmotionNote(lane.0, stage.0)));
    }
    ui.label(RichText::new("Shift+↑ / Shift+↓ on the canvas change the score.").weak());
    if ui.button("Clear score").clicked() {
        let _ = doc.apply(Edit::SetEmotion {
            lane,
            stage,
            point: None,
        });
    }
}
