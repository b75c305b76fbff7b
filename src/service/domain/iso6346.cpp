#include "landbridge/service/iso6346.h"

#include <stdexcept>

namespace landbridge::service {
namespace {

bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Letters count from A = 10 upward, stepping over the multiples of 11 (11, 22, 33).
int letter_value(char c) {
  int v = 10;
  for (char l = 'A'; l < c; ++l) {
    ++v;
    if (v % 11 == 0) ++v;
  }
  return v;
}

}  // namespace

std::optional<int> check_digit(std::string_view first_ten) {
  if (first_ten.size() != 10) return std::nullopt;
  long sum = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    const char c = first_ten[i];
    int value = 0;
    if (i < 4) {
      if (!is_capital(c)) return std::nullopt;
      value = letter_value(c);
    } else {
      if (!is_digit(c)) return std::nullopt;
      value = c - '0';
    }
    sum += static_cast<long>(value) << i;
  }
  return static_cast<int>(sum % 11 % 10);
}

std::string container_number_problem(std::string_view n) {
  if (n.size() != 11)
    return "an ISO 6346 container number has 11 characters (owner code, category, 6-digit serial, check digit), not " +
           std::to_string(n.size());
  for (std::size_t i = 0; i < 3; ++i)
    if (!is_capital(n[i])) return "characters 1-3 must be the owner code in capital letters";
  if (n[3] != 'U' && n[3] != 'J' && n[3] != 'Z')
    return std::string("character 4 is the equipment category U, J or Z, not '") + n[3] + "'";
  for (std::size_t i = 4; i < 11; ++i)
    if (!is_digit(n[i])) return "characters 5-11 must be digits (serial number and check digit)";
  const int expected = *check_digit(n.substr(0, 10));
  if (n[10] - '0' != expected)
    return "check digit " + std::string(1, n[10]) + " is wrong: " + std::string(n.substr(0, 10)) + " has check digit " +
           std::to_string(expected);
  return "";
}

std::string make_container_number(std::string_view owner, std::uint32_t serial) {
  if (owner.size() != 3 || !is_capital(owner[0]) || !is_capital(owner[1]) || !is_capital(owner[2]))
    throw std::invalid_argument("owner code must be 3 capital letters");
  if (serial > 999'999) throw std::invalid_argument("serial number must be 0..999999");
  std::string s(owner);
  s += 'U';
  const std::string digits = std::to_string(serial);
  s.append(6 - digits.size(), '0');
  s += digits;
  s += static_cast<char>('0' + *check_digit(s));
  return s;
}

}  // namespace landbridge::service
