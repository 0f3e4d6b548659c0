//! The JSON document reader, from raw bytes: never panics, and a document it
//! accepts is written and read back to the same document.
#![no_main]
use libfuzzer_sys::fuzz_target;
use twosided::io::document::{read_document, write_document};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(document) = read_document(text) else { return };
    // Scoring whatever was read must not panic either.
    let options = document.settings.clone().unwrap_or_default();
    let _ = twosided::score(&document.backlog, &options);
    if let Ok(written) = write_document(&document) {
        let again = read_document(&written).expect("a written document reads back");
        assert_eq!(again, document, "a document survives writing and reading");
    }
});
