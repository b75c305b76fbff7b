// A tiny, strict XML reader for the chart tests: enough of XML 1.0 to tell whether an SVG
// document is well formed and to look inside it.
//
// Accepts: one XML declaration, comments, one root element, elements with quoted attributes
// (no duplicates), self-closing tags, character data with the five predefined entities and
// numeric character references. Rejects everything else (a stray '<' or '&', unbalanced or
// crossed tags, text outside the root, DOCTYPE, CDATA, processing instructions) with a
// message saying where.
#pragma once

#include <cctype>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace landbridge::chart::testing {

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attrs;  // values with references resolved
  std::string text;                          // character data directly inside, resolved
  std::vector<XmlElement> children;

  [[nodiscard]] std::string attr(const std::string& k) const {
    auto it = attrs.find(k);
    return it == attrs.end() ? std::string() : it->second;
  }
  // Every descendant (self included) with this element name, in document order.
  void find_all(std::string_view n, std::vector<const XmlElement*>& out) const {
    if (name == n) out.push_back(this);
    for (const XmlElement& c : children) c.find_all(n, out);
  }
  [[nodiscard]] std::vector<const XmlElement*> all(std::string_view n) const {
    std::vector<const XmlElement*> out;
    find_all(n, out);
    return out;
  }
};

class XmlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class XmlReader {
 public:
  explicit XmlReader(std::string_view s) : s_(s) {}

  XmlElement document() {
    if (s_.substr(0, 5) == "<?xml") {
      const std::size_t e = s_.find("?>");
      if (e == std::string_view::npos) fail("unterminated XML declaration");
      i_ = e + 2;
    }
    misc();
    if (i_ >= s_.size() || s_[i_] != '<') fail("expected the root element");
    XmlElement root = element();
    misc();
    if (i_ != s_.size()) fail("content after the root element");
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    int line = 1;
    for (std::size_t k = 0; k < i_ && k < s_.size(); ++k) line += s_[k] == '\n';
    throw XmlError("line " + std::to_string(line) + ": " + what);
  }
  static bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  static bool name_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '-' || c == '.' || c == ':' || u >= 0x80;
  }
  void skip_space() {
    while (i_ < s_.size() && space(s_[i_])) ++i_;
  }
  // Whitespace and comments.
  void misc() {
    for (;;) {
      skip_space();
      if (s_.substr(i_, 4) == "<!--") {
        comment();
      } else {
        return;
      }
    }
  }
  void comment() {
    const std::size_t e = s_.find("-->", i_ + 4);
    if (e == std::string_view::npos) fail("unterminated comment");
    if (s_.substr(i_ + 4, e - i_ - 4).find("--") != std::string_view::npos) fail("'--' inside a comment");
    i_ = e + 3;
  }
  std::string name() {
    const std::size_t b = i_;
    if (i_ >= s_.size() || !(std::isalpha(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_' || s_[i_] == ':'))
      fail("expected a name");
    while (i_ < s_.size() && name_char(s_[i_])) ++i_;
    return std::string(s_.substr(b, i_ - b));
  }
  static void put_utf8(std::string& out, std::uint32_t c) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  // At '&': appends the referenced character.
  void reference(std::string& out) {
    const std::size_t e = s_.find(';', i_);
    if (e == std::string_view::npos || e - i_ > 10) fail("'&' that starts no reference");
    const std::string_view r = s_.substr(i_ + 1, e - i_ - 1);
    if (r == "amp") out += '&';
    else if (r == "lt") out += '<';
    else if (r == "gt") out += '>';
    else if (r == "quot") out += '"';
    else if (r == "apos") out += '\'';
    else if (r.size() > 1 && r[0] == '#') {
      const bool hex = r[1] == 'x';
      const std::string digits(r.substr(hex ? 2 : 1));
      if (digits.empty() || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos)
        fail("bad character reference &" + std::string(r) + ";");
      put_utf8(out, static_cast<std::uint32_t>(std::stoul(digits, nullptr, hex ? 16 : 10)));
    } else {
      fail("unknown entity &" + std::string(r) + ";");
    }
    i_ = e + 1;
  }
  XmlElement element() {
    ++i_;  // '<'
    XmlElement el;
    el.name = name();
    for (;;) {
      const bool had_space = i_ < s_.size() && space(s_[i_]);
      skip_space();
      if (i_ >= s_.size()) fail("unterminated start tag <" + el.name);
      if (s_.substr(i_, 2) == "/>") {
        i_ += 2;
        return el;
      }
      if (s_[i_] == '>') {
        ++i_;
        break;
      }
      if (!had_space) fail("attributes of <" + el.name + "> must be separated by whitespace");
      const std::string key = name();
      skip_space();
      if (i_ >= s_.size() || s_[i_] != '=') fail("attribute '" + key + "' without '='");
      ++i_;
      skip_space();
      if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) fail("attribute '" + key + "' value not quoted");
      const char q = s_[i_++];
      std::string v;
      while (i_ < s_.size() && s_[i_] != q) {
        if (s_[i_] == '<') fail("'<' in the value of attribute '" + key + "'");
        if (s_[i_] == '&') {
          reference(v);
        } else {
          v += s_[i_++];
        }
      }
      if (i_ >= s_.size()) fail("unterminated value of attribute '" + key + "'");
      ++i_;
      if (!el.attrs.emplace(key, std::move(v)).second) fail("duplicate attribute '" + key + "' in <" + el.name + ">");
    }
    // Content.
    for (;;) {
      if (i_ >= s_.size()) fail("<" + el.name + "> is never closed");
      const char c = s_[i_];
      if (c == '<') {
        if (s_.substr(i_, 2) == "</") {
          i_ += 2;
          const std::string end = name();
          if (end != el.name) fail("</" + end + "> closes <" + el.name + ">");
          skip_space();
          if (i_ >= s_.size() || s_[i_] != '>') fail("unterminated end tag </" + end);
          ++i_;
          return el;
        }
        if (s_.substr(i_, 4) == "<!--") {
          comment();
          continue;
        }
        if (s_.substr(i_, 2) == "<!" || s_.substr(i_, 2) == "<?") fail("unsupported markup (DOCTYPE, CDATA or PI)");
        el.children.push_back(element());
      } else if (c == '&') {
        reference(el.text);
      } else {
        if (c == '>' && s_.substr(i_ >= 2 ? i_ - 2 : 0, 2) == "]]") fail("']]>' in text");
        el.text += c;
        ++i_;
      }
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

inline XmlElement parse_xml(std::string_view s) { return XmlReader(s).document(); }

}  // namespace landbridge::chart::testing
