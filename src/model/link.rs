//! Journey paths: arrows from one card to another, saying how the person moves through the map. Real journeys
//! are not linear: people skip stages, go back to compare, and leave.

use serde::{Deserialize, Serialize};

use super::{CardId, LinkId};

/// No map holds more links than this; a file with more is refused as hostile or broken.
pub const MAX_LINKS: usize = 50_000;

/// How the journey goes from one card to the next.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LinkKind {
    /// The usual flow, one step after another.
    #[default]
    Next,
    /// Jumps over stages.
    Skip,
    /// Goes back to an earlier step (to compare, to ask again).
    Return,
    /// The person leaves the journey here; may point to no card.
    Exit,
}

impl LinkKind {
    pub const ALL: [LinkKind; 4] = [
        LinkKind::Next,
        LinkKind::Skip,
        LinkKind::Return,
        LinkKind::Exit,
    ];

    /// The kind's name in the interface language, for menus and the side panel. Never written into files.
    pub fn label(self) -> String {
        crate::i18n::tr(self.key(), &[])
    }

    /// The message key of the kind's name: the canvas legend names it in the map's language with this key.
    pub fn key(self) -> crate::i18n::Key {
        use crate::i18n::k;
        match self {
            LinkKind::Next => k::LINK_NEXT,
            LinkKind::Skip => k::LINK_SKIP,
            LinkKind::Return => k::LINK_RETURN,
            LinkKind::Exit => k::LINK_EXIT,
        }
    }
}

/// An arrow from one card to another (or, for an exit, possibly to none).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub id: LinkId,
    pub from: CardId,
    /// The card the arrow points to; `None` only for an [`LinkKind::Exit`] that leads out of the map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<CardId>,
    #[serde(default)]
    pub kind: LinkKind,
}

impl Link {
    /// Whether the link starts or ends at a card.
    pub fn touches(&self, card: CardId) -> bool {
        self.from == card || self.to == Some(card)
    }
}
