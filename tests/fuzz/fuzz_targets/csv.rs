//! Spreadsheet import from raw bytes with every option combination: never
//! panics, and an imported backlog exports again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use twosided::io::csv::{
    backlog_to_csv, parse_csv, CsvExportOptions, CsvImportOptions, DecimalSeparator, Delimiter,
};

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let options = CsvImportOptions {
        delimiter: [Delimiter::Auto, Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab]
            [usize::from(choice & 3)],
        decimal: [DecimalSeparator::Auto, DecimalSeparator::Point, DecimalSeparator::Comma]
            [usize::from((choice >> 2) & 3) % 3],
        partial: choice & 16 != 0,
        ..CsvImportOptions::default()
    };
    if let Ok(import) = parse_csv(text, &options) {
        let _ = twosided::validate(&import.backlog);
        let _ = backlog_to_csv(&import.backlog, &CsvExportOptions::default());
    }
});
