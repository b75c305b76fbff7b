// Strong 32-bit index types and containers keyed by them.
//
// Every index in the engine is an Id<Tag>: a NodeId can never be passed where a LinkId is
// expected. IdVector<K, V> is a flat std::vector that accepts only its own key type.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

namespace landbridge {

template <class Tag>
struct Id {
  using value_type = std::uint32_t;
  static constexpr value_type kInvalid = std::numeric_limits<value_type>::max();

  value_type v = kInvalid;

  constexpr Id() = default;
  constexpr explicit Id(value_type x) : v(x) {}
  template <class I>
    requires std::is_integral_v<I>
  static constexpr Id from(I x) {
    return Id(static_cast<value_type>(x));
  }
  static constexpr Id invalid() { return Id(); }

  [[nodiscard]] constexpr bool valid() const { return v != kInvalid; }
  [[nodiscard]] constexpr value_type get() const { return v; }
  constexpr friend auto operator<=>(Id, Id) = default;
  constexpr friend bool operator==(Id, Id) = default;
};

struct NodeTag {};
struct LinkTag {};
struct OperationTag {};
struct SourceTag {};
struct EmissionFactorTag {};
struct ServiceTag {};
struct PortTag {};
struct SeaVertexTag {};

using NodeId = Id<NodeTag>;                     // a location of the network package
using LinkId = Id<LinkTag>;                     // a directed link between two nodes
using OperationId = Id<OperationTag>;           // a node operation (handling, border, ...)
using SourceId = Id<SourceTag>;                 // a cited source of the package
using EmissionFactorId = Id<EmissionFactorTag>; // a row of the emission-factor table
using ServiceId = Id<ServiceTag>;               // a timetabled service
using PortId = Id<PortTag>;                     // a port of the maritime graph
using SeaVertexId = Id<SeaVertexTag>;           // a vertex of the maritime graph

// A vector indexed by one id type only.
template <class K, class V>
class IdVector {
 public:
  using key_type = K;
  using value_type = V;

  IdVector() = default;
  explicit IdVector(std::size_t n, const V& init = V{}) : data_(n, init) {}

  V& operator[](K k) { return data_[k.get()]; }
  const V& operator[](K k) const { return data_[k.get()]; }

  K push_back(V v) {
    data_.push_back(std::move(v));
    return K::from(data_.size() - 1);
  }
  template <class... Args>
  K emplace_back(Args&&... args) {
    data_.emplace_back(std::forward<Args>(args)...);
    return K::from(data_.size() - 1);
  }
  [[nodiscard]] std::size_t size() const { return data_.size(); }
  [[nodiscard]] bool empty() const { return data_.empty(); }
  void resize(std::size_t n, const V& v = V{}) { data_.resize(n, v); }
  void reserve(std::size_t n) { data_.reserve(n); }
  void clear() { data_.clear(); }
  void assign(std::size_t n, const V& v) { data_.assign(n, v); }

  auto begin() { return data_.begin(); }
  auto end() { return data_.end(); }
  auto begin() const { return data_.begin(); }
  auto end() const { return data_.end(); }
  std::vector<V>& raw() { return data_; }
  const std::vector<V>& raw() const { return data_; }

  // All valid keys, for range-for: for (NodeId n : nodes.keys()) ...
  struct KeyRange {
    std::uint32_t n;
    struct It {
      std::uint32_t i;
      K operator*() const { return K(i); }
      It& operator++() {
        ++i;
        return *this;
      }
      bool operator!=(const It& o) const { return i != o.i; }
    };
    It begin() const { return {0}; }
    It end() const { return {n}; }
  };
  [[nodiscard]] KeyRange keys() const { return {static_cast<std::uint32_t>(data_.size())}; }

 private:
  std::vector<V> data_;
};

// Compressed sparse rows: the rows of key K hold values V, stored in one flat array.
// Build with add() in any order then finish(); rows keep insertion order within a row.
template <class K, class V>
class Csr {
 public:
  struct Row {
    const V* b;
    const V* e;
    const V* begin() const { return b; }
    const V* end() const { return e; }
    [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(e - b); }
    [[nodiscard]] bool empty() const { return b == e; }
  };

  Csr() = default;

  // Builds rows for keys 0..n_rows-1 from (key, value) pairs, stable within each row.
  static Csr build(std::size_t n_rows, const std::vector<std::pair<K, V>>& items) {
    Csr c;
    c.first_.assign(n_rows + 1, 0);
    for (const auto& [k, v] : items) ++c.first_[k.get() + 1];
    for (std::size_t i = 0; i < n_rows; ++i) c.first_[i + 1] += c.first_[i];
    c.data_.resize(items.size());
    std::vector<std::uint32_t> fill(c.first_.begin(), c.first_.end() - 1);
    for (const auto& [k, v] : items) c.data_[fill[k.get()]++] = v;
    return c;
  }

  Row operator[](K k) const {
    return {data_.data() + first_[k.get()], data_.data() + first_[k.get() + 1]};
  }
  [[nodiscard]] std::size_t rows() const { return first_.empty() ? 0 : first_.size() - 1; }
  [[nodiscard]] std::size_t size() const { return data_.size(); }

 private:
  std::vector<std::uint32_t> first_;  // row k spans data_[first_[k], first_[k+1])
  std::vector<V> data_;
};

}  // namespace landbridge

template <class Tag>
struct std::hash<landbridge::Id<Tag>> {
  std::size_t operator()(landbridge::Id<Tag> id) const noexcept {
    return std::hash<std::uint32_t>{}(id.v);
  }
};
