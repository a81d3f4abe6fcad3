//! Exporting from the editor: the Export dialog's choices, the worker, and "Copy map as image".

mod ui_driver;

use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_driver::Driver;
use waymark::model::sample::stroller_map;
use waymark::ui::files::PathPurpose;

#[test]
fn the_export_dialog_exports_a_pdf_on_a_worker() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("коляска.pdf");
    let mut ui = Driver::new(stroller_map());
    ui.key_with(Modifiers::COMMAND, Key::E);
    ui.harness.run_steps(3);
    ui.harness.get_by_label("PDF").click();
    ui.harness.run_steps(2);
    ui.harness.get_by_label("A4 landscape").click();
    ui.harness.run_steps(2);
    let options = ui.app().export_choices.options();
    assert_eq!(options.format, waymark::export::Format::Pdf);
    assert_eq!(options.pdf_page, waymark::export::PdfPage::A4Landscape);
    // The native file dialog cannot run here: the path goes in as if typed into the fallback dialog.
    let ctx = ui.harness.ctx.clone();
    ui.harness.state_mut().dialog = None;
    ui.harness
        .state_mut()
        .accept_path(&ctx, PathPurpose::Export(options), path.clone());
    assert!(
        ui.app().export_job.is_some(),
        "a progress dialog shows while the worker exports"
    );
    ui.until("the export to finish", |app| app.export_job.is_none());
    let bytes = std::fs::read(&path).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF"), "a PDF file");
    assert!(
        ui.app().status.starts_with("Exported"),
        "{}",
        ui.app().status
    );
}

#[test]
fn the_export_dialog_prints_a_poster_on_a3_sheets() {
    use waymark::export::{Paper, PdfPage, Poster};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("poster.pdf");
    let mut ui = Driver::new(stroller_map());
    ui.key_with(Modifiers::COMMAND, Key::E);
    ui.harness.run_steps(3);
    ui.harness.get_by_label("PDF").click();
    ui.harness.run_steps(2);
    ui.harness.get_by_label("Poster on A4 / A3 pages").click();
    ui.harness.run_steps(2);
    ui.harness.get_by_label("A3").click();
    ui.harness.run_steps(2);
    // Two sheets across instead of the three offered at first: click the number and type another.
    ui.harness.get_by_label("Pages across:").click();
    ui.harness.run_steps(2);
    ui.type_text("2");
    ui.key(Key::Enter);
    let poster = Poster {
        paper: Paper::A3,
        across: 2,
    };
    let options = ui.app().export_choices.options();
    assert_eq!(options.pdf_page, PdfPage::Poster(poster));
    let plan = poster.plan(waymark::export::layout(&stroller_map()).size);
    let summary = format!(
        "{} sheets across × {} down ({} pages)",
        plan.columns,
        plan.rows,
        plan.pages()
    );
    assert!(
        ui.harness.query_by_label_contains(&summary).is_some(),
        "the dialog says what the poster comes to: {summary}"
    );

    let ctx = ui.harness.ctx.clone();
    ui.harness.state_mut().dialog = None;
    ui.harness
        .state_mut()
        .accept_path(&ctx, PathPurpose::Export(options), path.clone());
    ui.until("the export to finish", |app| app.export_job.is_none());
    let pdf =
        String::from_utf8_lossy(&std::fs::read(&path).expect("the PDF was written")).into_owned();
    assert_eq!(pdf.matches("/Type /Page\n").count(), plan.pages() as usize);
    assert_eq!(
        pdf.matches("/MediaBox [0 0 1190.55 841.89]").count(),
        plan.pages() as usize,
        "A3 landscape sheets"
    );
}

#[test]
fn copy_map_as_image_puts_a_picture_on_the_clipboard() {
    let mut ui = Driver::new(stroller_map());
    ui.key_with(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    let start = Instant::now();
    let image = loop {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no image was copied"
        );
        ui.harness.step();
        let copied = ui
            .harness
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|c| match c {
                egui::OutputCommand::CopyImage(image) => Some(image.clone()),
                _ => None,
            });
        if let Some(image) = copied {
            break image;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let layout = waymark::export::layout(&stroller_map());
    assert_eq!(
        image.size[0],
        (layout.size.x * 2.0).round() as usize,
        "copied at 2×"
    );
    let distinct: std::collections::HashSet<_> = image.pixels.iter().take(200_000).collect();
    assert!(distinct.len() > 10, "the picture is not blank");
    assert!(
        ui.harness.query_by_label_contains("copied").is_some()
            || ui.app().status.contains("copied")
    );
}

#[test]
fn a_spreadsheet_csv_imports_into_the_editor_and_exports_back() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("libreoffice.csv");
    // As LibreOffice with a Russian locale writes it: BOM, semicolons, a quoted field with a line break.
    let text = "\u{feff}Этап;Дорожка;Текст;Оценка;Цвет\n\
                Поиск;Действия;\"Гуглит; сравнивает\nцены\";;\n\
                Поиск;Эмоции;Интерес;1;\n\
                Покупка;Барьеры;Нет доставки;;Pink\n";
    std::fs::write(&csv, text).unwrap();
    let mut ui = Driver::new(stroller_map());
    let ctx = ui.harness.ctx.clone();
    ui.harness
        .state_mut()
        .accept_path(&ctx, PathPurpose::ImportCsv, csv.clone());
    ui.until("the CSV to be imported", |app| {
        app.doc.map().stages.len() == 2
    });
    let map = ui.map().clone();
    assert_eq!(map.stages[0].name, "Поиск");
    assert_eq!(map.cards[0].text, "Гуглит; сравнивает\nцены");
    assert!(
        ui.app().doc.is_dirty(),
        "an imported map is unsaved until saved as a map file"
    );
    assert!(ui.app().path.is_none());

    let out = dir.path().join("back.csv");
    ui.harness
        .state_mut()
        .accept_path(&ctx, PathPurpose::ExportCsv, out.clone());
    ui.until("the CSV to be written", |app| {
        app.status.starts_with("Exported")
    });
    let again = waymark::io::csv::import_csv_file(&out).unwrap();
    assert_eq!(
        again.cards.iter().map(|c| &c.text).collect::<Vec<_>>(),
        map.cards.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
}
