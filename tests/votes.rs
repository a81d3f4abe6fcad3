//! Dot voting from several computers against the real y-websocket server (as tests/sync.rs): each Waymark votes
//! as its own participant, concurrent dots and joins all survive, clearing and a new round, undo per
//! participant, hostile vote data; a token for servers that require one (a local listener that answers 401);
//! and two real editors (egui_kittest) voting in one room.

#[path = "sync_support/mod.rs"]
mod sync_support;
mod ui_driver;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::mpsc;

use egui_kittest::kittest::Queryable;
use sync_support::*;
use waymark::edit::Edit;
use waymark::model::sample::stroller_map;
use waymark::model::{CardId, Map, Participant, ParticipantId, Vote};
use waymark::sync::{Address, Session, SessionKind, State, SyncError};
use yrs::{Any, Map as _, MapPrelim, WriteTxn};

/// A participant voting from a computer, as the editor makes it (ids from 2^16 up).
fn computer(id: u32, name: &str) -> Participant {
    Participant {
        id: ParticipantId(id),
        name: name.to_owned(),
        color: [0x20, 0x80, 0xc0],
    }
}

/// A map with a round running: `several` dots per card allowed, `each` votes, one participant without a
/// computer (id 1) and the sharer's own participant.
fn voting_map(each: u32, several: bool, sharer: &Participant) -> Map {
    let mut map = stroller_map();
    let mut vote = Vote::new(None, each, several, &["Without a computer".to_owned()], 1);
    vote.participants.push(sharer.clone());
    vote.round = 77;
    map.vote = Some(vote);
    map
}

/// Joins the running round as the editor does in a live session: outside the undo history.
fn join_vote(p: &mut Participant2, me: &Participant) {
    p.doc
        .apply_remote(Edit::JoinVote(me.clone()))
        .expect("joins the vote");
}

type Participant2 = sync_support::Participant;

fn put(p: &mut Participant2, who: &Participant, card: CardId) {
    p.doc
        .apply(Edit::PutDot {
            participant: who.id,
            card,
        })
        .expect("puts a dot");
}

fn dots(p: &Participant2, who: &Participant, card: CardId) -> u32 {
    p.map().vote.as_ref().map_or(0, |v| v.dots_of(who.id, card))
}

fn has_participant(p: &Participant2, who: &Participant) -> bool {
    p.map()
        .vote
        .as_ref()
        .is_some_and(|v| v.participant(who.id).is_some())
}

#[test]
fn concurrent_dots_and_joins_of_different_participants_all_survive() {
    let room = new_room(&server());
    let anna = computer(70_001, "Anna");
    let (boris, vera) = (computer(80_002, "Boris"), computer(90_003, "Vera"));
    let mut a = Participant2::share(&room, voting_map(3, true, &anna), "Anna");
    let mut b = Participant2::join(&room, "Boris");
    let mut c = Participant2::join(&room, "Vera");
    let cards: Vec<CardId> = a.map().cards.iter().take(4).map(|c| c.id).collect();
    // Boris and Vera join at the same moment, neither has seen the other.
    join_vote(&mut b, &boris);
    join_vote(&mut c, &vera);
    // And everyone puts dots before hearing from the others: the same card, and different ones.
    put(&mut a, &anna, cards[0]);
    put(&mut a, &anna, cards[1]);
    put(&mut b, &boris, cards[0]);
    put(&mut b, &boris, cards[0]);
    put(&mut b, &boris, cards[2]);
    put(&mut c, &vera, cards[0]);
    put(&mut c, &vera, cards[3]);
    // Anna also votes for the person without a computer.
    let without = a.map().vote.as_ref().expect("vote").participants[0].clone();
    put(&mut a, &without, cards[3]);
    wait_for(&mut [&mut a, &mut b, &mut c], "every dot everywhere", |p| {
        converged(p)
            && p.iter().all(|x| {
                x.map()
                    .vote
                    .as_ref()
                    .is_some_and(|v| v.participants.len() == 4 && v.total_dots() == 8)
            })
    });
    for p in [&a, &b, &c] {
        let vote = p.map().vote.as_ref().expect("the round runs");
        assert_eq!(vote.total(cards[0]), 4, "four dots on the first card");
        assert_eq!(dots(p, &anna, cards[1]), 1);
        assert_eq!(dots(p, &boris, cards[0]), 2);
        assert_eq!(dots(p, &boris, cards[2]), 1);
        assert_eq!(dots(p, &vera, cards[3]), 1);
        assert_eq!(vote.total(cards[3]), 2);
        assert_eq!(
            vote.remaining(boris.id),
            0,
            "Boris's limit counts his own dots"
        );
        assert_eq!(vote.remaining(vera.id), 1);
        assert!(p.map().validate().is_empty());
    }
    // The server has it all: a fresh reader gets the same round.
    let copy = waymark::sync::cli::snapshot(&room).expect("snapshot");
    assert_eq!(copy.vote, a.map().vote);
}

#[test]
fn clearing_the_votes_wins_over_a_dot_put_meanwhile_and_a_new_round_starts_clean() {
    let room = new_room(&server());
    let anna = computer(70_001, "Anna");
    let boris = computer(80_002, "Boris");
    let mut a = Participant2::share(&room, voting_map(2, false, &anna), "Anna");
    let mut b = Participant2::join(&room, "Boris");
    join_vote(&mut b, &boris);
    let (x, y) = (a.map().cards[0].id, a.map().cards[1].id);
    put(&mut b, &boris, x);
    wait_for(&mut [&mut a, &mut b], "Boris's first dot", |p| {
        converged(p) && dots(p[0], &boris, x) == 1
    });
    // Anna clears the votes while Boris puts another dot.
    a.doc.apply(Edit::SetVote(None)).expect("clears");
    put(&mut b, &boris, y);
    wait_for(&mut [&mut a, &mut b], "cleared everywhere", |p| {
        converged(p) && p[1].map().vote.is_none()
    });
    // A new round: nothing of the old one comes back; Boris joins it again.
    let mut round = Vote::new(None, 3, false, &[], 1);
    round.round = 78;
    round.participants = vec![anna.clone()];
    a.doc.apply(Edit::SetVote(Some(round))).expect("starts");
    wait_for(&mut [&mut a, &mut b], "the new round", |p| {
        converged(p) && p[1].map().vote.is_some()
    });
    assert!(!has_participant(&b, &boris));
    join_vote(&mut b, &boris);
    put(&mut b, &boris, y);
    wait_for(&mut [&mut a, &mut b], "Boris in the new round", |p| {
        converged(p) && dots(p[0], &boris, y) == 1
    });
    assert_eq!(a.map().vote.as_ref().expect("vote").total_dots(), 1);
    // Anna's undo takes her new round back, and her clear: the old round returns as she last saw it.
    assert!(a.doc.undo());
    wait_for(&mut [&mut a, &mut b], "the new round undone", |p| {
        converged(p) && p[1].map().vote.is_none()
    });
}

#[test]
fn undo_takes_back_only_my_own_dots() {
    let room = new_room(&server());
    let anna = computer(70_001, "Anna");
    let boris = computer(80_002, "Boris");
    let mut a = Participant2::share(&room, voting_map(3, true, &anna), "Anna");
    let mut b = Participant2::join(&room, "Boris");
    join_vote(&mut b, &boris);
    let (x, y) = (a.map().cards[0].id, a.map().cards[1].id);
    put(&mut a, &anna, x);
    put(&mut b, &boris, x);
    put(&mut b, &boris, y);
    wait_for(&mut [&mut a, &mut b], "three dots", |p| {
        converged(p)
            && p[0]
                .map()
                .vote
                .as_ref()
                .is_some_and(|v| v.total_dots() == 3)
    });
    assert!(a.doc.undo(), "Anna has her dot to undo");
    assert!(
        !a.doc.can_undo(),
        "Boris's dots and joining are not on Anna's stack"
    );
    wait_for(&mut [&mut a, &mut b], "Anna's undo everywhere", |p| {
        converged(p) && dots(p[1], &anna, x) == 0
    });
    for p in [&a, &b] {
        assert_eq!(dots(p, &boris, x), 1, "Boris's dot on the same card stays");
        assert_eq!(dots(p, &boris, y), 1);
    }
    assert!(b.doc.undo());
    wait_for(&mut [&mut a, &mut b], "Boris's undo everywhere", |p| {
        converged(p) && dots(p[0], &boris, y) == 0
    });
    assert_eq!(dots(&a, &boris, x), 1, "only his last dot went");
    assert!(
        has_participant(&a, &boris),
        "undo never takes him out of the round"
    );
}

fn text(s: &str) -> Any {
    Any::String(Arc::from(s))
}

#[test]
fn hostile_vote_data_is_repaired_or_refused() {
    let room = new_room(&server());
    let mut a = Participant2::share(&room, stroller_map(), "Anna");
    let mut b = Participant2::join(&room, "Boris");
    let cards: Vec<u64> = a.map().cards.iter().take(3).map(|c| c.id.0).collect();
    // A round of the hostile client's own: junk beside sensible entries.
    hostile_write(&room, move |txn| {
        let root = txn.get_or_insert_map("vote");
        let round = root.insert(txn, "round", MapPrelim::default());
        round.insert(txn, "id", text("5"));
        round.insert(txn, "votes_each", text("2"));
        round.insert(txn, "several_per_card", text("false"));
        round.insert(txn, "lane", text("424242"));
        let seats = round.insert(txn, "participants", MapPrelim::default());
        seats.insert(txn, "70000", text(r#"{"name":"Eve","color":[1,2,3]}"#));
        seats.insert(txn, "70001", text(r#"{"name":"Bad colour","color":"red"}"#));
        seats.insert(txn, "not-a-number", text(r#"{"name":"X","color":[1,2,3]}"#));
        seats.insert(txn, "70002", Any::from(3.0));
        let long = "я".repeat(10_000);
        seats.insert(
            txn,
            "70003",
            text(&format!(r#"{{"name":"{long}","color":[1,2,3]}}"#)),
        );
        let dots = round.insert(txn, "dots", MapPrelim::default());
        let [c0, c1, c2] = [cards[0], cards[1], cards[2]];
        dots.insert(txn, format!("70000:{c0}"), text("5"));
        dots.insert(txn, format!("70000:{c1}"), text("1"));
        dots.insert(txn, format!("70000:{c2}"), text("1"));
        dots.insert(txn, format!("99999:{c0}"), text("1"));
        dots.insert(txn, "70000:123456789", text("1"));
        dots.insert(txn, "70000", text("1"));
        dots.insert(txn, format!("70000:{c0}:x"), text("1"));
        dots.insert(txn, format!("1:{c1}"), text("-4"));
    });
    wait_for(&mut [&mut a, &mut b], "the hostile round, repaired", |p| {
        converged(p) && p[0].map().vote.is_some()
    });
    for p in [&a, &b] {
        let map = p.map();
        assert!(map.validate().is_empty(), "{:?}", map.validate());
        let vote = map.vote.as_ref().expect("vote");
        assert_eq!(vote.lane, None, "a missing lane: every card takes part");
        let ids: Vec<u32> = vote.participants.iter().map(|p| p.id.0).collect();
        assert_eq!(ids, [70_000], "participants that do not read are left out");
        let eve = ParticipantId(70_000);
        assert_eq!(
            vote.dots.iter().map(|d| d.count).sum::<u32>(),
            2,
            "one dot per card and two in all: {:?}",
            vote.dots
        );
        assert!(vote.dots.iter().all(|d| d.participant == eve));
    }
}

#[test]
fn a_hostile_round_that_does_not_read_is_no_round_and_a_flood_of_participants_is_refused() {
    // Each in a room of its own: a hostile writer that has not seen the room's round would only race it.
    let unreadable = |txn: &mut yrs::TransactionMut| {
        let root = txn.get_or_insert_map("vote");
        let round = root.insert(txn, "round", MapPrelim::default());
        round.insert(txn, "votes_each", text("\"lots\""));
        let seats = round.insert(txn, "participants", MapPrelim::default());
        seats.insert(txn, "70000", text(r#"{"name":"Eve","color":[1,2,3]}"#));
    };
    let flood = |txn: &mut yrs::TransactionMut| {
        let root = txn.get_or_insert_map("vote");
        let round = root.insert(txn, "round", MapPrelim::default());
        round.insert(txn, "votes_each", text("3"));
        let seats = round.insert(txn, "participants", MapPrelim::default());
        for i in 0..5_000 {
            seats.insert(
                txn,
                (70_000 + i).to_string(),
                text(r#"{"name":"Eve","color":[1,2,3]}"#),
            );
        }
    };
    let changes: [&dyn Fn(&mut yrs::TransactionMut); 2] = [&unreadable, &flood];
    for change in changes {
        let room = new_room(&server());
        let mut a = Participant2::share(&room, stroller_map(), "Anna");
        let mut b = Participant2::join(&room, "Boris");
        hostile_write(&room, change);
        let stage = a.map().stages[0].id;
        let lane = a.map().lanes[0].id;
        let edit = waymark::edit::build::add_card(a.map(), stage, lane, None, "after it");
        a.doc.apply(edit).expect("adds");
        wait_for(&mut [&mut a, &mut b], "still in sync", |p| {
            converged(p) && p[1].map().cards.iter().any(|c| c.text == "after it")
        });
        // The room's document has the hostile round by now (it came before the card): no round is read.
        assert!(a.map().vote.is_none() && b.map().vote.is_none());
        assert!(a.map().validate().is_empty());
    }
}

/// A server that wants a token and refuses this one: records the handshake request and answers 401.
fn refusing_server() -> (u16, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let mut request = Vec::new();
            let mut buffer = [0u8; 1024];
            while !request.ends_with(b"\r\n\r\n") {
                match stream.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buffer[..n]),
                }
            }
            let _ = tx.send(String::from_utf8_lossy(&request).into_owned());
            let _ = stream.write_all(
                b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
    });
    (port, rx)
}

#[test]
fn the_token_goes_as_a_query_parameter_and_a_refusal_stops_with_one_clear_line() {
    let (port, requests) = refusing_server();
    let address = Address::new(&format!("ws://127.0.0.1:{port}"), "room-1")
        .and_then(|a| a.with_token(Some("s3cret token/й")))
        .expect("address");
    let mut p = Participant2 {
        doc: waymark::edit::Document::new(stroller_map()),
        session: Session::start(address, SessionKind::Join, presence("Anna")).expect("starts"),
    };
    wait_for(&mut [&mut p], "the refusal", |p| {
        matches!(p[0].session.state(), State::Failed(_))
    });
    let request = requests.recv().expect("a request");
    let first = request.lines().next().unwrap_or_default();
    assert_eq!(
        first, "GET /room-1?token=s3cret%20token%2F%D0%B9 HTTP/1.1",
        "the token travels as y-websocket's clients send it"
    );
    let State::Failed(error) = p.session.state().clone() else {
        unreachable!()
    };
    assert!(matches!(error, SyncError::Unauthorized(_)), "{error:?}");
    let line = error.to_string();
    assert!(line.contains("401") && line.contains("token"), "{line}");
    assert!(!line.contains("s3cret"), "the token is never shown: {line}");
    // Failed, not offline: the session does not try again (no retry loop against a refusing server).
    assert!(
        requests.try_recv().is_err(),
        "one handshake only, no retry loop"
    );

    // The command line: one line, exit status 1, no token in it.
    let out = tempfile::tempdir().expect("temp dir");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(["snapshot", "--server"])
        .arg(format!("ws://127.0.0.1:{port}"))
        .args(["--room", "room-1", "-o"])
        .arg(out.path().join("out.ron"))
        .env("WAYMARK_SYNC_TOKEN", "from-the-environment")
        .env("WAYMARK_LANG", "en")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("needs a token"), "{stderr}");
    assert!(!stderr.contains("from-the-environment"), "{stderr}");
    let request = requests.recv().expect("the command line's request");
    assert!(
        request.starts_with("GET /room-1?token=from%2Dthe%2Denvironment "),
        "{request}"
    );
}

/// Steps both editors until `done` holds for both (a convergence wait, not a speed check).
fn until_both(
    a: &mut ui_driver::Driver,
    b: &mut ui_driver::Driver,
    what: &str,
    done: impl Fn(&waymark::ui::WaymarkApp) -> bool,
) {
    for _ in 0..6000 {
        a.harness.step();
        b.harness.step();
        if done(a.app()) && done(b.app()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("{what}: not reached");
}

#[test]
fn two_editors_in_one_room_each_vote_as_themselves() {
    let server = server();
    let mut anna = ui_driver::Driver::new(ui_driver::map_with_cards());
    anna.harness.state_mut().live.server = server.clone();
    anna.harness.state_mut().live.name = "Anna".to_owned();
    anna.menu("File", "Share live…");
    assert!(
        anna.harness.query_by_label("Token").is_some(),
        "the dialog offers a token field"
    );
    anna.harness.get_by_label("Share").click();
    anna.until("shared", |app| {
        app.live.session.as_ref().is_some_and(|s| s.started())
    });
    let address = anna
        .app()
        .live
        .session
        .as_ref()
        .expect("session")
        .address
        .url();
    let mut boris = ui_driver::Driver::new(ui_driver::template());
    boris.harness.state_mut().live.name = "Boris".to_owned();
    boris.join_live(&address);

    // Anna starts a vote: in a live session the dialog asks only for the people without a computer.
    anna.key(egui::Key::F9);
    anna.harness.get_by_label("Start a vote…").click();
    anna.harness.run_steps(3);
    assert!(
        anna.harness
            .query_by_label("People without a computer")
            .is_some()
    );
    anna.harness.get_by_label("Start vote").click();
    anna.harness.run_steps(3);
    let own_anna = anna.app().voting.own.expect("Anna votes as herself");
    until_both(&mut anna, &mut boris, "Boris joined the round", |app| {
        app.doc
            .map()
            .vote
            .as_ref()
            .is_some_and(|v| v.participants.len() == 2)
    });
    let own_boris = boris.app().voting.own.expect("Boris votes as himself");
    assert_ne!(own_anna, own_boris);
    assert!(own_boris.is_computer() && own_anna.is_computer());
    assert!(boris.app().voting.open, "his voting panel opened");
    assert_eq!(
        boris.app().voting.participant,
        Some(own_boris),
        "preselected"
    );
    assert!(
        boris
            .harness
            .query_by_label_contains("Boris (you)")
            .is_some()
    );
    assert!(
        boris.app().status.contains("You vote as Boris"),
        "{}",
        boris.app().status
    );

    // Both click the same card at once, and each another one.
    let ids: Vec<CardId> = anna.map().cards.iter().take(3).map(|c| c.id).collect();
    for ui in [&mut anna, &mut boris] {
        ui.harness
            .state_mut()
            .canvas
            .set_view(waymark::ui::canvas::view::View {
                pan: egui::Vec2::ZERO,
                zoom: 1.0,
            });
        ui.harness.run_steps(2);
    }
    anna.click(anna.card_center(ids[0]));
    boris.click(boris.card_center(ids[0]));
    anna.click(anna.card_center(ids[1]));
    boris.click(boris.card_center(ids[2]));
    until_both(&mut anna, &mut boris, "four dots on both", |app| {
        app.doc
            .map()
            .vote
            .as_ref()
            .is_some_and(|v| v.total_dots() == 4)
    });
    for ui in [&anna, &boris] {
        let vote = ui.map().vote.as_ref().expect("vote");
        assert_eq!(vote.total(ids[0]), 2);
        assert_eq!(vote.dots_of(own_anna, ids[1]), 1);
        assert_eq!(vote.dots_of(own_boris, ids[2]), 1);
        assert_eq!(vote.remaining(own_boris), 1);
    }
    // Boris cannot pick Anna: his keys step only through himself.
    boris.key(egui::Key::Num2);
    assert_eq!(boris.app().voting.participant, Some(own_boris));
    // Boris's undo takes back his last dot only.
    boris.undo();
    until_both(&mut anna, &mut boris, "Boris's undo reached Anna", |app| {
        app.doc
            .map()
            .vote
            .as_ref()
            .is_some_and(|v| v.total_dots() == 3)
    });
    let vote = anna.map().vote.as_ref().expect("vote");
    assert_eq!(vote.dots_of(own_boris, ids[2]), 0);
    assert_eq!(vote.dots_of(own_anna, ids[1]), 1);
}

#[test]
fn coming_back_to_the_room_finds_ones_own_participant_again() {
    let server = server();
    let mut anna = ui_driver::Driver::new(ui_driver::map_with_cards());
    let address = anna.share_live(&server, "Anna");
    anna.harness
        .state_mut()
        .start_vote(Vote::new(None, 3, false, &[], 1));
    let mut boris = ui_driver::Driver::new(ui_driver::template());
    boris.harness.state_mut().live.name = "Boris".to_owned();
    // `unsaved`: the map in the window has changes no file holds (after a session), so joining asks first.
    let join = |boris: &mut ui_driver::Driver, unsaved: bool| {
        boris.menu("File", "Join live…");
        if unsaved {
            boris.harness.get_by_label("Don't save").click();
            boris.harness.run_steps(3);
        }
        boris.type_text(&address);
        boris.harness.get_by_label("Join").click();
        boris.until("joined", |app| {
            app.live.session.as_ref().is_some_and(|s| s.started())
        });
    };
    join(&mut boris, false);
    until_both(&mut anna, &mut boris, "Boris in the round", |app| {
        app.doc
            .map()
            .vote
            .as_ref()
            .is_some_and(|v| v.participants.len() == 3)
    });
    let own = boris.app().voting.own.expect("Boris votes as himself");
    let card = boris.map().cards[0].id;
    boris
        .harness
        .state_mut()
        .doc
        .apply(Edit::PutDot {
            participant: own,
            card,
        })
        .expect("puts");
    until_both(&mut anna, &mut boris, "Boris's dot", |app| {
        app.doc
            .map()
            .vote
            .as_ref()
            .is_some_and(|v| v.total_dots() == 1)
    });
    boris.menu("File", "Leave live session");
    assert_eq!(boris.app().voting.own, None);
    join(&mut boris, true);
    until_both(&mut anna, &mut boris, "Boris back", |app| {
        app.doc
            .map()
            .vote
            .as_ref()
            .is_some_and(|v| v.total_dots() == 1)
    });
    boris.harness.run_steps(3);
    assert_eq!(boris.app().voting.own, Some(own), "the same participant");
    assert_eq!(
        boris.app().voting.participant,
        Some(own),
        "preselected again"
    );
    let vote = boris.map().vote.as_ref().expect("vote");
    assert_eq!(vote.participants.len(), 3, "no second Boris");
    assert_eq!(vote.remaining(own), 2, "his dot counts against his votes");
}

#[test]
fn the_share_dialogs_token_reaches_the_server_and_a_refusal_is_one_line_without_it() {
    let (port, requests) = refusing_server();
    let mut ui = ui_driver::Driver::new(ui_driver::template());
    ui.harness.state_mut().live.server = format!("ws://127.0.0.1:{port}");
    ui.menu("File", "Share live…");
    ui.harness.get_by_label("Token").click();
    ui.harness.run_steps(2);
    ui.type_text("Секрет-42");
    ui.harness.get_by_label("Share").click();
    ui.until("refused", |app| {
        app.live.session.is_none() && app.status.contains("401")
    });
    let status = ui.app().status.clone();
    assert!(status.contains("needs a token"), "{status}");
    assert!(
        !status.contains("Секрет"),
        "the token is never shown: {status}"
    );
    let request = requests.recv().expect("the handshake");
    assert!(
        request.contains("?token=%D0%A1%D0%B5%D0%BA%D1%80%D0%B5%D1%82%2D42 HTTP/1.1"),
        "{request}"
    );
}
