// Helpers shared by the scenario readers (internal to src/corridor): TOML fields with the
// file, line and field in every error, and the demand CSV's pattern cell.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>
#include <toml++/toml.h>

#include "landbridge/corridor/scenario.h"

namespace landbridge::corridor::detail {

int line_of(const toml::node* n);
[[noreturn]] void fail(const std::string& file, const toml::node* n, const std::string& field, const std::string& what);
std::string shown_number(double v);
void check_keys(const std::string& file, const toml::table& t, const std::string& prefix,
                std::initializer_list<std::string_view> allowed);
double get_number(const std::string& file, const toml::table& t, const std::string& prefix, std::string_view key,
                  double def, double min, double max);
std::int64_t get_whole(const std::string& file, const toml::table& t, const std::string& prefix,
                       std::string_view key, std::int64_t def, std::int64_t min, std::int64_t max);
std::string get_string(const std::string& file, const toml::table& t, const std::string& prefix,
                       std::string_view key, std::string def);
std::vector<std::string> split(std::string_view s, char sep);
// Calls read(table, prefix) for every table of the array of tables [[KEY]] in root, the prefix
// "KEY[i]." naming the element in errors; nothing when root has no KEY. KEY that is not an array
// of tables fails at its line.
void for_each_table(const std::string& file, const toml::table& root, const std::string& key,
                    const std::function<void(const toml::table& e, const std::string& pre)>& read);

// [[operations]] tables into s.operations (scenario_operations.cpp).
void read_operations(const std::string& file, const toml::table& root, Scenario& s);
// A demand row's pattern cell (poisson, uniform, batch:N, weekly:mon,thu — days also split by
// ';' or '+' since the CSV separates cells by ','): sets f.pattern, batch, weekdays; returns
// what is wrong, or "" when the cell reads.
std::string parse_pattern(const std::string& cell, FlowSpec& f);

}  // namespace landbridge::corridor::detail
