//! The side panel's parts for several personas and for metrics: which persona is shown and edited, a card's
//! personas, a Metrics lane's measures and a cell's values. Every change is an [`Edit`].

use egui::{Id, Response, RichText, Ui};

use super::side_panel::{Requests, field};
use crate::edit::{Document, Edit, MergeKey};
use crate::i18n::{Arg, k, map_language, tr_in};
use crate::layout::style::{measure_color, persona_color};
use crate::model::{
    CardId, LaneId, MAX_PERSONAS, Measure, MeasureId, Persona, PersonaId, StageId, format_number,
    parse_number,
};
use crate::t;

/// The persona filter (which persona the map shows and the panel edits), and the buttons that add and
/// remove personas. Returns the persona whose fields the panel then shows.
pub fn persona_chooser(
    ui: &mut Ui,
    doc: &mut Document,
    filter: &mut Option<PersonaId>,
    requests: &mut Requests,
) -> PersonaId {
    let map = doc.map();
    let several = !map.more_personas.is_empty();
    if several {
        ui.horizontal_wrapped(|ui| {
            ui.label(t!(k::PANEL_PERSONA_SHOW));
            if ui
                .selectable_label(filter.is_none(), t!(k::PANEL_ALL_PERSONAS))
                .clicked()
            {
                *filter = None;
            }
            for (index, persona) in map.personas().enumerate() {
                let name = if persona.name.trim().is_empty() {
                    format!("{}", index + 1)
                } else {
                    persona.name.clone()
                };
                let text = RichText::new(name).color(persona_color(index));
                if ui
                    .selectable_label(*filter == Some(persona.id), text)
                    .clicked()
                {
                    *filter = Some(persona.id);
                }
            }
        });
    }
    let count = 1 + map.more_personas.len();
    let shown = filter.unwrap_or(PersonaId::MAIN);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                count < MAX_PERSONAS,
                egui::Button::new(t!(k::PANEL_ADD_PERSONA)),
            )
            .clicked()
        {
            let map = doc.map();
            let id = PersonaId(map.next_id);
            let name = tr_in(
                map_language(map),
                k::PERSONA_NEW_NAME,
                &[("number", Arg::from(count + 1))],
            );
            let edit = Edit::InsertPersona {
                persona: Persona {
                    id,
                    name,
                    ..Persona::default()
                },
                index: map.more_personas.len(),
                emotions: Vec::new(),
                tags: Vec::new(),
            };
            let result = doc.apply(edit);
            if result.is_ok() {
                *filter = Some(id);
            }
            requests.note(result);
        }
        if !shown.is_main() && ui.button(t!(k::PANEL_REMOVE_PERSONA)).clicked() {
            let result = doc.apply(Edit::RemovePersona(shown));
            if result.is_ok() {
                *filter = None;
            }
            requests.note(result);
        }
    });
    if filter.is_some() {
        ui.label(RichText::new(t!(k::PANEL_PERSONA_FILTER_HINT)).weak());
    }
    filter.unwrap_or(PersonaId::MAIN)
}

/// Check boxes for the personas a card belongs to (shown when the map has several).
pub fn card_personas(ui: &mut Ui, doc: &mut Document, card: CardId, requests: &mut Requests) {
    let map = doc.map();
    let Some(current) = map.card(card).map(|c| c.personas.clone()) else {
        return;
    };
    if map.more_personas.is_empty() && current.is_empty() {
        return;
    }
    let personas: Vec<(PersonaId, String)> =
        map.personas().map(|p| (p.id, p.name.clone())).collect();
    ui.label(t!(k::PANEL_CARD_PERSONAS));
    let mut wanted = current.clone();
    ui.horizontal_wrapped(|ui| {
        for (index, (id, name)) in personas.iter().enumerate() {
            let mut on = current.contains(id);
            let text = RichText::new(name).color(persona_color(index));
            if ui.checkbox(&mut on, text).changed() {
                if on {
                    wanted.push(*id);
                } else {
                    wanted.retain(|p| p != id);
                }
            }
        }
    });
    if wanted != current {
        // Kept in the map's persona order, whatever order they were ticked in.
        let order: Vec<PersonaId> = personas.iter().map(|(id, _)| *id).collect();
        wanted.sort_by_key(|p| order.iter().position(|o| o == p));
        requests.note(doc.apply(Edit::SetCardPersonas {
            card,
            personas: wanted,
        }));
    }
}

/// The measures a new one can start from: CSAT 1–5, NPS −100…100, conversion 0–100 %, time 0–60 min, and a
/// plain 0–10 measure to rename. Names are in the map's language (they are map content).
fn presets(doc: &Document) -> Vec<(String, String, f64, f64)> {
    let lang = map_language(doc.map());
    let word = |key| tr_in(lang, key, &[]);
    vec![
        (word(k::MEASURE_CSAT), String::new(), 1.0, 5.0),
        (word(k::MEASURE_NPS), String::new(), -100.0, 100.0),
        (word(k::MEASURE_CONVERSION), "%".to_owned(), 0.0, 100.0),
        (word(k::MEASURE_TIME), word(k::MEASURE_TIME_UNIT), 0.0, 60.0),
        (word(k::MEASURE_CUSTOM), String::new(), 0.0, 10.0),
    ]
}

/// A Metrics lane's measures: add one from a preset, and change each one's name, unit and range.
pub fn lane_measures(ui: &mut Ui, doc: &mut Document, lane: LaneId, requests: &mut Requests) {
    let Some(measures) = doc.map().lane(lane).map(|l| l.measures.clone()) else {
        return;
    };
    ui.separator();
    ui.heading(t!(k::PANEL_MEASURES));
    for (index, measure) in measures.iter().enumerate() {
        ui.label(
            RichText::new(measure.label())
                .color(measure_color(index))
                .strong(),
        );
        let id = measure.id;
        let set = |name: String, unit: String, min: f64, max: f64| Edit::SetMeasure {
            measure: id,
            name,
            unit,
            min,
            max,
        };
        let (name, unit, min, max) = (&measure.name, &measure.unit, measure.min, measure.max);
        if let Some(text) = field(ui, &t!(k::PANEL_NAME), name, false) {
            let edit = set(text, unit.clone(), min, max);
            requests.note(doc.apply_merging(edit, Some(MergeKey::MeasureField(id.0, "name"))));
        }
        if let Some(text) = field(ui, &t!(k::PANEL_UNIT), unit, false) {
            let edit = set(name.clone(), text, min, max);
            requests.note(doc.apply_merging(edit, Some(MergeKey::MeasureField(id.0, "unit"))));
        }
        let key = Id::unique("measure-range").with(id.0);
        if let (Some(Some(new_min)), _) =
            number_field(ui, &t!(k::PANEL_MIN), key.with(0), Some(min), false)
        {
            let edit = set(name.clone(), unit.clone(), new_min, max);
            requests.note(doc.apply_merging(edit, Some(MergeKey::MeasureField(id.0, "min"))));
        }
        if let (Some(Some(new_max)), _) =
            number_field(ui, &t!(k::PANEL_MAX), key.with(1), Some(max), false)
        {
            let edit = set(name.clone(), unit.clone(), min, new_max);
            requests.note(doc.apply_merging(edit, Some(MergeKey::MeasureField(id.0, "max"))));
        }
        if ui.button(t!(k::PANEL_REMOVE_MEASURE)).clicked() {
            requests.note(doc.apply(Edit::RemoveMeasure(id)));
        }
        ui.add_space(6.0);
    }
    ui.label(t!(k::PANEL_ADD_MEASURE));
    ui.horizontal_wrapped(|ui| {
        for (name, unit, min, max) in presets(doc) {
            let preview = Measure::new(MeasureId(0), &name, &unit, min, max);
            if ui.button(preview.label()).clicked() {
                let measure = Measure {
                    id: MeasureId(doc.map().next_id),
                    ..preview
                };
                let index = measures.len();
                requests.note(doc.apply(Edit::InsertMeasure {
                    lane,
                    index,
                    measure,
                }));
            }
        }
    });
}

/// The values of a Metrics cell: a number field per measure. `focus` names a measure whose field takes the
/// keyboard (a double-click on its chart row); it is used up here.
pub fn cell_values(
    ui: &mut Ui,
    doc: &mut Document,
    stage: StageId,
    lane: LaneId,
    focus: &mut Option<MeasureId>,
    requests: &mut Requests,
) {
    let Some(measures) = doc.map().lane(lane).map(|l| l.measures.clone()) else {
        return;
    };
    if measures.is_empty() {
        ui.label(RichText::new(t!(k::PANEL_NO_MEASURES)).weak());
        return;
    }
    for measure in &measures {
        let id = Id::unique("metric-value").with((measure.id.0, stage.0));
        let take_focus = *focus == Some(measure.id);
        let current = measure.value_at(stage);
        let (typed, focused) = number_field(ui, &measure.label(), id, current, take_focus);
        // Asked for until the field has it: the click that asked may still be ending.
        if take_focus && focused {
            *focus = None;
        }
        if let Some(value) = typed
            && value.is_none_or(|v| measure.contains(v))
        {
            let edit = Edit::SetMetric {
                measure: measure.id,
                stage,
                value,
            };
            let key = MergeKey::Metric(measure.id.0, stage.0);
            requests.note(doc.apply_merging(edit, Some(key)));
        }
        if let Some(draft) = ui.data(|d| d.get_temp::<String>(id))
            && !draft.trim().is_empty()
            && parse_number(&draft).is_none_or(|v| !measure.contains(v))
        {
            let text = t!(k::PANEL_NOT_A_NUMBER, text = draft.trim());
            ui.label(RichText::new(text).color(ui.visuals().error_fg_color));
        }
    }
    ui.label(RichText::new(t!(k::PANEL_METRIC_HINT)).weak());
}

/// A labelled field for a number. While it has the keyboard, what is typed is kept as typed (a half-typed
/// "4," or "−" is not a number yet). Returns `Some(None)` when emptied, `Some(Some(v))` when it reads as a
/// number, `None` when nothing usable changed; and whether the field has the keyboard.
fn number_field(
    ui: &mut Ui,
    label: &str,
    id: Id,
    current: Option<f64>,
    take_focus: bool,
) -> (Option<Option<f64>>, bool) {
    let shown = current.map(format_number).unwrap_or_default();
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| shown.clone());
    let label = ui.label(label);
    let edit_id = id.with("edit");
    let output = egui::TextEdit::singleline(&mut text)
        .id(edit_id)
        .desired_width(f32::INFINITY)
        .show(ui);
    let response = Response::clone(&output.response).labelled_by(label.id);
    if take_focus {
        // The value is selected, so that what is typed replaces it.
        let mut state = output.state;
        let all = egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(text.chars().count()),
        );
        state.cursor.set_char_range(Some(all));
        state.store(ui.ctx(), edit_id);
        response.request_focus();
    }
    let focused = response.has_focus();
    if focused || take_focus {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    let typed = if !response.changed() {
        None
    } else if text.trim().is_empty() {
        Some(None)
    } else {
        parse_number(&text).map(Some)
    };
    (typed, focused)
}
