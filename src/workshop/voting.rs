//! What a click on a card does during dot voting, for the participant whose turn it is. Plain rules, no egui:
//! the voting panel turns clicks into these edits and the refusals into sentences.

use crate::edit::Edit;
use crate::model::{CardId, Map, ParticipantId};

/// Why a click put no dot and took none back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    NoVote,
    /// The card is outside the voted lane.
    NotInVote,
    /// The participant has put all their dots.
    NoVotesLeft,
    /// A take-back on a card where the participant has no dot.
    NoDotHere,
}

/// The edit a click makes: a left click puts a dot (or, where a card takes one dot per person, takes the
/// participant's dot back off it); a right click (`take_back`) takes one of the participant's dots back.
pub fn click_edit(
    map: &Map,
    participant: ParticipantId,
    card: CardId,
    take_back: bool,
) -> Result<Edit, Refusal> {
    let vote = map.vote.as_ref().ok_or(Refusal::NoVote)?;
    let own = vote.dots_of(participant, card);
    if take_back || (own > 0 && !vote.several_per_card) {
        return if own > 0 {
            Ok(Edit::TakeDot { participant, card })
        } else {
            Err(Refusal::NoDotHere)
        };
    }
    if !vote.takes_part(map, card) {
        return Err(Refusal::NotInVote);
    }
    if vote.remaining(participant) == 0 {
        return Err(Refusal::NoVotesLeft);
    }
    Ok(Edit::PutDot { participant, card })
}

/// A number for a new round, different from every other round's (a live session tells a new round from the old
/// one by it; see [`crate::model::Vote::round`]).
pub fn new_round() -> u64 {
    let mut bytes = [0u8; 8];
    match getrandom::fill(&mut bytes) {
        Ok(()) => u64::from_le_bytes(bytes),
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64),
    }
}

/// The cards to keep bright when the top `n` are highlighted: the `n` with the most dots, and any that tie
/// with the last of them (a tie at the cut is not decided by card order). Empty when nothing has dots.
pub fn top_cards(map: &Map, n: usize) -> Vec<CardId> {
    let Some(vote) = &map.vote else {
        return Vec::new();
    };
    let ranking = vote.ranking(map);
    let Some(&(_, cut)) = ranking.get(n.max(1) - 1).or(ranking.last()) else {
        return Vec::new();
    };
    ranking
        .into_iter()
        .take_while(|(_, total)| *total >= cut)
        .map(|(card, _)| card)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::model::Vote;
    use crate::model::sample::stroller_map;

    fn voting_map(several: bool) -> (Map, [CardId; 3]) {
        let mut map = stroller_map();
        let barriers = map
            .lanes
            .iter()
            .find(|l| l.kind == crate::model::LaneKind::Barriers)
            .map(|l| l.id);
        map.vote = Some(Vote::new(barriers, 2, several, &[], 2));
        let mut in_lane = map.cards.iter().filter(|c| Some(c.lane) == barriers);
        let a = in_lane.next().map(|c| c.id).unwrap();
        let b = in_lane.next().map(|c| c.id).unwrap();
        let outside = map
            .cards
            .iter()
            .find(|c| Some(c.lane) != barriers)
            .unwrap()
            .id;
        (map, [a, b, outside])
    }

    fn click(map: &mut Map, p: u32, card: CardId, take_back: bool) -> Result<(), Refusal> {
        let edit = click_edit(map, ParticipantId(p), card, take_back)?;
        apply(map, edit).map(drop).map_err(|_| Refusal::NoVote)
    }

    #[test]
    fn one_dot_per_card_clicks_toggle_and_budgets_run_out() {
        let (mut map, [a, b, outside]) = voting_map(false);
        assert_eq!(click(&mut map, 1, outside, false), Err(Refusal::NotInVote));
        click(&mut map, 1, a, false).unwrap();
        click(&mut map, 2, a, false).unwrap();
        assert_eq!(map.vote.as_ref().unwrap().total(a), 2);
        click(&mut map, 1, a, false).unwrap();
        assert_eq!(
            map.vote.as_ref().unwrap().total(a),
            1,
            "a second click takes the dot back"
        );
        click(&mut map, 1, a, false).unwrap();
        click(&mut map, 1, b, false).unwrap();
        assert_eq!(map.vote.as_ref().unwrap().remaining(ParticipantId(1)), 0);
        assert_eq!(click(&mut map, 2, b, true), Err(Refusal::NoDotHere));
        assert_eq!(map.validate(), vec![]);
    }

    #[test]
    fn several_dots_per_card_add_up_and_right_click_takes_one_back() {
        let (mut map, [a, _, _]) = voting_map(true);
        click(&mut map, 1, a, false).unwrap();
        click(&mut map, 1, a, false).unwrap();
        assert_eq!(click(&mut map, 1, a, false), Err(Refusal::NoVotesLeft));
        click(&mut map, 1, a, true).unwrap();
        assert_eq!(map.vote.as_ref().unwrap().dots_of(ParticipantId(1), a), 1);
    }

    #[test]
    fn top_cards_keep_ties_at_the_cut() {
        let (mut map, [a, b, _]) = voting_map(false);
        assert!(top_cards(&map, 1).is_empty());
        click(&mut map, 1, a, false).unwrap();
        click(&mut map, 2, b, false).unwrap();
        assert_eq!(top_cards(&map, 1), vec![a, b]);
        click(&mut map, 2, a, false).unwrap();
        assert_eq!(top_cards(&map, 1), vec![a]);
        assert_eq!(top_cards(&map, 5), vec![a, b]);
    }

    #[test]
    fn deleting_a_voted_card_takes_its_dots_and_undo_brings_both_back() {
        let (mut map, [a, b, _]) = voting_map(false);
        click(&mut map, 1, a, false).unwrap();
        click(&mut map, 2, b, false).unwrap();
        let before = map.clone();
        let undo = apply(&mut map, Edit::RemoveCard(a)).unwrap();
        assert_eq!(map.vote.as_ref().unwrap().total_dots(), 1);
        assert_eq!(map.validate(), vec![]);
        let redo = apply(&mut map, undo).unwrap();
        assert_eq!(map, before);
        apply(&mut map, redo).unwrap();
        assert_eq!(map.vote.as_ref().unwrap().total(a), 0);
        assert_eq!(map.validate(), vec![]);
    }
}
