//! Stable identifiers. Every stage, lane and card gets one from the map's counter; an id is never changed and
//! never handed out again, even after its item is deleted, so files diff cleanly and undo can refer to items.

use serde::{Deserialize, Serialize};

/// No id is larger than this, so that the counter can never run out (2^53: also exact in every JSON reader).
pub const MAX_ID: u64 = 1 << 53;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// Identifies a stage (a column of the map).
    StageId
);
id_type!(
    /// Identifies a lane (a row of the map).
    LaneId
);
id_type!(
    /// Identifies a sticky card.
    CardId
);
id_type!(
    /// Identifies a link between cards (a step of the journey's path).
    LinkId
);
id_type!(
    /// Identifies a persona. The map's first persona (`Map::persona`) is [`PersonaId::MAIN`]; the others get
    /// ids from the map's counter like every other item.
    PersonaId
);
id_type!(
    /// Identifies a measure of a Metrics lane (CSAT, NPS, conversion…).
    MeasureId
);

impl PersonaId {
    /// The map's first persona, the one every version 2 map has. Never handed out by the counter (it starts
    /// at 1), and left out of files.
    pub const MAIN: PersonaId = PersonaId(0);

    pub fn is_main(&self) -> bool {
        *self == PersonaId::MAIN
    }
}

impl Default for PersonaId {
    fn default() -> Self {
        PersonaId::MAIN
    }
}
