#include "support/LogoutReceiver.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include <condition_variable>
#include <mutex>

#include "web/oidc/FormBody.h"

namespace tessera::test {

struct LogoutReceiver::State {
    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    std::vector<ReceivedLogout> received;
    int status = 200;
    int failuresLeft = 0;
    int failureStatus = 500;
    bool hanging = false;
    bool closing = false;
};

namespace {

class Handler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(std::shared_ptr<LogoutReceiver::State> state) : state_(std::move(state)) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        ReceivedLogout seen;
        seen.method = request.getMethod();
        seen.path = request.getURI();
        seen.contentType = request.getContentType();
        Poco::StreamCopier::copyToString(request.stream(), seen.body);
        if (auto form = web::oidc::FormBody::parseText(seen.body))
            seen.logoutToken = form->get("logout_token").value_or(std::string());

        int status = 200;
        {
            std::unique_lock<std::mutex> lock(state_->mutex);
            state_->received.push_back(seen);
            state_->changed.notify_all();
            state_->changed.wait_for(lock, std::chrono::seconds(30),
                                     [&] { return !state_->hanging || state_->closing; });
            if (state_->failuresLeft > 0) {
                --state_->failuresLeft;
                status = state_->failureStatus;
            } else {
                status = state_->status;
            }
        }
        response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
        response.setContentLength(0);
        response.send();
    }

private:
    std::shared_ptr<LogoutReceiver::State> state_;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(std::shared_ptr<LogoutReceiver::State> state) : state_(std::move(state)) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(state_);
    }

private:
    std::shared_ptr<LogoutReceiver::State> state_;
};

}  // namespace

LogoutReceiver::LogoutReceiver() : state_(std::make_shared<State>()) {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(8);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(state_), socket, params);
    server_->start();
}

LogoutReceiver::~LogoutReceiver() {
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->closing = true;
    }
    state_->changed.notify_all();
    server_->stopAll(true);
}

std::string LogoutReceiver::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(server_->port()) + path;
}

void LogoutReceiver::answer(int status) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->status = status;
}

void LogoutReceiver::failNext(int count, int status) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->failuresLeft = count;
    state_->failureStatus = status;
}

void LogoutReceiver::hang() {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->hanging = true;
}

void LogoutReceiver::release() {
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->hanging = false;
    }
    state_->changed.notify_all();
}

std::vector<ReceivedLogout> LogoutReceiver::received() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->received;
}

std::size_t LogoutReceiver::count() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->received.size();
}

bool LogoutReceiver::waitFor(std::size_t n, std::chrono::milliseconds timeout) const {
    std::unique_lock<std::mutex> lock(state_->mutex);
    return state_->changed.wait_for(lock, timeout, [&] { return state_->received.size() >= n; });
}

}  // namespace tessera::test
