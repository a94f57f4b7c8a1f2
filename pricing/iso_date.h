#pragma once
// The calendar-date check shared by price tables (effective_date) and the offer importer (an offer's
// publication date becomes the table's effective date).
#include <string>

namespace flowcost::pricing {

// A date YYYY-MM-DD (month 1 to 12, day 1 to 31).
bool is_iso_date(const std::string& s);

}  // namespace flowcost::pricing
