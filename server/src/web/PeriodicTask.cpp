#include "web/PeriodicTask.h"

#include <Poco/Logger.h>

#include <chrono>
#include <exception>

namespace tessera::web {

PeriodicTask::PeriodicTask(std::string name, int intervalSeconds, std::function<void()> work)
    : name_(std::move(name)), intervalSeconds_(intervalSeconds), work_(std::move(work)) {}

PeriodicTask::~PeriodicTask() { stop(); }

void PeriodicTask::start() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { loop(); });
}

void PeriodicTask::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void PeriodicTask::loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            work_();
        } catch (const std::exception& e) {
            // The next run tries again; one failure must not end the housekeeping for good.
            Poco::Logger::get("tessera.housekeeping").error(name_ + " failed: " + e.what());
        }
        lock.lock();
        wake_.wait_for(lock, std::chrono::seconds(intervalSeconds_), [this] { return stopping_; });
    }
}

}  // namespace tessera::web
