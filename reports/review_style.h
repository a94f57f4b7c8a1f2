#pragma once
// The stylesheet of the design-review page: system fonts only (nothing fetched), the charts' palette
// (colour-blind safe), and print rules (A4, no figure or table row split across pages).
namespace flowcost::reports {

extern const char* const kReviewStylesheet;

}  // namespace flowcost::reports
