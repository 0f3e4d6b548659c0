//! Base64url without padding (RFC 4648 section 5): safe in a URL fragment.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Encodes bytes.
pub(crate) fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3).saturating_mul(4));
    for chunk in bytes.chunks(3) {
        let b = [0, 1, 2].map(|i| u32::from(chunk.get(i).copied().unwrap_or(0)));
        let word = (b[0] << 16) | (b[1] << 8) | b[2];
        let chars = chunk.len().saturating_add(1);
        for shift in [18u32, 12, 6, 0].into_iter().take(chars) {
            let index = (word >> shift) & 0x3f;
            out.push(char::from(
                ALPHABET.get(index as usize).copied().unwrap_or(b'A'),
            ));
        }
    }
    out
}

/// Decodes text; `Err(position)` names the first character that cannot be
/// part of base64url text (or the length when it is cut at an impossible
/// place).
pub(crate) fn decode(text: &str) -> Result<Vec<u8>, usize> {
    let mut out = Vec::with_capacity((text.len() / 4).saturating_mul(3).saturating_add(2));
    let mut word = 0u32;
    let mut bits = 0u32;
    for (position, byte) in text.bytes().enumerate() {
        let value = match byte {
            b'-' => 62,
            b'_' => 63,
            _ => match ALPHABET.iter().position(|&c| c == byte) {
                Some(found) => found as u8,
                None => return Err(position),
            },
        };
        word = (word << 6) | u32::from(value);
        // At most 13 bits are held: `bits` stays below 14.
        bits = bits.wrapping_add(6);
        if bits >= 8 {
            bits = bits.wrapping_sub(8);
            out.push((word >> bits) as u8);
            word &= (1u32 << bits).wrapping_sub(1);
        }
    }
    if text.len() % 4 == 1 {
        return Err(text.len());
    }
    // The leftover bits of the last character must be zero, as the encoder
    // writes them: otherwise two texts would decode to the same bytes, and a
    // changed last character would go unnoticed.
    if word != 0 {
        return Err(text.len().saturating_sub(1));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors() {
        assert_eq!(encode(b""), "");
        assert_eq!(encode(b"f"), "Zg");
        assert_eq!(encode(b"fo"), "Zm8");
        assert_eq!(encode(b"foo"), "Zm9v");
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode("Zm9vYg").unwrap(), b"foob");
        assert_eq!(decode("-_8").unwrap(), vec![0xfb, 0xff]);
        assert_eq!(decode("Zm9v=").unwrap_err(), 4);
        assert_eq!(decode("Zm9vY").unwrap_err(), 5);
        // "Zh" would decode to "f" too, but its unused bits are not zero.
        assert_eq!(decode("Zh").unwrap_err(), 1);
    }
}
