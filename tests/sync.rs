//! Live sessions against the real y-websocket server (`.ci/run` starts it and sets WAYMARK_SYNC_SERVER; the
//! tests that kill a server start their own from the same installed package): people converge, faults lose
//! nothing, hostile updates are refused or repaired, undo stays per participant.

#[path = "sync_support/mod.rs"]
mod sync_support;

use std::net::TcpListener;
use std::sync::Arc;

use sync_support::*;
use waymark::edit::{Edit, build};
use waymark::model::sample::stroller_map;
use waymark::model::{CardId, Map};
use waymark::sync::shape::{Roots, empty_map, write};
use waymark::sync::{Address, State, SyncError, net};
use yrs::sync::{Message, SyncMessage};
use yrs::updates::encoder::Encode;
use yrs::{Any, Doc, Map as _, MapPrelim, Transact, WriteTxn};

fn add_card(p: &mut Participant, stage: usize, lane: usize, text: &str) -> CardId {
    let map = p.map();
    let edit = build::add_card(map, map.stages[stage].id, map.lanes[lane].id, None, text);
    let Edit::InsertCard { card, .. } = &edit else {
        panic!("not an insert")
    };
    let id = card.id;
    p.doc.apply(edit).expect("adds");
    id
}

fn set_text(p: &mut Participant, card: CardId, text: &str) {
    p.doc
        .apply(Edit::SetCardText {
            card,
            text: text.to_owned(),
        })
        .expect("sets text");
}

fn has_text(p: &Participant, text: &str) -> bool {
    p.map().cards.iter().any(|c| c.text == text)
}

#[test]
fn two_people_see_each_others_changes_and_converge() {
    let room = new_room(&server());
    let mut a = Participant::share(&room, stroller_map(), "Anna");
    let mut b = Participant::join(&room, "Boris");
    assert_eq!(
        content(b.map()),
        content(a.map()),
        "the joiner gets the shared map"
    );
    let first = a.map().cards[0].id;
    add_card(&mut a, 0, 0, "Anna’s card");
    set_text(&mut b, first, "Борис правит эту карточку");
    b.doc
        .apply(Edit::SetTitle("Общая карта".to_owned()))
        .expect("title");
    wait_for(&mut [&mut a, &mut b], "both changes everywhere", |p| {
        converged(p) && has_text(p[0], "Anna’s card") && has_text(p[0], "Борис правит эту карточку")
    });
    assert_eq!(a.map().title, "Общая карта");
    assert!(a.map().validate().is_empty());
    // Who is there: each sees the other by name.
    wait_for(&mut [&mut a, &mut b], "each sees the other", |p| {
        p[0].session.peers().iter().any(|x| x.name == "Boris")
            && p[1].session.peers().iter().any(|x| x.name == "Anna")
    });
}

#[test]
fn twenty_people_editing_at_once_converge() {
    let room = new_room(&server());
    let mut people = vec![Participant::share(&room, stroller_map(), "p0")];
    for i in 1..20 {
        people.push(Participant::join(&room, &format!("p{i}")));
    }
    let shared = people[0].map().cards.clone();
    for round in 0..3 {
        for (i, p) in people.iter_mut().enumerate() {
            add_card(p, i % 4, [0, 1, 3][i % 3], &format!("card {i}.{round}"));
            let card = shared[(i + round) % shared.len()].id;
            set_text(p, card, &format!("edited by {i} in round {round}"));
            p.doc
                .apply(Edit::MoveStage {
                    stage: p.map().stages[(i + round) % 3].id,
                    index: (i * 7 + round) % 4,
                })
                .expect("moves a stage");
        }
    }
    let mut refs: Vec<&mut Participant> = people.iter_mut().collect();
    wait_for(&mut refs, "twenty people converge", |p| {
        converged(p) && (0..20).all(|i| (0..3).all(|r| has_text(p[0], &format!("card {i}.{r}"))))
    });
    let map = people[0].map();
    assert!(map.validate().is_empty());
    assert_eq!(
        map.cards.len(),
        shared.len() + 60,
        "no card lost or doubled"
    );
}

#[test]
fn a_server_killed_and_restarted_mid_session_loses_no_edit() {
    let mut server = OwnServer::start();
    let room = new_room(&server.url());
    let mut a = Participant::share(&room, stroller_map(), "Anna");
    let mut b = Participant::join(&room, "Boris");
    add_card(&mut a, 0, 0, "before the crash");
    wait_for(&mut [&mut a, &mut b], "first edit", |p| {
        converged(p) && has_text(p[1], "before the crash")
    });
    server.kill();
    wait_for(&mut [&mut a, &mut b], "both notice", |p| {
        p.iter()
            .all(|x| matches!(x.session.state(), State::Offline(_)))
    });
    // Both keep working while the server is down.
    add_card(&mut a, 1, 0, "Anna while the server was down");
    add_card(&mut b, 2, 1, "Boris while the server was down");
    let card = a.map().cards[0].id;
    set_text(&mut b, card, "Boris retyped this offline");
    server.restart();
    wait_for(&mut [&mut a, &mut b], "reconnected and merged", |p| {
        converged(p)
            && p.iter().all(|x| *x.session.state() == State::Online)
            && has_text(p[0], "Anna while the server was down")
            && has_text(p[0], "Boris while the server was down")
            && has_text(p[0], "Boris retyped this offline")
    });
    // And the server has it all too: a fresh reader gets the same map.
    let copy = waymark::sync::cli::snapshot(&room).expect("snapshot");
    assert_eq!(copy.cards, a.map().cards);
    // Killed once more right after a change: the clients still hold it and give it back.
    add_card(&mut a, 0, 1, "just before the second crash");
    server.kill();
    server.restart();
    wait_for(&mut [&mut a, &mut b], "after the second crash", |p| {
        converged(p) && has_text(p[1], "just before the second crash")
    });
}

#[test]
fn an_offline_participant_merges_on_return_and_orphans_find_a_stage() {
    let server = server();
    let port: u16 = server
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("port");
    let relay = Relay::start(port);
    let room = new_room(&server);
    let mut a = Participant::share(&room, stroller_map(), "Anna");
    let via_relay = Address::new(&relay.url(), &room.room).expect("address");
    let mut b = Participant::join(&via_relay, "Boris");
    relay.cut();
    wait_for(&mut [&mut b], "Boris is offline", |p| {
        matches!(p[0].session.state(), State::Offline(_))
    });
    // Boris works offline for a while: new cards, one in the stage Anna deletes meanwhile.
    let doomed = b.map().stages[1].id;
    for i in 0..30 {
        add_card(&mut b, 0, 0, &format!("offline card {i}"));
    }
    let orphan = add_card(&mut b, 1, 0, "in a stage that is being deleted");
    a.doc.apply(Edit::RemoveStage(doomed)).expect("removes");
    add_card(&mut a, 0, 1, "Anna online");
    relay.restore();
    wait_for(&mut [&mut a, &mut b], "merged on return", |p| {
        converged(p)
            && has_text(p[0], "offline card 29")
            && has_text(p[1], "Anna online")
            && p[0].map().card(orphan).is_some()
    });
    let map = a.map();
    assert!(map.validate().is_empty(), "{:?}", map.validate());
    assert!(map.stage(doomed).is_none(), "the deletion stands");
    let home = map.card(orphan).expect("the orphan is kept").stage;
    assert!(
        map.stage(home).is_some(),
        "the orphan went to a stage that exists"
    );
}

#[test]
fn undo_undoes_only_my_own_changes() {
    let room = new_room(&server());
    let mut a = Participant::share(&room, stroller_map(), "Anna");
    let mut b = Participant::join(&room, "Boris");
    let (x, y) = (a.map().cards[0].id, a.map().cards[1].id);
    let (x_before, y_before) = (a.map().cards[0].text.clone(), a.map().cards[1].text.clone());
    set_text(&mut a, x, "Anna's text");
    wait_for(&mut [&mut a, &mut b], "Anna's change", |p| {
        has_text(p[1], "Anna's text")
    });
    set_text(&mut b, y, "Boris's text");
    wait_for(&mut [&mut a, &mut b], "Boris's change", |p| {
        has_text(p[0], "Boris's text")
    });
    assert!(a.doc.undo(), "Anna has a step to undo");
    wait_for(&mut [&mut a, &mut b], "Anna's undo everywhere", |p| {
        converged(p)
    });
    for p in [&a, &b] {
        assert_eq!(
            p.map().card(x).expect("x").text,
            x_before,
            "Anna's change undone"
        );
        assert_eq!(
            p.map().card(y).expect("y").text,
            "Boris's text",
            "Boris's change kept"
        );
    }
    assert!(
        !a.doc.can_undo(),
        "Boris's change is not on Anna's undo stack"
    );
    assert!(b.doc.undo());
    wait_for(&mut [&mut a, &mut b], "Boris's undo everywhere", |p| {
        converged(p)
    });
    assert_eq!(a.map().card(y).expect("y").text, y_before);
}

fn hostile_card(text: Any, stage: u64) -> impl FnOnce(&mut yrs::TransactionMut) {
    move |txn| {
        let cards = txn.get_or_insert_map("cards");
        let fields = cards.insert(txn, "4242", MapPrelim::default());
        fields.insert(txn, "stage", Any::String(Arc::from(stage.to_string())));
        fields.insert(txn, "lane", Any::String(Arc::from("8")));
        fields.insert(txn, "text", text);
        // A field of the wrong type and one nobody knows: left out, not a failure.
        fields.insert(
            txn,
            "color",
            Any::String(Arc::from("{\"not\": \"a colour\"}")),
        );
        let stages = txn.get_or_insert_map("stages");
        let bad = stages.insert(txn, "99999999999999999999", MapPrelim::default());
        bad.insert(txn, "name", Any::from(1.0));
        let meta = txn.get_or_insert_map("map");
        meta.insert(txn, "title", Any::from(5.0));
        meta.insert(txn, "persona", Any::String(Arc::from("[1,2,3]")));
    }
}

#[test]
fn hostile_updates_are_repaired_or_refused_and_the_session_goes_on() {
    let room = new_room(&server());
    let map = stroller_map();
    let lane = map.lanes[0].id.0;
    let mut a = Participant::share(&room, map, "Anna");
    let mut b = Participant::join(&room, "Boris");
    let title = a.map().title.clone();
    // A card in a stage that does not exist, with junk beside it.
    let json = |s: &str| Any::String(Arc::from(serde_json::to_string(s).expect("json")));
    hostile_write(&room, move |txn| {
        hostile_card(json("a card in no stage"), 123_456)(txn);
        let cards = txn.get_or_insert_map("cards");
        if let Some(yrs::Out::YMap(fields)) = cards.get(txn, "4242") {
            fields.insert(txn, "lane", Any::String(Arc::from(lane.to_string())));
        }
    });
    wait_for(&mut [&mut a, &mut b], "the stray card repaired", |p| {
        converged(p) && has_text(p[0], "a card in no stage")
    });
    for p in [&a, &b] {
        assert!(p.map().validate().is_empty());
        assert_eq!(p.map().title, title, "a title of the wrong type is ignored");
        let card = p.map().card(CardId(4242)).expect("kept");
        assert!(p.map().stage(card.stage).is_some());
    }
    // A 20 MB text (above the 16 MB a field may have): that card is left out, the session goes on.
    let big = "x".repeat(20 << 20);
    hostile_write(&room, move |txn| {
        let cards = txn.get_or_insert_map("cards");
        let fields = cards.insert(txn, "5151", MapPrelim::default());
        fields.insert(txn, "text", Any::String(Arc::from(format!("\"{big}\""))));
    });
    add_card(&mut a, 0, 0, "after the big one");
    wait_for(&mut [&mut a, &mut b], "still in sync", |p| {
        converged(p) && has_text(p[1], "after the big one")
    });
    assert!(b.map().card(CardId(5151)).is_none());
}

#[test]
fn a_100_mb_text_is_refused_without_a_panic() {
    let room = new_room(&server());
    let mut a = Participant::share(&room, stroller_map(), "Anna");
    let before = a.map().clone();
    let huge = Any::String(Arc::from(format!("\"{}\"", "я".repeat(50_000_000))));
    hostile_write(&room, hostile_card(huge, before.stages[0].id.0));
    wait_for(&mut [&mut a], "the message is refused", |p| {
        matches!(p[0].session.state(), State::Offline(SyncError::TooLarge))
    });
    // Anna keeps working locally with an intact map.
    assert_eq!(a.map().cards, before.cards);
    add_card(&mut a, 0, 0, "still working");
    a.poll();
    assert!(a.map().validate().is_empty());
}

#[test]
fn garbage_from_a_server_never_panics() {
    // A fake server: garbage first, then a real map.
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let expected = stroller_map();
    let map = expected.clone();
    std::thread::spawn(move || {
        let (stream, _) = listener.accept().expect("accept");
        let mut socket = tungstenite::accept(stream).expect("handshake");
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for i in 0..500 {
            let len = (next() % 300) as usize;
            let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            // Every message kind with a broken body, too.
            if let Some(first) = bytes.first_mut() {
                *first = (i % 4) as u8;
            }
            if bytes.len() > 1 {
                bytes[1] = (i / 4 % 3) as u8;
            }
            let _ = socket.send(tungstenite::Message::binary(bytes));
        }
        let _ = socket.send(tungstenite::Message::text("not binary"));
        let doc = Doc::new();
        let roots = Roots::new(&doc);
        let update = {
            let mut txn = doc.transact_mut();
            write(&mut txn, &roots, &empty_map(), &map);
            txn.encode_update_v1()
        };
        let step2 = Message::Sync(SyncMessage::SyncStep2(update)).encode_v1();
        let _ = socket.send(tungstenite::Message::binary(step2));
        while socket.read().is_ok() {}
    });
    for _ in 0..2000 {
        // The decoder on its own, too.
        let bytes: Vec<u8> = (0..64u8).map(|b| b.wrapping_mul(37)).collect();
        let _ = net::decode(&bytes);
    }
    let address = Address::new(&format!("ws://127.0.0.1:{port}"), "fake").expect("address");
    let b = Participant::join(&address, "Boris");
    assert_eq!(content(b.map()).cards, content(&expected).cards);
    assert!(b.map().validate().is_empty());
}

#[test]
fn share_refuses_a_room_that_holds_a_map_and_snapshot_an_empty_one() {
    let room = new_room(&server());
    assert!(matches!(
        waymark::sync::cli::snapshot(&room),
        Err(SyncError::EmptyRoom(_))
    ));
    waymark::sync::cli::share(&stroller_map(), &room).expect("shares");
    assert!(matches!(
        waymark::sync::cli::share(&stroller_map(), &room),
        Err(SyncError::RoomTaken(_))
    ));
    let copy: Map = waymark::sync::cli::snapshot(&room).expect("snapshot");
    let mut original = stroller_map();
    original.repair_id_counter();
    assert_eq!(copy, original, "a snapshot is the shared file");
    let nowhere = Address::new("ws://127.0.0.1:9", "room").expect("address");
    assert!(matches!(
        waymark::sync::cli::snapshot(&nowhere),
        Err(SyncError::Unreachable { .. })
    ));
}
