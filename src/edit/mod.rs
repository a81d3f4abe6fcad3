//! Edit commands and undo. Every change to a map is an [`Edit`]; [`apply`] performs it and returns the edit
//! that undoes it; [`Document`] keeps the map with its undo history. No egui here.

mod apply;
pub mod build;
mod document;

pub use apply::{EditError, apply};
pub use document::{Document, MergeKey};

use crate::model::{
    Card, CardColor, CardId, Channel, EmotionPoint, FindingKind, Lane, LaneId, LaneKind, Link,
    LinkId, LinkKind, Persona, Stage, StageId,
};

/// One change to a map. Indices are positions in the map's lists at the moment the edit is applied.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetTitle(String),
    /// Replaces the whole persona, photo included.
    SetPersona(Persona),
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
    },
    /// Removes a stage with its cards and scores.
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
    /// Sets or clears the emotion score (and its note) of a stage in an Emotions lane.
    SetEmotion {
        lane: LaneId,
        stage: StageId,
        point: Option<(i8, String)>,
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
    /// Several edits as one undo step, applied in order.
    Batch(Vec<Edit>),
}
