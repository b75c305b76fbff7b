// The subset of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that the service's OpenAPI
// document uses, for checking real responses against it in tests: $ref (to this document),
// type (one name or a list; "integer" is a number without a fraction), required, properties,
// additionalProperties (false, or a schema for the members not listed), items, enum, anyOf,
// pattern, and format "date-time" (RFC 3339) and "date". Keywords outside
// this subset make validate() report an error, so the document cannot silently use more.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace landbridge::testing_support {

// Errors found in `value` against `schema` ("$.itineraries[0].depart: ..."); empty = valid.
// `root` is the whole document, for "#/..." references.
std::vector<std::string> validate(const nlohmann::json& schema, const nlohmann::json& value,
                                  const nlohmann::json& root);

}  // namespace landbridge::testing_support
