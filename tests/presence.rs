//! What participants tell each other through the real y-websocket server (as the other live-session tests):
//! a selection, the view and "follow me" arrive; a hostile participant's awareness is read field by field.

#[path = "sync_support/mod.rs"]
mod sync_support;

use std::time::Duration;
use sync_support::*;
use waymark::model::sample::stroller_map;
use waymark::sync::net::Connection;
use waymark::sync::{Presence, SharedView, Timing};
use yrs::Doc;
use yrs::sync::{Awareness, Message};

#[test]
fn a_peers_selection_view_and_follow_me_arrive() {
    let room = new_room(&server());
    let mut anna = Participant::share(&room, stroller_map(), "Anna");
    let mut boris = Participant::join(&room, "Boris");
    let cards: Vec<u64> = anna.map().cards.iter().take(3).map(|c| c.id.0).collect();
    let view = SharedView {
        x: 120.0,
        y: -30.0,
        width: 900.0,
        height: 600.0,
        stage: Some(anna.map().stages[1].id.0),
    };
    anna.session.set_presence(Presence {
        name: "Anna".to_owned(),
        color: [0xd0, 0x3a, 0x3a],
        editing: Some(cards[0]),
        selected: cards.clone(),
        view: Some(view),
        follow_me: true,
    });
    wait_for(
        &mut [&mut anna, &mut boris],
        "Anna's selection at Boris",
        |p| {
            p[1].session
                .peers()
                .iter()
                .any(|peer| peer.name == "Anna" && peer.follow_me)
        },
    );
    let peers = boris.session.peers();
    let anna_there = peers.iter().find(|p| p.name == "Anna").expect("Anna");
    let mut sorted = cards.clone();
    sorted.sort_unstable();
    assert_eq!(anna_there.selected, sorted);
    assert_eq!(anna_there.editing, Some(cards[0]));
    assert_eq!(anna_there.view, Some(view));
    assert_eq!(anna_there.color, [0xd0, 0x3a, 0x3a]);

    // She selects nothing and stops asking: that arrives too.
    anna.session.set_presence(Presence {
        name: "Anna".to_owned(),
        view: Some(view),
        ..Presence::default()
    });
    wait_for(
        &mut [&mut anna, &mut boris],
        "Anna's empty selection",
        |p| {
            p[1].session
                .peers()
                .iter()
                .any(|peer| peer.name == "Anna" && peer.selected.is_empty() && !peer.follow_me)
        },
    );
}

#[test]
fn a_hostile_awareness_state_is_read_field_by_field() {
    let room = new_room(&server());
    let mut anna = Participant::share(&room, stroller_map(), "Anna");
    // Mallory speaks the protocol by hand: a name, then garbage in every other field.
    let hostile = format!(
        r##"{{"user":{{"name":"Mallory","color":"#12345"}},"editing":12,"selected":[{}],"view":{{"x":1e300,"y":0,"w":1,"h":1}},"followMe":"yes"}}"##,
        (0..2000)
            .map(|i| format!("\"{i}\""))
            .collect::<Vec<_>>()
            .join(",")
    );
    let mut mallory = Awareness::new(Doc::new());
    mallory.set_local_state_raw(hostile);
    let mut connection = Connection::open(&room).expect("connects");
    connection
        .send(&Message::Awareness(mallory.update().expect("an update")))
        .expect("sends");
    // And a state that is not a participant at all.
    let mut nobody = Awareness::new(Doc::new());
    nobody.set_local_state_raw("[1,2,3]");
    connection
        .send(&Message::Awareness(nobody.update().expect("an update")))
        .expect("sends");
    wait_for(&mut [&mut anna], "Mallory is seen", |p| {
        p[0].session.peers().iter().any(|x| x.name == "Mallory")
    });
    let peers = anna.session.peers();
    assert_eq!(peers.len(), 1, "{peers:?}");
    let mallory = &peers[0];
    assert_eq!(mallory.editing, None);
    assert_eq!(mallory.view, None);
    assert!(!mallory.follow_me);
    assert_eq!(mallory.color, [0x88, 0x88, 0x88]);
    assert!(mallory.selected.len() <= waymark::sync::presence::MAX_SELECTED);
    connection.close();
    // The session goes on.
    assert!(matches!(anna.session.state(), waymark::sync::State::Online));
}

#[test]
fn after_the_server_restarts_everyone_sees_everyone_again() {
    let mut server = OwnServer::start();
    let room = new_room(&server.url());
    let mut anna = Participant::share(&room, stroller_map(), "Anna");
    let mut boris = Participant::join(&room, "Boris");
    let sees = |p: &Participant, name: &str| p.session.peers().iter().any(|x| x.name == name);
    wait_for(&mut [&mut anna, &mut boris], "each sees the other", |p| {
        sees(p[0], "Boris") && sees(p[1], "Anna")
    });
    server.kill();
    wait_for(
        &mut [&mut anna, &mut boris],
        "both offline, nobody there",
        |p| {
            p.iter().all(|x| {
                matches!(x.session.state(), waymark::sync::State::Offline(_))
                    && x.session.peers().is_empty()
            })
        },
    );
    server.restart();
    // Each announces itself again with a newer clock: a repeat of the old state would be ignored by the other.
    wait_for(
        &mut [&mut anna, &mut boris],
        "each sees the other again",
        |p| sees(p[0], "Boris") && sees(p[1], "Anna"),
    );
}

#[test]
fn someone_who_sits_still_is_still_there_after_the_timeout() {
    // Peers not heard of for a while (30 s in the program) have left; a participant who changes nothing is
    // heard of through its heartbeat (every 15 s), which must count as news for the others and for the server
    // that relays it (a repeat with the same clock counts for neither). Here with a 1 s heartbeat and a 3 s
    // timeout, watched for 8 s: with a repeated clock both would vanish after 3 s.
    let timing = Timing {
        heartbeat: Duration::from_secs(1),
        peer_timeout: Duration::from_secs(3),
    };
    let room = new_room(&server());
    let mut anna = Participant::share_with(&room, stroller_map(), "Anna", timing);
    let mut boris = Participant::join_with(&room, "Boris", timing);
    let sees = |p: &Participant, name: &str| p.session.peers().iter().any(|x| x.name == name);
    wait_for(&mut [&mut anna, &mut boris], "each sees the other", |p| {
        sees(p[0], "Boris") && sees(p[1], "Anna")
    });
    let start = std::time::Instant::now();
    while start.elapsed() < Duration::from_secs(8) {
        anna.poll();
        boris.poll();
        assert!(
            sees(&anna, "Boris") && sees(&boris, "Anna"),
            "someone vanished after {:?}",
            start.elapsed()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
