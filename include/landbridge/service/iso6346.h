// ISO 6346 container numbers: owner code (3 letters), equipment category (U freight container,
// J detachable equipment, Z trailer or chassis), 6-digit serial and a check digit.
//
//   check_digit("CSQU305438") == 3        validate("CSQU3054383") -> ok
//   make_container_number("LBU", 12) == "LBUU0000124"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace landbridge::service {

// The check digit of the first ten characters of a number (owner code, category, serial);
// nullopt when they are not 4 letters followed by 6 digits (case matters: capitals only).
std::optional<int> check_digit(std::string_view first_ten);

// Why `number` is not a valid ISO 6346 container number ("" when it is): its length, a
// character out of place, an unknown category, or a wrong check digit (naming the right one).
std::string container_number_problem(std::string_view number);
inline bool is_container_number(std::string_view number) { return container_number_problem(number).empty(); }

// The freight container number of `owner` (3 capital letters) with category U and `serial`
// (0..999999), check digit appended. Throws std::invalid_argument for a bad owner or serial.
std::string make_container_number(std::string_view owner, std::uint32_t serial);

// The owner code the service numbers its own boxes with.
inline constexpr std::string_view kOwnerCode = "LBU";

}  // namespace landbridge::service
