//! Customer-facing work led by the seller side: seller tools, payouts,
//! listing policy and shipping.

use super::builder::{item, range};
use crate::model::Initiative;
use crate::model::WorkKind::CustomerFacing;

// Laid out one initiative per block, like rows of a roadmap table;
// rustfmt would spread each call over dozens of lines.
#[rustfmt::skip]
pub(super) fn initiatives() -> Vec<Initiative> {
    vec![
        item("bulk-listing-editor", "Bulk listing editor for large sellers", CustomerFacing, "seller tools", "listing", "listings")
            .why("If sellers can edit prices, stock and shipping of many listings at once, then large shops keep their catalogues fresh, because they now edit hundreds of listings one by one and let them go stale.",
                 "Large sellers update 3x more listings per week; 20% fewer out-of-stock cancellations")
            .seller_segments(&[("large-sellers", 600.0, 3.0, 1.0), ("small-sellers", 2_000.0, 0.25, 0.8)])
            .buyer(20_000.0, 0.25, 0.5)
            .effort(3.0)
            .after(&["legacy-listings-retirement"])
            .ice([2, 8], 8, 5).wsjf([2, 13], 5, 3, 5)
            .card([1, 0, 0, 0], [1, 2, 0, 4])
            .done(),
        item("payout-dashboard", "Payout dashboard", CustomerFacing, "payments", "post-sale", "seller retention")
            .why("If sellers can see what they will be paid, when, and what was deducted, then they trust us with their income, because \"where is my money?\" is a quarter of seller support contacts.",
                 "Seller payout contacts -40% and seller NPS +5 in a quarter")
            .seller_segments(&[("small-sellers", 2_500.0, 0.5, 0.8), ("large-sellers", 700.0, 1.0, 1.0)])
            .effort(2.0)
            .ice([0, 7], 8, 7).wsjf([0, 8], 3, 3, 3)
            .card([0, 0, 0, 0], [0, 1, 0, 4])
            .done(),
        item("next-day-payouts", "Next-day payouts for trusted sellers", CustomerFacing, "payments", "post-sale", "seller retention")
            .why("If sellers with a good record are paid the day after dispatch instead of after 7 days, then they can buy materials sooner and sell more, because cash flow is small makers' main constraint.",
                 "GMV per eligible seller +6% and seller 90-day retention +2 pt")
            .seller_segments(&[("small-sellers", 2_000.0, 1.0, 0.8), ("large-sellers", 600.0, 1.0, 0.8)])
            .effort(range(3.0, 4.0, 6.0))
            .after(&["payout-dashboard", "fraud-risk-scoring"])
            .ice([0, 8], 6, 4).wsjf([0, 13], 5, 2, 8)
            .card([0, -1, 0, 0], [1, 2, 1, 5])
            .done(),
        item("shop-setup-wizard", "Guided shop setup for new sellers", CustomerFacing, "seller tools", "onboarding", "seller activation")
            .why("If new sellers are walked through their first listing, photos and shipping, then more of them publish a shop, because 45% of sign-ups never list anything.",
                 "Share of new sellers with a live listing within 14 days from 55% to 65%")
            .seller_segments(&[("small-sellers", 1_200.0, 2.0, 0.8)])
            .buyer(10_000.0, 0.25, 0.5)
            .effort(3.0)
            .ice([1, 7], 7, 5).wsjf([1, 8], 3, 5, 5)
            .card([0, 0, 1, 0], [0, 1, 5, 2])
            .done(),
        item("listing-quality-policy", "Stricter listing photo and description policy", CustomerFacing, "trust & safety", "listing", "conversion")
            .why("If every listing needs three clear photos, dimensions and materials, then buyers find what they expect and return less, because blurry, vague listings convert at half the average; sellers must redo old listings.",
                 "Returns for \"not as described\" -20% and listing conversion +5% in a quarter")
            .buyer(60_000.0, 0.5, 0.8)
            .seller_segments(&[("small-sellers", 3_000.0, -0.5, 0.8), ("large-sellers", 600.0, -0.5, 0.8)])
            .effort(2.0)
            .tags(&["policy"])
            .ice([6, -5], 6, 7).wsjf([8, -5], 3, 5, 3)
            .card([3, 1, 0, 2], [1, 0, -2, -3])
            .done(),
        item("shipping-labels", "Discounted shipping labels printed from the order page", CustomerFacing, "fulfilment", "fulfilment", "fulfilment")
            .why("If sellers can buy and print a discounted label next to the order, then they dispatch faster and pay less, because they now queue at the post office and pay retail postage.",
                 "Median dispatch time -1 day and seller shipping cost -15% for label users")
            .seller(3_500.0, 2.0, 0.8)
            .buyer(30_000.0, 0.25, 0.5)
            .effort(range(3.0, 5.0, 8.0))
            .after(&["shipping-profiles"])
            .ice([2, 8], 6, 4).wsjf([2, 13], 3, 3, 8)
            .card([1, 1, 0, 1], [1, 3, 1, 3])
            .done(),
        item("shipping-profiles", "Reusable shipping profiles", CustomerFacing, "seller tools", "listing", "listings")
            .why("If sellers define shipping once and reuse it on every listing, then listing takes less time and shipping prices are consistent, because they now retype rates per listing.",
                 "Median time to create a listing -25%")
            .seller(3_000.0, 1.0, 0.8)
            .effort(2.0)
            .ice([0, 6], 9, 7).wsjf([0, 5], 2, 8, 3)
            .card([0, 0, 0, 0], [1, 0, 1, 2])
            .done(),
        item("promoted-listings", "Self-serve promoted listings for sellers", CustomerFacing, "merchandising", "discovery", "gmv per seller")
            .why("If sellers can pay to promote listings in search, then they can grow on purpose and we earn ad revenue, because sellers ask how to get seen; buyers will see less relevant results.",
                 "Ad revenue 1% of GMV with search conversion down no more than 0.2 pt")
            .seller_segments(&[("large-sellers", 700.0, 2.0, 0.5), ("small-sellers", 2_500.0, 0.5, 0.5)])
            .buyer(60_000.0, -0.25, 0.5)
            .effort(5.0)
            .after(&["search-ranking-service"])
            .tags(&["revenue"])
            .ice([-2, 7], 5, 3).wsjf([-2, 8], 5, 3, 8)
            .card([-1, 4, 0, -1], [1, 2, 2, 1])
            .done(),
        item("shop-stats", "Shop stats: views, favourites and conversion by listing", CustomerFacing, "seller tools", "post-sale", "gmv per seller")
            .why("If sellers see which listings get views but no sales, then they fix photos and prices, because today they guess.",
                 "Half of active sellers open shop stats monthly; their GMV +4% against non-users")
            .seller(3_500.0, 1.0, 0.8)
            .effort(3.0)
            .after(&["event-pipeline"])
            .ice([0, 6], 7, 5).wsjf([0, 8], 2, 3, 5)
            .card([0, 0, 0, 0], [2, 1, 0, 3])
            .done(),
        item("inventory-sync", "Inventory sync API for multichannel sellers", CustomerFacing, "seller tools", "fulfilment", "gmv per seller")
            .why("If large sellers can sync stock with their own shop and other marketplaces, then they list their whole catalogue here, because they hold back items to avoid overselling.",
                 "Listings per large seller +30% and oversold cancellations -50%")
            .seller_segments(&[("large-sellers", 500.0, 2.0, 0.8)])
            .buyer(5_000.0, 0.5, 0.5)
            .effort(4.0)
            .tags(&["api"])
            .ice([1, 7], 6, 4).wsjf([1, 8], 3, 5, 8)
            .card([1, 0, 0, 1], [1, 1, 2, 3])
            .done(),
        item("saved-replies", "Saved replies for buyer messages", CustomerFacing, "seller tools", "post-sale", "cs contacts")
            .why("If sellers can answer common questions with saved replies, then buyers get answers faster, because most messages ask about delivery, sizes and customisation.",
                 "Median seller reply time under 4 hours for 70% of shops")
            .seller(3_000.0, 0.5, 0.5)
            .buyer(12_000.0, 0.25, 0.5)
            .effort(1.0)
            .ice([2, 4], 8, 9).wsjf([2, 3], 1, 1, 2)
            .card([1, 0, 0, 1], [0, 0, 0, 1])
            .done(),
        item("tax-reports", "Automated VAT and sales-tax reports for sellers", CustomerFacing, "payments", "post-sale", "seller retention")
            .why("If we produce the VAT and sales-tax figures sellers must file, then they spend less time on paperwork and stay, because new rules make marketplaces report seller income and sellers are worried.",
                 "Tax-season support contacts -50%; no seller churn attributed to tax reporting")
            .seller_segments(&[("large-sellers", 700.0, 1.0, 1.0), ("small-sellers", 3_000.0, 0.5, 0.8)])
            .effort(3.0)
            .tags(&["compliance"])
            .ice([0, 6], 8, 5).wsjf([0, 5], 13, 8, 5)
            .card([0, 0, 0, 0], [0, 1, 0, 3])
            .done(),
    ]
}
