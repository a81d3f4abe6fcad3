//! CSV import and export: one card per row, the way teams keep maps in spreadsheets.
//!
//! Columns (the first row names them, in any order and any letter case; Russian names work too):
//! - `stage` (`этап`): the stage (column of the map) the card is in.
//! - `lane` (`дорожка`): the lane (row of the map). Its kind comes from its name: "Emotions"/"Эмоции" is an
//!   Emotions lane, "Touchpoints"/"Точки контакта" a Touchpoints lane, and so on; other names make Notes lanes.
//! - `text` (`текст`): the card's text. In the Emotions lane it is the note that says why the customer feels so.
//! - `score` (`оценка`), optional: from -2 to 2, only in the Emotions lane, where every row needs one.
//! - `color` (`цвет`), optional: Yellow, Orange, Pink, Purple, Blue, Green, Gray or White (or the Russian
//!   names); empty means the lane's usual colour.
//!
//! - `persona` (`персона`), optional: on a score row, whose score it is; on a card row, the personas the card
//!   belongs to, separated by `;`. A row with only a persona declares it (export lists every persona first).
//!   The first name names the map's first persona; empty means the first persona.
//! - `measure` (`показатель`), `value` (`значение`), `unit` (`единица`), `min` (`минимум`), `max` (`максимум`),
//!   optional: a row with a measure is a value of that measure at its stage in a Metrics lane (the lane becomes
//!   one); the measure's first row gives its unit and range; a row without a value just defines the measure.
//! - `votes` (`голоса`), optional: the dots a card got in a dot vote (a whole number; empty is none). Export
//!   writes it when the map has a vote. Import keeps the totals as the dots of one participant named "CSV"
//!   (a round on every card, several dots per card allowed, with as many votes as the totals add up to):
//!   a spreadsheet knows how many votes a card got, not who gave them.
//!
//! Stages and lanes are made in the order they first appear. A row with no text, score or colour makes its
//! stage and lane (either may be empty) without a card: that is how an empty stage or lane is kept.
//! Other columns are ignored. Separators may be commas, semicolons (as Russian Excel writes) or tabs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::model::{
    CURRENT_VERSION, Card, CardColor, CardId, Dots, EmotionPoint, Lane, LaneId, LaneKind,
    MAX_SCORE, MAX_VOTES_EACH, MIN_SCORE, Map, ParticipantId, Persona, Stage, StageId, Vote,
};

use super::MAX_FILE_BYTES;

mod numbers;
use crate::i18n::k;
use crate::t;
use numbers::{ExportShape, ExtraColumns, MeasureNames, MetricRow, PersonaNames};

/// The columns in the order export writes them.
const COLUMNS: [&str; 5] = ["stage", "lane", "text", "score", "color"];

/// At most this many bad rows are listed in one error.
const MAX_PROBLEMS: usize = 20;

/// Why a CSV file could not be imported.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvError {
    /// The file, when the CSV came from one.
    pub path: Option<PathBuf>,
    /// Each problem found, in row order (at most [`MAX_PROBLEMS`]).
    pub problems: Vec<CsvProblem>,
}

/// One problem in a CSV file.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvProblem {
    /// The spreadsheet row (the header is row 1), when the problem is in one row.
    pub row: Option<u64>,
    /// What is wrong, in the interface language of the moment the file was read.
    pub message: String,
}

impl std::fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.row {
            Some(row) => f.write_str(&t!(
                k::CSV_ROW,
                row = row.to_string(),
                message = &self.message
            )),
            None => f.write_str(&self.message),
        }
    }
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}: ", path.display())?;
        }
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        if self.problems.len() >= MAX_PROBLEMS {
            write!(f, "; {}", t!(k::CSV_MAYBE_MORE))?;
        }
        Ok(())
    }
}

impl std::error::Error for CsvError {}

impl CsvError {
    fn whole(message: impl Into<String>) -> CsvError {
        CsvError {
            path: None,
            problems: vec![CsvProblem {
                row: None,
                message: message.into(),
            }],
        }
    }
}

/// The map's cards as CSV text: a header row, then one row per card and per emotion score, stage by stage.
/// Starts with a UTF-8 byte-order mark so that Excel shows Cyrillic text correctly.
pub fn export_csv(map: &Map) -> String {
    let shape = ExportShape::of(map);
    let rows = export_rows(map, &shape);
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let written = std::iter::once(shape.header())
        .chain(rows)
        .try_for_each(|row| writer.write_record(&row));
    let bytes = written
        .map_err(|e| e.to_string())
        .and_then(|()| writer.into_inner().map_err(|e| e.to_string()));
    match bytes.map(String::from_utf8) {
        Ok(Ok(text)) => format!("\u{feff}{text}"),
        // Writing strings into memory cannot fail; should it ever, the export is empty rather than wrong.
        _ => String::new(),
    }
}

fn stage_label(map: &Map, index: usize) -> String {
    let name = map.stages[index].name.trim();
    if name.is_empty() {
        format!("Stage {}", index + 1)
    } else {
        name.to_owned()
    }
}

fn lane_label(map: &Map, index: usize) -> String {
    let name = map.lanes[index].name.trim();
    if name.is_empty() {
        format!("Lane {}", index + 1)
    } else {
        name.to_owned()
    }
}

fn export_rows(map: &Map, shape: &ExportShape) -> Vec<Vec<String>> {
    let votes = |card| map.vote.as_ref().map_or(0, |v| v.total(card));
    let stage_labels: Vec<String> = (0..map.stages.len()).map(|i| stage_label(map, i)).collect();
    let lane_labels: Vec<String> = (0..map.lanes.len()).map(|i| lane_label(map, i)).collect();
    let mut content = Vec::new();
    for (s, stage) in map.stages.iter().enumerate() {
        for (l, lane) in map.lanes.iter().enumerate() {
            for persona in map.personas() {
                if let Some(point) = lane.emotion_of(persona.id, stage.id) {
                    let base = [
                        stage_labels[s].clone(),
                        lane_labels[l].clone(),
                        point.note.clone(),
                        point.score.to_string(),
                        String::new(),
                    ];
                    let who = numbers::persona_label(map, persona.id);
                    content.push(shape.row(base, who, None));
                }
            }
            for card in map.cards_in(stage.id, lane.id) {
                let base = [
                    stage_labels[s].clone(),
                    lane_labels[l].clone(),
                    card.text.clone(),
                    String::new(),
                    card.color.name().to_owned(),
                ];
                let who = numbers::personas_cell(map, &card.personas);
                let mut row = shape.row(base, who, None);
                shape.set_votes(&mut row, votes(card.id));
                content.push(row);
            }
            for measure in &lane.measures {
                if let Some(value) = measure.value_at(stage.id) {
                    let base = [
                        stage_labels[s].clone(),
                        lane_labels[l].clone(),
                        String::new(),
                        String::new(),
                        String::new(),
                    ];
                    let cells = numbers::metric_cells(measure, Some(value));
                    content.push(shape.row(base, String::new(), Some(cells)));
                }
            }
        }
    }
    // A measure without any value is still written, on a row without a stage.
    for (l, lane) in map.lanes.iter().enumerate() {
        for measure in lane.measures.iter().filter(|m| m.values.is_empty()) {
            let base = [
                String::new(),
                lane_labels[l].clone(),
                String::new(),
                String::new(),
                String::new(),
            ];
            let cells = numbers::metric_cells(measure, None);
            content.push(shape.row(base, String::new(), Some(cells)));
        }
    }
    // Every persona first, in the map's order, so that import gives them back in that order.
    let mut declared: Vec<Vec<String>> = Vec::new();
    if shape.personas {
        for persona in map.personas() {
            let empty = || String::new();
            let base = [empty(), empty(), empty(), empty(), empty()];
            declared.push(shape.row(base, numbers::persona_label(map, persona.id), None));
        }
    }
    // Import makes stages and lanes in the order they first appear. When the cards alone would not give the
    // map's order (or would leave out an empty stage or lane), rows without cards name them all first.
    let first_seen = |column: usize| {
        let mut seen: Vec<&str> = Vec::new();
        for row in &content {
            if !row[column].is_empty() && !seen.contains(&row[column].as_str()) {
                seen.push(&row[column]);
            }
        }
        seen.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    if first_seen(0) == stage_labels && first_seen(1) == lane_labels {
        declared.extend(content);
        return declared;
    }
    let mut rows = declared;
    let empty = String::new;
    for label in stage_labels {
        rows.push(shape.row([label, empty(), empty(), empty(), empty()], empty(), None));
    }
    for label in lane_labels {
        rows.push(shape.row([empty(), label, empty(), empty(), empty()], empty(), None));
    }
    rows.extend(content);
    rows
}

/// The lane kind a lane name suggests, in English or Russian; Notes when it suggests none.
pub fn lane_kind_from_name(name: &str) -> LaneKind {
    let name = name.trim().to_lowercase().replace('ё', "е");
    for kind in LaneKind::ALL {
        if name == kind.name_en().to_lowercase() || name == kind.name_ru().to_lowercase() {
            return kind;
        }
    }
    // Word stems, checked in this order: "Emotions and thoughts" is an Emotions lane.
    const STEMS: &[(LaneKind, &[&str])] = &[
        (
            LaneKind::Emotions,
            &["emotion", "feeling", "mood", "эмоци", "чувств", "настроени"],
        ),
        (
            LaneKind::Touchpoints,
            &[
                "touchpoint",
                "touch point",
                "точки контакта",
                "точка контакта",
                "channel",
                "канал",
            ],
        ),
        (
            LaneKind::Barriers,
            &["barrier", "pain", "problem", "барьер", "бол", "проблем"],
        ),
        (
            LaneKind::Solutions,
            &[
                "solution",
                "opportunit",
                "idea",
                "решени",
                "возможност",
                "иде",
            ],
        ),
        (
            LaneKind::Thoughts,
            &["thought", "think", "question", "мысл", "думает", "вопрос"],
        ),
        (
            LaneKind::Actions,
            &["action", "doing", "does", "step", "действ", "делает", "шаг"],
        ),
        (LaneKind::Goals, &["goal", "need", "цел", "потребност"]),
        (
            LaneKind::Metrics,
            &["metric", "kpi", "csat", "nps", "метрик", "показател"],
        ),
        (
            LaneKind::Backstage,
            &["backstage", "behind", "бэкстейдж", "закулис"],
        ),
    ];
    STEMS
        .iter()
        .find(|(_, stems)| stems.iter().any(|stem| name.contains(stem)))
        .map_or(LaneKind::Notes, |(kind, _)| *kind)
}

/// The card colour a CSV cell names, in English or Russian, any letter case.
pub fn color_from_name(name: &str) -> Option<CardColor> {
    let name = name.trim().to_lowercase().replace('ё', "е");
    let russian: &[(&str, CardColor)] = &[
        ("желтый", CardColor::Yellow),
        ("оранжевый", CardColor::Orange),
        ("розовый", CardColor::Pink),
        ("фиолетовый", CardColor::Purple),
        ("сиреневый", CardColor::Purple),
        ("синий", CardColor::Blue),
        ("голубой", CardColor::Blue),
        ("зеленый", CardColor::Green),
        ("серый", CardColor::Gray),
        ("белый", CardColor::White),
    ];
    CardColor::ALL
        .into_iter()
        .find(|c| c.name().to_lowercase() == name)
        .or_else(|| (name == "grey").then_some(CardColor::Gray))
        .or_else(|| russian.iter().find(|(n, _)| *n == name).map(|(_, c)| *c))
}

/// Which column holds what; `None` for an optional column the file does not have.
struct Columns {
    stage: usize,
    lane: usize,
    text: usize,
    score: Option<usize>,
    color: Option<usize>,
    extra: ExtraColumns,
    votes: Option<usize>,
}

fn column_role(header: &str) -> Option<usize> {
    let header = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    let header = header.replace('ё', "е");
    const ALIASES: [&[&str]; 6] = [
        &["stage", "этап", "стадия", "шаг"],
        &["lane", "swimlane", "row", "дорожка", "строка", "слой"],
        &["text", "card", "текст", "карточка", "описание"],
        &["score", "emotion score", "оценка", "балл"],
        &["color", "colour", "цвет"],
        &["votes", "vote", "dots", "голоса", "голосов", "голос"],
    ];
    ALIASES
        .iter()
        .chain(numbers::ALIASES.iter())
        .position(|aliases| aliases.contains(&header.as_str()))
}

fn find_columns(header: &csv::StringRecord) -> Result<Columns, CsvError> {
    let mut found: [Option<usize>; 12] = [None; 12];
    for (index, name) in header.iter().enumerate() {
        if let Some(role) = column_role(name)
            && found[role].is_none()
        {
            found[role] = Some(index);
        }
    }
    let missing: Vec<&str> = (0..3)
        .filter(|&role| found[role].is_none())
        .map(|role| COLUMNS[role])
        .collect();
    let extra = ExtraColumns::from_found(&found[6..]);
    match found {
        [Some(stage), Some(lane), Some(text), score, color, votes, ..] => Ok(Columns {
            stage,
            lane,
            text,
            score,
            color,
            extra,
            votes,
        }),
        _ => {
            let names: Vec<String> = header.iter().map(|h| format!("\"{}\"", h.trim())).collect();
            Err(CsvError::whole(t!(
                k::CSV_MISSING_COLUMNS,
                count = missing.len(),
                missing = missing.join(", "),
                found = if names.is_empty() {
                    t!(k::CSV_NOTHING)
                } else {
                    names.join(", ")
                }
            )))
        }
    }
}

/// Commas, semicolons or tabs: whichever the header line uses most (outside quotes).
fn detect_separator(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.bytes() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(entry) = counts.iter_mut().find(|(sep, _)| *sep == c) {
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = counts[0];
    for entry in counts {
        if entry.1 > best.1 {
            best = entry;
        }
    }
    best.0
}

fn parse_score(cell: &str) -> Result<Option<i8>, String> {
    let cell = cell.trim().replace('\u{2212}', "-");
    if cell.is_empty() {
        return Ok(None);
    }
    // Spreadsheets sometimes write whole numbers as "1.0" or "1,0".
    let whole = cell
        .strip_suffix(".0")
        .or_else(|| cell.strip_suffix(",0"))
        .unwrap_or(&cell);
    match whole.trim_start_matches('+').parse::<i64>() {
        Ok(score) if (i64::from(MIN_SCORE)..=i64::from(MAX_SCORE)).contains(&score) => {
            Ok(Some(score as i8))
        }
        _ => Err(t!(
            k::CSV_BAD_SCORE,
            cell = &cell,
            min = MIN_SCORE,
            max = MAX_SCORE
        )),
    }
}

/// A lane as import collects it, before its kind is settled.
struct LaneDraft {
    name: String,
    has_scores: bool,
}

/// One row, checked.
enum Row {
    /// Names a stage and/or a lane, nothing more.
    Declare {
        stage: Option<String>,
        lane: Option<String>,
        persona: Option<String>,
    },
    Card {
        stage: String,
        lane: String,
        text: String,
        color: Option<CardColor>,
        personas: String,
        votes: u32,
    },
    Score {
        stage: String,
        lane: String,
        score: i8,
        note: String,
        persona: String,
    },
    Metric(MetricRow),
}

fn read_row(record: &csv::StringRecord, columns: &Columns) -> Result<Option<Row>, String> {
    let cell = |index: Option<usize>| index.and_then(|i| record.get(i)).unwrap_or("");
    let stage = cell(Some(columns.stage)).trim();
    let lane = cell(Some(columns.lane)).trim();
    let text = cell(Some(columns.text));
    let score = parse_score(cell(columns.score))?;
    let color_cell = cell(columns.color).trim();
    let color = if color_cell.is_empty() {
        None
    } else {
        Some(color_from_name(color_cell).ok_or_else(|| {
            let names: Vec<&str> = CardColor::ALL.iter().map(|c| c.name()).collect();
            t!(
                k::CSV_BAD_COLOR,
                cell = color_cell,
                names = names.join(", ")
            )
        })?)
    };
    let votes = parse_votes(cell(columns.votes))?;
    let owned = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let persona = cell(columns.extra.persona).trim();
    let measure = cell(columns.extra.measure).trim();
    if !measure.is_empty() {
        if lane.is_empty() {
            return Err(t!(k::CSV_NO_LANE));
        }
        let extra = columns.extra;
        return Ok(Some(Row::Metric(MetricRow {
            stage: owned(stage),
            lane: lane.to_owned(),
            measure: measure.to_owned(),
            value: numbers::number_cell(cell(extra.value))?,
            unit: cell(extra.unit).trim().to_owned(),
            min: numbers::number_cell(cell(extra.min))?,
            max: numbers::number_cell(cell(extra.max))?,
        })));
    }
    if text.trim().is_empty() && score.is_none() && color.is_none() && votes == 0 {
        if stage.is_empty() && lane.is_empty() && persona.is_empty() {
            return Ok(None);
        }
        return Ok(Some(Row::Declare {
            stage: owned(stage),
            lane: owned(lane),
            persona: owned(persona),
        }));
    }
    if stage.is_empty() {
        return Err(t!(k::CSV_NO_STAGE));
    }
    if lane.is_empty() {
        return Err(t!(k::CSV_NO_LANE));
    }
    if score.is_some() && votes > 0 {
        return Err(t!(k::CSV_VOTES_ON_SCORE));
    }
    Ok(Some(match score {
        Some(score) => Row::Score {
            stage: stage.to_owned(),
            lane: lane.to_owned(),
            score,
            note: text.to_owned(),
            persona: persona.to_owned(),
        },
        None => Row::Card {
            stage: stage.to_owned(),
            lane: lane.to_owned(),
            text: text.to_owned(),
            color,
            personas: persona.to_owned(),
            votes,
        },
    }))
}

/// A votes cell: empty, or a whole number from 0 to [`MAX_VOTES_EACH`].
fn parse_votes(cell: &str) -> Result<u32, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(0);
    }
    let whole = cell
        .strip_suffix(".0")
        .or_else(|| cell.strip_suffix(",0"))
        .unwrap_or(cell);
    match whole.trim_start_matches('+').parse::<u32>() {
        Ok(n) if n <= MAX_VOTES_EACH => Ok(n),
        _ => Err(t!(k::CSV_BAD_VOTES, cell = cell, max = MAX_VOTES_EACH)),
    }
}

/// Reads a map from CSV text (see the module documentation for the columns). The map is titled "Imported map".
pub fn import_csv(text: &str) -> Result<Map, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(CsvError::whole(t!(k::CSV_EMPTY)));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(detect_separator(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => {
            return Err(CsvError::whole(t!(
                k::CSV_HEADER_UNREADABLE,
                error = e.to_string()
            )));
        }
        None => return Err(CsvError::whole(t!(k::CSV_NO_ROWS))),
    };
    let columns = find_columns(&header)?;

    let mut problems = Vec::new();
    let mut rows: Vec<(u64, Row)> = Vec::new();
    for (index, record) in records.enumerate() {
        // The header is spreadsheet row 1.
        let row_number = index as u64 + 2;
        let result = record
            .map_err(|e| t!(k::CSV_ROW_UNREADABLE, error = e.to_string()))
            .and_then(|record| read_row(&record, &columns));
        match result {
            Ok(Some(row)) => rows.push((row_number, row)),
            Ok(None) => {}
            Err(message) => problems.push(CsvProblem {
                row: Some(row_number),
                message,
            }),
        }
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
    }

    let mut map = Map {
        version: CURRENT_VERSION,
        title: "Imported map".to_owned(),
        persona: Persona::default(),
        more_personas: Vec::new(),
        stages: Vec::new(),
        lanes: Vec::new(),
        cards: Vec::new(),
        next_id: 1,
        findings_off: Vec::new(),
        links: Vec::new(),
        vote: None,
    };
    let mut stage_ids: HashMap<String, StageId> = HashMap::new();
    let mut lane_drafts: Vec<LaneDraft> = Vec::new();
    let mut lane_indices: HashMap<String, usize> = HashMap::new();
    let mut stage_of = |map: &mut Map, name: &str| {
        *stage_ids.entry(name.to_owned()).or_insert_with(|| {
            let id = StageId(map.allocate_id());
            map.stages.push(Stage::new(id, name));
            id
        })
    };
    let mut lane_of = |map: &mut Map, drafts: &mut Vec<LaneDraft>, name: &str, score: bool| {
        let index = *lane_indices.entry(name.to_owned()).or_insert_with(|| {
            let id = LaneId(map.allocate_id());
            map.lanes.push(Lane::new(id, name, LaneKind::Notes));
            drafts.push(LaneDraft {
                name: name.to_owned(),
                has_scores: false,
            });
            map.lanes.len() - 1
        });
        drafts[index].has_scores |= score;
        index
    };
    // Places first, so that every stage and lane exists in first-appearance order.
    let mut placed: Vec<(u64, StageId, usize, &Row)> = Vec::new();
    let mut metric_rows: Vec<(u64, Option<StageId>, usize, &MetricRow)> = Vec::new();
    let mut persona_names = PersonaNames::default();
    for (row_number, row) in &rows {
        match row {
            Row::Declare {
                stage,
                lane,
                persona,
            } => {
                if let Some(stage) = stage {
                    stage_of(&mut map, stage);
                }
                if let Some(lane) = lane {
                    lane_of(&mut map, &mut lane_drafts, lane, false);
                }
                if let Some(persona) = persona
                    && let Err(message) = persona_names.id(&mut map, persona)
                {
                    problems.push(CsvProblem {
                        row: Some(*row_number),
                        message,
                    });
                }
            }
            Row::Metric(metric) => {
                let stage_id = metric.stage.as_deref().map(|s| stage_of(&mut map, s));
                let lane_index = lane_of(&mut map, &mut lane_drafts, &metric.lane, false);
                metric_rows.push((*row_number, stage_id, lane_index, metric));
            }
            Row::Card { stage, lane, .. } | Row::Score { stage, lane, .. } => {
                let stage_id = stage_of(&mut map, stage);
                let lane_index = lane_of(
                    &mut map,
                    &mut lane_drafts,
                    lane,
                    matches!(row, Row::Score { .. }),
                );
                placed.push((*row_number, stage_id, lane_index, row));
            }
        }
    }
    // A lane is an Emotions lane by its name, or, when its name says nothing, because its rows have scores.
    for (lane, draft) in map.lanes.iter_mut().zip(&lane_drafts) {
        lane.kind = match lane_kind_from_name(&draft.name) {
            LaneKind::Notes if draft.has_scores => LaneKind::Emotions,
            kind => kind,
        };
    }
    let mut measure_names = MeasureNames::default();
    for (row_number, stage_id, lane_index, metric) in metric_rows {
        if map.lanes[lane_index].kind == LaneKind::Emotions {
            continue;
        }
        if let Err(message) = measure_names.add(&mut map, lane_index, stage_id, metric) {
            problems.push(CsvProblem {
                row: Some(row_number),
                message,
            });
        }
    }
    let mut scored_at: HashMap<(LaneId, StageId, crate::model::PersonaId), u64> = HashMap::new();
    let mut voted: Vec<(CardId, u32)> = Vec::new();
    for (row_number, stage_id, lane_index, row) in placed {
        let lane_id = map.lanes[lane_index].id;
        let kind = map.lanes[lane_index].kind;
        let problem = |message: String| CsvProblem {
            row: Some(row_number),
            message,
        };
        match row {
            Row::Score {
                lane,
                score,
                note,
                persona,
                ..
            } => {
                let persona = match persona_names.id(&mut map, persona) {
                    Ok(id) => id,
                    Err(message) => {
                        problems.push(problem(message));
                        continue;
                    }
                };
                if kind != LaneKind::Emotions {
                    problems.push(problem(t!(k::CSV_SCORE_OUTSIDE_EMOTIONS, lane = lane)));
                } else if let Some(first) =
                    scored_at.insert((lane_id, stage_id, persona), row_number)
                {
                    problems.push(problem(t!(
                        k::CSV_DUPLICATE_SCORE,
                        lane = lane,
                        first = first.to_string()
                    )));
                } else {
                    map.lanes[lane_index].emotions.push(EmotionPoint {
                        stage: stage_id,
                        score: *score,
                        note: note.clone(),
                        persona,
                    });
                }
            }
            Row::Card {
                lane,
                text,
                color,
                personas,
                votes,
                ..
            } => {
                let personas = match persona_names.ids(&mut map, personas) {
                    Ok(ids) => ids,
                    Err(message) => {
                        problems.push(problem(message));
                        continue;
                    }
                };
                if kind == LaneKind::Emotions {
                    problems.push(problem(t!(
                        k::CSV_NEEDS_SCORE,
                        lane = lane,
                        min = MIN_SCORE,
                        max = MAX_SCORE
                    )));
                } else {
                    let id = CardId(map.allocate_id());
                    map.cards.push(Card {
                        id,
                        stage: stage_id,
                        lane: lane_id,
                        text: text.clone(),
                        color: color.unwrap_or_else(|| kind.default_color()),
                        channel: None,
                        personas,
                    });
                    if *votes > 0 {
                        voted.push((id, *votes));
                    }
                }
            }
            Row::Declare { .. } | Row::Metric(_) => {}
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.row);
        problems.truncate(MAX_PROBLEMS);
        return Err(CsvError {
            path: None,
            problems,
        });
    }
    if !voted.is_empty() {
        let sum: u64 = voted.iter().map(|(_, n)| u64::from(*n)).sum();
        if sum > u64::from(MAX_VOTES_EACH) {
            return Err(CsvError::whole(t!(
                k::CSV_TOO_MANY_VOTES,
                count = sum,
                max = MAX_VOTES_EACH
            )));
        }
        map.vote = Some(votes_from_totals(&voted, sum as u32));
    }
    // Stage ids grow in stage order, so this is stage order, as the editor keeps it.
    for lane in &mut map.lanes {
        lane.emotions.sort_by_key(|p| (p.stage, p.persona));
        for measure in &mut lane.measures {
            measure.values.sort_by_key(|v| v.stage);
        }
    }
    Ok(map)
}

/// Reads a CSV file into a map titled after the file's name. Refuses files too large to be maps before
/// reading them, and files that are not UTF-8 text.
pub fn import_csv_file(path: &Path) -> Result<Map, CsvError> {
    let fail = |message: String| CsvError {
        path: Some(path.to_owned()),
        ..CsvError::whole(message)
    };
    let unreadable = |e: std::io::Error| {
        fail(t!(
            k::CSV_FILE_UNREADABLE,
            error = crate::i18n::io_error(&e)
        ))
    };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if metadata.is_dir() {
        return Err(fail(t!(k::CSV_IS_FOLDER)));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(fail(t!(
            k::CSV_TOO_LARGE,
            size = metadata.len() / 1_000_000,
            limit = MAX_FILE_BYTES / 1_000_000
        )));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    let text = String::from_utf8(bytes).map_err(|_| fail(t!(k::CSV_NOT_UTF8)))?;
    let mut map = import_csv(&text).map_err(|error| CsvError {
        path: Some(path.to_owned()),
        ..error
    })?;
    if let Some(stem) = path.file_stem() {
        map.title = stem.to_string_lossy().into_owned();
    }
    Ok(map)
}

/// The round an imported votes column becomes: one participant, "CSV", holding every card's total.
fn votes_from_totals(voted: &[(CardId, u32)], sum: u32) -> Vote {
    let mut vote = Vote::new(None, sum, true, &["CSV".to_owned()], 1);
    let participant = ParticipantId(1);
    vote.dots = voted
        .iter()
        .map(|&(card, count)| Dots {
            participant,
            card,
            count,
        })
        .collect();
    // Card ids grow in row order, so this is already (participant, card) order.
    vote.dots.sort_by_key(|d| d.card);
    vote
}
