// DCSA Commercial Schedules point-to-point routes of a real Hakata -> Duisburg answer.
#include <gtest/gtest.h>

#include <regex>

#include "itinerary_fixture.h"
#include "landbridge/service/dcsa.h"

namespace landbridge::service {
namespace {

using nlohmann::json;

json routes() {
  return point_to_point_routes(test::hakata_duisburg().answer, [](std::size_t i) { return "ref-" + std::to_string(i); });
}

TEST(DcsaTimes, UtcHasSecondsAndZ) {
  EXPECT_EQ(dcsa_utc(*timetable::parse_iso8601("2026-12-10T08:05Z")), "2026-12-10T08:05:00Z");
}

TEST(DcsaModes, CarriageModesMapToDcsaCodes) {
  EXPECT_EQ(dcsa_mode(Mode::feeder), "VESSEL");
  EXPECT_EQ(dcsa_mode(Mode::deep_sea), "VESSEL");
  EXPECT_EQ(dcsa_mode(Mode::ferry), "VESSEL");
  EXPECT_EQ(dcsa_mode(Mode::rail), "RAIL");
  EXPECT_EQ(dcsa_mode(Mode::road), "TRUCK");
  EXPECT_EQ(dcsa_mode(Mode::inland_waterway), "BARGE");
}

TEST(PointToPoint, PlacesTimesAndTransit) {
  const auto& it = test::hakata_duisburg().itinerary();
  const json r = routes();
  ASSERT_EQ(r.size(), test::hakata_duisburg().answer.result.itineraries.size());
  const json& first = r[0];
  EXPECT_EQ(first["placeOfReceipt"]["location"]["UNLocationCode"], "JPHKT");
  EXPECT_EQ(first["placeOfDelivery"]["location"]["UNLocationCode"], "DEDUI");
  EXPECT_EQ(first["placeOfReceipt"]["facilityTypeCode"], "POTE");
  EXPECT_FALSE(first["placeOfReceipt"]["location"]["locationName"].get<std::string>().empty());
  // Local time at Hakata (+09:00) with seconds.
  const std::regex local(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+09:00)");
  EXPECT_TRUE(std::regex_match(first["placeOfReceipt"]["dateTime"].get<std::string>(), local)) << first["placeOfReceipt"];
  EXPECT_EQ(*timetable::parse_iso8601(first["placeOfReceipt"]["dateTime"].get<std::string>().replace(16, 3, "")), it.departure);
  EXPECT_EQ(*timetable::parse_iso8601(first["placeOfDelivery"]["dateTime"].get<std::string>().replace(16, 3, "")), it.arrival);
  const int minutes = (it.arrival - it.departure).value();
  EXPECT_EQ(first["transitTime"].get<int>(), (minutes + 1439) / 1440);
  EXPECT_GE(first["transitTime"].get<int>() * 1440, minutes);
  EXPECT_EQ(first["routingReference"], "ref-0");
  EXPECT_EQ(first["solutionNumber"], 1);
  EXPECT_EQ(first["receiptTypeAtOrigin"], "CY");
  EXPECT_EQ(first["deliveryTypeAtDestination"], "CY");
}

TEST(PointToPoint, LegsFollowTheItinerary) {
  const auto& t = test::hakata_duisburg();
  const auto& it = t.itinerary();
  const json legs = routes()[0]["legs"];
  std::size_t n = 0;
  std::string previous_arrival = "JPHKT";
  for (const auto& s : it.steps) {
    if (s.kind != route::StepKind::leg) continue;
    ASSERT_LT(n, legs.size());
    const json& l = legs[n];
    EXPECT_EQ(l["sequenceNumber"], n + 1);
    EXPECT_EQ(l["departure"]["location"]["UNLocationCode"], t.net().node(s.from).code);
    EXPECT_EQ(l["arrival"]["location"]["UNLocationCode"], t.net().node(s.to).code);
    EXPECT_EQ(l["departure"]["location"]["UNLocationCode"], previous_arrival) << "legs chain";
    previous_arrival = l["arrival"]["location"]["UNLocationCode"];
    EXPECT_EQ(l["transport"]["modeOfTransport"], std::string(dcsa_mode(s.carriage.mode)));
    if (!s.service.empty()) {
      EXPECT_EQ(l["transport"]["servicePartners"][0]["carrierServiceCode"], s.service);
      EXPECT_EQ(l["transport"]["servicePartners"][0]["carrierServiceName"], s.service);
    } else {
      EXPECT_FALSE(l["transport"].contains("servicePartners"));
    }
    ++n;
  }
  EXPECT_EQ(n, legs.size());
  EXPECT_EQ(previous_arrival, "DEDUI");
  bool rail = false;
  for (const auto& l : legs) rail = rail || l["transport"]["modeOfTransport"] == "RAIL";
  EXPECT_TRUE(rail);
}

}  // namespace
}  // namespace landbridge::service
