//! Find: which parts of a map contain a text. Card texts, stage names and time frames, lane names, emotion
//! notes and the persona are searched; the match ignores case, treats "ё" as "е" and any run of spaces and line
//! breaks as one space, in Cyrillic and Latin alike.
//!
//! The map's texts are normalised once, when the map changes ([`FindIndex::new`]); each keystroke then only
//! normalises the query and scans the prepared texts ([`FindIndex::search`]), a few milliseconds for 10,000
//! cards.

use std::collections::{HashMap, HashSet};

use crate::model::{CardId, LaneId, Map, StageId};

/// A part of the map that find can match and bring into view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Found {
    /// The persona: name, description, goals or quote.
    Persona,
    /// A stage's name or time frame.
    Stage(StageId),
    /// A lane's name.
    Lane(LaneId),
    Card(CardId),
    /// The note of the emotion score at a stage of an Emotions lane.
    EmotionNote {
        lane: LaneId,
        stage: StageId,
    },
}

/// A text prepared for matching: lower case, "ё" as "е", whitespace runs as one space, no leading or trailing
/// space. A letter and a combining mark typed as two characters count as the letter they make ("е" with a
/// diaeresis is "ё", so "е"; "и" with a breve is "й").
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        match c {
            // A combining diaeresis after "е" makes "ё", which matches as "е".
            '\u{0308}' if out.ends_with('е') => continue,
            // A combining breve after "и" makes "й".
            '\u{0306}' if out.ends_with('и') => {
                out.pop();
                out.push('й');
                continue;
            }
            _ => {}
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            'ё' | 'Ё' => out.push('е'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The map's searchable texts, normalised, in journey order: the persona, the stages left to right, the lanes
/// top to bottom, then the cells stage by stage (each stage's lanes top to bottom, the cards of a cell in their
/// order, an Emotions lane's note in its place).
#[derive(Clone, Debug, Default)]
pub struct FindIndex {
    /// One entry per searchable field; the fields of one part are next to each other.
    entries: Vec<(Found, String)>,
}

impl FindIndex {
    pub fn new(map: &Map) -> FindIndex {
        let mut entries = Vec::with_capacity(map.cards.len() + map.stages.len() * 2 + 8);
        let mut add = |found: Found, text: &str| {
            let text = normalize(text);
            if !text.is_empty() {
                entries.push((found, text));
            }
        };
        let persona = &map.persona;
        for field in [
            &persona.name,
            &persona.description,
            &persona.goals,
            &persona.quote,
        ] {
            add(Found::Persona, field);
        }
        for stage in &map.stages {
            add(Found::Stage(stage.id), &stage.name);
            add(Found::Stage(stage.id), &stage.time_frame);
        }
        for lane in &map.lanes {
            add(Found::Lane(lane.id), &lane.name);
        }
        let stage_at: HashMap<StageId, usize> = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let lane_at: HashMap<LaneId, usize> = map
            .lanes
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id, i))
            .collect();
        // (stage, lane, order within the cell): cards keep their list order within a cell, and an emotion note
        // comes in its lane's row.
        let mut cells: Vec<((usize, usize, usize), Found, &str)> = Vec::new();
        for (order, card) in map.cards.iter().enumerate() {
            if let (Some(&s), Some(&l)) = (stage_at.get(&card.stage), lane_at.get(&card.lane)) {
                cells.push(((s, l, order), Found::Card(card.id), &card.text));
            }
        }
        for (l, lane) in map.lanes.iter().enumerate() {
            for point in &lane.emotions {
                if let Some(&s) = stage_at.get(&point.stage) {
                    let found = Found::EmotionNote {
                        lane: lane.id,
                        stage: point.stage,
                    };
                    cells.push(((s, l, 0), found, &point.note));
                }
            }
        }
        cells.sort_by_key(|(place, _, _)| *place);
        for (_, found, text) in cells {
            add(found, text);
        }
        FindIndex { entries }
    }

    /// The parts of the map whose text contains the query, in journey order; none for an empty query.
    pub fn search(&self, query: &str) -> Matches {
        let query = normalize(query);
        let mut found = Vec::new();
        if !query.is_empty() {
            for (part, text) in &self.entries {
                // A part's fields are next to each other: one match per part.
                if found.last() != Some(part) && text.contains(&query) {
                    found.push(*part);
                }
            }
        }
        Matches::new(found)
    }
}

/// What a search found, in journey order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matches {
    found: Vec<Found>,
    set: HashSet<Found>,
}

impl Matches {
    fn new(found: Vec<Found>) -> Matches {
        let set = found.iter().copied().collect();
        Matches { found, set }
    }

    pub fn len(&self) -> usize {
        self.found.len()
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    pub fn all(&self) -> &[Found] {
        &self.found
    }

    pub fn contains(&self, part: Found) -> bool {
        self.set.contains(&part)
    }

    /// Where a part is in the list of matches (0 for the first).
    pub fn position(&self, part: Found) -> Option<usize> {
        if !self.contains(part) {
            return None;
        }
        self.found.iter().position(|f| *f == part)
    }

    /// The match after `from` (or the first, from nowhere), going round at the end; `forward: false` goes
    /// back instead.
    pub fn step(&self, from: Option<Found>, forward: bool) -> Option<Found> {
        let count = self.found.len();
        if count == 0 {
            return None;
        }
        let next = match (from.and_then(|f| self.position(f)), forward) {
            (Some(at), true) => (at + 1) % count,
            (Some(at), false) => (at + count - 1) % count,
            (None, true) => 0,
            (None, false) => count - 1,
        };
        Some(self.found[next])
    }
}

/// What the canvas shows of a search: the matches, and the one brought into view last.
#[derive(Clone, Debug, Default)]
pub struct Highlight {
    pub matches: std::sync::Arc<Matches>,
    pub current: Option<Found>,
}

impl Highlight {
    /// Whether a part of the map is drawn faded: it is not a match.
    pub fn dims(&self, part: Found) -> bool {
        !self.matches.contains(part)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::templates::{Language, Template};
    use crate::model::{Card, CardColor, EmotionPoint, LaneKind};

    #[test]
    fn yo_is_ye_in_either_case_and_in_query_or_text() {
        assert_eq!(normalize("Ёлка"), "елка");
        assert_eq!(normalize("ЕЛКА"), "елка");
        assert_eq!(normalize("всё ещё"), "все еще");
        assert_eq!(normalize("ВСЁ"), normalize("все"));
        // "е" followed by a combining diaeresis, as some keyboards and PDF copies write "ё".
        assert_eq!(normalize("вс\u{0435}\u{0308}"), "все");
        assert_eq!(normalize("Е\u{0308}лка"), "елка");
        // A decomposed "й" is the letter "й", not "и".
        assert_eq!(normalize("мои\u{0306}"), "мой");
        assert_ne!(normalize("мой"), normalize("мои"));
    }

    #[test]
    fn case_is_folded_in_cyrillic_and_latin() {
        assert_eq!(normalize("Коляска STROLLER"), "коляска stroller");
        assert_eq!(normalize("ЩУКА Щука щука"), "щука щука щука");
        assert_eq!(normalize("Straße"), "straße");
        assert_eq!(normalize("ÀÉÎ"), "àéî");
    }

    #[test]
    fn mixed_scripts_stay_what_they_are() {
        // Latin "c" and Cyrillic "с" look alike but are different letters: neither is turned into the other.
        assert_eq!(normalize("CRM-Система"), "crm-система");
        assert_ne!(normalize("Cистема"), normalize("Система"));
        assert!(normalize("Выбор CRM для отдела продаж").contains(&normalize("crm ДЛЯ")));
    }

    #[test]
    fn whitespace_runs_are_one_space_and_the_ends_are_trimmed() {
        assert_eq!(
            normalize("  Asks a friend:\n  which\tstroller?  "),
            "asks a friend: which stroller?"
        );
        assert_eq!(normalize(" \n\t "), "");
        assert_eq!(normalize(""), "");
    }

    fn card(map: &mut Map, stage: usize, lane: usize, text: &str) -> CardId {
        let id = CardId(map.allocate_id());
        map.cards.push(Card {
            id,
            stage: map.stages[stage].id,
            lane: map.lanes[lane].id,
            text: text.to_owned(),
            color: CardColor::Yellow,
            channel: None,
            personas: Vec::new(),
        });
        id
    }

    #[test]
    fn every_kind_of_text_is_found_in_journey_order() {
        let mut map = Template::Marketing5.build(Language::Russian);
        map.persona.quote = "Хочу ёлку".into();
        map.stages[1].time_frame = "Базар ЁЛОК: ёлки".into();
        map.lanes[1].name = "Мысли о ёлке".into();
        // Listed out of journey order: the later stage first.
        let late = card(&mut map, 2, 0, "Купить ЁЛКУ");
        let early = card(&mut map, 0, 3, "ёлка\nне влезает");
        let other = card(&mut map, 0, 0, "Коляска");
        let emotions = map
            .lanes
            .iter()
            .position(|l| l.kind == LaneKind::Emotions)
            .unwrap();
        let stage = map.stages[0].id;
        map.lanes[emotions].emotions.push(EmotionPoint {
            stage,
            score: -1,
            note: "Ёлки дорогие".into(),
            persona: Default::default(),
        });
        let lane = map.lanes[emotions].id;
        let index = FindIndex::new(&map);
        let matches = index.search("ЕЛК");
        assert_eq!(
            matches.all(),
            [
                Found::Persona,
                Found::Stage(map.stages[1].id),
                Found::Lane(map.lanes[1].id),
                Found::EmotionNote { lane, stage },
                Found::Card(early),
                Found::Card(late),
            ],
            "the emotions lane ({emotions}) comes before the barriers lane in stage 1"
        );
        assert!(!matches.contains(Found::Card(other)));
        assert_eq!(index.search("елка не").all(), [Found::Card(early)]);
        assert!(index.search("").is_empty());
        assert!(index.search("   ").is_empty());
        assert!(index.search("нет такого").is_empty());
    }

    #[test]
    fn a_part_with_several_matching_fields_is_one_match() {
        let mut map = Template::Marketing5.build(Language::English);
        map.persona.name = "Anna".into();
        map.persona.description = "Anna's first child".into();
        map.stages[0].name = "Anna calls".into();
        map.stages[0].time_frame = "Anna's day".into();
        let matches = FindIndex::new(&map).search("anna");
        assert_eq!(
            matches.all(),
            [Found::Persona, Found::Stage(map.stages[0].id)]
        );
    }

    #[test]
    fn stepping_goes_round_both_ways() {
        let mut map = Template::Marketing5.build(Language::English);
        let a = card(&mut map, 0, 0, "x1");
        let b = card(&mut map, 1, 0, "x2");
        let c = card(&mut map, 2, 0, "x3");
        let matches = FindIndex::new(&map).search("X");
        let [a, b, c] = [a, b, c].map(Found::Card);
        assert_eq!(matches.step(None, true), Some(a));
        assert_eq!(matches.step(None, false), Some(c));
        assert_eq!(matches.step(Some(a), true), Some(b));
        assert_eq!(matches.step(Some(c), true), Some(a));
        assert_eq!(matches.step(Some(a), false), Some(c));
        assert_eq!(matches.step(Some(Found::Persona), true), Some(a));
        assert_eq!(Matches::default().step(Some(a), true), None);
    }
}
