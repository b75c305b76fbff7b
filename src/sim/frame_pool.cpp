// Coroutine frames from per-thread free lists, one list per 64-byte size class.
//
// A process frame is allocated when it is created and freed when it ends; models that
// create a process per container create millions. Frames are recycled by size class so a
// new process usually reuses a frame of the same size that just ended. Every block is a
// 64-byte-aligned ::operator new block of the class size (a frame's first line holds the
// resume pointer and the process state the kernel touches on every event), so a block may
// be freed on another thread (it then joins that thread's list) and the pool can be
// switched off at any time.
#include <atomic>
#include <cstddef>
#include <new>

#include "landbridge/sim/simulation.h"

namespace landbridge::sim::detail {

namespace {

constexpr std::size_t kGranule = 64;
constexpr std::align_val_t kAlign{64};
constexpr std::size_t kClasses = 32;  // frames up to 2 KiB are pooled

struct FreeBlock {
  FreeBlock* next;
};

struct Pool {
  FreeBlock* head[kClasses] = {};
  Pool() = default;
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;
  ~Pool() {
    for (FreeBlock*& h : head) {
      while (h != nullptr) {
        FreeBlock* n = h->next;
        ::operator delete(h, kAlign);
        h = n;
      }
    }
  }
};

thread_local Pool t_pool;
std::atomic<bool> g_enabled{true};

}  // namespace

void* allocate_frame(std::size_t n) {
  const std::size_t c = (n + kGranule - 1) / kGranule;
  if (c >= kClasses) return ::operator new(c * kGranule, kAlign);
  if (g_enabled.load(std::memory_order_relaxed)) {
    if (FreeBlock* b = t_pool.head[c]) {
      t_pool.head[c] = b->next;
      return b;
    }
  }
  return ::operator new(c * kGranule, kAlign);
}

void free_frame(void* p, std::size_t n) noexcept {
  const std::size_t c = (n + kGranule - 1) / kGranule;
  if (c >= kClasses || !g_enabled.load(std::memory_order_relaxed)) {
    ::operator delete(p, kAlign);
    return;
  }
  auto* b = static_cast<FreeBlock*>(p);
  b->next = t_pool.head[c];
  t_pool.head[c] = b;
}

void set_frame_pool(bool enabled) { g_enabled.store(enabled, std::memory_order_relaxed); }

}  // namespace landbridge::sim::detail
