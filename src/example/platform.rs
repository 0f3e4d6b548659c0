//! Platform work (performance, reliability, tech debt) and operational work
//! (internal tools, process automation).

use super::builder::{item, range};
use crate::model::Initiative;
use crate::model::WorkKind::{Operational, Platform};

// Laid out one initiative per block, like rows of a roadmap table;
// rustfmt would spread each call over dozens of lines.
#[rustfmt::skip]
pub(super) fn initiatives() -> Vec<Initiative> {
    vec![
        item("card-vault", "PCI-compliant card vault", Platform, "payments", "checkout", "conversion")
            .why("If we store cards in our own tokenised vault instead of the old processor's, then we can offer saved cards and switch processors, because the current contract forbids reusing its tokens.",
                 "Vault passes PCI audit; payment errors at checkout -10%")
            .buyer(5_000.0, 0.25, 0.8)
            .effort(3.0)
            .tags(&["enabler"])
            .ice([3, 0], 7, 4).wsjf([2, 0], 5, 13, 5)
            .card([1, 1, 0, 0], [0, 0, 0, 0])
            .done(),
        item("search-ranking-service", "Search ranking service with learning-to-rank", Platform, "search", "discovery", "conversion")
            .why("If ranking moves from hand-tuned rules to a model trained on clicks and orders, then buyers see better matches first, because the rules have not been tuned in two years.",
                 "Search conversion +3% in an A/B test; ranking changes ship in days, not weeks")
            .buyer(60_000.0, 0.5, 0.5)
            .seller(4_000.0, 0.25, 0.5)
            .effort(range(6.0, 8.0, 12.0))
            .tags(&["enabler"])
            .ice([6, 3], 4, 2).wsjf([5, 3], 2, 13, 13)
            .card([3, 1, 1, 1], [1, 1, 0, 0])
            .done(),
        item("event-pipeline", "Real-time event pipeline for browsing data", Platform, "platform", "discovery", "rpv")
            .why("If views, favourites and searches flow into one real-time pipeline, then personalisation and shop stats can be built, because today the data arrives a day late in three formats.",
                 "Events available within 1 minute with 99.9% completeness")
            .buyer(10_000.0, 0.25, 0.5)
            .effort(4.0)
            .tags(&["enabler"])
            .ice([2, 1], 7, 4).wsjf([1, 1], 2, 20, 8)
            .card([0, 0, 0, 0], [0, 0, 0, 0])
            .done(),
        item("image-cdn", "Image CDN with responsive images", Platform, "platform", "product page", "conversion")
            .why("If listing photos are served at the right size from a CDN, then pages load twice as fast on phones, because photos are 80% of a listing page's weight.",
                 "Listing page load on mobile (p75) under 2 s; bounce rate -5%")
            .buyer(80_000.0, 0.5, 0.8)
            .seller(4_500.0, 0.25, 0.5)
            .effort(2.0)
            .tags(&["performance", "mobile"])
            .ice([5, 2], 8, 7).wsjf([5, 2], 3, 5, 3)
            .card([3, 1, 1, 1], [1, 0, 0, 0])
            .done(),
        item("checkout-reliability", "Payment retries and a checkout error budget", Platform, "checkout", "checkout", "conversion")
            .why("If failed payment calls are retried and checkout errors are held to an error budget, then fewer orders are lost to errors, because 1.2% of checkouts fail on timeouts.",
                 "Checkout technical failures under 0.3% for a quarter")
            .buyer(40_000.0, 0.5, 0.8)
            .seller(3_000.0, 0.25, 0.8)
            .effort(3.0)
            .tags(&["reliability"])
            .ice([5, 2], 8, 6).wsjf([5, 2], 5, 8, 5)
            .card([3, 0, 0, 1], [1, 0, 0, 0])
            .done(),
        item("legacy-listings-retirement", "Retire the legacy listing service", Platform, "platform", "listing", "listings")
            .why("If listings move off the ten-year-old listing service, then listing tools can be built safely, because every change to it breaks something and slows all seller-tool work.",
                 "Legacy service switched off; listing-tool lead time halved")
            .seller(4_500.0, 0.25, 0.5)
            .effort(range(6.0, 8.0, 12.0))
            .tags(&["tech debt"])
            .ice([0, 3], 6, 2).wsjf([0, 2], 2, 13, 13)
            .card([0, 1, 0, 0], [0, 1, 0, 1])
            .done(),
        item("app-start-time", "App start time under two seconds", Platform, "platform", "discovery", "retention")
            .why("If the app opens in under two seconds, then repeat buyers open it more often, because a quarter of app sessions are abandoned during start-up.",
                 "App cold start p75 under 2 s; weekly active app buyers +3%")
            .buyer_segments(&[("repeat-buyers", 35_000.0, 0.5, 0.8)])
            .effort(3.0)
            .tags(&["performance", "mobile"])
            .ice([5, 0], 6, 5).wsjf([5, 0], 2, 5, 5)
            .card([2, 0, 0, 2], [0, 0, 0, 0])
            .done(),
        item("dispute-automation", "Dispute triage automation for the support team", Operational, "trust & safety", "post-purchase", "cs contacts")
            .why("If disputes are sorted and routed automatically with the order history attached, then agents resolve them in half the time, because they now gather evidence by hand.",
                 "Median dispute resolution from 6 days to 3; cost per dispute -30%")
            .buyer(6_000.0, 0.5, 0.8)
            .seller(1_500.0, 0.5, 0.8)
            .effort(3.0)
            .ice([3, 3], 7, 5).wsjf([3, 3], 3, 8, 5)
            .card([0, 2, 0, 1], [0, 1, 0, 1])
            .done(),
        item("fraud-risk-scoring", "Automated fraud risk scoring for new shops", Operational, "trust & safety", "onboarding", "defect rate")
            .why("If new shops get a risk score from their details and first listings, then scams are stopped before the first order, because half of fraud losses come from shops less than a month old; honest new sellers may wait longer.",
                 "Fraud losses -40% with fewer than 2% of honest new shops held for review")
            .buyer(40_000.0, 0.25, 0.8)
            .seller_segments(&[("small-sellers", 800.0, -0.25, 0.5)])
            .effort(4.0)
            .ice([4, -1], 6, 4).wsjf([5, -1], 8, 13, 8)
            .card([1, 2, 0, 1], [0, 0, -1, 0])
            .done(),
        item("prohibited-items-queue", "Prohibited-item review queue with image matching", Operational, "trust & safety", "listing", "defect rate")
            .why("If listings that look like counterfeits or banned items are queued for review by image matching, then buyers meet fewer of them, because reviewers now only see listings that buyers report.",
                 "Reported prohibited listings -50% with review backlog under a day")
            .buyer(25_000.0, 0.5, 0.5)
            .seller(3_000.0, 0.25, 0.5)
            .effort(3.0)
            .ice([4, 2], 5, 5).wsjf([3, 2], 5, 8, 5)
            .card([1, 0, 0, 1], [0, 0, 0, 1])
            .done(),
        item("support-order-lookup", "Order lookup and macros in the help desk", Operational, "operations", "post-purchase", "cs contacts")
            .why("If agents see the order, shipment and messages beside each ticket and answer with macros, then contacts are handled faster, because agents now switch between four tools.",
                 "Average handling time -25% and first-contact resolution +10 pt")
            .buyer(8_000.0, 0.5, 1.0)
            .seller(1_000.0, 0.5, 1.0)
            .effort(1.0)
            .ice([3, 3], 9, 8).wsjf([2, 2], 2, 3, 2)
            .card([0, 2, 0, 1], [0, 1, 0, 1])
            .done(),
        item("late-dispatch-nudges", "Automatic nudges about late dispatch", Operational, "fulfilment", "fulfilment", "fulfilment")
            .why("If sellers get a reminder before an order is due to ship and buyers a note when it is late, then fewer orders ship late and fewer buyers write in, because most late orders are simply forgotten.",
                 "Late dispatch rate from 9% to 6%; \"where is my order\" contacts -15%")
            .buyer(15_000.0, 0.5, 0.8)
            .seller(2_000.0, 0.25, 0.5)
            .effort(1.0)
            .ice([3, 2], 7, 8).wsjf([3, 1], 2, 3, 2)
            .card([1, 0, 0, 2], [0, 0, 0, 1])
            .done(),
        item("seller-identity-checks", "Identity checks for sellers above the payout threshold", Operational, "trust & safety", "onboarding", "defect rate")
            .why("If sellers above €2,000 a year verify their identity, then we meet the new platform reporting rules and deter fraud rings, because the law now requires it; sellers must upload documents.",
                 "All sellers above the threshold verified by the legal deadline with under 1% churn among them")
            .buyer(30_000.0, 0.25, 0.5)
            .seller_segments(&[("large-sellers", 700.0, -0.25, 1.0), ("small-sellers", 1_500.0, -0.5, 0.8)])
            .effort(range(2.0, 3.0, 5.0))
            .tags(&["compliance"])
            .ice([2, -3], 9, 5).wsjf([2, -2], 20, 13, 5)
            .card([0, 0, 0, 1], [0, -1, -1, -1])
            .done(),
    ]
}
