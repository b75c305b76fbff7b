// A bounded cache of shared values by text key, least recently used out first. Values are built
// outside the lock (two threads missing the same key may both build; the first kept wins) and
// handed out as shared_ptr, so an evicted value lives on while a query still uses it.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace landbridge::query {

template <class V>
class LruCache {
 public:
  explicit LruCache(std::size_t capacity) : capacity_(capacity) {}

  // The value for `key`, built by `build()` (a std::shared_ptr<V>) when absent. An exception of
  // build leaves nothing cached.
  template <class Build>
  std::shared_ptr<V> get(const std::string& key, Build&& build) {
    {
      const std::lock_guard lock(mutex_);
      if (auto it = index_.find(key); it != index_.end()) {
        order_.splice(order_.begin(), order_, it->second);
        return it->second->second;
      }
    }
    std::shared_ptr<V> made = build();
    const std::lock_guard lock(mutex_);
    if (auto it = index_.find(key); it != index_.end()) return it->second->second;  // built meanwhile
    order_.emplace_front(key, made);
    index_.emplace(key, order_.begin());
    while (order_.size() > capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
    return made;
  }

  [[nodiscard]] std::size_t size() const {
    const std::lock_guard lock(mutex_);
    return order_.size();
  }

 private:
  using Entry = std::pair<std::string, std::shared_ptr<V>>;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
};

}  // namespace landbridge::query
