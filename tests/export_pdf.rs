//! PDF export: the text is real, selectable text (read back with `pdftotext` from poppler-utils), Cyrillic
//! included and in reading order, and the page options give the right page sizes.

use std::path::Path;
use std::process::Command;

use waymark::export::{
    self, ExportOptions, Format, MAX_PAGE_UNITS, Paper, PdfPage, Poster, export_to_file,
    no_progress,
};
use waymark::model::Map;
use waymark::model::sample::{generated_map, stroller_map};

fn pdftotext(pdf: &Path) -> String {
    pdftotext_pages(pdf, None)
}

/// The text of a PDF, or of one of its pages (counted from 1).
fn pdftotext_pages(pdf: &Path, page: Option<u32>) -> String {
    let mut command = Command::new("pdftotext");
    command.args(["-raw", "-enc", "UTF-8"]);
    if let Some(page) = page {
        command.args(["-f", &page.to_string(), "-l", &page.to_string()]);
    }
    let output = command.arg(pdf).arg("-").output().unwrap_or_else(|e| {
        panic!("this test needs pdftotext ({e}): install poppler-utils, as .ci/run does")
    });
    assert!(output.status.success(), "pdftotext failed");
    String::from_utf8(output.stdout).expect("UTF-8 text")
}

/// Text without any whitespace, so that line breaks made by the layout do not matter.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}

fn export_pdf(dir: &Path, page: PdfPage) -> std::path::PathBuf {
    export_map_pdf(dir, &stroller_map(), page)
}

fn export_map_pdf(dir: &Path, map: &Map, page: PdfPage) -> std::path::PathBuf {
    let path = dir.join("map.pdf");
    let mut options = ExportOptions::new(Format::Pdf);
    options.pdf_page = page;
    no_progress(|p| export_to_file(map, &path, &options, p)).expect("the PDF is written");
    path
}

/// A page as its dictionary says: the media box and the user unit (1 when not given).
#[derive(Debug)]
struct PageBox {
    media_box: Vec<f32>,
    user_unit: f32,
}

/// Every page dictionary's media box and user unit, read from the file's text (pdf-writer leaves dictionaries
/// uncompressed; only streams are compressed).
fn page_boxes(pdf: &[u8]) -> Vec<PageBox> {
    let text = String::from_utf8_lossy(pdf);
    let number_after = |object: &str, key: &str| -> Option<String> {
        let start = object.find(key)? + key.len();
        let rest = &object[start..];
        let end = rest.find([']', '/', '>', '\n'])?;
        Some(rest[..end].trim().to_owned())
    };
    text.split("endobj")
        .filter(|object| object.contains("/Type /Page\n") || object.contains("/Type /Page "))
        .map(|object| PageBox {
            media_box: number_after(object, "/MediaBox [")
                .expect("every page has a media box")
                .split_whitespace()
                .map(|n| n.parse::<f32>().expect("a number"))
                .collect(),
            user_unit: number_after(object, "/UserUnit ")
                .map_or(1.0, |n| n.parse::<f32>().expect("a number")),
        })
        .collect()
}

/// The version in the file's header, e.g. (1, 7) for `%PDF-1.7`.
fn header_version(pdf: &[u8]) -> (u32, u32) {
    let header = String::from_utf8_lossy(&pdf[..16.min(pdf.len())]).into_owned();
    let version = header
        .strip_prefix("%PDF-")
        .and_then(|rest| rest.lines().next())
        .expect("a PDF header");
    let (major, minor) = version.split_once('.').expect("major.minor");
    (
        major.parse().expect("a number"),
        minor.trim().parse().expect("a number"),
    )
}

/// Checks that `needles` occur in `haystack` one after another, and says which one is missing or out of place.
fn assert_in_order(haystack: &str, needles: &[String], what: &str) {
    let mut from = 0;
    for needle in needles {
        let squeezed = squeeze(needle);
        match haystack[from..].find(&squeezed) {
            Some(at) => from += at + squeezed.len(),
            None => {
                assert!(
                    haystack.contains(&squeezed),
                    "the {what} {needle:?} is missing from the PDF's text"
                );
                panic!("the {what} {needle:?} is out of order in the PDF's text");
            }
        }
    }
}

#[test]
fn every_stage_name_and_card_text_is_searchable_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = export_pdf(dir.path(), PdfPage::Fit);
    let text = squeeze(&pdftotext(&pdf));
    let map = stroller_map();

    assert!(text.contains(&squeeze(&map.title)), "the title");
    let stages: Vec<String> = map.stages.iter().map(|s| s.name.clone()).collect();
    assert_in_order(&text, &stages, "stage name");

    // Cards read lane by lane, and within a lane stage by stage, as the layout places them.
    let layout = export::layout(&map);
    let cards: Vec<String> = layout
        .cards
        .iter()
        .map(|c| map.card(c.id).expect("a card of the map").text.clone())
        .collect();
    assert_eq!(cards.len(), map.cards.len());
    assert_in_order(&text, &cards, "card text");
    assert!(text.contains("24990₽"), "the rouble sign survives");
    assert!(text.contains("→"), "the arrow survives");
}

#[test]
fn page_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let media_box = |page: PdfPage| {
        let pdf = std::fs::read(export_pdf(dir.path(), page)).unwrap();
        let pdf = String::from_utf8_lossy(&pdf).into_owned();
        let start = pdf.find("/MediaBox [").expect("a media box") + "/MediaBox [".len();
        let end = start + pdf[start..].find(']').unwrap();
        pdf[start..end]
            .split_whitespace()
            .map(|n| n.parse::<f32>().unwrap())
            .collect::<Vec<f32>>()
    };
    let size = export::layout(&stroller_map()).size;
    let fit = media_box(PdfPage::Fit);
    assert!(
        (fit[2] - size.x).abs() < 1.0 && (fit[3] - size.y).abs() < 1.0,
        "{fit:?}"
    );
    assert_eq!(media_box(PdfPage::A4Landscape), [0.0, 0.0, 841.89, 595.28]);
    assert_eq!(media_box(PdfPage::A3Landscape), [0.0, 0.0, 1190.55, 841.89]);

    // On paper the text is still there.
    let text = squeeze(&pdftotext(&export_pdf(dir.path(), PdfPage::A4Landscape)));
    for stage in &stroller_map().stages {
        assert!(text.contains(&squeeze(&stage.name)), "{}", stage.name);
    }
}

#[test]
fn the_fonts_are_embedded() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = std::fs::read(export_pdf(dir.path(), PdfPage::Fit)).unwrap();
    let pdf = String::from_utf8_lossy(&pdf);
    assert!(pdf.contains("DejaVuSans"), "DejaVu Sans is embedded");
    assert!(pdf.contains("/FontFile2"), "as a TrueType font program");
    assert!(
        pdf.contains("/ToUnicode"),
        "with a map back to the characters"
    );
}

#[test]
fn a_map_larger_than_a_pdf_page_may_be_keeps_its_size_through_the_user_unit() {
    // Tall enough to pass the 14,400-unit limit of a PDF page.
    let map = generated_map(4000);
    let size = export::layout(&map).size;
    assert!(
        size.y > MAX_PAGE_UNITS,
        "the test map should be taller than a PDF page may be: {size:?}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = export_map_pdf(dir.path(), &map, PdfPage::Fit);
    let pdf = std::fs::read(&path).unwrap();
    assert!(header_version(&pdf) >= (1, 6), "/UserUnit needs PDF 1.6");
    let pages = page_boxes(&pdf);
    assert_eq!(pages.len(), 1, "{pages:?}");
    let page = &pages[0];
    let [x0, y0, x1, y1] = page.media_box[..] else {
        panic!("a media box of four numbers: {page:?}")
    };
    assert_eq!([x0, y0], [0.0, 0.0]);
    assert!(
        x1 <= MAX_PAGE_UNITS && y1 <= MAX_PAGE_UNITS,
        "the media box is within the limit: {page:?}"
    );
    let printed = [x1 * page.user_unit, y1 * page.user_unit];
    assert!(
        (printed[0] - size.x).abs() < 1.0 && (printed[1] - size.y).abs() < 1.0,
        "printed {printed:?} points, the map is {size:?}"
    );
    // A reader takes it, and the text is still there.
    let text = squeeze(&pdftotext(&path));
    assert!(text.contains(&squeeze(&map.stages[0].name)));

    // A map within the limit keeps one point per unit.
    let small = page_boxes(&std::fs::read(export_pdf(dir.path(), PdfPage::Fit)).unwrap());
    assert_eq!(small[0].user_unit, 1.0, "{small:?}");
}

#[test]
fn a_poster_tiles_the_map_on_overlapping_a4_sheets() {
    // The sample without its Metrics lane (a chart, no cards), so that the bottom row of sheets holds cards.
    let mut map = stroller_map();
    map.lanes
        .retain(|l| l.kind != waymark::model::LaneKind::Metrics);
    let layout = export::layout(&map);
    let poster = Poster {
        paper: Paper::A4,
        across: 3,
    };
    let plan = poster.plan(layout.size);
    let dir = tempfile::tempdir().unwrap();
    let path = export_map_pdf(dir.path(), &map, PdfPage::Poster(poster));
    let pdf = std::fs::read(&path).unwrap();
    let pages = page_boxes(&pdf);

    // The stroller map is wider than tall: landscape A4 sheets, three across, and rows for its height.
    assert!(layout.size.x > layout.size.y);
    assert_eq!(plan.columns, 3);
    let poster_height = layout.size.y * plan.scale;
    let expected_rows = ((poster_height - Poster::OVERLAP_PT) / plan.stride.y).ceil() as usize;
    assert!(expected_rows >= 2, "a poster of more than one row");
    assert_eq!(pages.len(), 3 * expected_rows);
    for page in &pages {
        assert_eq!(page.media_box, [0.0, 0.0, 841.89, 595.28]);
        assert_eq!(page.user_unit, 1.0);
    }
    // Neighbouring sheets share 10 mm of the poster.
    let printable_width = 841.89 - 2.0 * Poster::MARGIN_PT;
    assert!((plan.stride.x - (printable_width - 10.0 * 72.0 / 25.4)).abs() < 0.01);
    assert!(
        (3.0 * plan.stride.x + Poster::OVERLAP_PT - layout.size.x * plan.scale).abs() < 0.5,
        "three sheets span the map's width"
    );

    // Page 1 is the top left of the map: the first stage's name and the cards that lie wholly in its part,
    // and none of the last stage's cards (three sheets to the right).
    let first = squeeze(&pdftotext_pages(&path, Some(1)));
    assert!(first.contains(&squeeze(&map.stages[0].name)), "{first}");
    let shown = |rect: egui::Rect, column: f32, row: f32| {
        let left = rect.left() * plan.scale - column * plan.stride.x;
        let right = rect.right() * plan.scale - column * plan.stride.x;
        let top = rect.top() * plan.scale + plan.top - row * plan.stride.y;
        let bottom = rect.bottom() * plan.scale + plan.top - row * plan.stride.y;
        left >= 0.0 && top >= 0.0 && right <= plan.printable.x && bottom <= plan.printable.y
    };
    let on_first: Vec<_> = layout
        .cards
        .iter()
        .filter(|c| shown(c.rect, 0.0, 0.0))
        .collect();
    assert!(!on_first.is_empty(), "some card lies wholly on page 1");
    for card in on_first {
        let text = &map.card(card.id).expect("a card").text;
        assert!(first.contains(&squeeze(text)), "{text:?} is on page 1");
    }
    let last_stage = map.stages.last().expect("stages").id;
    for card in layout
        .cards
        .iter()
        .filter(|c| map.card(c.id).is_some_and(|m| m.stage == last_stage))
    {
        let text = &map.card(card.id).expect("a card").text;
        assert!(!first.contains(&squeeze(text)), "{text:?} is not on page 1");
    }
    assert!(
        first.contains(&format!("Ряд1из{expected_rows},столбец1из3.")),
        "the sheet says where it goes, in the map's language: {first}"
    );
    // The last page is the bottom right: the cards that lie wholly in its part.
    let last = squeeze(&pdftotext_pages(&path, Some(pages.len() as u32)));
    let bottom_row = (expected_rows - 1) as f32;
    let on_last: Vec<_> = layout
        .cards
        .iter()
        .filter(|c| shown(c.rect, 2.0, bottom_row))
        .collect();
    assert!(
        !on_last.is_empty(),
        "some card lies wholly on the last page"
    );
    for card in on_last {
        let text = &map.card(card.id).expect("a card").text;
        assert!(
            last.contains(&squeeze(text)),
            "{text:?} is on the last page"
        );
    }
    assert!(
        last.contains(&format!("Ряд{expected_rows}из{expected_rows},столбец3из3.")),
        "{last}"
    );
}
