//! The persona's photo: stored inside the map file as a small PNG, so that a map is always one file.

use std::io::Cursor;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::k;
use crate::t;

/// Photos are scaled down so that neither side is longer than this.
pub const MAX_PHOTO_SIDE: u32 = 512;

/// Pictures larger than this are refused before they are decoded (a decompression bomb stays a small error).
const MAX_DECODED_SIDE: u32 = 12_000;
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;

/// A decoded, size-limited photo kept as PNG bytes.
#[derive(Clone, PartialEq)]
pub struct Photo {
    png: Vec<u8>,
    width: u32,
    height: u32,
}

/// Why a picture cannot be a persona photo, in the interface language.
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoError(pub String);

impl std::fmt::Display for PhotoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PhotoError {}

impl std::fmt::Debug for Photo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Photo({}x{}, {} bytes)",
            self.width,
            self.height,
            self.png.len()
        )
    }
}

impl Photo {
    /// Decodes a PNG, JPEG or WebP picture, scales it down to [`MAX_PHOTO_SIDE`] and keeps it as PNG.
    pub fn from_image_bytes(bytes: &[u8]) -> Result<Photo, PhotoError> {
        Photo::from_rgba(decode_limited(bytes)?)
    }

    /// Scales a decoded picture down to [`MAX_PHOTO_SIDE`] and keeps it as PNG.
    fn from_rgba(rgba: image::RgbaImage) -> Result<Photo, PhotoError> {
        let rgba = if rgba.width() > MAX_PHOTO_SIDE || rgba.height() > MAX_PHOTO_SIDE {
            image::DynamicImage::ImageRgba8(rgba)
                .resize(
                    MAX_PHOTO_SIDE,
                    MAX_PHOTO_SIDE,
                    image::imageops::FilterType::Triangle,
                )
                .to_rgba8()
        } else {
            rgba
        };
        let mut png = Vec::new();
        rgba.write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .map_err(|e| PhotoError(t!(k::PHOTO_STORE_FAILED, error = e.to_string())))?;
        Ok(Photo {
            width: rgba.width(),
            height: rgba.height(),
            png,
        })
    }

    /// Decodes the stored PNG into RGBA pixels.
    pub fn to_rgba(&self) -> Result<image::RgbaImage, PhotoError> {
        decode_limited(&self.png)
    }

    pub fn png_bytes(&self) -> &[u8] {
        &self.png
    }

    pub fn size(&self) -> [u32; 2] {
        [self.width, self.height]
    }
}

fn decode_limited(bytes: &[u8]) -> Result<image::RgbaImage, PhotoError> {
    let mut reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| PhotoError(t!(k::PHOTO_UNREADABLE, error = e.to_string())))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_DECODED_SIDE);
    limits.max_image_height = Some(MAX_DECODED_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    if reader.format().is_none() {
        return Err(PhotoError(t!(k::PHOTO_NOT_AN_IMAGE)));
    }
    let image = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => PhotoError(t!(k::PHOTO_TOO_LARGE, side = MAX_DECODED_SIDE)),
        other => PhotoError(t!(k::PHOTO_UNDECODABLE, error = other.to_string())),
    })?;
    Ok(image.to_rgba8())
}

impl Serialize for Photo {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&BASE64.encode(&self.png))
    }
}

impl<'de> Deserialize<'de> for Photo {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Photo, D::Error> {
        let text = String::deserialize(deserializer)?;
        let png = BASE64.decode(text.trim()).map_err(|e| {
            serde::de::Error::custom(t!(k::PHOTO_BAD_BASE64, error = e.to_string()))
        })?;
        let rgba = decode_limited(&png)
            .map_err(|e| serde::de::Error::custom(t!(k::PHOTO_IN_FILE, error = e.to_string())))?;
        if rgba.width() > MAX_PHOTO_SIDE || rgba.height() > MAX_PHOTO_SIDE {
            // A photo put into the file by another program may be far larger than the editor ever stores; the
            // canvas uploads it as one texture, which drivers limit (often to 4096 or 8192 pixels).
            return Photo::from_rgba(rgba).map_err(|e| {
                serde::de::Error::custom(t!(k::PHOTO_IN_FILE, error = e.to_string()))
            });
        }
        Ok(Photo {
            width: rgba.width(),
            height: rgba.height(),
            png,
        })
    }
}
