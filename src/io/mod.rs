//! Reading and writing backlogs: spreadsheets ([`csv`]), the versioned JSON
//! document ([`document`]) and share links ([`share`]).

pub mod csv;
pub mod document;
pub mod share;
