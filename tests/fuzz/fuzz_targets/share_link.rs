//! Share links: decoding any text never panics, and encoding any bytes
//! decodes back to exactly those bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;
use twosided::io::share::{decode_share_json, decode_share_link, encode_share_json};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = decode_share_json(text);
        let _ = decode_share_link(text);
        // The fuzzer rarely finds the prefix: give it for free half the time.
        let _ = decode_share_json(&format!("#scenario=v1.{text}"));
    }
    if let Ok(fragment) = encode_share_json(data) {
        let back = decode_share_json(&fragment).expect("an encoded link decodes");
        assert_eq!(back, data, "a link carries its bytes exactly");
    }
});
