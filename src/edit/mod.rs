//! Edit commands and undo. Every change to a map is an [`Edit`]; [`apply`] performs it and returns the edit
//! that undoes it; [`Document`] keeps the map with its undo history. No egui here.

mod apply;
pub mod build;
mod document;
mod numbers;
mod vote;

pub use apply::{EditError, apply};
pub use document::{Document, MergeKey};

use crate::model::{
    Card, CardColor, CardId, Channel, EmotionPoint, FindingKind, Lane, LaneId, LaneKind, Link,
    LinkId, LinkKind, Map, Measure, MeasureId, Participant, ParticipantId, Persona, PersonaId,
    Stage, StageId, Vote,
};

/// One change to a map. Indices are positions in the map's lists at the moment the edit is applied.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetTitle(String),
    /// Replaces a whole persona, photo included; its id says which.
    SetPersona(Persona),
    /// Adds a persona (not the first) at `index` among the others, with its emotion scores and the card
    /// tags it had: each card's whole list of personas.
    InsertPersona {
        persona: Persona,
        index: usize,
        emotions: Vec<(LaneId, EmotionPoint)>,
        tags: Vec<(CardId, Vec<PersonaId>)>,
    },
    /// Removes a persona (not the first) with its emotion scores and its tags on cards.
    RemovePersona(PersonaId),
    /// Replaces the list of personas a card belongs to.
    SetCardPersonas {
        card: CardId,
        personas: Vec<PersonaId>,
    },
    /// Puts a card at `index` in the card list.
    InsertCard {
        card: Card,
        index: usize,
    },
    RemoveCard(CardId),
    SetCardText {
        card: CardId,
        text: String,
    },
    SetCardColor {
        card: CardId,
        color: CardColor,
    },
    SetCardChannel {
        card: CardId,
        channel: Option<Channel>,
    },
    /// Puts a card into a cell; `index` is its place in the card list once it has been taken out of it
    /// (see [`crate::model::Map::insertion_index`]).
    MoveCard {
        card: CardId,
        stage: StageId,
        lane: LaneId,
        index: usize,
    },
    /// Puts a stage at `index`, with cards at the given card-list indices (ascending) and emotion scores.
    InsertStage {
        stage: Stage,
        index: usize,
        cards: Vec<(usize, Card)>,
        emotions: Vec<(LaneId, EmotionPoint)>,
        metrics: Vec<(MeasureId, f64)>,
    },
    /// Removes a stage with its cards, scores and metric values.
    RemoveStage(StageId),
    /// Replaces a stage's name, time frame and width (the id says which stage).
    SetStage(Stage),
    MoveStage {
        stage: StageId,
        index: usize,
    },
    /// Puts a lane at `index` with cards at the given card-list indices (ascending).
    InsertLane {
        lane: Lane,
        index: usize,
        cards: Vec<(usize, Card)>,
    },
    /// Removes a lane with its cards.
    RemoveLane(LaneId),
    SetLaneName {
        lane: LaneId,
        name: String,
    },
    SetLaneKind {
        lane: LaneId,
        kind: LaneKind,
    },
    MoveLane {
        lane: LaneId,
        index: usize,
    },
    /// Sets or clears a persona's emotion score (and its note) at a stage in an Emotions lane.
    SetEmotion {
        lane: LaneId,
        stage: StageId,
        persona: PersonaId,
        point: Option<(i8, String)>,
    },
    /// Adds a measure to a Metrics lane at `index`, with its values.
    InsertMeasure {
        lane: LaneId,
        index: usize,
        measure: Measure,
    },
    /// Removes a measure with its values.
    RemoveMeasure(MeasureId),
    /// Renames a measure or changes its unit or range (its values must stay inside the range).
    SetMeasure {
        measure: MeasureId,
        name: String,
        unit: String,
        min: f64,
        max: f64,
    },
    /// Sets or clears a measure's value at a stage.
    SetMetric {
        measure: MeasureId,
        stage: StageId,
        value: Option<f64>,
    },
    /// Switches a kind of gap-analysis finding on or off for this map.
    SetFindingKind {
        kind: FindingKind,
        on: bool,
    },
    /// Puts a link between cards at `index` in the link list. (Removing a card, stage or lane removes the links
    /// of its cards too; the edit that undoes it puts them back.)
    InsertLink {
        link: Link,
        index: usize,
    },
    RemoveLink(LinkId),
    /// Relabels a link: Next, Skip, Return or Exit.
    SetLinkKind {
        link: LinkId,
        kind: LinkKind,
    },
    /// Starts a round of dot voting (replacing any round there is), or ends it with `None` ("Clear votes").
    SetVote(Option<Vote>),
    /// One more of a participant's dots on a card.
    PutDot {
        participant: ParticipantId,
        card: CardId,
    },
    /// Takes one of a participant's dots off a card.
    TakeDot {
        participant: ParticipantId,
        card: CardId,
    },
    /// A participant joins the running round (a Waymark in a live session, voting as itself).
    JoinVote(Participant),
    /// A participant without dots leaves the round (the inverse of [`Edit::JoinVote`]).
    LeaveVote(ParticipantId),
    /// Several edits as one undo step, applied in order.
    Batch(Vec<Edit>),
    /// Replaces the whole map by another, valid one: how a live session brings in what others changed (see
    /// `crate::sync`). Generic on purpose, so that every field of the map travels, including ones added later.
    /// Refused when the new map does not pass validation.
    ReplaceMap(Box<Map>),
}
