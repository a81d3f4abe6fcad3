//! SVG export: parses with usvg, card texts are real text elements placed where egui places them, text is
//! escaped, the photo is embedded, and other renderers open it.

mod common;

use std::sync::Arc;

use egui::epaint::text::{Fonts, LayoutJob, TextOptions};
use waymark::export::{self, Background, SvgOptions};
use waymark::layout::fonts::font_definitions;
use waymark::model::sample::stroller_map;
use waymark::model::{Map, Photo};

/// Every text element's text and the position of its first character, in document order.
fn texts(tree: &usvg::Tree) -> Vec<(String, f32, f32)> {
    fn walk(group: &usvg::Group, out: &mut Vec<(String, f32, f32)>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => walk(g, out),
                usvg::Node::Text(text) => {
                    let chunk = &text.chunks()[0];
                    let all: String = text.chunks().iter().map(|c| c.text()).collect();
                    out.push((all, chunk.x().unwrap_or(0.0), chunk.y().unwrap_or(0.0)));
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(tree.root(), &mut out);
    out
}

fn parse(svg: &str) -> usvg::Tree {
    common::svg::parse_svg(svg).expect("the SVG parses with usvg")
}

#[test]
fn card_texts_are_text_elements_line_by_line() {
    let map = stroller_map();
    let layout = export::layout(&map);
    let svg = export::svg_string(&map, &SvgOptions::default());
    let tree = parse(&svg);
    assert_eq!(tree.size().width(), layout.size.x);
    let texts = texts(&tree);
    let lines: Vec<&str> = texts.iter().map(|(t, _, _)| t.as_str()).collect();
    for card in &layout.cards {
        for line in card.text.lines.iter() {
            assert!(
                lines.contains(&line.as_str()),
                "the card line {line:?} is a text element"
            );
        }
    }
    // And every card's whole text is there, in the map's words.
    let all: String = lines.concat().split_whitespace().collect();
    for card in &map.cards {
        let words: String = card.text.split_whitespace().collect();
        assert!(all.contains(&words), "{:?}", card.text);
    }
    for stage in &map.stages {
        assert!(lines.contains(&stage.name.as_str()), "{}", stage.name);
    }
    // The text is drawn (the fonts were found), not dropped: text nodes have bounding boxes with an area.
    assert!(
        tree.root()
            .children()
            .iter()
            .filter(|n| matches!(n, usvg::Node::Text(_)))
            .all(|n| n.abs_layer_bounding_box().is_some())
    );
}

#[test]
fn text_sits_on_egui_s_baseline() {
    let map = stroller_map();
    let layout = export::layout(&map);
    let tree = parse(&export::svg_string(&map, &SvgOptions::default()));
    let texts = texts(&tree);

    let mut fonts = Fonts::new(
        TextOptions {
            font_hinting: false,
            ..TextOptions::default()
        },
        font_definitions(),
    );
    let three_lines = layout
        .cards
        .iter()
        .find(|c| c.text.lines.len() >= 3)
        .expect("a card of three lines");
    for block in [
        &layout.title,
        &layout.cards[0].text,
        &three_lines.text,
        &layout.stages[0].texts[0],
        &layout.stages[0].texts[1],
    ] {
        // The canvas draws a block as one galley of its lines joined.
        let job = LayoutJob::simple(
            block.joined(),
            egui::FontId::new(block.size, block.face.family()),
            egui::Color32::BLACK,
            f32::INFINITY,
        );
        let galley = fonts.layout_uncached(1.0, Arc::new(job));
        assert_eq!(galley.rows.len(), block.lines.len());
        for (row, line) in galley.rows.iter().zip(block.lines.iter()) {
            let (_, x, y) = texts
                .iter()
                .find(|(t, _, _)| t == line)
                .expect("the line is in the SVG");
            assert!(
                (x - block.pos.x).abs() < 0.01,
                "{line:?} starts at the layout's x"
            );
            let egui_baseline = block.pos.y + row.pos.y + row.glyphs[0].pos.y;
            assert!(
                (y - egui_baseline).abs() < 0.05,
                "{line:?}: SVG baseline {y}, egui's {egui_baseline}"
            );
        }
    }
}

#[test]
fn special_characters_are_escaped_and_spaces_kept() {
    let mut map = stroller_map();
    let tricky = "  <b>Tom & \"Jerry\"</b> 'quoted'   →  ₽";
    map.cards[0].text = tricky.to_owned();
    map.title = "A & B <map>".to_owned();
    let layout = export::layout(&map);
    let svg = export::svg_string(&map, &SvgOptions::default());
    assert!(!svg.contains("<b>"), "markup in text is escaped");
    let tree = parse(&svg);
    let texts = texts(&tree);
    for line in layout.cards[0].text.lines.iter() {
        assert!(
            texts.iter().any(|(t, _, _)| t == line),
            "the line {line:?} comes back unchanged"
        );
    }
    assert!(texts.iter().any(|(t, _, _)| t == "A & B <map>"));
}

#[test]
fn the_photo_is_embedded_as_a_data_uri() {
    let mut map: Map = stroller_map();
    let mut bytes = Vec::new();
    image::RgbaImage::from_pixel(32, 32, image::Rgba([10, 200, 10, 255]))
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    map.persona.photo = Some(Photo::from_image_bytes(&bytes).unwrap());
    let svg = export::svg_string(&map, &SvgOptions::default());
    assert!(svg.contains("xlink:href=\"data:image/png;base64,"));
    let tree = parse(&svg);
    fn has_image(group: &usvg::Group) -> bool {
        group.children().iter().any(|n| match n {
            usvg::Node::Image(_) => true,
            usvg::Node::Group(g) => has_image(g),
            _ => false,
        })
    }
    assert!(has_image(tree.root()), "usvg reads the photo");
}

#[test]
fn backgrounds_and_embedded_fonts() {
    let map = stroller_map();
    let white = export::svg_string(&map, &SvgOptions::default());
    let clear = export::svg_string(
        &map,
        &SvgOptions {
            background: Background::Transparent,
            ..SvgOptions::default()
        },
    );
    assert!(
        white.len() > clear.len(),
        "white adds a background rectangle"
    );
    let embedded = export::svg_string(
        &map,
        &SvgOptions {
            embed_fonts: true,
            ..SvgOptions::default()
        },
    );
    assert!(embedded.contains("@font-face"));
    assert!(embedded.contains("font/ttf;base64,"));
    parse(&embedded);
}

#[test]
fn rsvg_convert_opens_it() {
    if let Err(e) = std::process::Command::new("rsvg-convert")
        .arg("--version")
        .output()
    {
        panic!("this test needs rsvg-convert ({e}): install librsvg2-bin, as .ci/run does");
    }
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("map.svg");
    let png = dir.path().join("map.png");
    std::fs::write(
        &svg,
        export::svg_string(&stroller_map(), &SvgOptions::default()),
    )
    .unwrap();
    let output = std::process::Command::new("rsvg-convert")
        .arg("-o")
        .arg(&png)
        .arg(&svg)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let image = image::open(&png).unwrap();
    let size = export::layout(&stroller_map()).size;
    assert_eq!(image.width(), size.x.ceil() as u32);
}
