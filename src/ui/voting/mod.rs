//! The voting panel (View → Dot voting, F9): whose turn it is, how many votes each has left, the results, and
//! "highlight top N". In one room with one computer, participants take turns at the keyboard or the
//! facilitator picks them: keys 1–9 pick a participant, ↑ and ↓ the previous or next one, Escape pauses
//! voting so that clicks edit the map again.

mod dialog;

use std::collections::HashSet;

use egui::{Color32, Key, Modifiers, RichText, Sense, Ui, vec2};

pub use dialog::VoteSetup;

use crate::edit::Document;
use crate::i18n::k;
use crate::model::{CardId, Map, Participant, ParticipantId, Vote};
use crate::t;
use crate::ui::canvas::VoteClick;
use crate::workshop::voting::{Refusal, click_edit, top_cards};

/// The panel's view state: nothing here is saved in the map.
pub struct VotingPanel {
    pub open: bool,
    /// Clicks on cards put dots (while a vote runs and the panel is open).
    pub casting: bool,
    /// Whose turn it is.
    pub participant: Option<ParticipantId>,
    pub highlight: bool,
    pub top_n: u32,
    /// The highlighted cards for (document revision, identity, n).
    cache: Option<(u64, u64, u32, HashSet<CardId>)>,
    /// The document the state above is about.
    identity: u64,
    /// In a live session: the participant this window votes as. Then the participants of other computers
    /// cannot be picked here (they vote from their own Waymark); those without a computer can.
    pub own: Option<ParticipantId>,
    /// The round this window last joined (or tried to) in a live session.
    pub joined_round: Option<u64>,
}

impl Default for VotingPanel {
    fn default() -> Self {
        VotingPanel {
            open: false,
            casting: false,
            participant: None,
            highlight: false,
            top_n: 3,
            cache: None,
            identity: 0,
            own: None,
            joined_round: None,
        }
    }
}

/// What the panel asks of the app this frame.
#[derive(Default)]
pub struct Requests {
    pub status: Option<String>,
    /// A result was clicked: select the card and show it.
    pub reveal: Option<CardId>,
    pub start: bool,
    pub clear: bool,
}

/// A participant's name as the interface shows it: their own, or "Participant N".
pub fn participant_name(participant: &Participant) -> String {
    if participant.name.trim().is_empty() {
        t!(k::VOTE_PARTICIPANT_N, number = participant.id.0)
    } else {
        participant.name.clone()
    }
}

fn color(participant: &Participant) -> Color32 {
    let [r, g, b] = participant.color;
    Color32::from_rgb(r, g, b)
}

/// A coloured dot the size of a line of text, as on the cards.
fn dot(ui: &mut Ui, fill: Color32) {
    let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
    ui.painter().circle(
        rect.center(),
        6.0,
        fill,
        egui::Stroke::new(1.5, Color32::WHITE),
    );
}

impl VotingPanel {
    /// Opens the panel with votes being cast, the first participant's turn (after a vote starts).
    pub fn started(&mut self) {
        self.open = true;
        self.casting = true;
        self.participant = Some(ParticipantId(1));
    }

    /// Another map was opened (or made, or restored): its clicks are not votes until someone says so.
    pub fn follow(&mut self, doc: &Document) {
        if doc.identity() != self.identity {
            self.identity = doc.identity();
            self.casting = false;
            self.participant = None;
        }
    }

    /// The participant whose turn it is: the one picked, else this window's own (live), else the first of the
    /// round this window may vote for.
    pub fn current<'a>(&self, vote: &'a Vote) -> Option<&'a Participant> {
        self.participant
            .and_then(|id| vote.participant(id))
            .filter(|p| self.may_vote_for(p))
            .or_else(|| self.own.and_then(|id| vote.participant(id)))
            .or_else(|| vote.participants.iter().find(|p| self.may_vote_for(p)))
    }

    /// Whether this window may put dots for a participant: any, except (in a live session) those who vote
    /// from a Waymark of their own.
    pub fn may_vote_for(&self, participant: &Participant) -> bool {
        match self.own {
            Some(own) => participant.id == own || !participant.id.is_computer(),
            None => true,
        }
    }

    /// Whether clicks on cards put dots now.
    pub fn is_casting(&self, map: &Map) -> bool {
        self.open && self.casting && map.vote.is_some()
    }

    /// The cards "highlight top N" keeps bright, when it is on and anything has dots.
    pub fn highlighted(&mut self, doc: &Document) -> Option<HashSet<CardId>> {
        if !(self.open && self.highlight) || doc.map().vote.is_none() {
            return None;
        }
        let key = (doc.revision(), doc.identity(), self.top_n);
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|(r, i, n, _)| (*r, *i, *n) == key);
        if !fresh {
            let top: HashSet<CardId> = top_cards(doc.map(), self.top_n as usize)
                .into_iter()
                .collect();
            self.cache = Some((key.0, key.1, key.2, top));
        }
        self.cache
            .as_ref()
            .map(|(_, _, _, top)| top.clone())
            .filter(|top| !top.is_empty())
    }

    /// The voting keys, while casting: 1–9 pick a participant, ↑/↓ the previous or next, Escape pauses.
    /// Consumed here, so that the digits do not also recolour cards. Returns a sentence for the status bar.
    pub fn keys(&mut self, ctx: &egui::Context, map: &Map) -> Option<String> {
        let vote = map.vote.as_ref()?;
        let pressed = |key: Key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        if pressed(Key::Escape) {
            self.casting = false;
            return Some(t!(k::STATUS_VOTE_PAUSED));
        }
        let digits = [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
            Key::Num8,
            Key::Num9,
        ];
        // Only those this window may vote for are numbered and stepped through.
        let pickable: Vec<&Participant> = vote
            .participants
            .iter()
            .filter(|p| self.may_vote_for(p))
            .collect();
        let at = self
            .current(vote)
            .and_then(|p| pickable.iter().position(|q| q.id == p.id))
            .unwrap_or(0);
        let mut chosen = None;
        for (index, key) in digits.into_iter().enumerate() {
            if pressed(key) && index < pickable.len() {
                chosen = Some(index);
            }
        }
        let count = pickable.len().max(1);
        if pressed(Key::ArrowDown) {
            chosen = Some((at + 1) % count);
        }
        if pressed(Key::ArrowUp) {
            chosen = Some((at + count - 1) % count);
        }
        let participant = *pickable.get(chosen?)?;
        self.participant = Some(participant.id);
        Some(turn(vote, participant))
    }

    /// Puts or takes back a dot for the participant whose turn it is; returns the sentence for the status bar.
    pub fn cast(&mut self, doc: &mut Document, click: VoteClick) -> String {
        let map = doc.map();
        let Some(vote) = &map.vote else {
            return t!(k::EDIT_NO_VOTE);
        };
        let Some(participant) = self.current(vote).cloned() else {
            return t!(k::EDIT_NO_VOTE);
        };
        let name = participant_name(&participant);
        let edit = match click_edit(map, participant.id, click.card, click.take_back) {
            Ok(edit) => edit,
            Err(Refusal::NoVote) => return t!(k::EDIT_NO_VOTE),
            Err(Refusal::NotInVote) => {
                let lane = vote
                    .lane
                    .and_then(|l| map.lane(l))
                    .map(|l| l.name.clone())
                    .unwrap_or_default();
                return t!(k::STATUS_VOTE_NOT_IN_VOTE, lane = lane);
            }
            Err(Refusal::NoVotesLeft) => {
                return t!(
                    k::STATUS_VOTE_NO_VOTES_LEFT,
                    name = name,
                    count = vote.votes_each
                );
            }
            Err(Refusal::NoDotHere) => return t!(k::STATUS_VOTE_NO_DOT_HERE, name = name),
        };
        let put = matches!(edit, crate::edit::Edit::PutDot { .. });
        if let Err(error) = doc.apply(edit) {
            return crate::ui::app::refused_edit(&error);
        }
        let left = doc
            .map()
            .vote
            .as_ref()
            .map_or(0, |v| v.remaining(participant.id));
        if put {
            t!(k::STATUS_VOTE_PUT, name = name, left = left)
        } else {
            t!(k::STATUS_VOTE_TAKEN, name = name, left = left)
        }
    }

    pub fn show(&mut self, ui: &mut Ui, doc: &Document) -> Requests {
        let mut requests = Requests::default();
        let map = doc.map();
        ui.horizontal(|ui| {
            ui.heading(t!(k::VOTE_PANEL_TITLE));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("✕").on_hover_text(t!(k::VOTE_CLOSE)).clicked() {
                    self.open = false;
                }
            });
        });
        let Some(vote) = &map.vote else {
            ui.label(t!(k::VOTE_NONE));
            ui.add_space(6.0);
            requests.start = ui.button(t!(k::VOTE_START)).clicked();
            return requests;
        };
        ui.label(RichText::new(summary(map, vote)).weak());
        ui.add_space(4.0);
        ui.checkbox(&mut self.casting, t!(k::VOTE_CASTING))
            .on_hover_text(t!(k::VOTE_CASTING_HINT));
        ui.label(RichText::new(t!(k::VOTE_CASTING_HINT)).small().weak());
        ui.add_space(4.0);
        ui.strong(t!(k::VOTE_PARTICIPANTS_KEYS));
        let current = self.current(vote).map(|p| p.id);
        let mut number = 0;
        for participant in &vote.participants {
            ui.horizontal(|ui| {
                dot(ui, color(participant));
                let name = participant_name(participant);
                if self.may_vote_for(participant) {
                    number += 1;
                    let name = match self.own == Some(participant.id) {
                        true => t!(k::VOTE_YOU, name = name),
                        false => name,
                    };
                    let text = format!("{number}  {name}");
                    if ui
                        .selectable_label(current == Some(participant.id), text)
                        .clicked()
                    {
                        self.participant = Some(participant.id);
                        requests.status = Some(turn(vote, participant));
                    }
                } else {
                    // Another computer's participant: shown, with their votes left, but not picked here.
                    ui.label(RichText::new(format!("    {name}")).weak())
                        .on_hover_text(t!(k::VOTE_OWN_COMPUTER, name = name.as_str()));
                }
                ui.label(
                    RichText::new(t!(k::VOTE_LEFT, count = vote.remaining(participant.id))).weak(),
                );
            });
        }
        ui.separator();
        self.results(ui, map, vote, &mut requests);
        ui.separator();
        ui.horizontal(|ui| {
            requests.clear = ui.button(t!(k::VOTE_CLEAR)).clicked();
            requests.start = ui.button(t!(k::VOTE_NEW)).clicked();
        });
        requests
    }

    fn results(&mut self, ui: &mut Ui, map: &Map, vote: &Vote, requests: &mut Requests) {
        ui.strong(t!(k::VOTE_RESULTS, count = vote.total_dots()));
        ui.horizontal(|ui| {
            ui.checkbox(&mut self.highlight, t!(k::VOTE_HIGHLIGHT));
            let label = ui.label(t!(k::VOTE_HIGHLIGHT_COUNT));
            ui.add(egui::DragValue::new(&mut self.top_n).range(1..=99))
                .labelled_by(label.id);
        });
        let ranking = vote.ranking(map);
        if ranking.is_empty() {
            ui.label(RichText::new(t!(k::VOTE_NO_DOTS)).weak());
            return;
        }
        egui::ScrollArea::vertical()
            .id_salt("vote-results")
            .show(ui, |ui| {
                for (card, total) in ranking {
                    ui.horizontal(|ui| {
                        ui.add_sized(
                            [24.0, 18.0],
                            egui::Label::new(RichText::new(total.to_string()).strong()),
                        );
                        let text = map
                            .card(card)
                            .map(|c| c.text.lines().next().unwrap_or("").to_owned())
                            .unwrap_or_default();
                        // Truncated to the panel's width: a long card must not widen the panel.
                        let label = egui::Label::new(text).truncate().sense(Sense::click());
                        if ui.add(label).on_hover_text(t!(k::VOTE_REVEAL)).clicked() {
                            requests.reveal = Some(card);
                        }
                    });
                }
            });
    }
}

/// "Anna's turn: 2 of 3 votes left."
fn turn(vote: &Vote, participant: &Participant) -> String {
    t!(
        k::STATUS_VOTE_TURN,
        name = participant_name(participant),
        left = vote.remaining(participant.id)
    )
}

/// What the round is: which cards, how many votes, one or several dots per card.
pub fn summary(map: &Map, vote: &Vote) -> String {
    let cards = match vote.lane.and_then(|l| map.lane(l)) {
        Some(lane) => t!(k::VOTE_SCOPE_LANE, lane = lane.name.as_str()),
        None => t!(k::VOTE_SCOPE_ALL),
    };
    let per_card = if vote.several_per_card {
        t!(k::VOTE_SEVERAL_PER_CARD)
    } else {
        t!(k::VOTE_ONE_PER_CARD)
    };
    format!(
        "{cards} · {} · {per_card}",
        t!(k::VOTE_EACH, count = vote.votes_each)
    )
}
