//! Share links: a whole scenario (backlog and settings) in the URL fragment,
//! compressed and then base64url-encoded.
//!
//! The fragment (the part after `#`) is never sent to a server, so a shared
//! scenario stays between the people who have the link. It reads
//! `scenario=v1.<data>`, where `<data>` is the base64url text of the
//! compressed JSON document (see [`super::document`]). Decoding checks the
//! prefix, every character, the compressed data's checksum, and the
//! length (at most [`MAX_SHARE_LINK_CHARS`] characters, expanding to at most
//! [`MAX_SHARED_JSON_BYTES`]), then reads the document as strictly as a file.

mod base64url;
mod lz;

use crate::Error;

/// The fragment's prefix, naming the link format's version.
pub const SHARE_LINK_PREFIX: &str = "scenario=v1.";
/// Longest fragment accepted or produced, in characters: within what
/// browsers, chat tools and mail clients keep intact.
pub const MAX_SHARE_LINK_CHARS: usize = 65_536;
/// Largest JSON a link may expand to, in bytes.
pub const MAX_SHARED_JSON_BYTES: usize = 10 * 1024 * 1024;

fn link_error(message: impl Into<String>) -> Error {
    Error::Parse {
        path: "shareLink".into(),
        message: message.into(),
    }
}

/// Encodes the JSON text of a document as a fragment (without the `#`).
///
/// ```
/// use twosided::io::share::{encode_share_json, decode_share_json};
/// let json = br#"{"version":1,"backlog":{"initiatives":[]}}"#;
/// let fragment = encode_share_json(json).unwrap();
/// assert!(fragment.starts_with("scenario=v1."));
/// assert_eq!(decode_share_json(&format!("https://example.org/#{fragment}")).unwrap(), json);
/// ```
pub fn encode_share_json(json: &[u8]) -> Result<String, Error> {
    if json.len() > MAX_SHARED_JSON_BYTES {
        return Err(Error::LimitExceeded {
            path: "shareLink".into(),
            message: format!("the scenario is too large to share as a link ({} bytes); export it as a file instead", json.len()),
        });
    }
    let fragment = format!(
        "{SHARE_LINK_PREFIX}{}",
        base64url::encode(&lz::compress(json))
    );
    if fragment.len() > MAX_SHARE_LINK_CHARS {
        return Err(Error::LimitExceeded {
            path: "shareLink".into(),
            message: format!(
                "the link would be {} characters, more than the {MAX_SHARE_LINK_CHARS} a link can safely carry; export the scenario as a file instead",
                fragment.len()
            ),
        });
    }
    Ok(fragment)
}

/// Decodes a link, a fragment (with or without `#`) or the data after the
/// prefix, back to the JSON text it carries. Never panics, whatever the input.
pub fn decode_share_json(link: &str) -> Result<Vec<u8>, Error> {
    let link = link.trim();
    let fragment = link.rsplit_once('#').map_or(link, |(_, after)| after);
    if fragment.len() > MAX_SHARE_LINK_CHARS {
        return Err(Error::LimitExceeded {
            path: "shareLink".into(),
            message: format!(
                "the link is {} characters long, more than the {MAX_SHARE_LINK_CHARS} accepted",
                fragment.len()
            ),
        });
    }
    let data = match fragment.strip_prefix(SHARE_LINK_PREFIX) {
        Some(data) => data,
        None if fragment.starts_with("scenario=v") => {
            return Err(link_error(
                "this link was made by a newer version of the calculator: open it there",
            ))
        }
        None => {
            return Err(link_error(
                "this is not a scenario link: it should contain #scenario=v1.",
            ))
        }
    };
    let bytes = base64url::decode(data).map_err(|position| {
        link_error(format!(
            "the link is damaged at character {}: it may have been cut or changed when it was copied",
            position.saturating_add(SHARE_LINK_PREFIX.len()).saturating_add(1)
        ))
    })?;
    lz::decompress(&bytes, MAX_SHARED_JSON_BYTES).map_err(|damage| match damage {
        lz::Damage::Corrupt => {
            link_error("the link is damaged: it may have been cut or changed when it was copied")
        }
        lz::Damage::TooLarge(size) => Error::LimitExceeded {
            path: "shareLink".into(),
            message: format!(
                "the link expands to {size} bytes, more than the {MAX_SHARED_JSON_BYTES} accepted"
            ),
        },
    })
}

/// Encodes a document as a share-link fragment (without the `#`). The
/// backlog must be valid: an invalid one is refused with every problem.
#[cfg(not(target_arch = "wasm32"))]
pub fn encode_share_link(document: &super::document::Document) -> Result<String, Error> {
    let problems = crate::validate(&document.backlog);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    // Checks finiteness; the link carries the compact form.
    super::document::write_document(document)?;
    let json = serde_json::to_vec(document).map_err(|e| link_error(e.to_string()))?;
    encode_share_json(&json)
}

/// Decodes a share link (or its fragment) to the document it carries,
/// migrated to the current version.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode_share_link(link: &str) -> Result<super::document::Document, Error> {
    let json = decode_share_json(link)?;
    let text = String::from_utf8(json)
        .map_err(|_| link_error("the link is damaged: its text is not valid UTF-8"))?;
    super::document::read_document(&text)
}
