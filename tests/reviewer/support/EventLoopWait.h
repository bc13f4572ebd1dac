#pragma once
// Waiting in a test while Qt's event loop runs: network replies, QProcess output and the relay
// only make progress while events are processed.
#include <functional>

namespace tessera::reviewer::test {

// Processes events until `done()` is true or `timeoutMs` has passed; whether `done()` became true.
bool waitFor(const std::function<bool()>& done, int timeoutMs = 20'000);

// Processes events for `ms` milliseconds.
void processEventsFor(int ms);

}  // namespace tessera::reviewer::test
