//! Dot voting driven through the real editor (start a vote, cast dots as two participants, take one back, run
//! out of votes, undo, clear and undo the clear, highlight the top cards), and the votes in the files: RON,
//! a version 2 file without votes, the CSV votes column, hostile vote data, and exports that show the dots.

mod ui_driver;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_driver::{Driver, map_with_cards};
use waymark::edit::{Edit, apply};
use waymark::export::{ExportOptions, Format, export_to_file, no_progress};
use waymark::io::{load_file, parse_map, to_ron_string};
use waymark::model::{CardColor, CardId, Map, ParticipantId, ValidationError, Vote};
use waymark::ui::selection::Selection;

/// The ids of the cards named A, B, C, D.
fn abcd(map: &Map) -> [CardId; 4] {
    ["A", "B", "C", "D"].map(|t| map.cards.iter().find(|c| c.text == t).unwrap().id)
}

fn says(ui: &Driver, text: &str) -> bool {
    ui.harness
        .query_all_by_label_contains(text)
        .next()
        .is_some()
}

fn total(ui: &Driver, card: CardId) -> u32 {
    ui.map().vote.as_ref().map_or(0, |v| v.total(card))
}

fn dots_of(ui: &Driver, participant: u32, card: CardId) -> u32 {
    ui.map()
        .vote
        .as_ref()
        .map_or(0, |v| v.dots_of(ParticipantId(participant), card))
}

/// Opens View → Dot voting and starts a vote through the dialog: 3 votes each, 4 participants, the first
/// one named "Анна".
fn start_vote(ui: &mut Driver) {
    ui.key(Key::F9);
    assert!(ui.app().voting.open, "F9 opens the voting panel");
    ui.harness.get_by_label("Start a vote…").click();
    ui.harness.run_steps(3);
    ui.harness.get_by_label("Participant 1").click();
    ui.harness.run_steps(2);
    ui.type_text("Анна");
    ui.harness.get_by_label("Start vote").click();
    ui.harness.run_steps(3);
}

#[test]
fn two_participants_put_dots_take_one_back_run_out_and_undo() {
    let mut ui = Driver::new(map_with_cards());
    let cards_before = ui.map().cards.clone();
    let [a, b, c, d] = abcd(ui.map());
    start_vote(&mut ui);
    let vote = ui.map().vote.clone().expect("the dialog started a vote");
    assert_eq!(vote.votes_each, 3);
    assert_eq!(vote.participants.len(), 4);
    assert_eq!(vote.participants[0].name, "Анна");
    assert!(!vote.several_per_card);
    assert!(ui.app().canvas.casting, "clicks cast votes at once");

    // Анна (participant 1, whose turn it is first) puts her three dots.
    for card in [a, b, c] {
        ui.click(ui.card_center(card));
    }
    assert_eq!([total(&ui, a), total(&ui, b), total(&ui, c)], [1, 1, 1]);
    assert!(says(&ui, "Анна put a dot: 0 left"));
    // A fourth is refused, and says why.
    ui.click(ui.card_center(d));
    assert_eq!(total(&ui, d), 0);
    assert!(says(&ui, "Анна has used all 3 votes"));

    // Participant 2 by the key 2: a dot on A, and a right-click takes it back.
    ui.key(Key::Num2);
    assert!(says(&ui, "Participant 2's turn: 3 left"));
    ui.click(ui.card_center(a));
    assert_eq!((dots_of(&ui, 2, a), total(&ui, a)), (1, 2));
    ui.right_click(ui.card_center(a));
    assert_eq!((dots_of(&ui, 2, a), total(&ui, a)), (0, 1));
    assert!(says(&ui, "Participant 2 took a dot back: 3 left"));
    ui.click(ui.card_center(d));
    assert_eq!(dots_of(&ui, 2, d), 1);

    // Back to Анна (↑ from participant 2): one dot per card, so a click on her dot takes it back.
    ui.key(Key::ArrowUp);
    ui.click(ui.card_center(b));
    assert_eq!(dots_of(&ui, 1, b), 0);
    ui.undo();
    assert_eq!(dots_of(&ui, 1, b), 1, "undo puts the dot back");
    ui.redo();
    assert_eq!(dots_of(&ui, 1, b), 0);

    // The digit keys picked participants and recoloured nothing; no click selected, moved or edited a card.
    assert_eq!(ui.map().cards, cards_before);
    assert_eq!(ui.app().canvas.selection, Selection::None);
    assert!(ui.app().canvas.editing.is_none());
    assert_eq!(ui.map().validate(), vec![]);
}

#[test]
fn while_casting_a_drag_on_a_card_pans_and_a_double_click_edits_nothing() {
    let mut ui = Driver::new(map_with_cards());
    let [a, _, c, _] = abcd(ui.map());
    start_vote(&mut ui);
    let cards_before = ui.map().cards.clone();
    let pan_before = ui.app().canvas.view.pan;
    ui.drag(ui.card_center(a), ui.card_center(c));
    assert_ne!(ui.app().canvas.view.pan, pan_before, "the drag panned");
    assert_eq!(ui.map().cards, cards_before, "no card moved");
    assert_eq!(total(&ui, a), 0, "a drag is not a vote");
    // Two quick clicks: a dot and its take-back (one dot per card), never the text editor.
    ui.double_click(ui.card_center(a));
    assert!(ui.app().canvas.editing.is_none());
    assert_eq!(total(&ui, a), 0);
    // Escape pauses voting: clicks select again, and the digits recolour again.
    ui.key(Key::Escape);
    assert!(!ui.app().canvas.casting);
    ui.click(ui.card_center(a));
    assert_eq!(ui.app().canvas.selection, Selection::Card(a));
    ui.key(Key::Num5);
    assert_eq!(ui.map().card(a).unwrap().color, CardColor::Blue);
}

/// The cards with dots: A 3 (participants 1, 2, 3), C 2 (1, 2), D 1 (participant 1).
fn voted_map() -> Map {
    let mut map = map_with_cards();
    let [a, _, c, d] = abcd(&map);
    apply(
        &mut map,
        Edit::SetVote(Some(Vote::new(None, 3, false, &[], 3))),
    )
    .unwrap();
    for (participant, card) in [(1, a), (2, a), (3, a), (1, c), (2, c), (1, d)] {
        apply(
            &mut map,
            Edit::PutDot {
                participant: ParticipantId(participant),
                card,
            },
        )
        .unwrap();
    }
    map
}

#[test]
fn highlight_top_n_dims_the_rest_and_clear_votes_is_one_undo_step() {
    let mut ui = Driver::new(voted_map());
    let [a, _, c, d] = abcd(ui.map());
    ui.key(Key::F9);
    assert!(says(&ui, "Results: 6 dots"));
    ui.harness.get_by_label("Highlight top").click();
    ui.harness.run_steps(2);
    ui.harness.get_by_label("cards:").click();
    ui.harness.run_steps(2);
    ui.key_with(Modifiers::COMMAND, Key::A);
    ui.type_text("1");
    ui.key(Key::Enter);
    let bright = ui.app().canvas.highlight.clone().expect("top cards");
    assert_eq!(bright, [a].into_iter().collect());
    ui.harness.get_by_label("cards:").click();
    ui.harness.run_steps(2);
    ui.key_with(Modifiers::COMMAND, Key::A);
    ui.type_text("2");
    ui.key(Key::Enter);
    let bright = ui.app().canvas.highlight.clone().expect("top cards");
    assert_eq!(bright, [a, c].into_iter().collect());

    // A result selects its card.
    ui.harness.get_by_label("D").click();
    ui.harness.run_steps(2);
    assert_eq!(ui.app().canvas.selection, Selection::Card(d));

    let before = ui.map().clone();
    ui.harness.get_by_label("Clear votes").click();
    ui.harness.run_steps(3);
    assert!(ui.map().vote.is_none(), "the round ended");
    assert!(ui.app().canvas.highlight.is_none(), "nothing to highlight");
    assert!(says(&ui, "Votes cleared"));
    ui.undo();
    assert_eq!(ui.map(), &before, "one undo brings every dot back");
}

#[test]
fn deleting_a_voted_card_takes_its_dots_and_undo_brings_them_back() {
    let mut ui = Driver::new(voted_map());
    let [a, ..] = abcd(ui.map());
    let before = ui.map().clone();
    ui.click(ui.card_center(a));
    ui.key(Key::Delete);
    assert!(ui.map().card(a).is_none());
    assert_eq!(ui.map().vote.as_ref().map(|v| v.total_dots()), Some(3));
    assert_eq!(ui.map().validate(), vec![]);
    ui.undo();
    assert_eq!(ui.map(), &before);
}

#[test]
fn votes_survive_saving_and_a_version_2_file_opens_without_a_vote() {
    let map = voted_map();
    let text = to_ron_string(&map).unwrap();
    assert!(
        text.contains("vote: Some((") || text.contains("vote: ("),
        "{text}"
    );
    assert!(text.contains("votes_each: 3"), "{text}");
    assert_eq!(parse_map(&text).unwrap(), map);

    let v2 =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stroller_v2.ron");
    let old = load_file(&v2).unwrap();
    assert!(old.vote.is_none());
    let saved = to_ron_string(&old).unwrap();
    assert!(
        !saved.contains("vote"),
        "a map without a vote writes no vote field"
    );
}

/// Which problem a hostile file must be refused with.
type Wanted = fn(&ValidationError) -> bool;

#[test]
fn hostile_vote_data_is_refused_with_a_clear_error() {
    let map = voted_map();
    let text = to_ron_string(&map).unwrap();
    let [a, ..] = abcd(&map);
    let cases: [(String, Wanted, &str); 4] = [
        (
            text.replacen(&format!("card: {}", a.0), "card: 999", 1),
            |e| *e == ValidationError::DotsOnMissingCard { card: 999 },
            "card 999, which does not exist",
        ),
        (
            text.replacen("participant: 2", "participant: 77", 1),
            |e| *e == ValidationError::DotsOfMissingParticipant { participant: 77 },
            "participant 77, who does not exist",
        ),
        (
            text.replacen("votes_each: 3", "votes_each: 4000000000", 1),
            |e| *e == ValidationError::VoteBadBudget(4_000_000_000),
            "from 1 to 10,000",
        ),
        (
            text.replacen("count: 1", "count: 1000000", 1),
            |e| {
                matches!(
                    e,
                    ValidationError::DotsBadCount {
                        count: 1_000_000,
                        ..
                    }
                )
            },
            "1,000,000 dots",
        ),
    ];
    for (hostile, wanted, words) in cases {
        let error = parse_map(&hostile).expect_err("refused");
        let message = error.to_string();
        match &error {
            waymark::io::LoadError::Invalid { problems, .. } => {
                assert!(problems.iter().any(wanted), "{message}")
            }
            other => panic!("unexpected error {other:?}"),
        }
        assert!(message.contains(words), "{message}");
    }
}

#[test]
fn the_csv_votes_column_carries_each_cards_total_there_and_back() {
    let map = voted_map();
    let [a, b, c, d] = abcd(&map);
    let csv = waymark::io::csv::export_csv(&map);
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with("color,votes"), "{header}");
    assert!(csv.contains("A,,Yellow,3"), "{csv}");
    let back = waymark::io::csv::import_csv(&csv).unwrap();
    let totals = |m: &Map| -> Vec<(String, u32)> {
        let mut totals: Vec<(String, u32)> = m
            .cards
            .iter()
            .map(|c| (c.text.clone(), m.vote.as_ref().map_or(0, |v| v.total(c.id))))
            .collect();
        totals.sort();
        totals
    };
    assert_eq!(totals(&back), totals(&map));
    assert_eq!(
        [a, b, c, d].map(|card| map.vote.as_ref().unwrap().total(card)),
        [3, 0, 2, 1]
    );
    // Imported totals are the dots of one participant, "CSV", who has used exactly their votes.
    let vote = back.vote.as_ref().unwrap();
    assert_eq!(vote.participants.len(), 1);
    assert_eq!(vote.participants[0].name, "CSV");
    assert_eq!(vote.remaining(ParticipantId(1)), 0);
    assert_eq!(back.validate(), vec![]);

    // A map without a vote keeps the old columns; bad votes cells are refused by row.
    let plain = waymark::io::csv::export_csv(&map_with_cards());
    assert!(plain.lines().next().unwrap().ends_with("color"));
    let bad = "stage,lane,text,votes\nS,Actions,card,many\nS,Actions,other,-1\n";
    let error = waymark::io::csv::import_csv(bad).unwrap_err().to_string();
    assert!(
        error.contains("row 2") && error.contains("row 3"),
        "{error}"
    );
}

#[test]
fn exports_show_the_dots_only_when_asked() {
    let map = voted_map();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.svg");
    let participant_red = "#d62728";
    let mut options = ExportOptions::new(Format::Svg);
    no_progress(|p| export_to_file(&map, &path, &options, p)).unwrap();
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(!svg.contains(participant_red), "no dots unless asked");
    options.show_votes = true;
    no_progress(|p| export_to_file(&map, &path, &options, p)).unwrap();
    let svg = std::fs::read_to_string(&path).unwrap();
    // Participant 1 has three dots (A, C, D), participant 2 two, participant 3 one.
    assert_eq!(
        svg.matches(&format!("fill=\"{participant_red}\"")).count(),
        3,
        "{svg}"
    );
    assert_eq!(svg.matches("fill=\"#1f5fd6\"").count(), 2);
    assert_eq!(svg.matches("fill=\"#2ca02c\"").count(), 1);

    // The command line's --show-votes gives the same picture; PNG and PDF take it too.
    let file = dir.path().join("voted.ron");
    waymark::io::save_file(&map, &file).unwrap();
    let out = dir.path().join("cli.svg");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args([
            "export".as_ref(),
            file.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ])
        .arg("--show-votes")
        .env("WAYMARK_LANG", "en")
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), svg);
    for name in ["cli.png", "cli.pdf"] {
        let out = dir.path().join(name);
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_waymark"))
            .args([
                "export".as_ref(),
                file.as_os_str(),
                "-o".as_ref(),
                out.as_os_str(),
            ])
            .arg("--show-votes")
            .status()
            .unwrap();
        assert!(status.success(), "{name}");
    }
    let csv = dir.path().join("cli.csv");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args([
            "export".as_ref(),
            file.as_os_str(),
            "-o".as_ref(),
            csv.as_os_str(),
        ])
        .arg("--show-votes")
        .env("WAYMARK_LANG", "en")
        .output()
        .unwrap();
    assert!(!output.status.success(), "CSV always has its votes column");
    assert!(String::from_utf8_lossy(&output.stderr).contains("--show-votes"));
}

#[test]
fn the_export_dialog_offers_show_votes() {
    let mut ui = Driver::new(voted_map());
    ui.key_with(Modifiers::COMMAND, Key::E);
    ui.harness.run_steps(3);
    assert!(!ui.app().export_choices.options().show_votes);
    ui.harness.get_by_label("Show votes").click();
    ui.harness.run_steps(2);
    assert!(ui.app().export_choices.options().show_votes);
}

#[test]
fn another_map_opened_while_casting_is_not_voted_on_by_its_first_clicks() {
    let mut ui = Driver::new(map_with_cards());
    start_vote(&mut ui);
    assert!(ui.app().canvas.casting);
    ui.harness.state_mut().doc.replace(voted_map());
    ui.harness.run_steps(2);
    assert!(
        !ui.app().canvas.casting,
        "the new map's clicks select again"
    );
    let [a, ..] = abcd(ui.map());
    let before = ui.map().clone();
    ui.click(ui.card_center(a));
    assert_eq!(ui.map(), &before);
    assert_eq!(ui.app().canvas.selection, Selection::Card(a));
}

#[test]
fn a_screen_reader_hears_how_many_votes_a_card_has() {
    let ui = Driver::new(voted_map());
    assert!(
        ui.harness
            .query_all_by_label_contains("stage Awareness, lane Actions, 3 votes")
            .next()
            .is_some()
    );
}
