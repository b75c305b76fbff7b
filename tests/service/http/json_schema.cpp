// A small JSON Schema validator for the OpenAPI check (json_schema.h).
#include "json_schema.h"

#include <regex>
#include <set>

namespace landbridge::testing_support {

namespace {

using nlohmann::json;

const std::set<std::string>& known_keywords() {
  static const std::set<std::string> k = {"$ref",    "type",   "required", "properties", "items", "enum",
                                          "anyOf",   "pattern", "format",  "description", "title", "example",
                                          "additionalProperties"};
  return k;
}

bool has_type(const json& v, const std::string& t) {
  if (t == "object") return v.is_object();
  if (t == "array") return v.is_array();
  if (t == "string") return v.is_string();
  if (t == "boolean") return v.is_boolean();
  if (t == "null") return v.is_null();
  if (t == "number") return v.is_number();
  if (t == "integer") {
    if (v.is_number_integer()) return true;
    if (!v.is_number_float()) return false;
    double d = v.get<double>();
    return d == static_cast<double>(static_cast<long long>(d));
  }
  return false;
}

const json& resolve(const std::string& ref, const json& root) {
  if (ref.rfind("#/", 0) != 0) throw std::invalid_argument("only local references are supported: " + ref);
  return root.at(json::json_pointer(ref.substr(1)));
}

void check(const json& schema, const json& v, const json& root, const std::string& at, std::vector<std::string>& errors) {
  if (!schema.is_object()) {
    errors.push_back(at + ": the schema is not an object");
    return;
  }
  for (const auto& [k, _] : schema.items()) {
    if (!known_keywords().count(k)) errors.push_back(at + ": schema keyword '" + k + "' is outside the checked subset");
  }
  if (schema.contains("$ref")) {
    check(resolve(schema["$ref"].get<std::string>(), root), v, root, at, errors);
  }
  if (schema.contains("type")) {
    const json& t = schema["type"];
    bool ok = false;
    if (t.is_string()) ok = has_type(v, t.get<std::string>());
    for (const auto& one : t.is_array() ? t : json::array()) ok = ok || has_type(v, one.get<std::string>());
    if (!ok) {
      errors.push_back(at + ": expected type " + t.dump() + ", got " + v.type_name());
      return;
    }
  }
  if (schema.contains("enum")) {
    bool found = false;
    for (const auto& e : schema["enum"]) found = found || e == v;
    if (!found) errors.push_back(at + ": " + v.dump() + " is not one of " + schema["enum"].dump());
  }
  if (schema.contains("anyOf")) {
    bool any = false;
    std::vector<std::string> why;
    for (const auto& alt : schema["anyOf"]) {
      std::vector<std::string> e;
      check(alt, v, root, at, e);
      if (e.empty()) {
        any = true;
        break;
      }
      why.push_back(e.front());
    }
    if (!any) {
      std::string msg = at + ": matches none of anyOf";
      for (const auto& w : why) msg += " [" + w + "]";
      errors.push_back(msg);
    }
  }
  if (v.is_object()) {
    for (const auto& r : schema.value("required", json::array())) {
      if (!v.contains(r.get<std::string>())) errors.push_back(at + ": required member '" + r.get<std::string>() + "' missing");
    }
    if (schema.contains("properties")) {
      for (const auto& [name, sub] : schema["properties"].items()) {
        if (v.contains(name)) check(sub, v[name], root, at + "." + name, errors);
      }
    }
    // additionalProperties: false refuses members the schema does not list; a schema checks them.
    if (schema.contains("additionalProperties")) {
      const json& extra = schema["additionalProperties"];
      static const json kNone = json::object();
      const json& listed = schema.contains("properties") ? schema["properties"] : kNone;
      for (const auto& [name, member] : v.items()) {
        if (listed.contains(name)) continue;
        if (extra.is_boolean()) {
          if (!extra.get<bool>()) errors.push_back(at + ": member '" + name + "' is not in the schema");
        } else {
          check(extra, member, root, at + "." + name, errors);
        }
      }
    }
  }
  if (v.is_array() && schema.contains("items")) {
    for (std::size_t i = 0; i < v.size(); ++i) check(schema["items"], v[i], root, at + "[" + std::to_string(i) + "]", errors);
  }
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    if (schema.contains("pattern") && !std::regex_search(s, std::regex(schema["pattern"].get<std::string>()))) {
      errors.push_back(at + ": '" + s + "' does not match " + schema["pattern"].get<std::string>());
    }
    if (schema.contains("format")) {
      static const std::regex date_time(
          R"(^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$)");
      static const std::regex date(R"(^\d{4}-\d{2}-\d{2}$)");
      const std::string f = schema["format"].get<std::string>();
      if (f == "date-time" && !std::regex_match(s, date_time)) errors.push_back(at + ": '" + s + "' is not an RFC 3339 date-time");
      if (f == "date" && !std::regex_match(s, date)) errors.push_back(at + ": '" + s + "' is not a date");
      if (f != "date-time" && f != "date") errors.push_back(at + ": format '" + f + "' is outside the checked subset");
    }
  }
}

}  // namespace

std::vector<std::string> validate(const json& schema, const json& value, const json& root) {
  std::vector<std::string> errors;
  check(schema, value, root, "$", errors);
  return errors;
}

}  // namespace landbridge::testing_support
