// Text forms and rules of the service's records (records.h).
#include "landbridge/service/records.h"

#include <array>
#include <utility>

namespace landbridge::service {
namespace {

constexpr std::array<std::pair<BookingStatus, std::string_view>, 5> kStatuses{{
    {BookingStatus::received, "RECEIVED"},
    {BookingStatus::confirmed, "CONFIRMED"},
    {BookingStatus::rejected, "REJECTED"},
    {BookingStatus::cancelled, "CANCELLED"},
    {BookingStatus::completed, "COMPLETED"},
}};

constexpr std::array<std::pair<Role, std::string_view>, 3> kRoles{{
    {Role::shipper, "shipper"},
    {Role::operator_, "operator"},
    {Role::admin, "admin"},
}};

}  // namespace

std::string_view to_string(BookingStatus s) {
  for (const auto& [status, text] : kStatuses)
    if (status == s) return text;
  return "UNKNOWN";
}

std::optional<BookingStatus> parse_booking_status(std::string_view s) {
  for (const auto& [status, text] : kStatuses)
    if (text == s) return status;
  return std::nullopt;
}

bool can_transition(BookingStatus from, BookingStatus to) {
  using S = BookingStatus;
  switch (from) {
    case S::received:
      return to == S::confirmed || to == S::rejected || to == S::cancelled;
    case S::confirmed:
      return to == S::cancelled || to == S::completed;
    case S::rejected:
    case S::cancelled:
    case S::completed:
      return false;
  }
  return false;
}

bool holds_slots(BookingStatus s) { return s == BookingStatus::received || s == BookingStatus::confirmed; }

std::string_view to_string(Role r) {
  for (const auto& [role, text] : kRoles)
    if (role == r) return text;
  return "unknown";
}

std::optional<Role> parse_role(std::string_view s) {
  for (const auto& [role, text] : kRoles)
    if (text == s) return role;
  return std::nullopt;
}

}  // namespace landbridge::service
