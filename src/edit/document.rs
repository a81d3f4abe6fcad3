use super::{Edit, EditError, apply};
use crate::model::Map;

/// How many undo steps are kept.
const UNDO_LIMIT: usize = 500;

/// Says which continuous gesture an edit belongs to: edits with the same key, one after another, undo as one
/// step (typing into one card, dragging a stage edge, moving a slider).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeKey {
    CardText(u64),
    StageField(u64, &'static str),
    LaneName(u64),
    Emotion(u64, u64),
    EmotionNote(u64, u64),
    Title,
    /// A persona's field, by persona id.
    PersonaField(u64, &'static str),
    /// A measure's field, by measure id.
    MeasureField(u64, &'static str),
    /// A measure's value at a stage (measure id, stage id).
    Metric(u64, u64),
}

#[derive(Debug)]
struct Step {
    /// Identifies the document state this step leads to, for the unsaved-changes marker.
    id: u64,
    /// Applied in reverse order, these edits undo the step.
    edits: Vec<Edit>,
}

/// A map with its undo and redo history. All changes to the map go through [`Document::apply`].
#[derive(Debug)]
pub struct Document {
    map: Map,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The gesture the last step belongs to; sealed by [`Document::seal`].
    open_gesture: Option<MergeKey>,
    next_step_id: u64,
    saved_state: u64,
    revision: u64,
    identity: u64,
}

/// A number no other document of this run has.
fn new_identity() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Document {
    pub fn new(map: Map) -> Document {
        Document {
            map,
            undo: Vec::new(),
            redo: Vec::new(),
            open_gesture: None,
            next_step_id: 1,
            saved_state: 0,
            revision: 0,
            identity: new_identity(),
        }
    }

    /// Tells maps apart: a new number whenever the document gets another map (new, open, restore). Work done
    /// in the background for one map (a save, a photo) carries it, so that it is never applied to another.
    pub fn identity(&self) -> u64 {
        self.identity
    }

    pub fn map(&self) -> &Map {
        &self.map
    }

    /// Counts every change of the map (undo and redo included), so views know when to lay it out again.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Identifies the map's current state; pass it to [`Document::mark_saved_state`] when a save of this state
    /// completes (saves run in the background, and the map may change meanwhile).
    pub fn state(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.id)
    }

    /// Whether the map differs from what was last saved (or loaded).
    pub fn is_dirty(&self) -> bool {
        self.state() != self.saved_state
    }

    /// Records that the map as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.mark_saved_state(self.state());
    }

    /// Records that the given state (see [`Document::state`]) has been saved.
    pub fn mark_saved_state(&mut self, state: u64) {
        self.saved_state = state;
        self.open_gesture = None;
    }

    /// Marks the map as changed even though no step was recorded (e.g. it came from a recovery file).
    pub fn mark_unsaved(&mut self) {
        self.saved_state = u64::MAX;
    }

    /// Applies an edit as a new undo step.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.apply_merging(edit, None)
    }

    /// Applies an edit; while `gesture` stays the same, edits join the previous step.
    pub fn apply_merging(
        &mut self,
        edit: Edit,
        gesture: Option<MergeKey>,
    ) -> Result<(), EditError> {
        let inverse = apply(&mut self.map, edit)?;
        self.revision += 1;
        self.redo.clear();
        let joins = gesture.is_some()
            && gesture == self.open_gesture
            && self.undo.last().is_some_and(|s| s.id != self.saved_state);
        match self.undo.last_mut() {
            Some(step) if joins => step.edits.push(inverse),
            _ => {
                let id = self.next_step_id;
                self.next_step_id += 1;
                self.undo.push(Step {
                    id,
                    edits: vec![inverse],
                });
                if self.undo.len() > UNDO_LIMIT {
                    self.undo.remove(0);
                }
            }
        }
        self.open_gesture = gesture;
        Ok(())
    }

    /// Applies a change that someone else made (a live session's [`Edit::ReplaceMap`]): the map changes, but
    /// neither the undo nor the redo history does, so undo keeps undoing only this person's own changes. Those
    /// are recorded by item ids, so they still apply after others' changes (a step whose item someone else
    /// deleted is skipped when undone). The map then differs from the saved file.
    pub fn apply_remote(&mut self, edit: Edit) -> Result<(), EditError> {
        apply(&mut self.map, edit)?;
        self.revision += 1;
        self.mark_unsaved();
        Ok(())
    }

    /// Ends the current gesture: the next edit starts a new undo step even if its key is the same.
    pub fn seal(&mut self) {
        self.open_gesture = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes the last step. Returns false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        let step = self.replay(step);
        self.redo.push(step);
        true
    }

    /// Redoes the last undone step. Returns false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        let step = self.replay(step);
        self.undo.push(step);
        true
    }

    /// Applies a step's edits in reverse and returns the step that reverses that again.
    fn replay(&mut self, step: Step) -> Step {
        self.open_gesture = None;
        self.revision += 1;
        let mut reverse = Vec::with_capacity(step.edits.len());
        for edit in step.edits.into_iter().rev() {
            // Every edit in the history was produced by `apply` on exactly this state, so it applies; if it
            // ever did not, skipping it keeps the rest of the history usable.
            if let Ok(inverse) = apply(&mut self.map, edit) {
                reverse.push(inverse);
            }
        }
        Step {
            id: step.id,
            edits: reverse,
        }
    }

    /// Replaces the whole map (after opening a file), forgetting the history.
    pub fn replace(&mut self, map: Map) {
        *self = Document {
            revision: self.revision + 1,
            ..Document::new(map)
        };
    }
}
