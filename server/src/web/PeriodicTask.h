#pragma once
// Runs a piece of housekeeping every `intervalSeconds` on a thread of its own, from start()
// until stop(); stop() wakes it at once and waits for a run in progress to finish. The work
// itself must be safe to run from several server processes at once (state is in the database).
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace tessera::web {

class PeriodicTask {
public:
    PeriodicTask(std::string name, int intervalSeconds, std::function<void()> work);
    ~PeriodicTask();
    PeriodicTask(const PeriodicTask&) = delete;
    PeriodicTask& operator=(const PeriodicTask&) = delete;

    void start();
    void stop();

private:
    void loop();

    std::string name_;
    int intervalSeconds_;
    std::function<void()> work_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace tessera::web
