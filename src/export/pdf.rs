//! PDF: the map's SVG converted by svg2pdf, with the bundled fonts embedded (subset) so that the text stays
//! real, selectable and searchable text, Cyrillic included.

use crate::layout::MapLayout;
use crate::model::Map;

use super::svg::{SvgOptions, write_svg};
use super::{Background, ExportError, PdfPage, Progress, parse_svg};

pub fn pdf_bytes(
    map: &Map,
    layout: &MapLayout,
    page: PdfPage,
    progress: &Progress<'_>,
) -> Result<Vec<u8>, ExportError> {
    progress.check()?;
    // One SVG user unit becomes one PDF point: a map page is as large in points as the map in pixels, and a
    // paper page gets its size in points with the map fitted inside.
    let svg = write_svg(
        map,
        layout,
        &SvgOptions {
            background: Background::Transparent,
            embed_fonts: false,
            page: page.size_pt(),
        },
    );
    let tree = parse_svg(&svg)?;
    progress.report(0.4);
    progress.check()?;
    let pdf = svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions { dpi: 72.0 },
    )
    .map_err(|e| ExportError::Render(e.to_string()))?;
    progress.report(0.9);
    Ok(pdf)
}
