use serde::{Deserialize, Serialize};

use super::{CardId, FindingKind, LaneId, Link, LinkId, Measure, PersonaId, Photo, StageId, Vote};

/// The file format version this build writes. Files with a larger number come from a newer Waymark.
pub const CURRENT_VERSION: u32 = 3;

/// Emotion scores run from very negative to very positive.
pub const MIN_SCORE: i8 = -2;
pub const MAX_SCORE: i8 = 2;

/// Stage widths, in map units (pixels at 100% zoom).
pub const DEFAULT_STAGE_WIDTH: f32 = 220.0;
pub const MIN_STAGE_WIDTH: f32 = 120.0;
pub const MAX_STAGE_WIDTH: f32 = 800.0;

/// A Customer Journey Map: the path of one persona (or a few, up to [`MAX_PERSONAS`]) through ordered stages,
/// observed in ordered lanes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Map {
    /// File format version; see [`CURRENT_VERSION`].
    pub version: u32,
    pub title: String,
    /// The first persona ([`PersonaId::MAIN`]); every map has it.
    #[serde(default)]
    pub persona: Persona,
    /// The personas after the first (file version 3), each with its own id from the counter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more_personas: Vec<Persona>,
    /// Columns, left to right.
    pub stages: Vec<Stage>,
    /// Rows, top to bottom.
    pub lanes: Vec<Lane>,
    /// Sticky cards. Their order within one cell is their order in this list.
    #[serde(default)]
    pub cards: Vec<Card>,
    /// The next id to hand out; ids are never reused.
    pub next_id: u64,
    /// The kinds of findings this map does not want to hear about (some teams map without solutions on
    /// purpose). Added in file version 2. Kept in [`FindingKind::ALL`] order, without repeats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings_off: Vec<FindingKind>,
    /// Journey paths: arrows between cards (added in file version 3). Drawn in this order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// The dot-voting round, while there is one (see [`Vote`]). Added in file version 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<Vote>,
}

/// The one customer (a segment made concrete) whose journey the map shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Persona {
    /// [`PersonaId::MAIN`] for the map's first persona (and left out of the file); a counter id for the others.
    #[serde(skip_serializing_if = "PersonaId::is_main")]
    pub id: PersonaId,
    pub name: String,
    /// Segment, age, situation.
    pub description: String,
    pub goals: String,
    pub quote: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub photo: Option<Photo>,
}

/// A column of the map: one step of the journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
    /// How long the stage lasts, e.g. "2-3 weeks"; empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub time_frame: String,
    /// Column width in map units.
    #[serde(default = "default_stage_width")]
    pub width: f32,
}

fn default_stage_width() -> f32 {
    DEFAULT_STAGE_WIDTH
}

/// A row of the map: one aspect of the journey (what the customer does, thinks, feels...).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    pub id: LaneId,
    pub name: String,
    pub kind: LaneKind,
    /// For an Emotions lane: the score at each stage that has one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emotions: Vec<EmotionPoint>,
    /// For a Metrics lane: its measures (CSAT, NPS…) with a value per stage (file version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
}

impl Lane {
    /// The first persona's score at a stage.
    pub fn emotion_at(&self, stage: StageId) -> Option<&EmotionPoint> {
        self.emotion_of(PersonaId::MAIN, stage)
    }

    /// A persona's score at a stage.
    pub fn emotion_of(&self, persona: PersonaId, stage: StageId) -> Option<&EmotionPoint> {
        self.emotions
            .iter()
            .find(|p| p.stage == stage && p.persona == persona)
    }
}

/// What kind of observations a lane holds. Emotions lanes hold a score per stage instead of cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LaneKind {
    Actions,
    Thoughts,
    Emotions,
    Barriers,
    Touchpoints,
    Goals,
    Solutions,
    Metrics,
    Backstage,
    Notes,
}

impl LaneKind {
    pub const ALL: [LaneKind; 10] = [
        LaneKind::Actions,
        LaneKind::Thoughts,
        LaneKind::Emotions,
        LaneKind::Barriers,
        LaneKind::Touchpoints,
        LaneKind::Goals,
        LaneKind::Solutions,
        LaneKind::Metrics,
        LaneKind::Backstage,
        LaneKind::Notes,
    ];

    /// The lanes a new map starts with.
    pub const DEFAULT: [LaneKind; 4] = [
        LaneKind::Actions,
        LaneKind::Thoughts,
        LaneKind::Emotions,
        LaneKind::Barriers,
    ];

    /// The kind's name in the interface language, for menus and panels. Never written into files.
    pub fn label(self) -> String {
        use crate::i18n::k;
        crate::t!(match self {
            LaneKind::Actions => k::LANE_ACTIONS,
            LaneKind::Thoughts => k::LANE_THOUGHTS,
            LaneKind::Emotions => k::LANE_EMOTIONS,
            LaneKind::Barriers => k::LANE_BARRIERS,
            LaneKind::Touchpoints => k::LANE_TOUCHPOINTS,
            LaneKind::Goals => k::LANE_GOALS,
            LaneKind::Solutions => k::LANE_SOLUTIONS,
            LaneKind::Metrics => k::LANE_METRICS,
            LaneKind::Backstage => k::LANE_BACKSTAGE,
            LaneKind::Notes => k::LANE_NOTES,
        })
    }

    /// The English name a new lane of this kind gets in an English map, and that CSV import recognises.
    /// Map content, not interface: it does not change with the interface language.
    pub fn name_en(self) -> &'static str {
        match self {
            LaneKind::Actions => "Actions",
            LaneKind::Thoughts => "Thoughts",
            LaneKind::Emotions => "Emotions",
            LaneKind::Barriers => "Barriers",
            LaneKind::Touchpoints => "Touchpoints",
            LaneKind::Goals => "Goals",
            LaneKind::Solutions => "Solutions",
            LaneKind::Metrics => "Metrics",
            LaneKind::Backstage => "Backstage",
            LaneKind::Notes => "Notes",
        }
    }

    /// The Russian name a new lane of this kind gets in a Russian map, and that CSV import recognises.
    pub fn name_ru(self) -> &'static str {
        match self {
            LaneKind::Actions => "Действия",
            LaneKind::Thoughts => "Мысли",
            LaneKind::Emotions => "Эмоции",
            LaneKind::Barriers => "Барьеры",
            LaneKind::Touchpoints => "Точки контакта",
            LaneKind::Goals => "Цели",
            LaneKind::Solutions => "Решения",
            LaneKind::Metrics => "Метрики",
            LaneKind::Backstage => "Бэкстейдж",
            LaneKind::Notes => "Заметки",
        }
    }

    /// The card colour new cards in such a lane get.
    pub fn default_color(self) -> CardColor {
        match self {
            LaneKind::Actions => CardColor::Yellow,
            LaneKind::Thoughts => CardColor::Blue,
            LaneKind::Emotions => CardColor::Yellow,
            LaneKind::Barriers => CardColor::Pink,
            LaneKind::Touchpoints => CardColor::Purple,
            LaneKind::Goals => CardColor::Green,
            LaneKind::Solutions => CardColor::Green,
            LaneKind::Metrics => CardColor::Orange,
            LaneKind::Backstage => CardColor::Gray,
            LaneKind::Notes => CardColor::White,
        }
    }

    pub fn holds_cards(self) -> bool {
        self != LaneKind::Emotions
    }
}

/// The emotion score at one stage, with an optional note saying why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EmotionPoint {
    pub stage: StageId,
    /// From [`MIN_SCORE`] (very negative) to [`MAX_SCORE`] (very positive).
    pub score: i8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Whose score it is; left out of the file for the first persona (file version 3).
    #[serde(default, skip_serializing_if = "PersonaId::is_main")]
    pub persona: PersonaId,
}

/// A sticky note in one cell (stage × lane).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub id: CardId,
    pub stage: StageId,
    pub lane: LaneId,
    pub text: String,
    #[serde(default)]
    pub color: CardColor,
    /// Only for touchpoints: whether the customer meets the company online or offline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// The personas the card belongs to (file version 3), in the map's persona order; empty when untagged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<PersonaId>,
}

/// The sticky-note palette.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CardColor {
    #[default]
    Yellow,
    Orange,
    Pink,
    Purple,
    Blue,
    Green,
    Gray,
    White,
}

impl CardColor {
    pub const ALL: [CardColor; 8] = [
        CardColor::Yellow,
        CardColor::Orange,
        CardColor::Pink,
        CardColor::Purple,
        CardColor::Blue,
        CardColor::Green,
        CardColor::Gray,
        CardColor::White,
    ];

    /// The paper colour as sRGB.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            CardColor::Yellow => [0xFF, 0xF1, 0x9C],
            CardColor::Orange => [0xFF, 0xCC, 0x99],
            CardColor::Pink => [0xFF, 0xB8, 0xC6],
            CardColor::Purple => [0xDD, 0xC8, 0xF5],
            CardColor::Blue => [0xBF, 0xE0, 0xFF],
            CardColor::Green => [0xC8, 0xEE, 0xC0],
            CardColor::Gray => [0xE2, 0xE4, 0xE8],
            CardColor::White => [0xFF, 0xFF, 0xFF],
        }
    }

    /// The colour's name in the interface language, for menus and tooltips. Never written into files.
    pub fn label(self) -> String {
        use crate::i18n::k;
        crate::t!(match self {
            CardColor::Yellow => k::COLOR_YELLOW,
            CardColor::Orange => k::COLOR_ORANGE,
            CardColor::Pink => k::COLOR_PINK,
            CardColor::Purple => k::COLOR_PURPLE,
            CardColor::Blue => k::COLOR_BLUE,
            CardColor::Green => k::COLOR_GREEN,
            CardColor::Gray => k::COLOR_GRAY,
            CardColor::White => k::COLOR_WHITE,
        })
    }

    /// The name CSV export writes in the color column (and import reads): a file value, the same in every
    /// interface language.
    pub fn name(self) -> &'static str {
        match self {
            CardColor::Yellow => "Yellow",
            CardColor::Orange => "Orange",
            CardColor::Pink => "Pink",
            CardColor::Purple => "Purple",
            CardColor::Blue => "Blue",
            CardColor::Green => "Green",
            CardColor::Gray => "Gray",
            CardColor::White => "White",
        }
    }
}

/// Where a touchpoint happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    Online,
    Offline,
}

impl Channel {
    /// The channel's name in the interface language.
    pub fn label(self) -> String {
        use crate::i18n::k;
        crate::t!(match self {
            Channel::Online => k::CHANNEL_ONLINE,
            Channel::Offline => k::CHANNEL_OFFLINE,
        })
    }
}

impl Map {
    /// An empty map with the default lanes (named in Russian or English) and the given stage names.
    pub fn with_stages(title: &str, stage_names: &[&str], russian: bool) -> Map {
        let mut map = Map {
            version: CURRENT_VERSION,
            title: title.to_owned(),
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
        for name in stage_names {
            let id = StageId(map.allocate_id());
            map.stages.push(Stage::new(id, name));
        }
        for kind in LaneKind::DEFAULT {
            let id = LaneId(map.allocate_id());
            let name = if russian {
                kind.name_ru()
            } else {
                kind.name_en()
            };
            map.lanes.push(Lane::new(id, name, kind));
        }
        map
    }

    /// Hands out a fresh id. Ids are shared by stages, lanes and cards so that no two items ever have the same.
    pub fn allocate_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    pub fn stage(&self, id: StageId) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    pub fn stage_index(&self, id: StageId) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }

    pub fn lane(&self, id: LaneId) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.id == id)
    }

    pub fn lane_index(&self, id: LaneId) -> Option<usize> {
        self.lanes.iter().position(|l| l.id == id)
    }

    pub fn card(&self, id: CardId) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    pub fn card_index(&self, id: CardId) -> Option<usize> {
        self.cards.iter().position(|c| c.id == id)
    }

    pub fn link(&self, id: LinkId) -> Option<&Link> {
        self.links.iter().find(|l| l.id == id)
    }

    pub fn link_index(&self, id: LinkId) -> Option<usize> {
        self.links.iter().position(|l| l.id == id)
    }

    /// The links that start or end at a card, in map order.
    pub fn links_of(&self, card: CardId) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(move |l| l.touches(card))
    }

    /// Whether findings of this kind are reported for this map.
    pub fn finding_on(&self, kind: FindingKind) -> bool {
        !self.findings_off.contains(&kind)
    }

    /// The cards of one cell, in their order.
    pub fn cards_in(&self, stage: StageId, lane: LaneId) -> impl Iterator<Item = &Card> {
        self.cards
            .iter()
            .filter(move |c| c.stage == stage && c.lane == lane)
    }
}

impl Stage {
    pub fn new(id: StageId, name: &str) -> Stage {
        Stage {
            id,
            name: name.to_owned(),
            time_frame: String::new(),
            width: DEFAULT_STAGE_WIDTH,
        }
    }
}

impl Lane {
    pub fn new(id: LaneId, name: &str, kind: LaneKind) -> Lane {
        Lane {
            id,
            name: name.to_owned(),
            kind,
            emotions: Vec::new(),
            measures: Vec::new(),
        }
    }
}

impl Map {
    /// Where a card goes in the card list to sit in a cell just before `before` (or last in the cell), counted
    /// in the list without `moving` (the card being moved, if any).
    pub fn insertion_index(
        &self,
        stage: StageId,
        lane: LaneId,
        before: Option<CardId>,
        moving: Option<CardId>,
    ) -> usize {
        let others = || self.cards.iter().filter(|c| Some(c.id) != moving);
        if let Some(before) = before.filter(|b| Some(*b) != moving)
            && let Some(at) = others().position(|c| c.id == before)
        {
            return at;
        }
        match others()
            .enumerate()
            .filter(|(_, c)| c.stage == stage && c.lane == lane)
            .last()
        {
            Some((at, _)) => at + 1,
            None => others().count(),
        }
    }
}
