// Pools of built planners. A planner answers one query at a time; building one (a timetable of
// months of trips) costs far more than a query, so an Engine keeps the planners it built and
// lends them out, one per query: check out, plan, give back (a Lease does it on scope exit).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "landbridge/core/instant.h"
#include "landbridge/core/units.h"
#include "landbridge/route/planner.h"
#include "landbridge/schedule/planner.h"

namespace landbridge::query {

// A horizon planners share: queries round their horizon start down to a kHorizonStep boundary
// and its end up to one, so that every query of the same four weeks uses the same timetable.
struct HorizonKey {
  Instant start{0};
  Minutes length{0};
  friend bool operator==(const HorizonKey&, const HorizonKey&) = default;
};
inline constexpr Minutes kHorizonStep = days(28);
// The shared horizon that covers [start, start + length).
HorizonKey shared_horizon(Instant start, Minutes length);

// What a pooled timetabled planner is built for: the shared horizon and the timetable_key of
// the queries' constraints (schedule/planner.h; "" for none). Queries with one key share one
// timetable, filtered once, instead of filtering a copy per query.
struct PlannerKey {
  HorizonKey horizon;
  std::string filter;
  friend bool operator==(const PlannerKey&, const PlannerKey&) = default;
};

// Idle planners by key, the most recently used keys first; at most max_keys keys, max_idle idle
// planners per key and max_total idle planners in all are kept (more are dropped when given
// back: the least recently used key's first).
template <class Key, class Planner>
class Pool {
 public:
  Pool(std::size_t max_keys, std::size_t max_idle, std::size_t max_total = SIZE_MAX)
      : max_keys_(max_keys), max_idle_(max_idle), max_total_(max_total) {}

  class Lease {
   public:
    Lease(Pool* pool, Key key, std::unique_ptr<Planner> p) : pool_(pool), key_(std::move(key)), p_(std::move(p)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease() {
      if (pool_ && p_) pool_->give_back(key_, std::move(p_));
    }
    Planner& operator*() const { return *p_; }
    Planner* operator->() const { return p_.get(); }

   private:
    Pool* pool_;
    Key key_;
    std::unique_ptr<Planner> p_;
  };

  // An idle planner for `key`, or a new one from `build` (called without the lock held).
  Lease check_out(const Key& key, const std::function<std::unique_ptr<Planner>()>& build) {
    {
      const std::lock_guard lock(mutex_);
      for (auto it = idle_.begin(); it != idle_.end(); ++it) {
        if (!(it->first == key)) continue;
        idle_.splice(idle_.begin(), idle_, it);  // most recently used first
        if (!it->second.empty()) {
          std::unique_ptr<Planner> p = std::move(it->second.back());
          it->second.pop_back();
          --idle_count_;
          return Lease(this, key, std::move(p));
        }
        break;
      }
      ++built_;
    }
    return Lease(this, key, build());
  }

  // Planners built so far (a measure of how well queries share them).
  [[nodiscard]] std::size_t built() const {
    const std::lock_guard lock(mutex_);
    return built_;
  }

 private:
  void give_back(const Key& key, std::unique_ptr<Planner> p) {
    const std::lock_guard lock(mutex_);
    auto it = idle_.begin();
    while (it != idle_.end() && !(it->first == key)) ++it;
    if (it == idle_.end()) {
      idle_.emplace_front(key, std::vector<std::unique_ptr<Planner>>{});
      it = idle_.begin();
      while (idle_.size() > max_keys_) {  // the least recently used key goes
        idle_count_ -= idle_.back().second.size();
        idle_.pop_back();
      }
    }
    if (it->second.size() >= max_idle_) return;
    // Room in all: an idle planner of the least recently used keys goes (this key's last).
    for (auto victim = idle_.end(); idle_count_ >= max_total_ && victim != idle_.begin();) {
      --victim;
      while (!victim->second.empty() && idle_count_ >= max_total_) {
        victim->second.pop_back();
        --idle_count_;
      }
    }
    if (idle_count_ >= max_total_) return;
    it->second.push_back(std::move(p));
    ++idle_count_;
  }

  std::size_t max_keys_, max_idle_, max_total_;
  std::size_t idle_count_ = 0;  // planners in idle_
  mutable std::mutex mutex_;
  std::list<std::pair<Key, std::vector<std::unique_ptr<Planner>>>> idle_;
  std::size_t built_ = 0;
};

// Idle planners kept per key: two per hardware thread (a server's workers, with slack).
std::size_t idle_per_key();

struct NoKey {
  friend bool operator==(const NoKey&, const NoKey&) = default;
};
using ScheduledPool = Pool<PlannerKey, schedule::ScheduledPlanner>;
using RoutePool = Pool<NoKey, route::Planner>;

}  // namespace landbridge::query
