use serde::{Deserialize, Serialize};

/// A kind of gap the map analysis looks for (see `crate::analysis`). Stored in the map file when a kind is
/// switched off, so the file names them as RON enum variants; reports and JSON use [`FindingKind::name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FindingKind {
    /// A stage whose Touchpoints lane(s) hold no card, in a map that has a Touchpoints lane.
    StageWithoutTouchpoint,
    /// A stage with barrier cards and no card in a Solutions lane, in a map that has a Solutions lane.
    BarrierWithoutSolution,
    /// An emotion score of −1 or −2 at a stage with no barrier card.
    DipWithoutBarrier,
    /// A stage with no card at all.
    EmptyStage,
    /// A card no link reaches or leaves, in a map that uses links (has at least one). Added in file version 3.
    OrphanCard,
}

impl FindingKind {
    /// Every kind, in the order the findings panel and reports list them.
    pub const ALL: [FindingKind; 5] = [
        FindingKind::StageWithoutTouchpoint,
        FindingKind::BarrierWithoutSolution,
        FindingKind::DipWithoutBarrier,
        FindingKind::EmptyStage,
        FindingKind::OrphanCard,
    ];

    /// The machine name used in reports and JSON. It never changes and is never translated.
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::StageWithoutTouchpoint => "stage-without-touchpoint",
            FindingKind::BarrierWithoutSolution => "barrier-without-solution",
            FindingKind::DipWithoutBarrier => "dip-without-barrier",
            FindingKind::EmptyStage => "empty-stage",
            FindingKind::OrphanCard => "orphan-card",
        }
    }

    /// The kind with this machine name.
    pub fn from_name(name: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|k| k.name() == name)
    }
}
