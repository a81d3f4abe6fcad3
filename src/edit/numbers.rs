//! Checking and performing the edits of personas and metrics (kept apart from `apply.rs` so each stays short).

use super::{Edit, EditError};
use crate::model::{
    CardId, EmotionPoint, LaneKind, MAX_MEASURES, MAX_PERSONAS, Map, Measure, MeasureId,
    MetricValue, PersonaId, StageId,
};

fn persona_known(map: &Map, id: PersonaId) -> Result<(), EditError> {
    map.persona_by_id(id)
        .map(drop)
        .ok_or(EditError::NoSuchPersona(id))
}

fn measure_known(map: &Map, id: MeasureId) -> Result<&Measure, EditError> {
    map.measure(id)
        .map(|(_, m)| m)
        .ok_or(EditError::NoSuchMeasure(id))
}

fn check_range(min: f64, max: f64) -> Result<(), EditError> {
    if Measure::range_ok(min, max) {
        Ok(())
    } else {
        Err(EditError::BadMeasureRange)
    }
}

/// Checks a persona or metrics edit; `None` when the edit is of another kind.
pub(super) fn check(map: &Map, edit: &Edit) -> Option<Result<(), EditError>> {
    Some(match edit {
        Edit::SetPersona(persona) => persona_known(map, persona.id),
        Edit::InsertPersona {
            persona,
            index,
            emotions,
            tags,
        } => (|| {
            if 1 + map.more_personas.len() >= MAX_PERSONAS {
                return Err(EditError::TooManyPersonas);
            }
            if persona.id.is_main() {
                return Err(EditError::NoSuchPersona(persona.id));
            }
            super::apply::fresh_id(map, persona.id.0)?;
            if *index > map.more_personas.len() {
                return Err(EditError::IndexOutOfRange);
            }
            for (lane, point) in emotions {
                super::apply::emotions_lane(map, *lane)?;
                super::apply::check_score(point.score)?;
                map.stage_index(point.stage)
                    .ok_or(EditError::NoSuchStage(point.stage))?;
            }
            for (card, personas) in tags {
                map.card_index(*card).ok_or(EditError::NoSuchCard(*card))?;
                for p in personas.iter().filter(|p| **p != persona.id) {
                    persona_known(map, *p)?;
                }
            }
            Ok(())
        })(),
        Edit::RemovePersona(id) => {
            if id.is_main() {
                Err(EditError::FirstPersonaStays)
            } else {
                persona_known(map, *id)
            }
        }
        Edit::SetCardPersonas { card, personas } => (|| {
            map.card_index(*card).ok_or(EditError::NoSuchCard(*card))?;
            for (at, p) in personas.iter().enumerate() {
                persona_known(map, *p)?;
                if personas[..at].contains(p) {
                    return Err(EditError::NoSuchPersona(*p));
                }
            }
            Ok(())
        })(),
        Edit::InsertMeasure {
            lane,
            index,
            measure,
        } => (|| {
            let lane = metrics_lane(map, *lane)?;
            if lane.measures.len() >= MAX_MEASURES {
                return Err(EditError::TooManyMeasures);
            }
            if *index > lane.measures.len() {
                return Err(EditError::IndexOutOfRange);
            }
            super::apply::fresh_id(map, measure.id.0)?;
            check_range(measure.min, measure.max)?;
            for value in &measure.values {
                map.stage_index(value.stage)
                    .ok_or(EditError::NoSuchStage(value.stage))?;
                if !measure.contains(value.value) {
                    return Err(EditError::MetricOutOfRange(value.value));
                }
            }
            Ok(())
        })(),
        Edit::RemoveMeasure(id) => measure_known(map, *id).map(drop),
        Edit::SetMeasure {
            measure, min, max, ..
        } => (|| {
            let current = measure_known(map, *measure)?;
            check_range(*min, *max)?;
            let moved = Measure {
                min: *min,
                max: *max,
                ..current.clone()
            };
            match current.values.iter().find(|v| !moved.contains(v.value)) {
                Some(v) => Err(EditError::MetricOutOfRange(v.value)),
                None => Ok(()),
            }
        })(),
        Edit::SetMetric {
            measure,
            stage,
            value,
        } => (|| {
            let current = measure_known(map, *measure)?;
            map.stage_index(*stage)
                .ok_or(EditError::NoSuchStage(*stage))?;
            match value {
                Some(v) if !current.contains(*v) => Err(EditError::MetricOutOfRange(*v)),
                _ => Ok(()),
            }
        })(),
        _ => return None,
    })
}

fn metrics_lane(map: &Map, id: crate::model::LaneId) -> Result<&crate::model::Lane, EditError> {
    let lane = map.lane(id).ok_or(EditError::NoSuchLane(id))?;
    if lane.kind == LaneKind::Metrics {
        Ok(lane)
    } else {
        Err(EditError::NotAMetricsLane(id))
    }
}

fn measure_mut(map: &mut Map, id: MeasureId) -> Option<&mut Measure> {
    map.lanes
        .iter_mut()
        .flat_map(|l| l.measures.iter_mut())
        .find(|m| m.id == id)
}

/// Keeps values in stage-id order, so that removing and re-inserting one restores the same list.
fn insert_value(values: &mut Vec<MetricValue>, value: MetricValue) {
    let at = values.partition_point(|v| v.stage < value.stage);
    values.insert(at, value);
}

/// Puts a stage's metric values back (undoing the removal of a stage).
pub(super) fn restore_metrics(map: &mut Map, stage: StageId, metrics: Vec<(MeasureId, f64)>) {
    for (id, value) in metrics {
        if let Some(measure) = measure_mut(map, id) {
            insert_value(&mut measure.values, MetricValue { stage, value });
        }
    }
}

/// Takes out a stage's metric values (removing a stage).
pub(super) fn take_metrics(map: &mut Map, stage: StageId) -> Vec<(MeasureId, f64)> {
    let mut taken = Vec::new();
    for measure in map.lanes.iter_mut().flat_map(|l| l.measures.iter_mut()) {
        if let Some(at) = measure.values.iter().position(|v| v.stage == stage) {
            taken.push((measure.id, measure.values.remove(at).value));
        }
    }
    taken
}

/// Whether an edit is one of the persona and metrics edits this file performs.
pub(super) fn handles(edit: &Edit) -> bool {
    matches!(
        edit,
        Edit::SetPersona(_)
            | Edit::InsertPersona { .. }
            | Edit::RemovePersona(_)
            | Edit::SetCardPersonas { .. }
            | Edit::InsertMeasure { .. }
            | Edit::RemoveMeasure(_)
            | Edit::SetMeasure { .. }
            | Edit::SetMetric { .. }
    )
}

/// Performs a checked persona or metrics edit (see [`handles`]) and returns its inverse.
pub(super) fn perform(map: &mut Map, edit: Edit) -> Edit {
    match edit {
        Edit::SetPersona(persona) => {
            let slot = if persona.id.is_main() {
                Some(&mut map.persona)
            } else {
                map.more_personas.iter_mut().find(|p| p.id == persona.id)
            };
            match slot {
                Some(slot) => Edit::SetPersona(std::mem::replace(slot, persona)),
                None => Edit::Batch(Vec::new()),
            }
        }
        Edit::InsertPersona {
            persona,
            index,
            emotions,
            tags,
        } => {
            let id = persona.id;
            map.next_id = map.next_id.max(id.0 + 1);
            map.more_personas.insert(index, persona);
            for (lane, point) in emotions {
                if let Some(lane) = map.lanes.iter_mut().find(|l| l.id == lane) {
                    super::apply::insert_emotion(&mut lane.emotions, point);
                }
            }
            for (card, personas) in tags {
                if let Some(at) = map.card_index(card) {
                    map.cards[at].personas = personas;
                }
            }
            Edit::RemovePersona(id)
        }
        Edit::RemovePersona(id) => {
            let index = map
                .more_personas
                .iter()
                .position(|p| p.id == id)
                .unwrap_or_default();
            let persona = map.more_personas.remove(index);
            let mut emotions = Vec::new();
            for lane in &mut map.lanes {
                let (theirs, others): (Vec<EmotionPoint>, Vec<EmotionPoint>) =
                    std::mem::take(&mut lane.emotions)
                        .into_iter()
                        .partition(|p| p.persona == id);
                lane.emotions = others;
                emotions.extend(theirs.into_iter().map(|p| (lane.id, p)));
            }
            let mut tags: Vec<(CardId, Vec<crate::model::PersonaId>)> = Vec::new();
            for card in &mut map.cards {
                if card.personas.contains(&id) {
                    tags.push((card.id, card.personas.clone()));
                    card.personas.retain(|p| *p != id);
                }
            }
            Edit::InsertPersona {
                persona,
                index,
                emotions,
                tags,
            }
        }
        Edit::SetCardPersonas { card, personas } => {
            let at = map.card_index(card).unwrap_or_default();
            Edit::SetCardPersonas {
                card,
                personas: std::mem::replace(&mut map.cards[at].personas, personas),
            }
        }
        Edit::InsertMeasure {
            lane,
            index,
            measure,
        } => {
            let id = measure.id;
            map.next_id = map.next_id.max(id.0 + 1);
            if let Some(lane) = map.lanes.iter_mut().find(|l| l.id == lane) {
                lane.measures.insert(index, measure);
            }
            Edit::RemoveMeasure(id)
        }
        Edit::RemoveMeasure(id) => {
            let lane_at = map.measure(id).map_or(0, |(at, _)| at);
            let lane = &mut map.lanes[lane_at];
            let index = lane
                .measures
                .iter()
                .position(|m| m.id == id)
                .unwrap_or_default();
            let measure = lane.measures.remove(index);
            Edit::InsertMeasure {
                lane: lane.id,
                index,
                measure,
            }
        }
        Edit::SetMeasure {
            measure,
            name,
            unit,
            min,
            max,
        } => match measure_mut(map, measure) {
            Some(m) => Edit::SetMeasure {
                measure,
                name: std::mem::replace(&mut m.name, name),
                unit: std::mem::replace(&mut m.unit, unit),
                min: std::mem::replace(&mut m.min, min),
                max: std::mem::replace(&mut m.max, max),
            },
            None => Edit::Batch(Vec::new()),
        },
        Edit::SetMetric {
            measure,
            stage,
            value,
        } => {
            let Some(m) = measure_mut(map, measure) else {
                return Edit::Batch(Vec::new());
            };
            let old = m
                .values
                .iter()
                .position(|v| v.stage == stage)
                .map(|at| m.values.remove(at).value);
            if let Some(value) = value {
                insert_value(&mut m.values, MetricValue { stage, value });
            }
            Edit::SetMetric {
                measure,
                stage,
                value: old,
            }
        }
        // Not one of these edits (see `handles`): nothing to do.
        _ => Edit::Batch(Vec::new()),
    }
}
