//! The CSV columns of personas and metrics (file version 3): `persona`, and `measure`, `value`, `unit`, `min`,
//! `max`. Export writes them only for maps that use them, so other maps' CSV stays as it was; import reads
//! files with or without them.

use std::collections::HashMap;

use crate::i18n::k;
use crate::model::{
    LaneId, LaneKind, MAX_PERSONAS, Map, Measure, MeasureId, MetricValue, Persona, PersonaId,
    StageId, format_number, parse_number,
};
use crate::t;

/// The votes column, written after the five card columns when the map has a vote.
pub(super) const VOTES_COLUMN: &str = "votes";
/// The extra columns, in the order export writes them after the five card columns and `votes`.
pub(super) const PERSONA_COLUMN: &str = "persona";
pub(super) const METRIC_COLUMNS: [&str; 5] = ["measure", "value", "unit", "min", "max"];

/// Header aliases of the extra columns (English and Russian), in the order of [`ExtraColumns`]' fields.
pub(super) const ALIASES: [&[&str]; 6] = [
    &["persona", "персона"],
    &["measure", "metric", "показатель", "метрика"],
    &["value", "значение"],
    &["unit", "единица"],
    &["min", "minimum", "минимум", "мин"],
    &["max", "maximum", "максимум", "макс"],
];

/// Where the extra columns are, when the file has them.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct ExtraColumns {
    pub persona: Option<usize>,
    pub measure: Option<usize>,
    pub value: Option<usize>,
    pub unit: Option<usize>,
    pub min: Option<usize>,
    pub max: Option<usize>,
}

impl ExtraColumns {
    pub fn from_found(found: &[Option<usize>]) -> ExtraColumns {
        let at = |i: usize| found.get(i).copied().flatten();
        ExtraColumns {
            persona: at(0),
            measure: at(1),
            value: at(2),
            unit: at(3),
            min: at(4),
            max: at(5),
        }
    }
}

/// Which extra columns a map's export needs.
pub(super) struct ExportShape {
    /// The `votes` column, right after the five card columns, when the map has a vote.
    pub votes: bool,
    pub personas: bool,
    pub metrics: bool,
}

impl ExportShape {
    pub fn of(map: &Map) -> ExportShape {
        ExportShape {
            votes: map.vote.is_some(),
            personas: !map.more_personas.is_empty()
                || map.cards.iter().any(|c| !c.personas.is_empty()),
            metrics: map.lanes.iter().any(|l| !l.measures.is_empty()),
        }
    }

    pub fn header(&self) -> Vec<String> {
        let mut header: Vec<String> = super::COLUMNS.iter().map(|c| (*c).to_owned()).collect();
        if self.votes {
            header.push(VOTES_COLUMN.to_owned());
        }
        if self.personas {
            header.push(PERSONA_COLUMN.to_owned());
        }
        if self.metrics {
            header.extend(METRIC_COLUMNS.iter().map(|c| (*c).to_owned()));
        }
        header
    }

    /// A row: the five card columns, then the persona column and the metric columns where the export has them.
    pub fn row(
        &self,
        base: [String; 5],
        persona: String,
        metric: Option<[String; 5]>,
    ) -> Vec<String> {
        let mut row: Vec<String> = base.into();
        if self.votes {
            row.push(String::new());
        }
        if self.personas {
            row.push(persona);
        }
        if self.metrics {
            row.extend(metric.unwrap_or_default());
        }
        row
    }
}

impl ExportShape {
    /// Writes a card's vote total into its row, when the export has the column.
    pub fn set_votes(&self, row: &mut [String], total: u32) {
        if self.votes
            && let Some(cell) = row.get_mut(super::COLUMNS.len())
        {
            *cell = total.to_string();
        }
    }
}

/// A persona's name in CSV: its name, or "Persona N" when it has none (so rows can name it).
pub(super) fn persona_label(map: &Map, id: PersonaId) -> String {
    let index = map.persona_index(id).unwrap_or(0);
    map.persona_by_id(id)
        .map(|p| p.name.trim().to_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("Persona {}", index + 1))
}

/// The names of a card's personas in one cell, separated by "; ".
pub(super) fn personas_cell(map: &Map, personas: &[PersonaId]) -> String {
    personas
        .iter()
        .map(|p| persona_label(map, *p))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The metric columns of one value (or of a measure without values, `value` empty).
pub(super) fn metric_cells(measure: &Measure, value: Option<f64>) -> [String; 5] {
    // Plain ASCII numbers, so that spreadsheets read them as numbers.
    let number = |v: f64| format_number(v).replace('−', "-");
    [
        measure.name.clone(),
        value.map(number).unwrap_or_default(),
        measure.unit.clone(),
        number(measure.min),
        number(measure.max),
    ]
}

/// A metric row as read: the lane and measure it names, and maybe a value at a stage.
pub(super) struct MetricRow {
    pub stage: Option<String>,
    pub lane: String,
    pub measure: String,
    pub value: Option<f64>,
    pub unit: String,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// Reads a number cell of a metric row; empty is `None`.
pub(super) fn number_cell(cell: &str) -> Result<Option<f64>, String> {
    if cell.trim().is_empty() {
        return Ok(None);
    }
    parse_number(cell)
        .map(Some)
        .ok_or_else(|| t!(k::CSV_BAD_NUMBER, cell = cell.trim()))
}

/// Personas by name as import meets them: the first name is the first persona's, later ones add personas.
#[derive(Default)]
pub(super) struct PersonaNames {
    ids: HashMap<String, PersonaId>,
}

impl PersonaNames {
    /// The persona a name stands for, made when new; an empty name is the first persona.
    pub fn id(&mut self, map: &mut Map, name: &str) -> Result<PersonaId, String> {
        let name = name.trim();
        if name.is_empty() {
            return Ok(PersonaId::MAIN);
        }
        let key = name.to_lowercase();
        if let Some(id) = self.ids.get(&key) {
            return Ok(*id);
        }
        let id = if self.ids.is_empty() {
            map.persona.name = name.to_owned();
            PersonaId::MAIN
        } else {
            if 1 + map.more_personas.len() >= MAX_PERSONAS {
                return Err(t!(k::CSV_TOO_MANY_PERSONAS, max = MAX_PERSONAS));
            }
            let id = PersonaId(map.allocate_id());
            map.more_personas.push(Persona {
                id,
                name: name.to_owned(),
                ..Persona::default()
            });
            id
        };
        self.ids.insert(key, id);
        Ok(id)
    }

    /// The personas a card's cell names ("Анна; Борис"), in the map's persona order, without repeats.
    pub fn ids(&mut self, map: &mut Map, cell: &str) -> Result<Vec<PersonaId>, String> {
        let mut ids = Vec::new();
        for name in cell.split(';').filter(|n| !n.trim().is_empty()) {
            let id = self.id(map, name)?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids.sort_by_key(|id| map.persona_index(*id));
        Ok(ids)
    }
}

/// Measures by lane and name as import meets them.
#[derive(Default)]
pub(super) struct MeasureNames {
    ids: HashMap<(LaneId, String), MeasureId>,
}

impl MeasureNames {
    /// Adds a metric row's measure (when new) and value to the map.
    pub fn add(
        &mut self,
        map: &mut Map,
        lane_index: usize,
        stage: Option<StageId>,
        row: &MetricRow,
    ) -> Result<(), String> {
        let lane_id = map.lanes[lane_index].id;
        let key = (lane_id, row.measure.trim().to_lowercase());
        let id = match self.ids.get(&key) {
            Some(id) => *id,
            None => {
                let (Some(min), Some(max)) = (row.min, row.max) else {
                    return Err(t!(k::CSV_MEASURE_NEEDS_RANGE, measure = row.measure.trim()));
                };
                if !Measure::range_ok(min, max) {
                    return Err(t!(k::CSV_MEASURE_NEEDS_RANGE, measure = row.measure.trim()));
                }
                let id = MeasureId(map.allocate_id());
                let lane = &mut map.lanes[lane_index];
                if lane.measures.len() >= crate::model::MAX_MEASURES {
                    return Err(t!(
                        k::EDIT_TOO_MANY_MEASURES,
                        max = crate::model::MAX_MEASURES
                    ));
                }
                lane.kind = LaneKind::Metrics;
                lane.measures.push(Measure::new(
                    id,
                    row.measure.trim(),
                    row.unit.trim(),
                    min,
                    max,
                ));
                self.ids.insert(key, id);
                id
            }
        };
        let Some(value) = row.value else {
            return Ok(());
        };
        let Some(stage) = stage else {
            return Err(t!(k::CSV_NO_STAGE));
        };
        let lane = &mut map.lanes[lane_index];
        let Some(measure) = lane.measures.iter_mut().find(|m| m.id == id) else {
            return Ok(());
        };
        if !measure.contains(value) {
            return Err(t!(
                k::CSV_METRIC_OUT_OF_RANGE,
                value = format_number(value),
                measure = measure.label()
            ));
        }
        if measure.value_at(stage).is_some() {
            return Err(t!(k::CSV_DUPLICATE_METRIC, measure = measure.name.as_str()));
        }
        measure.values.push(MetricValue { stage, value });
        Ok(())
    }
}
