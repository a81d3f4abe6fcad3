//! The map document: plain data that loads, saves and validates on its own. Nothing here knows about egui.

mod finding_kind;
mod ids;
mod link;
mod map;
mod photo;
pub mod sample;
pub mod templates;
mod validate;

pub use finding_kind::FindingKind;
pub use ids::{CardId, LaneId, LinkId, MAX_ID, StageId};
pub use link::{Link, LinkKind, MAX_LINKS};
pub use map::{
    CURRENT_VERSION, Card, CardColor, Channel, DEFAULT_STAGE_WIDTH, EmotionPoint, Lane, LaneKind,
    MAX_SCORE, MAX_STAGE_WIDTH, MIN_SCORE, MIN_STAGE_WIDTH, Map, Persona, Stage,
};
pub use photo::{MAX_PHOTO_SIDE, Photo, PhotoError};
pub use validate::ValidationError;
