#include "landbridge/core/money.h"

#include <cstdint>

namespace landbridge {

std::string format_money_amount(UsdCents amount) {
  const std::int64_t v = amount.value();
  // Work on the magnitude as unsigned so that the lowest int64 does not overflow.
  const std::uint64_t mag = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  const std::string whole = std::to_string(mag / 100);
  std::string out;
  if (v < 0) out += '-';
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  const std::uint64_t cents = mag % 100;
  out += '.';
  out += static_cast<char>('0' + cents / 10);
  out += static_cast<char>('0' + cents % 10);
  return out;
}

std::string format_money(UsdCents amount) { return format_money_amount(amount) + " USD"; }

}  // namespace landbridge
