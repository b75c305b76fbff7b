// Overrides on a scenario's TOML (internal to lb_sweep): keys such as
// `nodes[code=KZHOR].cranes`, `services.ferry.fleet`, `operations[node=KZHOR,kind=border].servers`
// or `closures[0].to_day` reach a field, through tables by name and through arrays of tables by
// an entry's identifying fields (or its index).
#pragma once

#include <string>
#include <string_view>
#include <vector>
#include <toml++/toml.h>

namespace landbridge::sweep::detail {

struct Selector {
  std::string field, value;  // entry whose `field` is `value`; field "" = index `value`
};
struct Segment {
  std::string name;
  std::vector<Selector> select;  // empty: a plain table key
};

// Splits a key into segments; returns "" or what is wrong with its syntax.
std::string parse_key(std::string_view key, std::vector<Segment>& out);

// Sets the field `key` of `root` to a copy of `value`: tables on the way that are missing are
// made (the scenario reader then refuses a key it does not know); an array-of-tables segment
// must select exactly one entry. Returns "" or what does not apply.
std::string set_key(toml::table& root, std::string_view key, const toml::node& value);
// Removes what `key` selects (a field, a table or one entry of an array of tables); it must
// exist. Returns "" or what does not apply.
std::string remove_key(toml::table& root, std::string_view key);
// Merges `from` into `into`: tables merge key by key, arrays of tables are appended to, other
// values replace.
void merge_tables(toml::table& into, const toml::table& from);

// A TOML value as a table or plot shows it: 8, 0.5, "KZHOR" without quotes, true.
std::string shown_value(const toml::node& n);

}  // namespace landbridge::sweep::detail
