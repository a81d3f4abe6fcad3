//! PDF export: the text is real, selectable text (read back with `pdftotext` from poppler-utils), Cyrillic
//! included and in reading order, and the page options give the right page sizes.

use std::path::Path;
use std::process::Command;

use waymark::export::{self, ExportOptions, Format, PdfPage, export_to_file, no_progress};
use waymark::model::sample::stroller_map;

fn pdftotext(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (install poppler-utils)");
    assert!(output.status.success(), "pdftotext failed");
    String::from_utf8(output.stdout).expect("UTF-8 text")
}

/// Text without any whitespace, so that line breaks made by the layout do not matter.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}

fn export_pdf(dir: &Path, page: PdfPage) -> std::path::PathBuf {
    let path = dir.join("map.pdf");
    let mut options = ExportOptions::new(Format::Pdf);
    options.pdf_page = page;
    no_progress(|p| export_to_file(&stroller_map(), &path, &options, p))
        .expect("the PDF is written");
    path
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
