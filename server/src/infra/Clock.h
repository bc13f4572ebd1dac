#pragma once
// The one clock. Everything that needs "now" takes a Clock&, so tests control time.
#include <atomic>
#include <chrono>
#include <cstdint>

namespace tessera::infra {

class Clock {
public:
    virtual ~Clock() = default;
    // Seconds since the Unix epoch (UTC).
    virtual std::int64_t now() const = 0;
    // Milliseconds since the Unix epoch, for finer timings (throttling, logs).
    virtual std::int64_t nowMillis() const { return now() * 1000; }
};

class SystemClock final : public Clock {
public:
    std::int64_t now() const override;
    std::int64_t nowMillis() const override;
};

// A clock tests move by hand.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t start = 1'800'000'000) : ms_(start * 1000) {}
    std::int64_t now() const override { return ms_.load() / 1000; }
    std::int64_t nowMillis() const override { return ms_.load(); }
    void set(std::int64_t seconds) { ms_ = seconds * 1000; }
    void advance(std::int64_t seconds) { ms_ += seconds * 1000; }
    void advanceMillis(std::int64_t ms) { ms_ += ms; }

private:
    std::atomic<std::int64_t> ms_;
};

}  // namespace tessera::infra
