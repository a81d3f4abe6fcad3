//! The dialog that starts a dot vote: which cards take part, how many votes each participant has, whether one
//! card may take several of a person's votes, and the participants (named, or "Participant 1…n").

use egui::{Color32, Id, Modal, Ui};

use crate::i18n::k;
use crate::model::{
    DEFAULT_VOTES_EACH, LaneId, MAX_PARTICIPANTS, Map, PALETTE, Participant, ParticipantId, Vote,
};
use crate::t;

/// The dialog's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct VoteSetup {
    /// `None`: every card.
    pub lane: Option<LaneId>,
    pub votes_each: u32,
    pub several_per_card: bool,
    /// How many participants the dialog makes (in a live session: the people without a computer, 0 or more;
    /// everyone else joins from their own Waymark).
    pub participants: usize,
    pub names: Vec<String>,
    /// Started in a live session.
    pub live: bool,
}

impl Default for VoteSetup {
    fn default() -> Self {
        VoteSetup {
            lane: None,
            votes_each: DEFAULT_VOTES_EACH,
            several_per_card: false,
            participants: 4,
            names: Vec::new(),
            live: false,
        }
    }
}

impl VoteSetup {
    /// The round these choices make.
    pub fn vote(&self) -> Vote {
        let mut vote = Vote::new(
            self.lane,
            self.votes_each,
            self.several_per_card,
            &self.names,
            self.participants,
        );
        if self.participants == 0 {
            // Live: only the people with a computer, who join the round themselves.
            vote.participants.clear();
        }
        vote
    }

    /// Shows the dialog. Returns `Some(Some(vote))` to start, `Some(None)` when cancelled, `None` while open.
    pub fn show(&mut self, ctx: &egui::Context, map: &Map) -> Option<Option<Vote>> {
        let mut outcome = None;
        Modal::new(Id::unique("start-vote-dialog")).show(ctx, |ui| {
            ui.set_width(460.0);
            ui.heading(t!(k::VOTE_DIALOG_TITLE));
            self.choices(ui, map);
            if let Some(vote) = &map.vote
                && vote.total_dots() > 0
            {
                ui.add_space(4.0);
                ui.colored_label(
                    Color32::from_rgb(0xB0, 0x40, 0x00),
                    t!(k::VOTE_DIALOG_REPLACES, count = vote.total_dots()),
                );
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(t!(k::VOTE_DIALOG_START)).clicked() {
                    outcome = Some(Some(self.vote()));
                }
                if ui.button(t!(k::CANCEL)).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    outcome = Some(None);
                }
            });
        });
        outcome
    }

    fn choices(&mut self, ui: &mut Ui, map: &Map) {
        let lane_name = |id: Option<LaneId>| match id.and_then(|l| map.lane(l)) {
            Some(lane) => lane.name.clone(),
            None => t!(k::VOTE_SCOPE_ALL),
        };
        if self.lane.is_some_and(|l| map.lane(l).is_none()) {
            self.lane = None;
        }
        egui::Grid::new("start-vote-grid")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label(t!(k::VOTE_DIALOG_CARDS));
                egui::ComboBox::from_id_salt("vote-cards")
                    .selected_text(lane_name(self.lane))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.lane, None, t!(k::VOTE_SCOPE_ALL));
                        for lane in map.lanes.iter().filter(|l| l.kind.holds_cards()) {
                            ui.selectable_value(&mut self.lane, Some(lane.id), &lane.name);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(t!(k::VOTE_DIALOG_VOTES));
                ui.add(egui::DragValue::new(&mut self.votes_each).range(1..=99))
                    .labelled_by(label.id);
                ui.end_row();
                let (people, least) = match self.live {
                    true => (k::VOTE_DIALOG_PEOPLE_LIVE, 0),
                    false => (k::VOTE_DIALOG_PEOPLE, 1),
                };
                let label = ui.label(t!(people));
                ui.add(
                    egui::DragValue::new(&mut self.participants)
                        .range(least..=MAX_PARTICIPANTS - usize::from(self.live)),
                )
                .labelled_by(label.id);
                ui.end_row();
            });
        if self.live {
            ui.label(t!(k::VOTE_DIALOG_LIVE_HINT));
        }
        ui.checkbox(&mut self.several_per_card, t!(k::VOTE_DIALOG_SEVERAL));
        if self.participants > 0 {
            ui.add_space(4.0);
            ui.label(t!(k::VOTE_DIALOG_NAMES_HINT));
        }
        self.names.resize(self.participants, String::new());
        egui::ScrollArea::vertical()
            .max_height(260.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (i, name) in self.names.iter_mut().enumerate() {
                    let [r, g, b] = PALETTE[i % PALETTE.len()];
                    let placeholder = super::participant_name(&Participant {
                        id: ParticipantId(i as u32 + 1),
                        name: String::new(),
                        color: [r, g, b],
                    });
                    ui.horizontal(|ui| {
                        super::dot(ui, Color32::from_rgb(r, g, b));
                        let label = ui.label(&placeholder);
                        ui.add_sized(
                            [240.0, 20.0],
                            egui::TextEdit::singleline(name).hint_text(&placeholder),
                        )
                        .labelled_by(label.id);
                    });
                }
            });
    }
}
