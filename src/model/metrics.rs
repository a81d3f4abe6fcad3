//! Numbers on the map: the measures of a Metrics lane (CSAT, NPS, conversion, time…), one value per stage, and
//! the map's personas as a list.

use serde::{Deserialize, Serialize};

use super::{Map, MeasureId, Persona, PersonaId, StageId};

/// A map has at most this many personas (the first one included).
pub const MAX_PERSONAS: usize = 6;
/// A Metrics lane has at most this many measures (each is a row of its chart).
pub const MAX_MEASURES: usize = 8;
/// Measure bounds stay within ±this, so that values print readably and stay exact.
pub const MEASURE_LIMIT: f64 = 1e9;

/// A named number measured at each stage, e.g. CSAT from 1 to 5 or conversion from 0 to 100 %.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub id: MeasureId,
    pub name: String,
    /// What the number counts: "%", "min", "₽"; empty for a plain score.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// The lowest and highest value the measure can take; the chart spans this range.
    pub min: f64,
    pub max: f64,
    /// At most one value per stage, in stage-id order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<MetricValue>,
}

/// The value of a measure at one stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricValue {
    pub stage: StageId,
    pub value: f64,
}

impl Measure {
    /// A new measure without values.
    pub fn new(id: MeasureId, name: &str, unit: &str, min: f64, max: f64) -> Measure {
        Measure {
            id,
            name: name.to_owned(),
            unit: unit.to_owned(),
            min,
            max,
            values: Vec::new(),
        }
    }

    pub fn value_at(&self, stage: StageId) -> Option<f64> {
        self.values
            .iter()
            .find(|v| v.stage == stage)
            .map(|v| v.value)
    }

    /// Whether the bounds make a range a chart can show: finite, within [`MEASURE_LIMIT`], min below max.
    pub fn range_ok(min: f64, max: f64) -> bool {
        min.is_finite()
            && max.is_finite()
            && min < max
            && min.abs() <= MEASURE_LIMIT
            && max.abs() <= MEASURE_LIMIT
    }

    pub fn contains(&self, value: f64) -> bool {
        value.is_finite() && (self.min..=self.max).contains(&value)
    }

    /// Where a value sits in the range, 0 at `min` and 1 at `max`.
    pub fn fraction(&self, value: f64) -> f32 {
        let span = self.max - self.min;
        if span > 0.0 {
            ((value - self.min) / span).clamp(0.0, 1.0) as f32
        } else {
            0.0
        }
    }

    /// The name with its unit and range, as a chart's label says it: "CSAT (1–5)", "Conversion, % (0…100)".
    pub fn label(&self) -> String {
        let range = format!("{}…{}", format_number(self.min), format_number(self.max));
        if self.unit.trim().is_empty() {
            format!("{} ({range})", self.name)
        } else {
            format!("{}, {} ({range})", self.name, self.unit)
        }
    }
}

/// A number as a chart prints it: no trailing zeros, at most two decimals, a minus sign for negatives.
pub fn format_number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        let s = format!("{rounded:.2}");
        s.trim_end_matches('0').to_owned()
    };
    match text.strip_prefix('-') {
        Some("0") => "0".to_owned(),
        Some(rest) => format!("−{rest}"),
        None => text,
    }
}

/// Reads a number as people type it: `4.5`, `4,5`, `−30`, `12 %` (a unit after the number is ignored).
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .replace(['−', '–'], "-")
        .replace(',', ".")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    let number: String = cleaned
        .char_indices()
        .take_while(|(i, c)| {
            c.is_ascii_digit() || *c == '.' || (*i == 0 && (*c == '-' || *c == '+'))
        })
        .map(|(_, c)| c)
        .collect();
    number.parse::<f64>().ok().filter(|v| v.is_finite())
}

impl Map {
    /// Every persona, the first one first.
    pub fn personas(&self) -> impl Iterator<Item = &Persona> {
        std::iter::once(&self.persona).chain(&self.more_personas)
    }

    pub fn persona_by_id(&self, id: PersonaId) -> Option<&Persona> {
        self.personas().find(|p| p.id == id)
    }

    /// The persona's place in [`Map::personas`], which also picks its colour.
    pub fn persona_index(&self, id: PersonaId) -> Option<usize> {
        self.personas().position(|p| p.id == id)
    }

    /// The measure with this id, with its lane's index.
    pub fn measure(&self, id: MeasureId) -> Option<(usize, &Measure)> {
        self.lanes
            .iter()
            .enumerate()
            .find_map(|(at, lane)| lane.measures.iter().find(|m| m.id == id).map(|m| (at, m)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_and_parse_as_people_write_them() {
        assert_eq!(format_number(4.0), "4");
        assert_eq!(format_number(4.25), "4.25");
        assert_eq!(format_number(-30.0), "−30");
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(parse_number("4,5"), Some(4.5));
        assert_eq!(parse_number("−30"), Some(-30.0));
        assert_eq!(parse_number(" 12 %"), Some(12.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("NaN"), None);
    }

    #[test]
    fn a_label_says_name_unit_and_range() {
        let m = Measure::new(MeasureId(1), "Conversion", "%", 0.0, 100.0);
        assert_eq!(m.label(), "Conversion, % (0…100)");
        let m = Measure::new(MeasureId(2), "NPS", "", -100.0, 100.0);
        assert_eq!(m.label(), "NPS (−100…100)");
    }
}
