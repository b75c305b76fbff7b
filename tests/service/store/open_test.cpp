// Opening stores by URL, and the rules of the records.
#include <gtest/gtest.h>

#include <string>

#include "backend_fixture.h"
#include "landbridge/service/records.h"

namespace landbridge::service {
namespace {

TEST(StoreOpen, SqliteByPrefixOrPlainPath) {
  const auto dir = testing_support::scratch_dir();
  std::filesystem::remove(dir / "a.db");
  std::filesystem::remove(dir / "b.db");
  EXPECT_EQ(open_store("sqlite:" + (dir / "a.db").string())->backend(), "sqlite");
  EXPECT_EQ(open_store((dir / "b.db").string())->backend(), "sqlite");
  EXPECT_TRUE(std::filesystem::exists(dir / "a.db"));
  EXPECT_TRUE(std::filesystem::exists(dir / "b.db"));
}

TEST(StoreOpen, SqliteInAMissingFolderNamesThePath) {
  const auto path = (testing_support::scratch_dir() / "missing" / "x.db").string();
  try {
    open_store("sqlite:" + path);
    FAIL() << "opened a file in a folder that does not exist";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("sqlite:" + path), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("open"), std::string::npos) << e.what();
  }
}

TEST(StoreOpen, UnknownSchemeAndEmptyPathAreErrors) {
  EXPECT_THROW(open_store("mysql://db/x"), StoreError);
  EXPECT_THROW(open_store("sqlite:"), StoreError);
}

TEST(StoreOpen, PostgresqlFailureHidesThePassword) {
  // Port 1 on loopback: nothing listens there, the connection is refused at once.
  try {
    open_store("postgresql://lb:s3cr3t-pw@127.0.0.1:1/landbridge?connect_timeout=3");
    FAIL() << "connected to nothing";
  } catch (const StoreError& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.find("s3cr3t-pw"), std::string::npos) << what;
    EXPECT_NE(what.find("postgresql://lb@127.0.0.1:1/landbridge"), std::string::npos) << what;
    EXPECT_NE(what.find("connect"), std::string::npos) << what;
  }
}

TEST(StoreRecords, StatusTextRoundTrips) {
  for (auto s : {BookingStatus::received, BookingStatus::confirmed, BookingStatus::rejected, BookingStatus::cancelled,
                 BookingStatus::completed})
    EXPECT_EQ(parse_booking_status(to_string(s)), s);
  EXPECT_EQ(to_string(BookingStatus::cancelled), "CANCELLED");
  EXPECT_FALSE(parse_booking_status("cancelled").has_value());
  EXPECT_FALSE(parse_booking_status("PENDING_UPDATE").has_value());
  for (auto r : {Role::shipper, Role::operator_, Role::admin}) EXPECT_EQ(parse_role(to_string(r)), r);
  EXPECT_EQ(to_string(Role::operator_), "operator");
  EXPECT_FALSE(parse_role("root").has_value());
}

TEST(StoreRecords, TransitionsAndHeldSlots) {
  using S = BookingStatus;
  const S all[] = {S::received, S::confirmed, S::rejected, S::cancelled, S::completed};
  std::string legal;
  for (S from : all)
    for (S to : all)
      if (can_transition(from, to)) legal += std::string(to_string(from)) + ">" + std::string(to_string(to)) + " ";
  EXPECT_EQ(legal,
            "RECEIVED>CONFIRMED RECEIVED>REJECTED RECEIVED>CANCELLED CONFIRMED>CANCELLED CONFIRMED>COMPLETED ");
  EXPECT_TRUE(holds_slots(S::received));
  EXPECT_TRUE(holds_slots(S::confirmed));
  EXPECT_FALSE(holds_slots(S::rejected));
  EXPECT_FALSE(holds_slots(S::cancelled));
  EXPECT_FALSE(holds_slots(S::completed));
}

}  // namespace
}  // namespace landbridge::service
