// The one way money is written for people: `5,506.00 USD` (thousands separated by commas, two
// decimals, the currency code after the amount). Every table, chart label and message of the
// library and the command line uses it; JSON keeps plain numbers.
#pragma once

#include <string>

#include "landbridge/core/units.h"

namespace landbridge {

// "5,506.00 USD", "-12.50 USD", "0.00 USD".
std::string format_money(UsdCents amount);
// The amount alone, "5,506.00" (for table columns whose heading names the currency).
std::string format_money_amount(UsdCents amount);

}  // namespace landbridge
