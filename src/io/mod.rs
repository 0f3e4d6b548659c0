//! Reading and writing backlogs: CSV, the versioned JSON document, share links.
