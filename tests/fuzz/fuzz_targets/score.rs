//! Scoring with a structured backlog and options derived from the bytes:
//! validate, score, and the Prioritiser (rank, order, segment weights) never
//! panic, and every ranked initiative has a finite score.
#![no_main]
use libfuzzer_sys::fuzz_target;
use twosided::{Backlog, Prioritiser, ScoreOptions, Side};
use twosided_fuzz::{backlog, options, Source};

fuzz_target!(|data: &[u8]| {
    let mut source = Source::new(data);
    let Ok(backlog) = serde_json::from_value::<Backlog>(backlog(&mut source)) else { return };
    let Ok(options) = serde_json::from_value::<ScoreOptions>(options(&mut source)) else { return };
    let _ = twosided::validate(&backlog);
    if let Ok(ranked) = twosided::score(&backlog, &options) {
        for item in &ranked {
            if item.rank.is_some() {
                assert!(item.score.is_finite(), "ranked with a score of {}", item.score);
            }
        }
    }
    if let Ok(mut prioritiser) = Prioritiser::new(backlog) {
        let _ = prioritiser.rank(&options);
        let _ = prioritiser.order(&options);
        let weight = source.number();
        let side = if source.flip() { Side::Buyer } else { Side::Seller };
        let _ = prioritiser.set_segment_weight(side, "s0", weight);
        let _ = prioritiser.order(&options);
    }
});
