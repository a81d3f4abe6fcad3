//! Reading Waymark's SVG back with usvg, as other renderers would (tests and the export benchmark only:
//! the program itself never parses SVG, so usvg and its text stack stay out of the binary).

use std::sync::{Arc, OnceLock};

use waymark::layout::fonts;

/// A font database with the bundled fonts and nothing else, so that the result is the same on every machine.
pub fn font_database() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for font in [fonts::SANS, fonts::SANS_BOLD, fonts::EMOJI] {
            db.load_font_data(font.to_vec());
        }
        db.set_sans_serif_family("DejaVu Sans");
        db.set_serif_family("DejaVu Sans");
        Arc::new(db)
    })
    .clone()
}

/// Parses SVG text with the bundled fonts.
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, String> {
    let options = usvg::Options {
        fontdb: font_database(),
        font_family: "DejaVu Sans".to_owned(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())
}
