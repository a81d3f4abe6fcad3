//! Journey paths (links between cards): saved and loaded, undone, kept when cards move, removed and restored
//! with the cards they join, refused when a file's links are broken, the orphan-card finding, the report's
//! count, and the arrows in exports.

use std::process::Command;

use waymark::analysis::{all_findings, findings};
use waymark::edit::{Document, Edit, build};
use waymark::export::layout;
use waymark::io::{parse_map, to_ron_string};
use waymark::model::{CardId, FindingKind, LaneKind, Link, LinkId, LinkKind, Map, sample};

/// Three stages with a card each in Actions (A, B, C) and a barrier D at the first stage.
fn abc() -> (Document, [CardId; 4]) {
    let map = Map::with_stages("Links", &["One", "Two", "Three"], false);
    let mut doc = Document::new(map);
    let actions = doc.map().lanes[0].id;
    let barriers = doc
        .map()
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Barriers)
        .map(|l| l.id)
        .expect("a Barriers lane");
    let stages: Vec<_> = doc.map().stages.iter().map(|s| s.id).collect();
    let mut ids = Vec::new();
    for (text, stage, lane) in [
        ("A", stages[0], actions),
        ("B", stages[1], actions),
        ("C", stages[2], actions),
        ("D", stages[0], barriers),
    ] {
        let edit = build::add_card(doc.map(), stage, lane, None, text);
        ids.push(CardId(doc.map().next_id));
        doc.apply(edit).expect("add a card");
    }
    (doc, [ids[0], ids[1], ids[2], ids[3]])
}

fn link(doc: &mut Document, from: CardId, to: Option<CardId>, kind: LinkKind) -> LinkId {
    let id = LinkId(doc.map().next_id);
    doc.apply(build::add_link(doc.map(), from, to, kind))
        .expect("add a link");
    id
}

fn round_trip(map: &Map) -> Map {
    let text = to_ron_string(map).expect("to RON");
    parse_map(&text).expect("reads back")
}

#[test]
fn links_survive_save_and_load_and_undo() {
    let (mut doc, [a, b, c, d]) = abc();
    let next = link(&mut doc, a, Some(b), LinkKind::Next);
    let back = link(&mut doc, c, Some(a), LinkKind::Return);
    let exit = link(&mut doc, d, None, LinkKind::Exit);
    let text = to_ron_string(doc.map()).expect("to RON");
    assert!(text.contains("links: ["), "{text}");
    assert!(text.contains("kind: Return"));
    let loaded = round_trip(doc.map());
    assert_eq!(&loaded, doc.map());
    assert_eq!(loaded.link(exit).map(|l| l.to), Some(None));

    let with_three = doc.map().clone();
    doc.apply(Edit::SetLinkKind {
        link: next,
        kind: LinkKind::Skip,
    })
    .expect("relabel");
    assert_eq!(doc.map().link(next).map(|l| l.kind), Some(LinkKind::Skip));
    doc.undo();
    assert_eq!(doc.map(), &with_three);
    doc.apply(Edit::RemoveLink(back)).expect("remove");
    assert!(doc.map().link(back).is_none());
    doc.undo();
    assert_eq!(
        doc.map(),
        &with_three,
        "undo puts the link back in its place"
    );
    doc.undo();
    doc.undo();
    doc.undo();
    assert!(doc.map().links.is_empty());
    doc.redo();
    doc.redo();
    doc.redo();
    assert_eq!(doc.map(), &with_three);
    // A map without links writes no `links` field, as version 2 files had none.
    let (plain, _) = abc();
    assert!(!to_ron_string(plain.map()).unwrap().contains("links"));
}

#[test]
fn moving_a_linked_card_keeps_the_link_and_the_arrow_follows() {
    let (mut doc, [a, b, _, _]) = abc();
    link(&mut doc, a, Some(b), LinkKind::Next);
    let before = layout(doc.map());
    let tip = before.links[0].head[0];
    let rect = before.card(b).unwrap().rect;
    assert!((tip.x - rect.left()).abs() < 0.01 && rect.y_range().contains(tip.y));

    let last = doc.map().stages[2].id;
    let lane = doc.map().card(b).unwrap().lane;
    let edit = build::move_card(doc.map(), b, last, lane, None).expect("a move");
    doc.apply(edit).expect("move");
    assert_eq!(doc.map().links.len(), 1);
    assert_eq!(doc.map().links[0].to, Some(b));
    let after = layout(doc.map());
    let tip = after.links[0].head[0];
    let rect = after.card(b).unwrap().rect;
    assert!(
        (tip.x - rect.left()).abs() < 0.01 && rect.y_range().contains(tip.y),
        "the arrow ends at the moved card: {tip:?} {rect:?}"
    );
    assert_eq!(
        after.links[0].path[0].x,
        after.card(a).unwrap().rect.right()
    );
}

#[test]
fn deleting_a_linked_card_stage_or_lane_takes_its_links_and_undo_restores_them() {
    let (mut doc, [a, b, c, d]) = abc();
    link(&mut doc, a, Some(b), LinkKind::Next);
    link(&mut doc, b, Some(c), LinkKind::Next);
    link(&mut doc, c, Some(a), LinkKind::Return);
    link(&mut doc, d, None, LinkKind::Exit);
    let linked = doc.map().clone();

    doc.apply(Edit::RemoveCard(b)).expect("delete B");
    assert_eq!(
        doc.map()
            .links
            .iter()
            .map(|l| (l.from, l.to))
            .collect::<Vec<_>>(),
        [(c, Some(a)), (d, None)]
    );
    doc.undo();
    assert_eq!(
        doc.map(),
        &linked,
        "one undo step brings back B and its links"
    );

    let first = doc.map().stages[0].id;
    doc.apply(Edit::RemoveStage(first))
        .expect("delete stage one");
    assert_eq!(doc.map().links.len(), 1, "only B → C is left");
    doc.undo();
    assert_eq!(doc.map(), &linked);

    let barriers = doc.map().card(d).unwrap().lane;
    doc.apply(Edit::RemoveLane(barriers))
        .expect("delete the lane");
    assert_eq!(doc.map().links.len(), 3);
    doc.undo();
    assert_eq!(doc.map(), &linked);
    doc.redo();
    assert_eq!(doc.map().links.len(), 3);
}

#[test]
fn edits_refuse_links_that_make_no_sense() {
    let (mut doc, [a, b, _, _]) = abc();
    link(&mut doc, a, Some(b), LinkKind::Next);
    let map = doc.map().clone();
    for edit in [
        build::add_link(&map, a, Some(a), LinkKind::Next),
        build::add_link(&map, a, Some(b), LinkKind::Skip),
        build::add_link(&map, a, None, LinkKind::Next),
        build::add_link(&map, a, Some(CardId(999)), LinkKind::Next),
    ] {
        assert!(doc.apply(edit.clone()).is_err(), "{edit:?}");
    }
    let exit = link(&mut doc, b, None, LinkKind::Exit);
    let relabel = Edit::SetLinkKind {
        link: exit,
        kind: LinkKind::Next,
    };
    assert!(
        doc.apply(relabel).is_err(),
        "an exit to nowhere stays an exit"
    );
}

/// The stroller map's text with links appended, as a file would hold them.
fn with_links(links: &str) -> String {
    let mut map = sample::stroller_map();
    map.links.clear();
    let text = to_ron_string(&map).unwrap();
    let end = text.rfind(')').unwrap();
    format!("{}  links: [{links}],\n)", &text[..end])
}

#[test]
fn files_with_broken_links_are_refused_with_a_clear_error() {
    waymark::i18n::set_thread_language(waymark::i18n::Lang::En);
    let mut map = sample::stroller_map();
    map.links.clear();
    let (a, b) = (map.cards[0].id, map.cards[1].id);
    let next = map.next_id;
    let good = with_links(&format!(
        "(id: {next}, from: {a}, to: Some({b}), kind: Next), (id: {}, from: {b}, kind: Exit)",
        next + 1
    ));
    let loaded = parse_map(&good).expect("good links load");
    assert_eq!(loaded.links.len(), 2);
    assert!(loaded.next_id > next + 1);

    let cases = [
        (
            format!("(id: {next}, from: {a}, to: Some(999999), kind: Next)"),
            "points to card 999999",
        ),
        (
            format!("(id: {next}, from: 999999, to: Some({a}), kind: Next)"),
            "starts at card 999999",
        ),
        (
            format!("(id: {next}, from: {a}, to: Some({a}), kind: Skip)"),
            "to itself",
        ),
        (
            format!("(id: {next}, from: {a}, kind: Return)"),
            "only an exit",
        ),
        (
            format!(
                "(id: {next}, from: {a}, to: Some({b})), (id: {}, from: {a}, to: Some({b}))",
                next + 1
            ),
            "repeats another link",
        ),
        (
            format!("(id: {a}, from: {a}, to: Some({b}))"),
            &format!("{a}") as &str,
        ),
    ];
    for (links, says) in &cases {
        let error = parse_map(&with_links(links)).expect_err(links).to_string();
        assert!(error.contains(says), "{links}: {error}");
    }
    let many: Vec<String> = (0..50_001u64)
        .map(|i| format!("(id: {}, from: {a}, to: Some({b}))", next + i))
        .collect();
    let error = parse_map(&with_links(&many.join(",")))
        .expect_err("too many links")
        .to_string();
    assert!(
        error.contains("50001 links") || error.contains("50,001 links"),
        "{error}"
    );
}

#[test]
fn a_card_without_links_is_an_orphan_only_in_a_map_that_uses_links() {
    let (mut doc, [a, b, c, d]) = abc();
    let orphans = |map: &Map| -> Vec<Vec<CardId>> {
        findings(map)
            .into_iter()
            .filter(|f| f.kind == FindingKind::OrphanCard)
            .map(|f| f.cards)
            .collect()
    };
    assert!(orphans(doc.map()).is_empty(), "no links, no orphans");
    let ab = link(&mut doc, a, Some(b), LinkKind::Next);
    assert_eq!(
        orphans(doc.map()),
        [vec![d], vec![c]],
        "by stage: D at one, C at three"
    );
    let finding = findings(doc.map())
        .into_iter()
        .find(|f| f.kind == FindingKind::OrphanCard)
        .unwrap();
    assert!(finding.message.contains('D'), "{}", finding.message);
    assert_eq!(finding.stage, doc.map().stages[0].id);

    link(&mut doc, b, Some(c), LinkKind::Next);
    link(&mut doc, d, None, LinkKind::Exit);
    assert!(orphans(doc.map()).is_empty(), "every card is on a path");
    doc.apply(Edit::RemoveLink(ab)).unwrap();
    assert_eq!(orphans(doc.map()), [vec![a]]);

    doc.apply(Edit::SetFindingKind {
        kind: FindingKind::OrphanCard,
        on: false,
    })
    .unwrap();
    assert!(orphans(doc.map()).is_empty(), "switched off for this map");
    assert_eq!(all_findings(doc.map()).len(), findings(doc.map()).len() + 1);
    let loaded = round_trip(doc.map());
    assert_eq!(loaded.findings_off, [FindingKind::OrphanCard]);
    doc.undo();
    assert_eq!(orphans(doc.map()), [vec![a]]);
}

#[test]
fn the_report_counts_links_and_names_orphans() {
    let (mut doc, [a, b, _, _]) = abc();
    link(&mut doc, a, Some(b), LinkKind::Next);
    link(&mut doc, b, None, LinkKind::Exit);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("links.ron");
    waymark::io::save_file(doc.map(), &path).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(["report", path.to_str().unwrap(), "--format", "json"])
        .env("WAYMARK_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["links"], 2);
    let orphans: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "orphan-card")
        .collect();
    assert_eq!(orphans.len(), 2, "C and D");
    assert_eq!(orphans[0]["stage"], "One");
    assert_eq!(orphans[0]["lanes"][0], "Barriers");
    for format in ["text", "md"] {
        let out = Command::new(env!("CARGO_BIN_EXE_waymark"))
            .args(["report", path.to_str().unwrap(), "--format", format])
            .env("WAYMARK_LANG", "en")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("2 links"), "{format}: {text}");
        assert!(text.contains("orphan-card"), "{format}: {text}");
    }
}

#[test]
fn the_svg_export_draws_each_arrow_with_its_head_and_a_legend() {
    let (mut doc, [a, b, c, d]) = abc();
    link(&mut doc, a, Some(b), LinkKind::Next);
    link(&mut doc, c, Some(a), LinkKind::Return);
    link(&mut doc, d, None, LinkKind::Exit);
    let svg = waymark::export::svg_string(doc.map(), &Default::default());
    let heads = svg.matches("class=\"arrowhead\"").count();
    assert_eq!(heads, 3 + 3, "one head per arrow and one per legend entry");
    let laid = layout(doc.map());
    for link in &laid.links {
        let style = waymark::layout::link_style(link.kind);
        let [r, g, bl, _] = style.color.to_array();
        let colour = format!("stroke=\"#{r:02x}{g:02x}{bl:02x}\"");
        assert!(svg.contains(&colour), "a line in {colour}");
    }
    assert!(
        svg.contains("stroke-dasharray=\"2.5 3.5\""),
        "the return is dotted"
    );
    for words in ["Next step", "Goes back", "Leaves"] {
        assert!(svg.contains(words), "the legend says {words}");
    }
    // A map without links has neither arrows nor legend.
    let (plain, _) = abc();
    let svg = waymark::export::svg_string(plain.map(), &Default::default());
    assert!(!svg.contains("arrowhead"));
    // The file can have links only to cards that exist.
    let mut broken = doc.map().clone();
    broken.links.push(Link {
        id: LinkId(broken.next_id),
        from: a,
        to: Some(CardId(12345)),
        kind: LinkKind::Next,
    });
    assert!(!broken.validate().is_empty());
}
