// A pool of database connections shared by threads: a call borrows one for a transaction and
// gives it back; connections are opened on demand up to a limit, beyond which callers wait.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace landbridge::service::sql {

template <class Conn>
class Pool {
 public:
  using Opener = std::function<std::unique_ptr<Conn>()>;
  Pool(Opener open, std::size_t limit) : open_(std::move(open)), limit_(limit) {}

  // A borrowed connection; returns to the pool unless discard() was called (a broken one).
  class Lease {
   public:
    Lease(Pool& pool, std::unique_ptr<Conn> conn) : pool_(&pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = delete;
    ~Lease() { pool_->give_back(std::move(conn_)); }
    Conn& operator*() { return *conn_; }
    Conn* operator->() { return conn_.get(); }
    void discard() { conn_.reset(); }

   private:
    Pool* pool_;
    std::unique_ptr<Conn> conn_;
  };

  std::unique_ptr<Conn> take() {
    std::unique_lock lock(mu_);
    free_.wait(lock, [&] { return !idle_.empty() || open_count_ < limit_; });
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return conn;
    }
    ++open_count_;
    lock.unlock();
    try {
      return open_();
    } catch (...) {
      lock.lock();
      --open_count_;
      free_.notify_one();
      throw;
    }
  }

 private:
  void give_back(std::unique_ptr<Conn> conn) {
    std::lock_guard lock(mu_);
    if (conn)
      idle_.push_back(std::move(conn));
    else
      --open_count_;
    free_.notify_one();
  }

  Opener open_;
  std::size_t limit_;
  std::mutex mu_;
  std::condition_variable free_;
  std::vector<std::unique_ptr<Conn>> idle_;
  std::size_t open_count_ = 0;
};

}  // namespace landbridge::service::sql
