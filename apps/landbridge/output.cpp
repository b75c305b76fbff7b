#include "output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "cli.h"

namespace landbridge::cli {
namespace {

int stdout_errno = 0;  // first failure writing standard output (0: none)
bool stderr_failed = false;
bool quiet_mode = false;
std::string held;  // what print_err kept back in quiet mode (its last kHeldMax bytes)
constexpr std::size_t kHeldMax = 4096;

std::string describe(const std::string& path, int err) {
  return "could not write " + path + ": " + std::strerror(err != 0 ? err : EIO);
}

}  // namespace

OutputError::OutputError(std::string path, int err)
    : std::runtime_error(describe(path, err)), path_(std::move(path)), errno_(err) {}

void print_out(std::string_view text) {
  if (text.empty() || quiet_mode) return;
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() && stdout_errno == 0)
    stdout_errno = errno != 0 ? errno : EIO;
}

void print_err(std::string_view text) noexcept {
  if (text.empty()) return;
  if (quiet_mode) {
    try {
      held.append(text);
      if (held.size() > kHeldMax) held.erase(0, held.size() - kHeldMax);
    } catch (...) {  // out of memory: nothing kept
    }
    return;
  }
  if (std::fwrite(text.data(), 1, text.size(), stderr) != text.size()) stderr_failed = true;
}

void write_output(const std::string& path, std::string_view text) {
  if (quiet_mode) return;
  if (path.empty() || path == "-") {
    print_out(text);
    return;
  }
  errno = 0;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) throw OutputError(path, errno);
  const bool wrote = std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0;
  const int err = errno;
  const bool closed = std::fclose(f) == 0;
  if (!wrote) throw OutputError(path, err);
  if (!closed) throw OutputError(path, errno);
}

std::string progress_bar(std::size_t done, std::size_t total) {
  const std::size_t width = 30, filled = total > 0 ? done * width / total : width;
  return "[" + std::string(filled, '#') + std::string(width - filled, ' ') + "] " + std::to_string(done) + "/" +
         std::to_string(total);
}

void set_quiet(bool quiet) noexcept { quiet_mode = quiet; }

bool quiet() noexcept { return quiet_mode; }

std::string held_back() { return held; }

int finish_output(int code) noexcept {
  // std::cout shares the C stream (sync_with_stdio), so its failures show here too.
  std::cout.flush();
  errno = 0;
  if (std::fflush(stdout) != 0 && stdout_errno == 0) stdout_errno = errno != 0 ? errno : EIO;
  if ((std::ferror(stdout) != 0 || !std::cout.good()) && stdout_errno == 0) stdout_errno = EIO;
  if (std::fflush(stderr) != 0 || std::ferror(stderr) != 0) stderr_failed = true;
  if (stdout_errno != 0) {
    const char* parts[] = {"error: could not write standard output: ", std::strerror(stdout_errno), "\n"};
    for (const char* part : parts)
      if (std::fputs(part, stderr) == EOF) stderr_failed = true;
    if (code == kOk) code = kOutput;
  }
  if (stderr_failed && code == kOk) code = kOutput;
  return code;
}

}  // namespace landbridge::cli
