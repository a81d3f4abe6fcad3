//! The dot-voting edits: start or end a round, put a dot, take one back. Each is checked against the round's
//! rules here, so that no edit (and so no undo or redo) can leave a round the file check would refuse.

use super::{Edit, EditError};
use crate::model::{Dots, MAX_PARTICIPANTS, Map};

pub(super) fn check(map: &Map, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::SetVote(None) => Ok(()),
        Edit::SetVote(Some(vote)) => {
            let mut problems = Vec::new();
            crate::model::check_vote(map, vote, &mut problems);
            match problems.first() {
                Some(problem) => Err(EditError::BadVote(problem.to_string())),
                None => Ok(()),
            }
        }
        Edit::PutDot { participant, card } => {
            let vote = map.vote.as_ref().ok_or(EditError::NoVote)?;
            vote.participant(*participant)
                .ok_or(EditError::NoSuchParticipant(*participant))?;
            map.card(*card).ok_or(EditError::NoSuchCard(*card))?;
            if vote.remaining(*participant) == 0 {
                return Err(EditError::NoVotesLeft(*participant));
            }
            if !vote.several_per_card && vote.dots_of(*participant, *card) > 0 {
                return Err(EditError::OneDotPerCard);
            }
            Ok(())
        }
        Edit::TakeDot { participant, card } => {
            let vote = map.vote.as_ref().ok_or(EditError::NoVote)?;
            if vote.dots_of(*participant, *card) == 0 {
                return Err(EditError::NoSuchDot);
            }
            Ok(())
        }
        Edit::JoinVote(participant) => {
            let vote = map.vote.as_ref().ok_or(EditError::NoVote)?;
            if vote.participant(participant.id).is_some() {
                return Err(EditError::ParticipantTaken(participant.id));
            }
            if vote.participants.len() >= MAX_PARTICIPANTS {
                return Err(EditError::TooManyParticipants);
            }
            Ok(())
        }
        Edit::LeaveVote(participant) => {
            let vote = map.vote.as_ref().ok_or(EditError::NoVote)?;
            vote.participant(*participant)
                .ok_or(EditError::NoSuchParticipant(*participant))?;
            if vote.used(*participant) > 0 || vote.participants.len() == 1 {
                return Err(EditError::ParticipantStays(*participant));
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Performs a checked vote edit and returns its inverse.
pub(super) fn perform(map: &mut Map, edit: Edit) -> Edit {
    match edit {
        Edit::SetVote(vote) => Edit::SetVote(std::mem::replace(&mut map.vote, vote)),
        Edit::PutDot { participant, card } => {
            if let Some(vote) = &mut map.vote {
                match vote.entry(participant, card) {
                    Ok(at) => vote.dots[at].count += 1,
                    Err(at) => vote.dots.insert(
                        at,
                        Dots {
                            participant,
                            card,
                            count: 1,
                        },
                    ),
                }
            }
            Edit::TakeDot { participant, card }
        }
        Edit::TakeDot { participant, card } => {
            if let Some(vote) = &mut map.vote
                && let Some(at) = vote
                    .dots
                    .iter()
                    .position(|d| d.participant == participant && d.card == card)
            {
                vote.dots[at].count = vote.dots[at].count.saturating_sub(1);
                if vote.dots[at].count == 0 {
                    vote.dots.remove(at);
                }
            }
            Edit::PutDot { participant, card }
        }
        Edit::JoinVote(participant) => {
            let id = participant.id;
            if let Some(vote) = &mut map.vote {
                let at = vote.seat(id);
                vote.participants.insert(at, participant);
            }
            Edit::LeaveVote(id)
        }
        Edit::LeaveVote(id) => {
            let gone = map.vote.as_mut().and_then(|vote| {
                let at = vote.participants.iter().position(|p| p.id == id)?;
                Some(vote.participants.remove(at))
            });
            match gone {
                Some(participant) => Edit::JoinVote(participant),
                None => Edit::default(),
            }
        }
        other => other,
    }
}

/// Whether an edit can take cards (or the voted lane) out of the map.
pub(super) fn may_remove_cards(edit: &Edit) -> bool {
    matches!(
        edit,
        Edit::RemoveCard(_) | Edit::RemoveStage(_) | Edit::RemoveLane(_) | Edit::Batch(_)
    )
}

/// Drops the dots on cards that no longer exist (and the voted lane, when it is gone: then every card takes
/// part). Returns the edit that puts the round back as it was, when anything changed.
pub(super) fn drop_dangling(map: &mut Map) -> Option<Edit> {
    let vote = map.vote.as_ref()?;
    let cards: std::collections::HashSet<_> = map.cards.iter().map(|c| c.id).collect();
    let lane_gone = vote.lane.is_some_and(|lane| map.lane(lane).is_none());
    if !lane_gone && vote.dots.iter().all(|d| cards.contains(&d.card)) {
        return None;
    }
    let before = map.vote.clone();
    if let Some(vote) = &mut map.vote {
        vote.dots.retain(|d| cards.contains(&d.card));
        if lane_gone {
            vote.lane = None;
        }
    }
    Some(Edit::SetVote(before))
}

#[cfg(test)]
mod tests {
    use super::super::apply;
    use super::*;
    use crate::model::sample::stroller_map;
    use crate::model::{Participant, ParticipantId, Vote};

    #[test]
    fn joining_a_round_undoes_exactly_and_a_participant_with_dots_stays() {
        let mut map = stroller_map();
        map.vote = Some(Vote::new(None, 3, false, &[], 2));
        let before = map.clone();
        let me = Participant {
            id: ParticipantId(70_000),
            name: "Анна".into(),
            color: [1, 2, 3],
        };
        let undo = apply(&mut map, Edit::JoinVote(me.clone())).expect("joins");
        let vote = map.vote.as_ref().expect("vote");
        assert_eq!(vote.participants.last(), Some(&me), "kept in id order");
        assert!(matches!(
            apply(&mut map.clone(), Edit::JoinVote(me.clone())),
            Err(EditError::ParticipantTaken(_))
        ));
        let card = map.cards[0].id;
        let mut voted = map.clone();
        apply(
            &mut voted,
            Edit::PutDot {
                participant: me.id,
                card,
            },
        )
        .expect("puts");
        assert!(matches!(
            apply(&mut voted, Edit::LeaveVote(me.id)),
            Err(EditError::ParticipantStays(_))
        ));
        let redo = apply(&mut map, undo).expect("undoes");
        assert_eq!(map, before);
        apply(&mut map, redo).expect("redoes");
        assert!(
            map.vote
                .as_ref()
                .is_some_and(|v| v.participant(me.id).is_some())
        );
        assert!(map.validate().is_empty());
    }
}
