// Keys into a scenario's TOML: parsing them, setting and removing what they select, merging
// a variant's tables.
#include "override.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <sstream>

namespace landbridge::sweep::detail {
namespace {

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::string trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

// "code=KZHOR,kind=\"border\"" or "0".
std::string parse_selectors(std::string_view inside, std::vector<Selector>& out) {
  std::string cur;
  std::vector<std::string> parts;
  bool quoted = false;
  for (char c : inside) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (quoted) return "a selector's quote is not closed";
  parts.push_back(cur);
  for (const std::string& p : parts) {
    const std::size_t eq = p.find('=');
    Selector s;
    if (eq == std::string::npos) {
      s.value = trim(p);
      if (s.value.empty() || !std::all_of(s.value.begin(), s.value.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return fmt::format("'[{}]': expected field=value (e.g. code=KZHOR) or an entry's index", p);
    } else {
      s.field = trim(std::string_view(p).substr(0, eq));
      s.value = trim(std::string_view(p).substr(eq + 1));
      if (s.value.size() >= 2 && s.value.front() == '"' && s.value.back() == '"') s.value = s.value.substr(1, s.value.size() - 2);
      if (s.field.empty() || !std::all_of(s.field.begin(), s.field.end(), name_char))
        return fmt::format("'[{}]': '{}' is not a field name", p, s.field);
      if (s.value.empty()) return fmt::format("'[{}]': no value after '='", p);
    }
    out.push_back(std::move(s));
  }
  return "";
}

// The entries of `a` that match every selector.
std::vector<std::size_t> matching(const toml::array& a, const std::vector<Selector>& sel) {
  std::vector<std::size_t> hits;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const toml::table* e = a[i].as_table();
    if (e == nullptr) continue;
    bool ok = true;
    for (const Selector& s : sel) {
      if (s.field.empty()) {
        ok = ok && std::to_string(i) == s.value;
      } else {
        const toml::node* f = e->get(s.field);
        ok = ok && f != nullptr && shown_value(*f) == s.value;
      }
    }
    if (ok) hits.push_back(i);
  }
  return hits;
}

std::string selector_text(const Segment& s) {
  std::string t = s.name + "[";
  for (std::size_t i = 0; i < s.select.size(); ++i) {
    if (i > 0) t += ",";
    t += s.select[i].field.empty() ? s.select[i].value : s.select[i].field + "=" + s.select[i].value;
  }
  return t + "]";
}

// What the entries of an array of tables are called by `field` (for a message).
std::string entry_names(const toml::array& a, const std::vector<Selector>& sel) {
  const std::string field = sel.empty() || sel.front().field.empty() ? std::string() : sel.front().field;
  if (field.empty()) return fmt::format("{} entries", a.size());
  std::vector<std::string> names;
  for (const toml::node& n : a) {
    const toml::table* e = n.as_table();
    const toml::node* f = e != nullptr ? e->get(field) : nullptr;
    names.push_back(f != nullptr ? shown_value(*f) : "(none)");
  }
  if (names.empty()) return "no entries";
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i > 0 ? ", " : "") + names[i];
  return "the entries' " + field + ": " + out;
}

// Walks to the table holding the last segment; `make` creates missing plain tables.
std::string walk(toml::table& root, const std::vector<Segment>& segs, bool make, toml::table*& holder) {
  toml::table* t = &root;
  std::string path;
  for (std::size_t i = 0; i + 1 < segs.size(); ++i) {
    const Segment& s = segs[i];
    path += (path.empty() ? "" : ".") + (s.select.empty() ? s.name : selector_text(s));
    toml::node* n = t->get(s.name);
    if (s.select.empty()) {
      if (n == nullptr) {
        if (!make) return fmt::format("'{}' is not in the scenario", path);
        t->insert(s.name, toml::table{});
        n = t->get(s.name);
      }
      if (n->is_array()) return fmt::format("'{}' is an array of tables: select one entry, e.g. {}[code=...]", path, s.name);
      if (!n->is_table()) return fmt::format("'{}' is a value, not a table", path);
      t = n->as_table();
    } else {
      if (n == nullptr) return fmt::format("'{}' selects nothing: the scenario has no [[{}]]", path, s.name);
      toml::array* a = n->as_array();
      if (a == nullptr) return fmt::format("'{}': '{}' is not an array of tables", path, s.name);
      const std::vector<std::size_t> hits = matching(*a, s.select);
      if (hits.empty()) return fmt::format("'{}' selects no entry ({})", path, entry_names(*a, s.select));
      if (hits.size() > 1) return fmt::format("'{}' selects {} entries: add a field to tell them apart", path, hits.size());
      t = (*a)[hits.front()].as_table();
    }
  }
  holder = t;
  return "";
}

}  // namespace

std::string parse_key(std::string_view key, std::vector<Segment>& out) {
  out.clear();
  if (key.empty()) return "empty key";
  std::size_t i = 0;
  while (i <= key.size()) {
    Segment seg;
    while (i < key.size() && name_char(key[i])) seg.name += key[i++];
    if (seg.name.empty()) return fmt::format("expected a field name at character {}", i + 1);
    if (i < key.size() && key[i] == '[') {
      const std::size_t close = key.find(']', i);
      if (close == std::string_view::npos) return "'[' without ']'";
      if (std::string why = parse_selectors(key.substr(i + 1, close - i - 1), seg.select); !why.empty()) return why;
      i = close + 1;
    }
    out.push_back(std::move(seg));
    if (i == key.size()) break;
    if (key[i] != '.') return fmt::format("unexpected '{}' at character {}", key[i], i + 1);
    ++i;
    if (i == key.size()) return "the key ends with '.'";
  }
  if (!out.back().select.empty()) return "the key must end with a field name, not a selector";
  return "";
}

std::string set_key(toml::table& root, std::string_view key, const toml::node& value) {
  std::vector<Segment> segs;
  if (std::string why = parse_key(key, segs); !why.empty()) return why;
  toml::table* holder = nullptr;
  if (std::string why = walk(root, segs, true, holder); !why.empty()) return why;
  const toml::node* old = holder->get(segs.back().name);
  if (old != nullptr && (old->is_table() || old->is_array_of_tables()))
    return fmt::format("'{}' is a table, not a value: name one of its fields", key);
  value.visit([&](const auto& v) { holder->insert_or_assign(segs.back().name, v); });
  return "";
}

std::string remove_key(toml::table& root, std::string_view key) {
  std::vector<Segment> segs;
  // A removal may end with a selector: closures[passage=suez].
  std::string text(key);
  std::string last_select;
  if (!text.empty() && text.back() == ']') {
    const std::size_t open = text.rfind('[');
    if (open != std::string::npos) {
      last_select = text.substr(open);
      text = text.substr(0, open);
    }
  }
  if (std::string why = parse_key(text, segs); !why.empty()) return why;
  if (!last_select.empty()) {
    if (std::string why = parse_selectors(std::string_view(last_select).substr(1, last_select.size() - 2), segs.back().select);
        !why.empty())
      return why;
  }
  toml::table* holder = nullptr;
  if (std::string why = walk(root, segs, false, holder); !why.empty()) return why;
  const Segment& s = segs.back();
  toml::node* n = holder->get(s.name);
  if (n == nullptr) return fmt::format("'{}' is not in the scenario", key);
  if (s.select.empty()) {
    holder->erase(s.name);
    return "";
  }
  toml::array* a = n->as_array();
  if (a == nullptr) return fmt::format("'{}': '{}' is not an array of tables", key, s.name);
  const std::vector<std::size_t> hits = matching(*a, s.select);
  if (hits.empty()) return fmt::format("'{}' selects no entry ({})", key, entry_names(*a, s.select));
  if (hits.size() > 1) return fmt::format("'{}' selects {} entries: add a field to tell them apart", key, hits.size());
  a->erase(a->begin() + static_cast<std::ptrdiff_t>(hits.front()));
  if (a->empty()) holder->erase(s.name);
  return "";
}

void merge_tables(toml::table& into, const toml::table& from) {
  for (const auto& [k, v] : from) {
    toml::node* old = into.get(k.str());
    if (old != nullptr && old->is_table() && v.is_table()) {
      merge_tables(*old->as_table(), *v.as_table());
    } else if (old != nullptr && old->is_array_of_tables() && v.is_array_of_tables()) {
      for (const toml::node& e : *v.as_array()) old->as_array()->push_back(*e.as_table());
    } else {
      v.visit([&, key = std::string(k.str())](const auto& x) { into.insert_or_assign(key, x); });
    }
  }
}

std::string shown_value(const toml::node& n) {
  if (const auto s = n.value_exact<std::string>()) return *s;
  if (const auto i = n.value_exact<std::int64_t>()) return std::to_string(*i);
  if (const auto d = n.value_exact<double>()) return fmt::format("{}", *d);
  if (const auto b = n.value_exact<bool>()) return *b ? "true" : "false";
  std::ostringstream os;
  n.visit([&](const auto& x) { os << x; });
  return os.str();
}

}  // namespace landbridge::sweep::detail
