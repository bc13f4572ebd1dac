#pragma once
// A service's back-channel logout endpoint for tests: a real HTTP server on 127.0.0.1 (port
// chosen by the system) that records every request (method, path, content type, body and the
// logout_token field) and answers with the status the test chooses — or fails the first few,
// or hangs until released (to show that nobody waits for it).
#include <Poco/Net/HTTPServer.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace tessera::test {

struct ReceivedLogout {
    std::string method;
    std::string path;
    std::string contentType;
    std::string body;
    std::string logoutToken;  // the logout_token form field, or ""
};

class LogoutReceiver {
public:
    LogoutReceiver();
    ~LogoutReceiver();  // releases hanging requests first
    LogoutReceiver(const LogoutReceiver&) = delete;
    LogoutReceiver& operator=(const LogoutReceiver&) = delete;

    // http://127.0.0.1:PORT<path>
    std::string url(const std::string& path = "/backchannel-logout") const;
    // Every request from now on answers `status`.
    void answer(int status);
    // The next `count` requests answer `status`, the ones after them 200.
    void failNext(int count, int status = 500);
    // Requests wait without answering until release() (or the receiver is destroyed).
    void hang();
    void release();

    // Requests seen so far (including hanging ones), oldest first.
    std::vector<ReceivedLogout> received() const;
    std::size_t count() const;
    // Waits (real time) until at least `n` requests have arrived.
    bool waitFor(std::size_t n, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

    struct State;  // shared with the request handlers

private:
    std::shared_ptr<State> state_;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace tessera::test
