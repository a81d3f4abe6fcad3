//! The map document: plain data that loads, saves and validates on its own. Nothing here knows about egui.

mod finding_kind;
mod ids;
mod link;
mod map;
mod metrics;
mod photo;
pub mod sample;
pub mod templates;
mod validate;
mod vote;
pub use vote::check_vote;

pub use finding_kind::FindingKind;
pub use ids::{CardId, LaneId, LinkId, MAX_ID, MeasureId, PersonaId, StageId};
pub use link::{Link, LinkKind, MAX_LINKS};
pub use map::{
    CURRENT_VERSION, Card, CardColor, Channel, DEFAULT_STAGE_WIDTH, EmotionPoint, Lane, LaneKind,
    MAX_SCORE, MAX_STAGE_WIDTH, MIN_SCORE, MIN_STAGE_WIDTH, Map, Persona, Stage,
};
pub use metrics::{
    MAX_MEASURES, MAX_PERSONAS, MEASURE_LIMIT, Measure, MetricValue, format_number, parse_number,
};
pub use photo::{MAX_PHOTO_SIDE, Photo, PhotoError};
pub use validate::ValidationError;
pub use vote::{
    DEFAULT_VOTES_EACH, Dots, FIRST_COMPUTER_PARTICIPANT, MAX_PARTICIPANTS, MAX_VOTES_EACH,
    PALETTE, Participant, ParticipantId, Vote,
};
