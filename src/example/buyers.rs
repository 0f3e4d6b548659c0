//! Customer-facing work led by the buyer side: search, merchandising,
//! checkout and trust.

use super::builder::{item, range};
use crate::model::Initiative;
use crate::model::WorkKind::CustomerFacing;

// Laid out one initiative per block, like rows of a roadmap table;
// rustfmt would spread each call over dozens of lines.
#[rustfmt::skip]
pub(super) fn initiatives() -> Vec<Initiative> {
    vec![
        item("one-tap-checkout", "One-tap checkout with saved cards", CustomerFacing, "checkout", "checkout", "conversion")
            .why("If we let returning buyers pay with a saved card in one tap, then mobile checkout conversion rises, because re-typing card details is the largest drop-off on mobile.",
                 "Mobile checkout conversion +1.5 pt within 6 weeks of full rollout")
            .buyer_segments(&[("new-buyers", 12_000.0, 1.0, 0.8), ("repeat-buyers", 30_000.0, 2.0, 0.8)])
            .seller(2_500.0, 0.5, 0.5)
            .effort(range(2.0, 3.0, 5.0))
            .after(&["card-vault"])
            .tags(&["mobile"])
            .ice([8, 2], 7, 5).wsjf([13, 3], 8, 5, 8)
            .card([5, 1, 1, 3], [2, 1, 0, 1])
            .done(),
        item("search-typo-tolerance", "Typo-tolerant search with synonyms", CustomerFacing, "search", "discovery", "conversion")
            .why("If search forgives typos and knows that \"mug\" means \"cup\", then fewer searches end with no results, because a fifth of zero-result queries are misspellings.",
                 "Zero-result searches -30% and search conversion +0.5 pt in 4 weeks")
            .buyer(60_000.0, 1.0, 0.8)
            .seller(3_000.0, 0.5, 0.5)
            .effort(2.0)
            .ice([7, 3], 8, 7).wsjf([8, 3], 5, 2, 3)
            .card([4, 1, 2, 2], [2, 1, 0, 1])
            .done(),
        item("visual-search", "Search by photo", CustomerFacing, "search", "discovery", "acquisition")
            .why("If buyers can search with a photo of something they saw, then we win searches that words cannot describe, because vintage buyers often do not know what an item is called.",
                 "5% of app searches use a photo within a quarter, with conversion at least that of text search")
            .buyer(range(8_000.0, 15_000.0, 30_000.0), 1.0, 0.5)
            .effort(range(4.0, 6.0, 10.0))
            .tags(&["mobile", "moonshot"])
            .ice([6, 0], 4, 3).wsjf([5, 0], 2, 3, 13)
            .card([2, 0, 3, 1], [0, 0, 0, 0])
            .done(),
        item("guest-checkout", "Guest checkout without an account", CustomerFacing, "checkout", "checkout", "conversion")
            .why("If first-time buyers can check out without creating an account, then more first visits end in an order, because the sign-up wall is where a third of new buyers leave the basket.",
                 "First-order conversion of new visitors +2 pt in 4 weeks")
            .buyer_segments(&[("new-buyers", 25_000.0, 2.0, 0.8)])
            .seller(2_000.0, 0.25, 0.5)
            .effort(2.0)
            .ice([8, 2], 8, 7).wsjf([13, 2], 8, 2, 3)
            .card([5, 0, 4, 0], [2, 1, 1, 0])
            .done(),
        item("buyer-service-fee", "Buyer service fee of 4% to fund lower seller commission", CustomerFacing, "payments", "checkout", "margin")
            .why("If buyers pay a 4% service fee and seller commission drops from 8% to 5%, then sellers earn more per sale and stay, because commission is the top reason sellers give for leaving; buyers will notice the fee.",
                 "Seller 90-day retention +3 pt while buyer conversion falls by no more than 0.3 pt")
            .buyer_segments(&[("new-buyers", 20_000.0, -1.0, 0.8), ("repeat-buyers", 50_000.0, -0.25, 0.8)])
            .seller(4_000.0, 1.0, 0.8)
            .effort(2.0)
            .tags(&["pricing"])
            .ice([-4, 8], 6, 9).wsjf([-5, 13], 8, 3, 2)
            .card([-3, 4, -2, -1], [2, 4, 2, 4])
            .done(),
        item("saved-searches", "Saved searches with new-listing alerts", CustomerFacing, "search", "retention", "retention")
            .why("If buyers can save a search and hear when a matching item is listed, then they come back more often, because one-of-a-kind items sell fast and browsing daily is tiring.",
                 "Repeat buyers' 30-day return rate +2 pt among alert subscribers")
            .buyer_segments(&[("repeat-buyers", 25_000.0, 1.0, 0.8)])
            .seller(3_000.0, 0.5, 0.8)
            .effort(2.0)
            .after(&["search-typo-tolerance"])
            .ice([6, 3], 7, 7).wsjf([5, 3], 3, 2, 3)
            .card([2, 0, 0, 4], [1, 0, 0, 1])
            .done(),
        item("gift-mode", "Gift mode: wrapping, notes and hidden prices", CustomerFacing, "checkout", "checkout", "rpv")
            .why("If buyers can mark an order as a gift with a note and wrapping, then gift orders grow before the holidays, because handmade goods are bought as gifts and buyers ask for it every December.",
                 "Gift orders are 8% of Q4 orders with average order value +£6")
            .buyer(18_000.0, 1.0, 0.5)
            .seller(1_500.0, 0.5, 0.5)
            .effort(3.0)
            .tags(&["seasonal"])
            .ice([5, 3], 5, 6).wsjf([5, 2], 13, 1, 5)
            .card([2, 2, 1, 1], [1, 2, 0, 0])
            .done(),
        item("personalised-home", "Personalised home feed from browsing history", CustomerFacing, "merchandising", "discovery", "rpv")
            .why("If the home page shows items like those a buyer viewed and favourited, then more visits lead to a listing view, because today every buyer sees the same editors' picks.",
                 "Revenue per visitor from the home page +5% in an A/B test of 4 weeks")
            .buyer_segments(&[("new-buyers", 15_000.0, 0.5, 0.5), ("repeat-buyers", 40_000.0, 1.0, 0.5)])
            .seller(5_000.0, 0.5, 0.5)
            .effort(range(4.0, 5.0, 8.0))
            .after(&["event-pipeline"])
            .ice([7, 4], 5, 4).wsjf([8, 5], 3, 5, 8)
            .card([3, 1, 1, 3], [1, 0, 0, 1])
            .done(),
        item("delivery-estimates", "Delivery date estimates on every listing", CustomerFacing, "fulfilment", "product page", "conversion")
            .why("If every listing shows when the item will arrive, then more buyers add to basket, because \"when will it arrive?\" is the most asked pre-purchase question; sellers must keep handling times up to date.",
                 "Add-to-basket rate +1 pt and \"where is my order\" contacts -10%")
            .buyer(55_000.0, 1.0, 0.8)
            .seller(4_000.0, -0.25, 0.8)
            .effort(3.0)
            .after(&["shipping-profiles"])
            .ice([7, -2], 7, 6).wsjf([8, -1], 5, 3, 5)
            .card([4, 0, 1, 2], [1, 0, 0, -1])
            .done(),
        item("review-photos", "Reviews with buyer photos", CustomerFacing, "merchandising", "product page", "conversion")
            .why("If buyers can add photos to reviews, then listings convert better, because handmade items vary and buyers trust other buyers' photos more than the seller's.",
                 "Conversion of listings with photo reviews +3% against those without")
            .buyer(35_000.0, 0.5, 0.8)
            .seller(2_500.0, 1.0, 0.8)
            .effort(2.0)
            .ice([5, 5], 7, 7).wsjf([5, 5], 2, 2, 3)
            .card([3, 0, 1, 1], [3, 0, 1, 1])
            .done(),
        item("price-drop-alerts", "Price-drop alerts on favourites", CustomerFacing, "merchandising", "retention", "retention")
            .why("If we tell buyers when a favourited item gets cheaper, then more favourites turn into orders, because price is why most favourites are left unbought; sellers feel pushed to discount.",
                 "Favourite-to-order rate +15% for alerted items, seller margin flat")
            .buyer_segments(&[("repeat-buyers", 28_000.0, 1.0, 0.8)])
            .seller(2_000.0, -0.25, 0.5)
            .effort(1.0)
            .ice([6, -2], 7, 8).wsjf([5, -1], 2, 1, 2)
            .card([3, -1, 0, 3], [1, -2, 0, 0])
            .done(),
        item("buyer-protection", "Buyer protection guarantee on every order", CustomerFacing, "trust & safety", "post-purchase", "conversion")
            .why("If every order is covered by a money-back guarantee, then new buyers dare to order from unknown shops, because fear of never receiving the item is the top reason they give for not buying; sellers will face more refund claims.",
                 "New-buyer conversion +1.5 pt with refund costs under 0.4% of GMV")
            .buyer_segments(&[("new-buyers", 20_000.0, 2.0, 0.8), ("repeat-buyers", 20_000.0, 0.5, 0.8)])
            .seller(3_500.0, -0.5, 0.8)
            .effort(4.0)
            .after(&["dispute-automation"])
            .ice([8, -3], 6, 4).wsjf([13, -3], 5, 5, 8)
            .card([4, -1, 4, 2], [1, -1, 0, 0])
            .done(),
    ]
}
