//! The app icon for the window's title bar and task bar. The same picture (drawn in `assets/icon/waymark.svg`)
//! is installed for the desktop by the Debian package.

/// The 256 px icon, rendered from the SVG with `rsvg-convert` and committed.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon/waymark-256.png");

/// The window icon, or `None` if the embedded picture does not decode: the window then opens with the
/// desktop's default icon rather than not at all.
pub fn window_icon() -> Option<egui::IconData> {
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => Some(icon),
        Err(error) => {
            eprintln!("waymark: the window icon could not be read: {error}");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_icon_decodes_at_its_size() {
        let icon = super::window_icon().expect("the committed icon is a valid PNG");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
