// The OpenAPI check is only as strict as its validator: each rule it claims must refuse.
#include <gtest/gtest.h>

#include "json_schema.h"

namespace landbridge::testing_support {
namespace {

using nlohmann::json;

const json kDoc = json::parse(R"({
  "components": {"schemas": {
    "Thing": {"type": "object", "required": ["id", "when"],
              "properties": {"id": {"type": "integer"}, "when": {"type": "string", "format": "date-time"},
                             "kind": {"type": "string", "enum": ["a", "b"]}, "note": {"type": ["string", "null"]},
                             "tags": {"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{5}$"}}}}}}})");
const json kRef = {{"$ref", "#/components/schemas/Thing"}};

TEST(JsonSchemaSubset, AcceptsAValidValue) {
  const json v = {{"id", 3}, {"when", "2026-12-10T08:00:00Z"}, {"kind", "a"}, {"note", nullptr}, {"tags", {"JPHKT"}}};
  EXPECT_TRUE(validate(kRef, v, kDoc).empty());
}

TEST(JsonSchemaSubset, RefusesWhatTheSchemaForbids) {
  const json ok = {{"id", 3}, {"when", "2026-12-10T08:00:00Z"}};
  auto broken = [&](const char* key, json value) {
    json v = ok;
    v[key] = std::move(value);
    return validate(kRef, v, kDoc);
  };
  EXPECT_EQ(validate(kRef, json{{"id", 3}}, kDoc).size(), 1u);  // required
  EXPECT_FALSE(broken("id", 2.5).empty());                        // integer
  EXPECT_FALSE(broken("id", "3").empty());                        // type
  EXPECT_FALSE(broken("when", "2026-12-10T08:00Z").empty());      // RFC 3339 needs seconds
  EXPECT_FALSE(broken("kind", "c").empty());                      // enum
  EXPECT_FALSE(broken("note", 1).empty());                        // type list
  EXPECT_FALSE(broken("tags", json::array({"jphkt"})).empty());   // items + pattern
  EXPECT_FALSE(validate(kRef, json::array(), kDoc).empty());      // not an object
  EXPECT_FALSE(validate(json{{"minimum", 1}}, 0, kDoc).empty());  // keyword outside the subset
  EXPECT_FALSE(validate(json{{"anyOf", {{{"type", "string"}}, {{"type", "boolean"}}}}}, 1, kDoc).empty());
  EXPECT_TRUE(validate(json{{"anyOf", {{{"type", "string"}}, {{"type", "integer"}}}}}, 1, kDoc).empty());
}

TEST(JsonSchemaSubset, AdditionalPropertiesFalseRefusesUnlistedMembers) {
  const json closed = {{"type", "object"},
                       {"properties", {{"id", {{"type", "integer"}}}}},
                       {"additionalProperties", false}};
  EXPECT_TRUE(validate(closed, json{{"id", 1}}, kDoc).empty());
  const auto errors = validate(closed, json{{"id", 1}, {"extra", true}}, kDoc);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("'extra'"), std::string::npos) << errors[0];
  // A schema checks the members the object does not list.
  const json typed = {{"type", "object"}, {"additionalProperties", {{"type", "string"}}}};
  EXPECT_TRUE(validate(typed, json{{"a", "x"}}, kDoc).empty());
  EXPECT_FALSE(validate(typed, json{{"a", 1}}, kDoc).empty());
  // Without the keyword, unlisted members pass (JSON Schema's default).
  EXPECT_TRUE(validate(kRef, json{{"id", 3}, {"when", "2026-12-10T08:00:00Z"}, {"extra", 1}}, kDoc).empty());
}

}  // namespace
}  // namespace landbridge::testing_support
